"""Provides the prompt coverage detector: which prompts of a schedule an answer covers, word by word in context."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from interviewer.coverage.baseline import Baseline, Encoder, load_baseline
from interviewer.coverage.readings import load_readings, matches
from interviewer.schedule import Schedule
from interviewer.schedule.model import PLACEHOLDER

FEATURES = ("match", "margin", "asked", "small_talk", "agreement")
"""What the detector weighs for each prompt and stretch of speech (see `CoverageDetector.features`)."""

AGREEING_SHARE = 0.2
"""The share of a prompt's readings, its best ones (at least one), that its agreement averages."""


@dataclass(frozen=True)
class CoverageSettings:
    """How the detector weighs what it sees, and how sure it must be.

    The weights are a logistic regression over `FEATURES`, fitted by scripts/fit_coverage.py on the
    development answers (tests/data/coverage_dev), never on the blind corpus.
    """

    weights: tuple[float, ...] = (-0.2467, 0.224, 2.662, 0.7106, 2.62)
    bias: float = -9.6055
    first_threshold: float = 0.4
    """The likeliest prompt of a stretch of speech is covered from this probability ..."""
    more_threshold: float = 0.8
    """... and any other prompt of the same stretch from this one."""
    most_per_stretch: int = 3
    stretch: int = 3
    """Sentences read together; a longer answer is judged stretch by stretch as it goes on (which bounds
    the work per sentence: one forward pass over at most this many sentences)."""


@dataclass(frozen=True)
class PromptRef:
    """One prompt of a schedule: its item, 0-based position and text."""

    item_id: str
    index: int
    text: str


