"""Provides the prompt coverage detector: which prompts of a schedule an answer covers, by sentence embeddings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from interviewer.schedule import Schedule
from interviewer.schedule.model import PLACEHOLDER

BACKGROUND = Path(__file__).with_name("background.txt")
"""Ordinary talk that covers no prompt: the baseline each prompt's similarity is measured against."""


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class CoverageSettings:
    """How sure the detector must be. Scores are in standard deviations above a prompt's baseline.

    Tuned on tests/data/coverage_dev (never on the blind corpus). Mixing the item's question into a prompt's
    meaning, and reading the clauses of long sentences apart, both lowered precision there.
    """

    asked_bonus: float = 3.5
    """Added to the prompts of the item being asked: most answers answer the question put."""
    small_talk_margin: float = 0.05
    """A stretch more like ordinary talk than like any prompt, by this much similarity, covers nothing."""
    first_threshold: float = 3.6
    """The best prompt of a stretch of speech is covered from this score."""
    more_threshold: float = 5.5
    """A second or third prompt of the same stretch needs this much ..."""
    more_gap: float = 2.0
    """... and no more than this below the best one."""
    most_per_stretch: int = 3
    window: int = 2
    """Consecutive sentences read together (1 to `window`)."""
    stretch: int = 6
    """Sentences judged together; a longer answer is judged stretch by stretch as it goes on."""


@dataclass(frozen=True)
class PromptRef:
    """One prompt of a schedule: its item, 0-based position and text."""

    item_id: str
    index: int
    text: str


@dataclass(frozen=True)
class Hit:
    """A prompt an answer covered: how strongly, and the stretch of speech that covered it."""

    item_id: str
    index: int
    score: float
    evidence: str
    sentence: int
    """Index in the answer of the last sentence of the evidence (when it was said)."""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_of(text: str) -> list[str]:
    """The sentences of spoken text (Whisper punctuates; a text without punctuation is one sentence)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def _neutral(text: str) -> str:
    return text.replace(PLACEHOLDER, "it")


def background_sentences() -> list[str]:
    lines = BACKGROUND.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class CoverageDetector:
    """Scores stretches of an answer against every prompt of a schedule.

    A prompt's similarity to a stretch counts by how far it stands above the prompt's own baseline:
    its similarity to ordinary talk and to the schedule's other questions and probes (a terse prompt
    like "time it takes" resembles much of what anyone says; a specific one does not).
    """

    def __init__(self, schedule: Schedule, encoder: Encoder, settings: CoverageSettings | None = None):
        self.schedule = schedule
        self.encoder = encoder
        self.settings = settings or CoverageSettings()
        self.prompts: list[PromptRef] = [
            PromptRef(item.id, index, prompt) for item in schedule.items for index, prompt in enumerate(item.prompts)]
        self._item_of = np.array([p.item_id for p in self.prompts])
        if not self.prompts:
            self._vectors = np.zeros((0, 1), dtype=np.float32)
            self._mean = self._spread = np.zeros(0, dtype=np.float32)
            return
        self._vectors = encoder.encode([_neutral(p.text) for p in self.prompts])
        generic = encoder.encode(background_sentences())
        self._generic = generic
        own_texts = [[_neutral(item.question), *map(_neutral, item.probes)] for item in schedule.items]
        own = encoder.encode([text for texts in own_texts for text in texts])
        owner = np.repeat([item.id for item in schedule.items], [len(texts) for texts in own_texts])
        self._mean = np.zeros(len(self.prompts), dtype=np.float32)
        self._spread = np.zeros(len(self.prompts), dtype=np.float32)
        for column, prompt in enumerate(self.prompts):
            baseline = np.concatenate([generic, own[owner != prompt.item_id]]) @ self._vectors[column]
            self._mean[column] = baseline.mean()
            self._spread[column] = max(float(baseline.std()), 0.02)

    def stream(self, asked_item: str | None = None) -> "AnswerStream":
        """A participant's answer to `asked_item`, to be fed as it is spoken."""
        return AnswerStream(self, asked_item)

    def detect(self, text: str, asked_item: str | None = None) -> list[Hit]:
        """The prompts of the whole schedule that `text`, said in answer to `asked_item`, covers."""
        return self.stream(asked_item).add(text)

    def scores(self, vectors: np.ndarray, asked_item: str | None) -> np.ndarray:
        """Each stretch's (rows) score for each prompt (columns)."""
        settings = self.settings
        similarity = vectors @ self._vectors.T
        table = (similarity - self._mean) / self._spread
        table = table + np.where(self._item_of == asked_item, settings.asked_bonus, 0.0)
        small_talk = (vectors @ self._generic.T).max(axis=1) - similarity.max(axis=1) > settings.small_talk_margin
        table[small_talk] = -np.inf
        return table


class AnswerStream:
    """One answer as it grows: sentences are embedded once, and each new sentence ends a stretch to judge."""

    def __init__(self, detector: CoverageDetector, asked_item: str | None):
        self.detector = detector
        self.asked_item = asked_item
        self.sentences: list[str] = []
        self._pending = ""
        self._runs: list[tuple[int, str]] = []
        self._scores = np.zeros((0, len(detector.prompts)), dtype=np.float32)
        self.covered: dict[tuple[str, int], Hit] = {}

    def add(self, text: str, final: bool = True) -> list[Hit]:
        """Take more of the answer; the prompts it newly covers. With `final` False, an unfinished last
        sentence (no end mark yet) waits for the next text."""
        parts = sentences_of(f"{self._pending} {text}")
        self._pending = ""
        if parts and not final and not re.search(r"[.!?]$", parts[-1]):
            self._pending = parts.pop()
        if not parts:
            return []
        first = len(self.sentences)
        self.sentences += parts
        window = self.detector.settings.window
        runs = [(end, " ".join(self.sentences[end - size + 1:end + 1]))
                for end in range(first, len(self.sentences)) for size in range(1, window + 1) if end - size + 1 >= 0]
        if self.detector.prompts:
            vectors = self.detector.encoder.encode([run for _, run in runs])
            self._scores = np.concatenate([self._scores, self.detector.scores(vectors, self.asked_item)])
        self._runs += runs
        new = []
        for end in range(first, len(self.sentences)):
            for hit in self._judge(end):
                key = (hit.item_id, hit.index)
                if key not in self.covered:
                    self.covered[key] = hit
                    new.append(hit)
        return new

    def _judge(self, end: int) -> list[Hit]:
        """The prompts covered by the stretch of sentences that ends at `end`."""
        settings = self.detector.settings
        rows = [row for row, (last, _) in enumerate(self._runs) if end - settings.stretch < last <= end]
        if not rows or not self.detector.prompts:
            return []
        table = self._scores[rows]
        best_rows = table.argmax(axis=0)
        best = table[best_rows, np.arange(table.shape[1])]
        order = np.argsort(-best)
        top = best[order[0]]
        if top < settings.first_threshold:
            return []
        chosen = [order[0]] + [column for column in order[1:settings.most_per_stretch]
                               if best[column] >= settings.more_threshold and top - best[column] <= settings.more_gap]
        hits = []
        for column in chosen:
            prompt = self.detector.prompts[column]
            last, evidence = self._runs[rows[best_rows[column]]]
            hits.append(Hit(prompt.item_id, prompt.index, float(best[column]), evidence, last))
        return hits
