#!/usr/bin/env python3
"""Benchmark: peak memory and time of `transcribe --all` on one long recording (default two hours).

Writes a --minutes WAV built from the real speech in ../shared/eval/speech (streamed to disk, never held
whole), imports it into a scratch study and runs the study's transcription queue on it in this process,
with or without speaker attribution. Prints the time, the real-time factor and the peak resident memory
(target <= 1.5 GB for a two-hour file).

    .venv/bin/python scripts/bench_long.py --minutes 120 --speakers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from speech_source import write_speech

os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "benchmark passphrase")  # studies are encrypted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=120.0)
    parser.add_argument("--speakers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = tmp
        from interviewer.pipeline import import_recording, transcribe_interview
        from interviewer.store import Study

        path = Path(tmp) / "long.wav"
        seconds = write_speech(path, args.minutes)
        study = Study.create("bench-long")
        study.add_participant("L-01")
        imported = import_recording(study, path, "L-01")
        path.unlink()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        count = transcribe_interview(study, imported.interview.id, speakers=args.speakers)
        took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"audio: {seconds / 60:.0f} min; speakers: {args.speakers}; {count} segments")
        print(f"transcribed in {took:.0f} s (real-time factor {took / seconds:.3f})")
        print(f"peak RSS: {peak:.0f} MB (before transcription: {before:.0f} MB; target <= 1536 MB)")


if __name__ == "__main__":
    main()
