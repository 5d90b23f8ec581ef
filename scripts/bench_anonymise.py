"""Provides the anonymiser speed benchmark: words per second on a 10,000-word transcript, ours beside
Presidio's out-of-box analyzer, measured in the same run (engines loaded and warmed before timing).

Example:
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --words 10000
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --lower-case
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def build_transcript(corpus: Path, words: int) -> str:
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts, count, i = [], 0, 0
    while count < words:
        parts.append(texts[i % len(texts)])
        count += len(texts[i % len(texts)].split())
        i += 1
    return "\n".join(parts)


def timed(run, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SOURCE_ROOT.parent / "shared" / "eval" / "anon" / "dev.jsonl")
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--lower-case", action="store_true",
                        help="Lower-case the transcript, as Whisper sometimes writes: our side then also runs the second model.")
    args = parser.parse_args()

    from interviewer.anonymise.anonymiser import Anonymiser
    from interviewer.anonymise.baseline import baseline_analyzer

    text = build_transcript(args.corpus, args.words)
    if args.lower_case:
        text = text.lower()
    n_words = len(text.split())
    ours = Anonymiser()
    baseline = baseline_analyzer()
    ours.detect(text[:2000])
    baseline.analyze(text=text[:2000], language="en")
    ours_seconds = timed(ours.detect, text, args.repeats)
    with_suggestions_seconds = timed(ours.analyse, text, args.repeats)
    baseline_seconds = timed(lambda t: baseline.analyze(text=t, language="en"), text, args.repeats)
    print(f"transcript: {n_words} words, {len(text)} characters")
    print(f"ours:              {n_words / ours_seconds:8.0f} words/s ({ours_seconds:.2f} s)")
    print(f"ours + suggestions: {n_words / with_suggestions_seconds:7.0f} words/s ({with_suggestions_seconds:.2f} s)"
          " (what anonymising an interview runs)")
    print(f"presidio (out-of-box): {n_words / baseline_seconds:8.0f} words/s ({baseline_seconds:.2f} s)")
    print(f"speed-up: {baseline_seconds / ours_seconds:.1f}x; with suggestions {baseline_seconds / with_suggestions_seconds:.1f}x")


if __name__ == "__main__":
    main()
