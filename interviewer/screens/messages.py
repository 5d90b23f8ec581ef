"""Provides the messages worker threads post to the UI: small dataclasses, attributes only."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ProcessingProgress(Message):
    """Background processing of an interview moved on (stage `done` or `failed` ends it)."""

    interview_id: int
    stage: str
    fraction: float
    error: str | None = None


class ProcessingChanged(Message, bubble=False):
    """Sent by the app to the screen on top when background processing of any interview moved on."""


@dataclass
class RecordingStarted(Message):
    path: str
    part: int


@dataclass
class RecordingFailed(Message):
    """The recorder stopped by itself (device lost, disk full) or could not start."""

    message: str


@dataclass
class PartFinished(Message):
    """A recording part was stopped and filed; `then` says what comes next (`summary` or `wait`)."""

    then: str
    message: str = ""


@dataclass
class LevelChecked(Message):
    """The pre-flight check finished: a verdict word and message, disk and model lines."""

    verdict: str
    message: str
    ok: bool


@dataclass
class LevelReading(Message):
    """A live level during the pre-flight check, in dBFS (loudest channel)."""

    dbfs: float
    sides: tuple[float, ...] = ()
    """For the call input: the microphone's and the call's levels."""


@dataclass
class InterviewReopened(Message):
    """An interrupted interview was reopened on a worker; `live` is a LiveInterview or None with `error`."""

    live: object
    error: str | None = None


@dataclass
class LiveLines(Message):
    """Live transcript lines (`live_part.SpokenLine`) for the interview's chat, from the transcriber's thread."""

    lines: list


@dataclass
class LiveTranscriptionFailed(Message):
    """Live transcription stopped (the model failed to load or to run); the recording goes on."""

    part: int
    error: str


@dataclass
class CoverageSuggested(Message):
    """The coverage worker heard the participant cover prompts (`live_coverage.Suggestion`s)."""

    suggestions: list


@dataclass
class CoverageFailed(Message):
    """Prompt coverage stopped (the model failed to load or to run); the interview goes on."""

    error: str
