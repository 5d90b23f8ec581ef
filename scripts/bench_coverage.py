"""Time the prompt coverage detector as the interview screen uses it: set-up per schedule, work per new sentence.

    PYTHONPATH=$PWD .venv/bin/python scripts/bench_coverage.py --answers tests/data/coverage_dev/wandering.jsonl

Feeds each development answer sentence by sentence to a stream (as live transcription delivers them) and
prints the median and 95th percentile of the time one `add` takes, with the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from interviewer.coverage.baseline import load_baseline
from interviewer.coverage.detector import CoverageDetector, sentences_of
from interviewer.coverage.encoder import shared_encoder
from interviewer.schedule import bundled_schedules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=Path, default=Path("tests/data/coverage_dev/wandering.jsonl"))
    args = parser.parse_args()
    encoder = shared_encoder()
    encoder.encode(["warm up"])
    started = time.perf_counter()
    load_baseline(encoder)
    print(f"talk baseline: {time.perf_counter() - started:.2f} s (cached after the first run)")
    detectors = {}
    for schedule in bundled_schedules():
        started = time.perf_counter()
        detectors[schedule.id] = CoverageDetector(schedule, encoder)
        print(f"detector for {schedule.id}: {time.perf_counter() - started:.2f} s")
    per_sentence = []
    for line in args.answers.read_text(encoding="utf-8").splitlines():
        answer = json.loads(line)
        stream = detectors[answer["schedule"]].stream(answer["item"])
        for sentence in sentences_of(answer["text"]):
            started = time.perf_counter()
            stream.add(sentence)
            per_sentence.append((time.perf_counter() - started) * 1000)
    times = np.array(per_sentence)
    print(f"per new sentence ({len(times)}): median {np.median(times):.1f} ms, p95 {np.percentile(times, 95):.1f} ms,"
          f" max {times.max():.1f} ms; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
