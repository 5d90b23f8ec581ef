"""Provides long stretches of real speech for the benchmarks, built from ../shared/eval/speech."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import numpy as np
import soundfile

REPO = Path(__file__).resolve().parents[1]
SPEECH = Path(os.environ.get("INTERVIEWER_SHARED", REPO.parent / "shared")) / "eval" / "speech"
SAMPLE_RATE = 16000


def speech_chunks(minutes: float, pause_seconds: float = 1.0, chunk: int = 1600) -> Iterator[np.ndarray]:
    """Chunks of 16 kHz speech with pauses between recordings, cycling through them, never held whole."""
    from faster_whisper import decode_audio

    recordings = [decode_audio(str(p)) for p in sorted(SPEECH.rglob("*")) if p.suffix in (".wav", ".flac")]
    if not recordings:
        raise SystemExit(f"No speech recordings in {SPEECH}; set INTERVIEWER_SHARED to the shared folder.")
    pause = np.zeros(int(pause_seconds * SAMPLE_RATE), dtype=np.float32)
    remaining = int(minutes * 60 * SAMPLE_RATE)
    while remaining > 0:
        for recording in recordings:
            for piece in (recording, pause):
                for start in range(0, len(piece), chunk):
                    block = piece[start:start + chunk][:remaining]
                    remaining -= len(block)
                    yield block
                    if remaining <= 0:
                        return


def write_speech(path: Path, minutes: float, pause_seconds: float = 1.0) -> float:
    """Write `minutes` of speech to a 16-bit WAV, streamed; returns its length in seconds."""
    with soundfile.SoundFile(path, "w", samplerate=SAMPLE_RATE, channels=1, subtype="PCM_16") as out:
        for block in speech_chunks(minutes, pause_seconds, chunk=SAMPLE_RATE * 30):
            out.write(block)
    return minutes * 60


def referenced_recordings() -> list[tuple[Path, str]]:
    """The shared recordings that have a word-level reference transcript, with that reference."""
    found = [(SPEECH / "jfk.flac", (SPEECH / "jfk.txt").read_text().strip())]
    stm = [line.split(maxsplit=5)[5] for line in (SPEECH / "phone-call.stm").read_text().splitlines()
           if line.strip() and not line.startswith(";;") and len(line.split(maxsplit=5)) == 6]
    found.append((SPEECH / "phone-call.wav", " ".join(stm)))
    for line in (SPEECH / "harvard" / "references.tsv").read_text().splitlines():
        name, _, text = line.partition("\t")
        if name.strip():
            found.append((SPEECH / "harvard" / f"{name.strip()}.wav", text.strip()))
    return found


def write_referenced_speech(path: Path, minutes: float, pause_seconds: float = 0.5) -> tuple[float, str]:
    """Write at least `minutes` of whole referenced recordings (cycled, pauses between) to a 16-bit WAV.

    Returns its length in seconds and the reference transcript of everything in it, so a word error rate
    can be measured on a long file.
    """
    from faster_whisper import decode_audio

    pieces = [(decode_audio(str(p)), text) for p, text in referenced_recordings()]
    pause = np.zeros(int(pause_seconds * SAMPLE_RATE), dtype=np.float32)
    written, references = 0, []
    with soundfile.SoundFile(path, "w", samplerate=SAMPLE_RATE, channels=1, subtype="PCM_16") as out:
        while written < minutes * 60 * SAMPLE_RATE:
            for audio, text in pieces:
                out.write(audio)
                out.write(pause)
                written += len(audio) + len(pause)
                references.append(text)
                if written >= minutes * 60 * SAMPLE_RATE:
                    break
    return written / SAMPLE_RATE, " ".join(references)


def referenced_speech() -> list[tuple[str, np.ndarray, str]]:
    """The shared recordings that have a word reference: (name, 16 kHz mono audio, reference text)."""
    from faster_whisper import decode_audio

    items = [("jfk", decode_audio(str(SPEECH / "jfk.flac")), (SPEECH / "jfk.txt").read_text().strip())]
    stm = [line.split(maxsplit=5)[5] for line in (SPEECH / "phone-call.stm").read_text().splitlines()
           if line.strip() and not line.startswith(";;") and len(line.split(maxsplit=5)) == 6]
    # The call's references start at 6.7 s; what comes before is a dial tone and silence, kept as it is.
    items.append(("phone-call", decode_audio(str(SPEECH / "phone-call.wav")), " ".join(stm)))
    for line in (SPEECH / "harvard" / "references.tsv").read_text().splitlines():
        name, _, text = line.partition("\t")
        if name.strip():
            items.append((name.strip(), decode_audio(str(SPEECH / "harvard" / f"{name.strip()}.wav")), text.strip()))
    return items


def interview_with_pauses(minutes: float | None = None, pauses: tuple[float, ...] = (3.0, 1.5, 4.0, 2.5)
                          ) -> Iterator[tuple[np.ndarray, str]]:
    """(audio, reference) blocks of speech with pauses between, as an interview has: each recording with a
    reference (a speech, a phone call, read sentences), then a pause (cycling through `pauses`), round and
    round until `minutes` (None: once through). A pause's block has an empty reference."""
    items = referenced_speech()
    remaining = None if minutes is None else int(minutes * 60 * SAMPLE_RATE)
    turn = 0
    while True:
        for _name, audio, reference in items:
            pause = np.zeros(int(pauses[turn % len(pauses)] * SAMPLE_RATE), dtype=np.float32)
            turn += 1
            for block, text in ((audio, reference), (pause, "")):
                if remaining is not None:
                    if remaining <= 0:
                        return
                    if len(block) > remaining:  # stop at a pause, never in the middle of a recording
                        block, text = np.zeros(remaining, dtype=np.float32), ""
                    remaining -= len(block)
                yield block, text
        if remaining is None:
            return


def write_interview(path: Path, minutes: float | None = None) -> tuple[float, str]:
    """Write `interview_with_pauses` to a 16-bit mono WAV, streamed; returns its length and its reference."""
    references = []
    seconds = 0.0
    with soundfile.SoundFile(path, "w", samplerate=SAMPLE_RATE, channels=1, subtype="PCM_16") as out:
        for block, text in interview_with_pauses(minutes):
            out.write(block)
            seconds += len(block) / SAMPLE_RATE
            if text:
                references.append(text)
    return seconds, " ".join(references)


def normalise_words(text: str) -> list[str]:
    """Lower case, no punctuation: the words word error rates are computed on."""
    import re

    text = re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " "))
    return text.replace("'", "").split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    import jiwer

    return jiwer.wer(" ".join(normalise_words(reference)), " ".join(normalise_words(hypothesis)))


def tripled_sequences(reference: str, hypothesis: str, longest: int = 8) -> set[str]:
    """Word sequences (1 to `longest` words) said three times running in the hypothesis but not in the reference."""

    def tripled(words: list[str]) -> set[str]:
        found = set()
        for size in range(1, longest + 1):
            for start in range(len(words) - 3 * size + 1):
                if words[start:start + size] == words[start + size:start + 2 * size] == \
                        words[start + 2 * size:start + 3 * size]:
                    found.add(" ".join(words[start:start + size]))
        return found

    return tripled(normalise_words(hypothesis)) - tripled(normalise_words(reference))
