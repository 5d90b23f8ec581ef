"""Embed the coverage detector's baseline talk with the bundled model into interviewer/coverage/baseline.npz.

Run after editing interviewer/coverage/background.txt or interview_talk.txt (a test checks the file is current):

    PYTHONPATH=$PWD .venv/bin/python scripts/build_coverage_baseline.py
"""

from __future__ import annotations

from interviewer.coverage.baseline import EMBEDDED, encode_baseline, save_baseline
from interviewer.coverage.encoder import shared_encoder


def main() -> None:
    baseline = encode_baseline(shared_encoder())
    save_baseline(baseline)
    print(f"{len(baseline.talk)} sentences embedded into {EMBEDDED}")


if __name__ == "__main__":
    main()
