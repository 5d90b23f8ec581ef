"""Provides the prompt coverage detector: which prompts of a schedule an answer covers, by sentence embeddings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from interviewer.schedule import Schedule
from interviewer.schedule.model import PLACEHOLDER


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class CoverageSettings:
    """How sure the detector must be; the item being asked needs less evidence than the others."""

    asked_threshold: float = 0.40
    """Similarity a prompt of the item being asked needs."""
    other_threshold: float = 0.50
    """Similarity a prompt of any other item needs (participants wander, but less often than they answer)."""
    near_best: float = 0.08
    """A prompt counts for a stretch of speech only if it is this close to the best prompt for that stretch."""
    window: int = 3
    """Consecutive sentences read together (1 to `window`)."""


@dataclass(frozen=True)
class PromptRef:
    """One prompt of a schedule: its item, 0-based position, text and the question it belongs to."""

    item_id: str
    index: int
    text: str
    question: str


@dataclass(frozen=True)
class Hit:
    """A prompt an answer covered: how strongly, and the stretch of speech that covered it."""

    item_id: str
    index: int
    score: float
    evidence: str
    sentence: int
    """Index of the last sentence of the evidence in the answer (when it was said)."""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_of(text: str) -> list[str]:
    """The sentences of spoken text (Whisper punctuates; a text without punctuation is one sentence)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def _neutral(text: str) -> str:
    return text.replace(PLACEHOLDER, "it")


class CoverageDetector:
    """Scores stretches of an answer against every prompt of a schedule, each read with its item's question."""

    def __init__(self, schedule: Schedule, encoder: Encoder, settings: CoverageSettings | None = None):
        self.schedule = schedule
        self.encoder = encoder
        self.settings = settings or CoverageSettings()
        self.prompts: list[PromptRef] = [
            PromptRef(item.id, index, prompt, item.question)
            for item in schedule.items for index, prompt in enumerate(item.prompts)]
        if self.prompts:
            alone = encoder.encode([_neutral(p.text) for p in self.prompts])
            in_context = encoder.encode([f"{_neutral(p.question)} {_neutral(p.text)}" for p in self.prompts])
            self._alone, self._in_context = alone, in_context
        else:
            self._alone = self._in_context = np.zeros((0, 1), dtype=np.float32)
        self._item_of = np.array([p.item_id for p in self.prompts])

    def windows(self, sentences: list[str]) -> list[tuple[int, str]]:
        """(last sentence index, text) of every run of 1 to `window` consecutive sentences."""
        runs = []
        for end in range(len(sentences)):
            for size in range(1, self.settings.window + 1):
                if end - size + 1 < 0:
                    break
                runs.append((end, " ".join(sentences[end - size + 1:end + 1])))
        return runs

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Similarity of each stretch (rows) to each prompt (columns)."""
        if not self.prompts or len(vectors) == 0:
            return np.zeros((len(vectors), len(self.prompts)), dtype=np.float32)
        return (vectors @ self._alone.T + vectors @ self._in_context.T) / 2

    def decide(self, runs: list[tuple[int, str]], vectors: np.ndarray, asked_item: str | None) -> list[Hit]:
        """The prompts the stretches cover, each with its strongest stretch."""
        settings = self.settings
        table = self.scores(vectors)
        if table.size == 0:
            return []
        threshold = np.where(self._item_of == asked_item, settings.asked_threshold, settings.other_threshold)
        best_per_run = table.max(axis=1, keepdims=True)
        passes = (table >= threshold) & (table >= best_per_run - settings.near_best)
        hits = []
        for column in np.flatnonzero(passes.any(axis=0)):
            rows = np.flatnonzero(passes[:, column])
            row = rows[np.argmax(table[rows, column])]
            prompt = self.prompts[column]
            hits.append(Hit(prompt.item_id, prompt.index, float(table[row, column]), runs[row][1], runs[row][0]))
        return sorted(hits, key=lambda hit: -hit.score)

    def detect(self, text: str, asked_item: str | None = None) -> list[Hit]:
        """The prompts of the whole schedule that `text`, said in answer to `asked_item`, covers."""
        runs = self.windows(sentences_of(text))
        vectors = self.encoder.encode([run for _, run in runs])
        return self.decide(runs, vectors, asked_item)
