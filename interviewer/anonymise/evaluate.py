"""Provides scoring of detected spans against a labelled corpus: recall per type, same-type recall (redacted
under the right kind of placeholder), trap terms redacted, and how many suggestions cover the misses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

DIRECT_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "PHONE", "EMAIL", "NHS_NUMBER", "POSTCODE", "URL")
"""Direct identifiers: names, places, organisations, phone, email, NHS number, postcode, web address."""
SAME_TYPE = {"LOCATION": {"LOCATION", "ADDRESS", "WARD"}, "ORGANIZATION": {"ORGANIZATION", "HOSPITAL", "WARD"},
             "NHS_NUMBER": {"NHS_NUMBER", "ID_NUMBER"}}
"""Predicted types that count as the gold type: a street is a place, a hospital an organisation, a named ward either
(a place inside a hospital: some corpora mark it a place, others an organisation), and any identity number counts
where a corpus marks health and insurance numbers as NHS_NUMBER."""


def same_type(gold: str, predicted: str) -> bool:
    return predicted in SAME_TYPE.get(gold, {gold})


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
    found_same_type: dict[str, int] = field(default_factory=dict)
    """Identifiers redacted wholly under placeholders of their own type (a place as a place)."""
    covered_with_suggestions: int = 0
    """Direct identifiers redacted, or missed but wholly covered by a suggestion."""
    suggestions: int = 0
    words: int = 0
    traps_redacted: int = 0
    traps_total: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    redacted_traps: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, entity_type: str) -> float:
        total = self.total.get(entity_type, 0)
        return self.found.get(entity_type, 0) / total if total else float("nan")

    def same_type_recall(self, entity_type: str) -> float:
        total = self.total.get(entity_type, 0)
        return self.found_same_type.get(entity_type, 0) / total if total else float("nan")

    def label_precision(self, entity_type: str) -> float:
        """Of the identifiers of this type that were redacted, the share redacted under their own type."""
        found = self.found.get(entity_type, 0)
        return self.found_same_type.get(entity_type, 0) / found if found else float("nan")

    @property
    def recall_with_suggestions(self) -> float:
        total = sum(self.total.get(t, 0) for t in DIRECT_TYPES)
        return self.covered_with_suggestions / total if total else float("nan")

    @property
    def suggestions_per_1000_words(self) -> float:
        return 1000 * self.suggestions / self.words if self.words else 0.0

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


def _types_at(length: int, spans: Iterable[dict]) -> list[set[str]]:
    types: list[set[str]] = [set() for _ in range(length)]
    for span in spans:
        for i in range(max(0, span["start"]), min(length, span["end"])):
            types[i].add(span.get("entity_type", ""))
    return types


def score_documents(documents: list[Document], predict: Callable[[str], list[dict]],
                    suggest: Callable[[str], list[dict]] | None = None) -> tuple[Score, dict[str, list[dict]]]:
    """Run `predict` on every text; an identifier counts as removed when all its letters and digits are covered,
    and as removed under its own type when the spans covering them all have a type that counts as its type.
    With `suggest`, also count identifiers covered by a redaction or a suggestion, and the suggestions made.

    A trap term counts as wrongly redacted when any of its letters or digits is covered.
    """
    score = Score()
    predictions: dict[str, list[dict]] = {}
    for document in documents:
        spans = predict(document.text)
        predictions[document.id] = spans
        mask = _covered(len(document.text), spans)
        types = _types_at(len(document.text), spans)
        suggested = suggest(document.text) if suggest else []
        score.suggestions += len(suggested)
        score.words += len(document.text.split())
        either = _covered(len(document.text), list(spans) + list(suggested))
        for gold in document.spans:
            kind = gold.get("type") or gold.get("entity_type")
            positions = [i for i in range(gold["start"], gold["end"]) if document.text[i].isalnum()]
            score.total[kind] = score.total.get(kind, 0) + 1
            if kind in DIRECT_TYPES and all(either[i] for i in positions):
                score.covered_with_suggestions += 1
            if all(mask[i] for i in positions):
                score.found[kind] = score.found.get(kind, 0) + 1
                if all(types[i] and all(same_type(kind, t) for t in types[i]) for i in positions):
                    score.found_same_type[kind] = score.found_same_type.get(kind, 0) + 1
            else:
                score.missed.append((document.id, kind, document.text[gold["start"]:gold["end"]]))
        for trap in document.traps:
            score.traps_total += 1
            if any(mask[i] for i in range(trap["start"], trap["end"]) if document.text[i].isalnum()):
                score.traps_redacted += 1
                score.redacted_traps.append((document.id, document.text[trap["start"]:trap["end"]]))
    return score, predictions


def format_comparison(ours: Score, baseline: Score | None) -> str:
    """A side-by-side table of recall per type and same-type recall (a place redacted as a place), then
    direct-identifier recall, trap rate and, when suggestions were scored, their coverage and rate."""
    types = sorted(ours.total, key=lambda t: (t not in DIRECT_TYPES, t))
    header = f"{'type':<14}{'n':>5}{'ours':>9}{'same-type':>11}" + (f"{'presidio':>10}{'same-type':>11}" if baseline else "")
    lines = [header]
    for kind in types:
        row = f"{kind:<14}{ours.total[kind]:>5}{ours.recall(kind):>9.3f}{ours.same_type_recall(kind):>11.3f}"
        if baseline:
            row += f"{baseline.recall(kind):>10.3f}{baseline.same_type_recall(kind):>11.3f}"
        lines.append(row)
    row = f"{'DIRECT (all)':<14}{sum(ours.total.get(t, 0) for t in DIRECT_TYPES):>5}{ours.direct_recall:>9.3f}"
    lines.append(row + (f"{'':>11}{baseline.direct_recall:>10.3f}" if baseline else ""))
    row = f"{'traps redacted':<14}{ours.traps_total:>5}{ours.trap_rate:>9.3f}"
    lines.append(row + (f"{'':>11}{baseline.trap_rate:>10.3f}" if baseline else ""))
    for kind in ("PERSON", "LOCATION", "ORGANIZATION"):
        if ours.found.get(kind):
            row = f"{'label ' + kind[:3]:<14}{ours.found[kind]:>5}{ours.label_precision(kind):>9.3f}"
            lines.append(row + (f"{'':>11}{baseline.label_precision(kind):>10.3f}" if baseline and baseline.found.get(kind) else ""))
    if ours.suggestions:
        lines.append(f"{'+suggestions':<14}{'':>5}{ours.recall_with_suggestions:>9.3f}   "
                     f"({ours.suggestions} suggestions, {ours.suggestions_per_1000_words:.1f} per 1,000 words)")
    return "\n".join(lines)
