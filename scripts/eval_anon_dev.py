"""Provides a development score of the anonymiser on the development corpora, cased, lower-cased (a lower-cased
copy keeps every offset: only letters' case changes) and lower-cased without punctuation, and two of them as
transcribed from speech by the pipeline, in one process, for tuning without touching blind corpora.

Example:
    PYTHONPATH=$PWD .venv/bin/python scripts/eval_anon_dev.py --show-misses
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
DEV_CORPORA = [
    Path("/work/shared/eval/anon/dev.jsonl") if not (SOURCE_ROOT.parent / "shared").is_dir()
    else SOURCE_ROOT.parent / "shared" / "eval" / "anon" / "dev.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world" / "cased.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world2" / "all.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world3" / "all.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_numbers" / "all.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_orgs2" / "all.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world4" / "world4.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower4" / "lower4.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world5" / "world5.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower5" / "lower5.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world6" / "world6.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower6" / "lower6d.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower7" / "lower7d.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world7" / "world7.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world8" / "world8.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower8" / "lower8d.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world9" / "world9.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower9" / "lower9d.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_phone10" / "phone10.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_whisper10" / "whisper10.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_focus11" / "focus11.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_world11" / "world11.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower12" / "lower12.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_lower13" / "lower13.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_traps13" / "traps13.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_orgs21" / "orgs21" / "orgs21.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_orgs21" / "lowerorgs21" / "lowerorgs21.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_when22" / "when22" / "when22.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev_when22" / "lowerwhen22" / "lowerwhen22.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev27" / "orgplaces27" / "orgplaces27.jsonl",
    SOURCE_ROOT / "tests" / "data" / "anon_dev27" / "lowerorgplaces27" / "lowerorgplaces27.jsonl",
]
TRANSCRIBED_CORPORA = [SOURCE_ROOT / "tests" / "data" / "anon_dev_speech" / f"{name}.jsonl"
                       for name in ("world4_tiny_en", "lower4_tiny_en", "world5_tiny_en", "world5_tiny_en_interview",
                                    "world11_tiny_en_interview")]
"""Development corpora spoken and transcribed by the pipeline (scripts/anon_speech_corpus.py): scored as they are.
world5 went both ways: imported and transcribed, and recorded through the interview screen (`--through interview`);
world11 went through the interview screen."""
STRUCTURED_TYPES = ("AGE", "DATE", "POSTCODE", "PHONE", "URL", "EMAIL", "NHS_NUMBER")


def lower_cased(text: str) -> str:
    """`text` in lower case, letter by letter, so every offset stays (a letter whose lower case is longer stays)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def as_speech(document):
    """The document as Whisper sometimes writes it: lower case, without commas, full stops or question marks (spans
    and traps moved with the text)."""
    from interviewer.anonymise.evaluate import Document

    kept, offsets = [], []
    for i, ch in enumerate(document.text):
        offsets.append(len(kept))
        if ch in ',.?!;:"“”' and not (ch in ".:" and document.text[i + 1:i + 2].isalnum()):
            continue
        kept.append(ch.lower() if len(ch.lower()) == 1 else ch)
    offsets.append(len(kept))
    moved = lambda spans: [{**s, "start": offsets[s["start"]], "end": offsets[s["end"]]} for s in spans]  # noqa: E731
    return Document(document.id, "".join(kept), moved(document.spans), moved(document.traps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEV_CORPORA)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--only", choices=["cased", "lower", "speech", "transcribed"],
                        help="Score only the cased copies, the lower-cased ones, lower-cased ones without punctuation, "
                             "or the corpora spoken and transcribed (tests/data/anon_dev_speech).")
    parser.add_argument("--per-type", action="store_true",
                        help="Also print found/total per structured type (ages, dates, codes, numbers, addresses) for each casing.")
    parser.add_argument("--no-second-model", action="store_true", help="Score without the second model (Rampart).")
    args = parser.parse_args()

    from interviewer.anonymise.anonymiser import Anonymiser
    from interviewer.anonymise.evaluate import load_corpus, score_documents

    anonymiser = Anonymiser(second_model=not args.no_second_model)
    rows = []
    for casing in ("cased", "lower", "speech", "transcribed"):
        if args.only and args.only != casing:
            continue
        for corpus in (TRANSCRIBED_CORPORA if casing == "transcribed" else args.corpora):
            documents = load_corpus(corpus)
            if casing == "lower":
                documents = [replace(d, text=lower_cased(d.text)) for d in documents]
            elif casing == "speech":
                documents = [as_speech(d) for d in documents]
            started = time.perf_counter()
            score, _ = score_documents(documents, lambda t: [{"start": d.start, "end": d.end, "entity_type": d.entity_type}
                                                               for d in anonymiser.detect(t)])
            seconds = time.perf_counter() - started
            name = f"{corpus.parent.name}/{corpus.name} ({casing})"
            rows.append((name, score, seconds, casing))
            if args.show_misses:
                for document_id, kind, text in score.missed:
                    print(f"{casing} missed {document_id} {kind}: {text!r}")
                for document_id, text in score.redacted_traps:
                    print(f"{casing} trap redacted {document_id}: {text!r}")
    print(f"{'corpus':<40}{'direct':>8}{'traps':>8}{'PER lbl':>8}{'LOC lbl':>8}{'ORG lbl':>8}{'ORG rec':>8}{'seconds':>9}")
    for name, score, seconds, _ in rows:
        labels = "".join(f"{score.label_precision(kind):>8.3f}" for kind in ("PERSON", "LOCATION", "ORGANIZATION"))
        org = f"{score.found.get('ORGANIZATION', 0)}/{score.total.get('ORGANIZATION', 0)}"
        print(f"{name:<40}{score.direct_recall:>8.3f}{score.trap_rate:>8.3f}{labels}{org:>8}{seconds:>9.1f}"
              f"   ({score.traps_redacted}/{score.traps_total} traps)")
    if args.per_type:
        print_per_type(rows)


def print_per_type(rows) -> None:
    """Found/total per structured type, summed over the corpora of each casing."""
    print(f"{'casing':<10}" + "".join(f"{t:>13}" for t in STRUCTURED_TYPES) + f"{'traps':>11}")
    for casing in ("cased", "lower", "speech"):
        scores = [score for _, score, _, c in rows if c == casing]
        if not scores:
            continue
        cells = []
        for kind in STRUCTURED_TYPES:
            found, total = sum(s.found.get(kind, 0) for s in scores), sum(s.total.get(kind, 0) for s in scores)
            cells.append(f"{found}/{total} {found / total if total else float('nan'):.2f}".rjust(13))
        traps = f"{sum(s.traps_redacted for s in scores)}/{sum(s.traps_total for s in scores)}"
        print(f"{casing:<10}" + "".join(cells) + f"{traps:>11}")


if __name__ == "__main__":
    main()
