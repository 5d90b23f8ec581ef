"""Provides the anonymiser speed benchmark: words per second on a 10,000-word transcript, ours beside
Presidio's out-of-box analyzer, measured in the same run (engines loaded and warmed before timing).

Example:
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --words 10000
    .venv/bin/python scripts/bench_anonymise.py --corpus ../shared/eval/anon/dev.jsonl --lower-case
    .venv/bin/python scripts/bench_anonymise.py --fresh --repeats 4

With --fresh, every timed run reads a transcript made of excerpts no other run reads (from the development corpora
under tests/data: four repeats of 10,000 words), as each interview's transcript is new: what is cached
per text (the term indexes' regexes, compiled for the words a text holds) then counts, where repeating one transcript
hides it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from pathlib import Path
from typing import Iterator

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def excerpts(corpus: Path) -> list[str]:
    return [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def joined_up_to(texts: Iterator[str], words: int) -> str:
    """The next texts of `texts`, joined, up to `words` words (StopIteration if they run out first)."""
    parts, count = [], 0
    while count < words:
        parts.append(next(texts))
        count += len(parts[-1].split())
    return "\n".join(parts)


def build_transcript(texts: list[str], words: int) -> str:
    """The texts joined, from the first, up to `words` words (round again if they run out)."""
    return joined_up_to(itertools.cycle(texts), words)


def fresh_transcripts(words: int, count: int) -> list[str]:
    """`count` transcripts of about `words` words, no excerpt in two of them: the cased excerpts of the development
    corpora, shuffled (a lower-case one would make a transcript of two kinds)."""
    from interviewer.anonymise.propagation import is_lower_case_text

    pool = [text for corpus in sorted(SOURCE_ROOT.glob("tests/data/anon_dev_*/*.jsonl")) for text in excerpts(corpus)
            if not is_lower_case_text(text)]
    random.Random(15).shuffle(pool)
    remaining = iter(pool)
    try:
        return [joined_up_to(remaining, words) for _ in range(count)]
    except StopIteration:
        raise SystemExit(f"--fresh: the development corpora hold too few words for {count} runs of {words}") from None


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
                        help="Give every timed run a transcript of its own, from the development corpora.")
    parser.add_argument("--lower-case", action="store_true",
                        help="Lower-case the transcript, as Whisper sometimes writes: our side then also runs the second model.")
    args = parser.parse_args()

    from interviewer.anonymise.anonymiser import Anonymiser
    from interviewer.anonymise.baseline import baseline_analyzer

    fresh = fresh_transcripts(args.words, 1 + 2 * args.repeats) if args.fresh else []

    def transcripts(run: int) -> list[str]:
        made = fresh[1 + run * args.repeats:1 + (run + 1) * args.repeats] if args.fresh \
            else [build_transcript(excerpts(args.corpus), args.words)] * args.repeats
        return [t.lower() for t in made] if args.lower_case else made

    text = (fresh[:1] or transcripts(0))[0]
    text = text.lower() if args.lower_case else text
    n_words = len(text.split())
    ours = Anonymiser()
    baseline = baseline_analyzer()
    warm_up = text if args.fresh else text[:2000]  # a whole transcript: some word lists load at their first use
    ours.analyse(warm_up)
    baseline.analyze(text=warm_up, language="en")
    # With --fresh, our two runs read different transcripts (the second would find the first's cache); Presidio,
    # which shares no cache with ours, reads both sets, and each speed-up compares the same transcripts.
    presidio = lambda t: baseline.analyze(text=t, language="en")  # noqa: E731
    ours_seconds = timed(ours.detect, transcripts(0), n_words)
    with_suggestions_seconds = timed(ours.analyse, transcripts(1), n_words)
    baseline_seconds = timed(presidio, transcripts(0), n_words)
    baseline_seconds_too = timed(presidio, transcripts(1), n_words) if args.fresh else baseline_seconds
    print(f"transcript: {n_words} words, {len(text)} characters{'; a fresh one for every run' if args.fresh else ''}")
    print(f"ours:              {n_words / ours_seconds:8.0f} words/s ({ours_seconds:.2f} s)")
    print(f"ours + suggestions: {n_words / with_suggestions_seconds:7.0f} words/s ({with_suggestions_seconds:.2f} s)"
          " (what anonymising an interview runs)")
    print(f"presidio (out-of-box): {n_words / baseline_seconds:8.0f} words/s ({baseline_seconds:.2f} s)")
    print(f"speed-up: {baseline_seconds / ours_seconds:.1f}x; with suggestions {baseline_seconds_too / with_suggestions_seconds:.1f}x")


if __name__ == "__main__":
    main()