@dataclass(frozen=True)
class Hit:
    """A prompt an answer covered: how surely (0 to 1), and the sentence that covered it."""

    item_id: str
    index: int
    score: float
    evidence: str
    sentence: int
    """Index in the answer of the evidence sentence (when it was said)."""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_of(text: str) -> list[str]:
    """The sentences of spoken text (Whisper punctuates; a text without punctuation is one sentence)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def _neutral(text: str) -> str:
    return text.replace(PLACEHOLDER, "it")


class CoverageDetector:
    """Matches stretches of an answer against every prompt of a schedule, word by word in context.

    Each word of a prompt ("staff", "time") finds the word of the answer closest to it in meaning, as the
    sentence-embedding model reads both in context ("nurses", "hours"); a prompt's match is the mean over
    its words. A prompt is also read as each phrase its schedule gives to listen for with it ("we never have
    the hours for it" for "time it takes"), and its match is the best of these readings; how far its best few
    readings agree counts too. The match counts by how unusual it is: in standard deviations above the prompt's
    match with interview talk at large (a terse prompt resembles much of what anyone says in a health-service
    interview; a specific one does not).
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
        if not self.prompts:
            return
        self.baseline = baseline or load_baseline(encoder)
        # A prompt is read as its own words and as each phrase the schedule gives to listen for with it: its
        # match is the best of these readings' matches.
        readings = [(column, _neutral(text)) for column, prompt in enumerate(self.prompts)
                    for text in (prompt.text, *schedule.item(prompt.item_id).listen_for_prompt(prompt.index))]
        self._prompt_of_reading = np.array([column for column, _ in readings])
        self._reading_starts = np.flatnonzero(np.r_[True, np.diff(self._prompt_of_reading) != 0])
        read = load_readings(encoder, [text for _, text in readings], self.baseline)
        self._words, self._word_starts, self._whole = read.words, read.word_starts, read.whole
        self._mean, self._spread = read.mean, read.spread

    def _matches(self, tokens: np.ndarray, starts: np.ndarray) -> np.ndarray:
        return matches(self._words, self._word_starts, tokens, starts)

    def stream(self, asked_item: str | None = None) -> "AnswerStream":
        """A participant's answer to `asked_item`, to be fed as it is spoken."""
        return AnswerStream(self, asked_item)

    def detect(self, text: str, asked_item: str | None = None) -> list[Hit]:
        """The prompts of the whole schedule that `text`, said in answer to `asked_item`, covers."""
        return self.stream(asked_item).add(text)

    def features(self, tokens: np.ndarray, pooled: np.ndarray, asked_item: str | None) -> np.ndarray:
        """`FEATURES` of each prompt (rows) for a stretch of speech with word pieces `tokens` and embedding
        `pooled`: the prompt's unusual match, its margin over the best other prompt, whether it is the asked
        item's, how much more the stretch resembles small talk than any prompt, and how far the prompt's readings
        agree (the mean of its best few: one phrase matching by chance is weaker evidence than several)."""
        unusual = (self._matches(tokens, np.zeros(1, dtype=int))[:, 0] - self._mean) / self._spread
        match = np.maximum.reduceat(unusual, self._reading_starts)
        agreement = np.array([np.sort(part)[-math.ceil(AGREEING_SHARE * len(part)):].mean()
                              for part in np.split(unusual, self._reading_starts[1:])])
        others = np.array([np.delete(match, column).max() if len(match) > 1 else 0.0 for column in range(len(match))])
        small_talk = float((self.baseline.small_talk @ pooled).max() - (self._whole @ pooled).max())
        return np.stack([match, match - others, (self._item_of == asked_item).astype(float),
                         np.full(len(match), small_talk), agreement], axis=1)

    def likelihood(self, features: np.ndarray) -> np.ndarray:
        """The probability that each prompt (row of `features`) is covered."""
        settings = self.settings
        return 1.0 / (1.0 + np.exp(-(features @ np.asarray(settings.weights) + settings.bias)))

    def evidence(self, column: int, tokens: np.ndarray) -> np.ndarray:
        """For the prompt in `column`, the rows of `tokens` that match the words of its best-matching reading."""
        best_rows, best = None, -np.inf
        for reading in np.flatnonzero(self._prompt_of_reading == column):
            start = self._word_starts[reading]
            end = self._word_starts[reading + 1] if reading + 1 < len(self._word_starts) else len(self._words)
            similarity = self._words[start:end] @ tokens.T
            unusual = (similarity.max(axis=1).mean() - self._mean[reading]) / self._spread[reading]
            if unusual > best:
                best_rows, best = similarity.argmax(axis=1), unusual
        return best_rows


class AnswerStream:
    """One answer as it grows: each new sentence ends a stretch of speech that is read and judged, and is read and
    judged alone."""

    def __init__(self, detector: CoverageDetector, asked_item: str | None):
        self.detector = detector
        self.asked_item = asked_item
        self.sentences: list[str] = []
        self._pending = ""
        self.covered: dict[tuple[str, int], Hit] = {}

    def add(self, text: str, final: bool = True) -> list[Hit]:
        """Take more of the answer; the prompts it newly covers. With `final` False, an unfinished last
        sentence (no end mark yet) waits for the next text."""
        parts = sentences_of(f"{self._pending} {text}")
        self._pending = ""
        if parts and not final and not re.search(r"[.!?]$", parts[-1]):
            self._pending = parts.pop()
        if not parts or not self.detector.prompts:
            self.sentences += parts
            return []
        first = len(self.sentences)
        self.sentences += parts
        # Each new sentence ends a stretch that is judged, and is judged alone too when the stretch holds more:
        # a topic the sentence raises in passing can be lost among the stretch's others.
        spans = [span for end in range(first, len(self.sentences))
                 for span in dict.fromkeys([(self.stretch_start(end), end), (end, end)])]
        read = self.detector.encoder.encode_tokens([" ".join(self.sentences[a:b + 1]) for a, b in spans])
        new = []
        for (start, end), reading in zip(spans, read):
            for hit in self._judge(start, end, reading):
                key = (hit.item_id, hit.index)
                if key not in self.covered:
                    self.covered[key] = hit
                    new.append(hit)
        return new

    def stretch_start(self, end: int) -> int:
        """The index of the first sentence of the stretch of speech that ends with sentence `end`."""
        return max(0, end - self.detector.settings.stretch + 1)

    def stretch_text(self, end: int) -> tuple[str, int]:
        """The stretch of speech that ends with sentence `end`, and the index of its first sentence."""
        first = self.stretch_start(end)
        return " ".join(self.sentences[first:end + 1]), first

    def stretch_features(self, end: int) -> np.ndarray:
        """`FEATURES` of every prompt for the stretch that ends with sentence `end`."""
        reading = self.detector.encoder.encode_tokens([self.stretch_text(end)[0]])[0]
        return self.detector.features(reading.vectors, reading.pooled, self.asked_item)

    def _judge(self, first: int, end: int, reading) -> list[Hit]:
        """The prompts covered by the sentences `first` to `end`."""
        settings = self.detector.settings
        if not len(reading.vectors):
            return []
        likely = self.detector.likelihood(self.detector.features(reading.vectors, reading.pooled, self.asked_item))
        order = np.argsort(-likely)
        if likely[order[0]] < settings.first_threshold:
            return []
        chosen = [order[0]] + [column for column in order[1:settings.most_per_stretch]
                               if likely[column] >= settings.more_threshold]
        sentence_starts = np.cumsum([0] + [len(s) + 1 for s in self.sentences[first:end]])
        hits = []
        for column in chosen:
            prompt = self.detector.prompts[column]
            said_in = np.searchsorted(sentence_starts, np.asarray(reading.starts)[
                self.detector.evidence(column, reading.vectors)], side="right") - 1
            sentence = first + int(np.bincount(said_in).argmax())
            hits.append(Hit(prompt.item_id, prompt.index, float(likely[column]), self.sentences[sentence], sentence))
        return hits
