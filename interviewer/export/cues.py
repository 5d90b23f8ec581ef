"""Provides subtitle cues (one per transcript segment) shared by the SRT and WebVTT exports."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.export.document import UNKNOWN_SPEAKER, TranscriptDocument

MINIMUM_CUE = 0.2
"""Seconds; players drop cues shorter than a frame or two, and zero-length ones are invalid."""


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    speaker: str
    text: str


def cues(document: TranscriptDocument) -> list[Cue]:
    """One cue per non-empty segment, in time order, never overlapping the next cue's start."""
    found = []
    for segment in document.segments:
        text = " ".join(document.text_of(segment).split())
        if text:
            found.append(Cue(max(0.0, segment.start), max(segment.end, segment.start), segment.speaker or UNKNOWN_SPEAKER, text))
    found.sort(key=lambda cue: cue.start)
    result = []
    for index, cue in enumerate(found):
        end = max(cue.end, cue.start + MINIMUM_CUE)
        if index + 1 < len(found):
            end = min(end, max(found[index + 1].start, cue.start + MINIMUM_CUE))
        result.append(Cue(cue.start, end, cue.speaker, cue.text))
    return result


def clock(seconds: float, separator: str) -> str:
    """hh:mm:ss<separator>mmm, rounded to the millisecond."""
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"
