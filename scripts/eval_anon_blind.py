"""Provides the held-out score of the anonymiser: every blind corpus under tests/data, pooled, in one process, as
aggregate counts only. It never prints a miss or a redacted trap term: a blind corpus whose misses have been read is
no longer blind. Run it once when a corpus arrives and at the end of a session, with the network unplugged.

Example:
    PYTHONPATH=$PWD .venv/bin/python scripts/eval_anon_blind.py --save blind_end.json --compare blind_start.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
BLIND_ROOT = SOURCE_ROOT / "tests" / "data"
PER_TYPE = ("PERSON", "LOCATION", "ORGANIZATION", "PHONE", "NHS_NUMBER", "EMAIL", "POSTCODE", "URL")


def blind_corpora() -> list[Path]:
    """The blind corpora: written ones, and some spoken and transcribed through the interview screen (`*_interview`)."""
    return sorted(BLIND_ROOT.glob("anon_blind*/**/*.jsonl"))


def counts(score) -> dict:
    """The figures of one corpus that pool by adding."""
    return {"found": score.found, "total": score.total, "same_type": score.found_same_type,
            "covered_with_suggestions": score.covered_with_suggestions, "suggestions": score.suggestions,
            "words": score.words, "traps_redacted": score.traps_redacted, "traps_total": score.traps_total}


def pooled(rows: dict[str, dict], names) -> dict:
    """The counts of the corpora `names`, added up."""
    total: dict = {"found": {}, "total": {}, "same_type": {}, "covered_with_suggestions": 0, "suggestions": 0,
                   "words": 0, "traps_redacted": 0, "traps_total": 0}
    for name in names:
        for key, value in rows[name].items():
            if isinstance(value, dict):
                for kind, n in value.items():
                    total[key][kind] = total[key].get(kind, 0) + n
            else:
                total[key] += value
    return total


def figures(c: dict) -> dict[str, float]:
    """Recall, trap rate, coverage with suggestions and their rate; found, same-type and label share per type."""
    from interviewer.anonymise.evaluate import DIRECT_TYPES

    direct = sum(c["total"].get(t, 0) for t in DIRECT_TYPES)
    ratio = lambda a, b: a / b if b else float("nan")  # noqa: E731
    row = {"recall": ratio(sum(c["found"].get(t, 0) for t in DIRECT_TYPES), direct),
           "traps": ratio(c["traps_redacted"], c["traps_total"]),
           "+sugg": ratio(c["covered_with_suggestions"], direct),
           "sug/1000": 1000 * ratio(c["suggestions"], c["words"])}
    for kind in PER_TYPE:
        row[f"{kind[:3]} found"] = ratio(c["found"].get(kind, 0), c["total"].get(kind, 0))
        row[f"{kind[:3]} same"] = ratio(c["same_type"].get(kind, 0), c["total"].get(kind, 0))
    for kind in ("PERSON", "LOCATION", "ORGANIZATION"):
        row[f"{kind[:3]} label"] = ratio(c["same_type"].get(kind, 0), c["found"].get(kind, 0))
    return row


def print_table(rows: dict[str, dict], old: dict[str, dict] | None) -> None:
    """Each corpus's main figures, then every figure pooled by group, beside an earlier run's where given."""
    transcribed = [n for n in rows if n.endswith("_interview")]
    cased = [n for n in rows if "lower" not in n and n not in transcribed]
    lower = [n for n in rows if "lower" in n and n not in transcribed]
    print(f"{'corpus':<34}{'recall':>8}{'traps':>8}{'+sugg':>8}{'sug/1k':>8}")
    for name in rows:
        f = figures(rows[name])
        line = f"{name:<34}{f['recall']:>8.3f}{f['traps']:>8.3f}{f['+sugg']:>8.3f}{f['sug/1000']:>8.1f}"
        if old and name in old:
            g = figures(old[name])
            line += f"   was {g['recall']:.3f} {g['traps']:.3f} {g['+sugg']:.3f}"
        print(line)
    print()
    groups = {f"all {len(rows)}": list(rows), f"{len(cased)} written cased": cased,
              f"{len(lower)} written lower case": lower, f"{len(transcribed)} transcribed": transcribed}
    for label, names in groups.items():
        now = figures(pooled(rows, names))
        print(f"pooled, {label}")
        shared = [n for n in names if old and n in old]
        before = figures(pooled(old, shared)) if shared else None
        for key, value in now.items():
            print(f"  {key:<12}{value:>8.4f}" + (f"   was {before[key]:.4f} (on the {len(shared)} it had)" if before else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="Write the counts of every corpus to this JSON file.")
    parser.add_argument("--compare", type=Path, help="Show the figures of an earlier --save beside these.")
    parser.add_argument("--baseline", action="store_true", help="Score Presidio out of the box instead of ours.")
    args = parser.parse_args()

    from interviewer.anonymise.anonymiser import Anonymiser
    from interviewer.anonymise.evaluate import load_corpus, score_documents

    if args.baseline:
        from interviewer.anonymise.baseline import baseline_spans as predict
        suggest = None
    else:
        anonymiser = Anonymiser()
        analyses: dict = {}

        def analysis(text: str):
            if text not in analyses:
                analyses[text] = anonymiser.analyse(text)
            return analyses[text]

        def predict(text: str) -> list[dict]:
            return [{"start": d.start, "end": d.end, "entity_type": d.entity_type} for d in analysis(text).detections]

        def suggest(text: str) -> list[dict]:
            return [{"start": s.start, "end": s.end} for s in analysis(text).suggestions]

    rows = {}
    for corpus in blind_corpora():
        score, _ = score_documents(load_corpus(corpus), predict, suggest)
        rows[str(corpus.relative_to(BLIND_ROOT).with_suffix(""))] = counts(score)
    old = json.loads(args.compare.read_text()) if args.compare else None
    print_table(rows, old)
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
