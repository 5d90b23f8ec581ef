"""Provides spoken interview excerpts for tests and benchmarks: written turns ("Interviewer: ...", "Participant:
...") said by espeak-ng, one voice per role, into a WAV file."""

from __future__ import annotations

import difflib
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

import numpy as np
import soundfile

VOICES = {"interviewer": ("en-gb-x-rp", 160), "participant": ("en-us+f3", 155)}
"""espeak-ng voice and words per minute for each role."""
GAP_SECONDS = 0.8
TURN = re.compile(r"^(interviewer|participant)\s*:\s*", re.IGNORECASE)
LABEL = re.compile(TURN.pattern, re.IGNORECASE | re.MULTILINE)
WORD = re.compile(r"[\w'’]+")


def turns(text: str) -> list[tuple[str, str]]:
    """(role, words) for each turn of an excerpt; a line with no role label continues the turn before it."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = TURN.match(line)
        if match:
            found.append((match.group(1).lower(), line[match.end():].strip()))
        elif found:
            found[-1] = (found[-1][0], f"{found[-1][1]} {line.strip()}")
        else:
            found.append(("participant", line.strip()))
    return found


def as_said(words: str) -> str:
    """Words as a person says them: codes, phone numbers and postcodes digit by digit (espeak-ng would read
    '07700 900418' as quantities, 'seven thousand seven hundred'); years and short numbers as written."""
    def said(match: re.Match) -> str:
        digits = match.group()
        if len(digits) < 4 or (len(digits) == 4 and digits[:2] in ("19", "20")):
            return digits
        return " ".join(digits)

    return re.sub(r"(?<![\d,.])\d+(?![\d,.]\d)", said, words.replace("[", " ").replace("]", " "))


def _spoken_turns(text: str) -> Iterator[tuple[str, np.ndarray, int]]:
    """(role, audio, sample rate) of each turn of an excerpt said by espeak-ng in its role's voice."""
    with tempfile.TemporaryDirectory() as folder:
        for k, (role, words) in enumerate(turns(text)):
            voice, speed = VOICES.get(role, VOICES["participant"])
            wav = Path(folder) / f"{k}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), as_said(words)], check=True,
                           capture_output=True)
            audio, rate = soundfile.read(wav, dtype="float32")
            yield role, audio, rate


def speak(text: str, out: Path) -> float:
    """Write the excerpt spoken, a voice per role, as a 16-bit WAV; returns its length in seconds."""
    pieces, rate = [], None
    for _, audio, rate in _spoken_turns(text):
        pieces += [audio, np.zeros(int(GAP_SECONDS * rate), np.float32)]
    audio = np.concatenate(pieces)
    soundfile.write(out, audio, rate, subtype="PCM_16")
    return len(audio) / rate


def speak_sides(text: str, folder: Path) -> tuple[Path, Path, float]:
    """The excerpt spoken as a call: the interviewer's turns on one track, the participant's on another (silence
    where the other side speaks), written as 16-bit WAVs in `folder`; their paths and length in seconds."""
    pieces: tuple[list, list] = ([], [])
    rate = None
    for role, audio, rate in _spoken_turns(text):
        side = 0 if role == "interviewer" else 1
        gap = np.zeros(int(GAP_SECONDS * rate), np.float32)
        pieces[side].extend([audio, gap])
        pieces[1 - side].extend([np.zeros(len(audio), np.float32), gap])
    paths = (folder / "interviewer.wav", folder / "participant.wav")
    for path, side in zip(paths, pieces):
        soundfile.write(path, np.concatenate(side), rate, subtype="PCM_16")
    return paths[0], paths[1], sum(len(piece) for piece in pieces[0]) / rate


LONG_GAP = 10
"""Written words in a row missing from the transcript that count as a skipped passage, not misheard words."""


def written_words(text: str) -> list[re.Match]:
    """The words of a written excerpt, without the role labels that open its turns."""
    labels = [m.span() for m in LABEL.finditer(text)]
    return [w for w in WORD.finditer(text) if not any(start <= w.start() < end for start, end in labels)]


def skipped_words(written: str, heard: str) -> int:
    """Written words (role labels aside) in passages of LONG_GAP or more that the transcript leaves out."""
    said = [w.group().lower() for w in written_words(written)]
    got = [w.lower() for w in WORD.findall(heard)]
    matcher = difflib.SequenceMatcher(None, said, got, autojunk=False)
    return sum(gap for op, a0, a1, b0, b1 in matcher.get_opcodes()
               if op in ("delete", "replace") and (gap := (a1 - a0) - (b1 - b0)) >= LONG_GAP)
