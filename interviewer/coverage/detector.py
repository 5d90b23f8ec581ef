"""Provides the prompt coverage detector: which prompts of a schedule an answer covers, by sentence embeddings."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from interviewer.coverage.baseline import Baseline, Encoder, load_baseline
from interviewer.schedule import Schedule
from interviewer.schedule.model import PLACEHOLDER

FEATURES = ("score", "margin", "gap", "asked", "small_talk")
"""What the detector weighs for each prompt and stretch of speech (see `CoverageDetector.features`)."""


@dataclass(frozen=True)
class CoverageSettings:
    """How the detector weighs what it sees, and how sure it must be.

    The weights are a logistic regression over `FEATURES`, fitted by scripts/fit_coverage.py on the
    development answers (tests/data/coverage_dev), never on the blind corpus.
    """

    weights: tuple[float, ...] = (0.8247, 0.2899, -0.0518, 3.4793, -2.2499)
    bias: float = -4.7156
    first_threshold: float = 0.35
    """The likeliest prompt of a stretch of speech is covered from this probability ..."""
    more_threshold: float = 0.5
    """... and any other prompt of the same stretch from this one."""
    most_per_stretch: int = 3
    window: int = 2
    """Consecutive sentences read together (1 to `window`), besides the clauses of each sentence."""
    clause_window: int = 3
    """Consecutive clauses of a sentence read together (1 to `clause_window`)."""
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
    """A prompt an answer covered: how surely (0 to 1), and the stretch of speech that covered it."""

    item_id: str
    index: int
    score: float
    evidence: str
    sentence: int
    """Index in the answer of the last sentence of the evidence (when it was said)."""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(
    r",\s+|;\s+|:\s+|\s+-+\s+|\s+(?=(?:and|but|so|because|whereas|although|though|which|except|or)\s)", re.I)
_SHORTEST_CLAUSE = 3
"""Words; shorter pieces ("and so on") say too little to read alone."""


def sentences_of(text: str) -> list[str]:
    """The sentences of spoken text (Whisper punctuates; a text without punctuation is one sentence)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def clauses_of(sentence: str) -> list[str]:
    """The clauses of a spoken sentence: split at commas and at the conjunctions that join clauses."""
    return [part for part in (piece.strip(" ,.;:!?") for piece in _CLAUSE_BREAK.split(sentence)) if part]


def _neutral(text: str) -> str:
    return text.replace(PLACEHOLDER, "it")


