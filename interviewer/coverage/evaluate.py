"""Provides scoring of the coverage detector on a labelled corpus: precision and recall over prompts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from interviewer.schedule import Schedule


class CorpusError(ValueError):
    """A corpus line that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Answer:
    """One labelled answer: what was said, to which item of which schedule, and the prompts it covered."""

    id: str
    schedule: str
    item: str
    text: str
    covered: frozenset[tuple[str, int]]


@dataclass
class Score:
    """Counts of prompts predicted and labelled, over every answer."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    by_schedule: dict[str, "Score"] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set[tuple[str, int]], gold: frozenset[tuple[str, int]]) -> None:
        self.true_positives += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def line(self, label: str) -> str:
        return (f"{label:<20} precision {self.precision:.3f}  recall {self.recall:.3f}  f1 {self.f1:.3f}"
                f"  ({self.true_positives} right of {self.predicted} predicted, {self.gold} labelled)")


def load_corpus(path: Path, schedules: dict[str, Schedule]) -> list[Answer]:
    """Read and check a corpus: every line a JSON object naming a known schedule, item and prompts."""
    answers, seen = [], set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{where}: not a JSON object ({error.msg}); each line must be one JSON object") from None
        if not isinstance(row, dict):
            raise CorpusError(f"{where}: expected a JSON object, found {type(row).__name__}")
        missing = [key for key in ("id", "schedule", "item", "text", "covered") if key not in row]
        if missing:
            raise CorpusError(f"{where}: missing {', '.join(missing)}; each line needs id, schedule, item, text"
                              " and covered")
        if row["id"] in seen:
            raise CorpusError(f"{where}: id {row['id']!r} appears twice; ids must be unique")
        seen.add(row["id"])
        schedule = schedules.get(row["schedule"])
        if schedule is None:
            raise CorpusError(f"{where}: unknown schedule {row['schedule']!r}; known: {', '.join(sorted(schedules))}"
                              " (give other schedule files with --schedule)")
        prompts = {item.id: len(item.prompts) for item in schedule.items}
        if row["item"] not in prompts:
            raise CorpusError(f"{where}: schedule {schedule.id} has no item {row['item']!r}")
        covered = set()
        for pair in row["covered"] if isinstance(row["covered"], list) else [None]:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], int)):
                raise CorpusError(f"{where}: covered must be a list of [item_id, prompt_index] pairs, found {pair!r}")
            item_id, index = pair
            if item_id not in prompts or not 0 <= index < prompts[item_id]:
                raise CorpusError(f"{where}: {schedule.id} has no prompt {index} in item {item_id!r}"
                                  f" (prompt indexes start at 0)")
            covered.add((item_id, index))
        answers.append(Answer(str(row["id"]), schedule.id, row["item"], str(row["text"]), frozenset(covered)))
    if not answers:
        raise CorpusError(f"{path}: no answers in the file")
    return answers


def score_answers(answers: Iterable[Answer],
                  predict: Callable[[Answer], set[tuple[str, int]]]) -> tuple[Score, dict[str, set[tuple[str, int]]]]:
    """Run `predict` on every answer; the overall and per-schedule score, and the predictions by answer id."""
    total, predictions = Score(), {}
    for answer in answers:
        predicted = predict(answer)
        predictions[answer.id] = predicted
        total.add(predicted, answer.covered)
        total.by_schedule.setdefault(answer.schedule, Score()).add(predicted, answer.covered)
    return total, predictions
