"""Provides prompt coverage while an interview runs: the participant's live words judged against the schedule."""

from __future__ import annotations

import logging
import queue
import time
from dataclasses import dataclass
from typing import Callable

from interviewer.coverage.detector import AnswerStream, CoverageDetector
from interviewer.interview.live_part import NEUTRAL_SPEAKER, SpokenLine
from interviewer.schedule import Schedule

log = logging.getLogger(__name__)

INTERVIEWER = "Interviewer"


def is_participant_speech(speaker: str, stereo: bool) -> bool:
    """Whether a live line's words count as the participant's.

    Stereo: only the participant's channel. Mono: the participant's label when voices are told apart live,
    otherwise (the neutral label) all speech.
    """
    if speaker == INTERVIEWER:
        return False
    if speaker == NEUTRAL_SPEAKER:
        return not stereo
    return True


@dataclass(frozen=True)
class Suggestion:
    """The participant appears to have covered a prompt: which, with what words, and when (in its part)."""

    item_id: str
    index: int
    evidence: str
    part: int
    offset: float
    """Seconds into the recording part when the covering words began."""
    heard_at: float
    """Monotonic time the live line carrying the words arrived (to measure how quickly marks follow)."""


class LiveCoverage:
    """Judges participant lines as they arrive, on the thread that calls `run` (a worker; it blocks).

    `hear` only queues (call it from the UI thread). Each answer runs from the moment an item is taken up:
    lines heard while another item is being asked start a new answer. Suggestions go to `on_suggestions`
    from the worker's thread.
    """

    def __init__(self, schedule: Schedule, on_suggestions: Callable[[list[Suggestion]], None],
                 make_detector: Callable[[Schedule], CoverageDetector] | None = None):
        self.schedule = schedule
        self.on_suggestions = on_suggestions
        self.make_detector = make_detector or _default_detector
        self.detector: CoverageDetector | None = None
        self.error: BaseException | None = None
        self._lines: queue.Queue[tuple[SpokenLine, str | None, float] | None] = queue.Queue()
        self._stream: AnswerStream | None = None
        self._answer_key: tuple[int, str | None] | None = None

    def hear(self, lines: list[SpokenLine], asked_item: str | None, stereo: bool) -> None:
        now = time.monotonic()
        for line in lines:
            if line.text.strip() and is_participant_speech(line.speaker, stereo):
                self._lines.put((line, asked_item, now))

    def close(self) -> None:
        """Stop `run` once what is queued is judged."""
        self._lines.put(None)

    def run(self) -> None:
        """Load the model and judge lines until `close` (blocks; raises what stopped it)."""
        try:
            self.detector = self.make_detector(self.schedule)
            while (entry := self._lines.get()) is not None:
                entries = [entry]
                while not self._lines.empty():  # fallen behind: judge what has queued up together
                    following = self._lines.get()
                    if following is None:
                        self._lines.put(None)
                        break
                    entries.append(following)
                suggestions = []
                for group in _same_answer(entries):
                    suggestions += self._judge(*group)
                if suggestions:
                    self.on_suggestions(suggestions)
        except BaseException as error:
            self.error = error
            log.warning("prompt coverage stopped: %s", error)
            raise

    def _judge(self, line: SpokenLine, asked_item: str | None, heard_at: float) -> list[Suggestion]:
        key = (line.part, asked_item)
        if self._stream is None or key != self._answer_key:
            self._stream = self.detector.stream(asked_item)
            self._answer_key = key
        return [Suggestion(hit.item_id, hit.index, hit.evidence, line.part, line.start, heard_at)
                for hit in self._stream.add(line.text)]


def _same_answer(entries: list[tuple[SpokenLine, str | None, float]]) -> list[tuple[SpokenLine, str | None, float]]:
    """Consecutive lines of one answer (same part, same item asked) joined into one, so they embed in one go."""
    groups: list[tuple[SpokenLine, str | None, float]] = []
    for line, asked_item, heard_at in entries:
        if groups and groups[-1][0].part == line.part and groups[-1][1] == asked_item:
            first, _, first_heard = groups[-1]
            joined = SpokenLine(first.part, first.start, line.end, first.speaker, f"{first.text} {line.text}")
            groups[-1] = (joined, asked_item, first_heard)
        else:
            groups.append((line, asked_item, heard_at))
    return groups


def _default_detector(schedule: Schedule) -> CoverageDetector:
    from interviewer.coverage.encoder import shared_encoder

    return CoverageDetector(schedule, shared_encoder())
