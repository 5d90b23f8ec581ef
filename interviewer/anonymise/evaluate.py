"""Provides scoring of detected spans against a labelled corpus: recall per type and trap terms redacted."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

DIRECT_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "PHONE", "EMAIL", "NHS_NUMBER", "POSTCODE", "URL")
"""Direct identifiers: names, places, organisations, phone, email, NHS number, postcode, web address."""


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    spans: list[dict]
    traps: list[dict]


@dataclass
class Score:
    """Counts for one system on one corpus."""

    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    traps_redacted: int = 0
    traps_total: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    redacted_traps: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, entity_type: str) -> float:
        total = self.total.get(entity_type, 0)
        return self.found.get(entity_type, 0) / total if total else float("nan")

    @property
    def direct_recall(self) -> float:
        total = sum(self.total.get(t, 0) for t in DIRECT_TYPES)
        return sum(self.found.get(t, 0) for t in DIRECT_TYPES) / total if total else float("nan")

    @property
    def trap_rate(self) -> float:
        return self.traps_redacted / self.traps_total if self.traps_total else 0.0


def load_corpus(path: Path) -> list[Document]:
    """Read a JSON Lines corpus: one {"id", "text", "spans": [{start,end,type}], "traps"?} per line."""
    documents = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            documents.append(Document(str(row["id"]), row["text"], list(row.get("spans", [])), list(row.get("traps", []))))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a corpus line ({error}); expected {{\"id\", \"text\", \"spans\"}}") from error
    return documents


def _covered(length: int, spans: Iterable[dict]) -> list[bool]:
    mask = [False] * length
    for span in spans:
        for i in range(max(0, span["start"]), min(length, span["end"])):
            mask[i] = True
    return mask


def score_documents(documents: list[Document], predict: Callable[[str], list[dict]]) -> tuple[Score, dict[str, list[dict]]]:
    """Run `predict` on every text; an identifier counts as removed when all its letters and digits are covered.

    A trap term counts as wrongly redacted when any of its letters or digits is covered.
    """
    score = Score()
    predictions: dict[str, list[dict]] = {}
    for document in documents:
        spans = predict(document.text)
        predictions[document.id] = spans
        mask = _covered(len(document.text), spans)
        for gold in document.spans:
            kind = gold.get("type") or gold.get("entity_type")
            positions = [i for i in range(gold["start"], gold["end"]) if document.text[i].isalnum()]
            score.total[kind] = score.total.get(kind, 0) + 1
            if all(mask[i] for i in positions):
                score.found[kind] = score.found.get(kind, 0) + 1
            else:
                score.missed.append((document.id, kind, document.text[gold["start"]:gold["end"]]))
        for trap in document.traps:
            score.traps_total += 1
            if any(mask[i] for i in range(trap["start"], trap["end"]) if document.text[i].isalnum()):
                score.traps_redacted += 1
                score.redacted_traps.append((document.id, document.text[trap["start"]:trap["end"]]))
    return score, predictions


def format_comparison(ours: Score, baseline: Score | None) -> str:
    """A side-by-side table of recall per type, direct-identifier recall and trap rate."""
    types = sorted(ours.total, key=lambda t: (t not in DIRECT_TYPES, t))
    header = f"{'type':<14}{'n':>5}{'ours':>9}" + (f"{'presidio':>10}" if baseline else "")
    lines = [header]
    for kind in types:
        row = f"{kind:<14}{ours.total[kind]:>5}{ours.recall(kind):>9.3f}"
        if baseline:
            row += f"{baseline.recall(kind):>10.3f}"
        lines.append(row)
    row = f"{'DIRECT (all)':<14}{sum(ours.total.get(t, 0) for t in DIRECT_TYPES):>5}{ours.direct_recall:>9.3f}"
    lines.append(row + (f"{baseline.direct_recall:>10.3f}" if baseline else ""))
    row = f"{'traps redacted':<14}{ours.traps_total:>5}{ours.trap_rate:>9.3f}"
    lines.append(row + (f"{baseline.trap_rate:>10.3f}" if baseline else ""))
    return "\n".join(lines)