class CoverageDetector:
    """Scores stretches of an answer against every prompt of a schedule.

    Each prompt's similarity to a stretch of speech counts by how unusual it is: in standard deviations
    above the prompt's similarity to interview talk at large (a terse prompt like "staff time" resembles
    much of what anyone says in a health-service interview; a specific one does not). A stretch is read
    sentence by sentence, two sentences together, and clause by clause, and the closest reading counts.
    """

    def __init__(self, schedule: Schedule, encoder: Encoder, settings: CoverageSettings | None = None,
                 baseline: Baseline | None = None):
        self.schedule = schedule
        self.encoder = encoder
        self.settings = settings or CoverageSettings()
        if len(self.settings.weights) != len(FEATURES):
            raise ValueError(f"coverage settings need {len(FEATURES)} weights ({', '.join(FEATURES)})")
        self.prompts: list[PromptRef] = [
            PromptRef(item.id, index, prompt) for item in schedule.items for index, prompt in enumerate(item.prompts)]
        self._item_of = np.array([p.item_id for p in self.prompts])
        self.baseline = baseline or load_baseline(encoder)
        if not self.prompts:
            self._vectors = np.zeros((0, self.baseline.talk.shape[1]), dtype=np.float32)
            self._mean = self._spread = np.zeros(0, dtype=np.float32)
            return
        self._vectors = encoder.encode([_neutral(p.text) for p in self.prompts])
        self._mean, self._spread = self.baseline.spread_of(self._vectors)

    def stream(self, asked_item: str | None = None) -> "AnswerStream":
        """A participant's answer to `asked_item`, to be fed as it is spoken."""
        return AnswerStream(self, asked_item)

    def detect(self, text: str, asked_item: str | None = None) -> list[Hit]:
        """The prompts of the whole schedule that `text`, said in answer to `asked_item`, covers."""
        return self.stream(asked_item).add(text)

    def unusualness(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For readings of speech (rows): each prompt's unusualness (columns), and how much more each
        reading resembles small talk than any prompt."""
        similarity = vectors @ self._vectors.T
        small_talk = (vectors @ self.baseline.small_talk.T).max(axis=1) - similarity.max(axis=1)
        return (similarity - self._mean) / self._spread, small_talk

    def features(self, unusual: np.ndarray, small_talk: np.ndarray, asked_item: str | None) -> np.ndarray:
        """`FEATURES` of each prompt (rows) for one stretch, from its readings' unusualness (rows × prompts):
        the closest reading's score, its margin over the best other prompt, its gap below the best prompt,
        whether the prompt is the asked item's, and how far the stretch leans to small talk."""
        best = unusual.max(axis=0)
        count = len(best)
        if count > 1:
            order = np.argsort(-best)
            runner_up = np.where(np.arange(count) == order[0], best[order[1]], best[order[0]])
        else:
            runner_up = np.zeros(count)
        return np.stack([best, best - runner_up, best.max() - best, (self._item_of == asked_item).astype(float),
                         np.full(count, small_talk.max())], axis=1)

    def likelihood(self, features: np.ndarray) -> np.ndarray:
        """The probability that each prompt (row of `features`) is covered."""
        settings = self.settings
        return 1.0 / (1.0 + np.exp(-(features @ np.asarray(settings.weights) + settings.bias)))


class AnswerStream:
    """One answer as it grows: readings are embedded once, and each new sentence ends a stretch to judge."""

    def __init__(self, detector: CoverageDetector, asked_item: str | None):
        self.detector = detector
        self.asked_item = asked_item
        self.sentences: list[str] = []
        self._pending = ""
        self._readings: list[tuple[int, str]] = []
        count = len(detector.prompts)
        self._unusual = np.zeros((0, count), dtype=np.float32)
        self._small_talk = np.zeros(0, dtype=np.float32)
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
        readings = [reading for end in range(first, len(self.sentences)) for reading in self._readings_ending(end)]
        if self.detector.prompts:
            unusual, small_talk = self.detector.unusualness(self.detector.encoder.encode([t for _, t in readings]))
            self._unusual = np.concatenate([self._unusual, unusual])
            self._small_talk = np.concatenate([self._small_talk, small_talk])
        self._readings += readings
        new = []
        for end in range(first, len(self.sentences)):
            for hit in self._judge(end):
                key = (hit.item_id, hit.index)
                if key not in self.covered:
                    self.covered[key] = hit
                    new.append(hit)
        return new

    def _readings_ending(self, end: int) -> list[tuple[int, str]]:
        """The ways of reading the speech that ends with sentence `end`: it alone, with the sentences before
        it, and its clauses alone and in runs."""
        settings = self.detector.settings
        texts = [" ".join(self.sentences[end - size + 1:end + 1])
                 for size in range(1, settings.window + 1) if end - size + 1 >= 0]
        clauses = clauses_of(self.sentences[end])
        if len(clauses) > 1:
            for size in range(1, min(settings.clause_window, len(clauses) - 1) + 1):
                for start in range(len(clauses) - size + 1):
                    run = " ".join(clauses[start:start + size])
                    if len(run.split()) >= _SHORTEST_CLAUSE:
                        texts.append(run)
        return [(end, text) for text in dict.fromkeys(texts)]

    def stretch_features(self, end: int) -> tuple[np.ndarray, np.ndarray]:
        """`FEATURES` of every prompt for the stretch of sentences that ends at `end`, and the rows of the
        readings it covers."""
        settings = self.detector.settings
        rows = np.array([row for row, (last, _) in enumerate(self._readings) if end - settings.stretch < last <= end])
        return self.detector.features(self._unusual[rows], self._small_talk[rows], self.asked_item), rows

    def _judge(self, end: int) -> list[Hit]:
        """The prompts covered by the stretch of sentences that ends at `end`."""
        settings = self.detector.settings
        if not self.detector.prompts:
            return []
        features, rows = self.stretch_features(end)
        likely = self.detector.likelihood(features)
        order = np.argsort(-likely)
        if likely[order[0]] < settings.first_threshold:
            return []
        chosen = [order[0]] + [column for column in order[1:settings.most_per_stretch]
                               if likely[column] >= settings.more_threshold]
        closest = self._unusual[rows].argmax(axis=0)
        hits = []
        for column in chosen:
            prompt = self.detector.prompts[column]
            last, evidence = self._readings[rows[closest[column]]]
            hits.append(Hit(prompt.item_id, prompt.index, float(likely[column]), evidence, last))
        return hits
