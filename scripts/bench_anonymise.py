"""Provides the anonymiser speed benchmark: words per second on a 10,000-word transcript, ours beside
Presidio's out-of-box analyzer, measured in the same run (engines loaded and warmed before timing).

Example:
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --words 10000
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --lower-case
    .venv/bin/python scripts/bench_anonymise.py --fresh --repeats 5

With --fresh, every timed run reads a transcript it has not seen (the corpus's excerpts in another order), as an
interview's own transcript is: what is cached per text (term-index regexes, spaCy's vocabulary of the text) then
counts, where repeating one transcript hides it.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def build_transcript(corpus: Path, words: int, order: int = 0) -> str:
    """Excerpts of the corpus joined up to `words` words; `order` 0 takes them as they come, others in another order."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if order:
        random.Random(order).shuffle(texts)
    parts, count, i = [], 0, 0
    while count < words:
        parts.append(texts[i % len(texts)])
        count += len(texts[i % len(texts)].split())
        i += 1
    return "\n".join(parts)


def timed(run, texts: list[str], words: int) -> float:
    """Seconds for `words` words at the fastest of one run per text (the texts' lengths differ a little)."""
    best = float("inf")
    for text in texts:
        started = time.perf_counter()
        run(text)
        best = min(best, (time.perf_counter() - started) / len(text.split()))
    return best * words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SOURCE_ROOT.parent / "shared" / "eval" / "anon" / "dev.jsonl")
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--fresh", action="store_true",
                        help="Give every timed run a transcript not seen before (the excerpts in another order).")
    parser.add_argument("--lower-case", action="store_true",
                        help="Lower-case the transcript, as Whisper sometimes writes: our side then also runs the second model.")
    args = parser.parse_args()

    from interviewer.anonymise.anonymiser import Anonymiser
    from interviewer.anonymise.baseline import baseline_analyzer

    def transcripts(run: int) -> list[str]:
        orders = [run * args.repeats + k + 1 for k in range(args.repeats)] if args.fresh else [0] * args.repeats
        made = [build_transcript(args.corpus, args.words, order) for order in orders]
        return [t.lower() for t in made] if args.lower_case else made

    text = transcripts(0)[0]
    n_words = len(text.split())
    ours = Anonymiser()
    baseline = baseline_analyzer()
    ours.detect(text[:2000])
    baseline.analyze(text=text[:2000], language="en")
    ours_seconds = timed(ours.detect, transcripts(1), n_words)
    with_suggestions_seconds = timed(ours.analyse, transcripts(2), n_words)
    baseline_seconds = timed(lambda t: baseline.analyze(text=t, language="en"), transcripts(3), n_words)
    print(f"transcript: {n_words} words, {len(text)} characters{'; a fresh one for every run' if args.fresh else ''}")
    print(f"ours:              {n_words / ours_seconds:8.0f} words/s ({ours_seconds:.2f} s)")
    print(f"ours + suggestions: {n_words / with_suggestions_seconds:7.0f} words/s ({with_suggestions_seconds:.2f} s)"
          " (what anonymising an interview runs)")
    print(f"presidio (out-of-box): {n_words / baseline_seconds:8.0f} words/s ({baseline_seconds:.2f} s)")
    print(f"speed-up: {baseline_seconds / ours_seconds:.1f}x; with suggestions {baseline_seconds / with_suggestions_seconds:.1f}x")


if __name__ == "__main__":
    main()
