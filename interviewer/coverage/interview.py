"""Provides an interview's prompt coverage from the study: each covered prompt placed on the interview's clock."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.coverage.marks import PromptMark, marks_from_events
from interviewer.schedule import Schedule
from interviewer.store import Segment, Study


@dataclass(frozen=True)
class CoveredPrompt:
    """A prompt mark with its moment on the interview's clock (seconds from the start of part 1)."""

    mark: PromptMark
    seconds: float

    @property
    def confirmed(self) -> bool:
        return self.mark.state == "confirmed"


def interview_prompt_marks(study: Study, interview_id: int, schedule: Schedule) -> list[CoveredPrompt]:
    """Every prompt mark of the interview's timeline, earliest first."""
    marks = marks_from_events(schedule, study.events(interview_id))
    starts, clock = {}, 0.0
    for recording in sorted(study.recordings(interview_id), key=lambda r: r.part):
        starts[recording.part] = clock
        clock += recording.duration
    placed = [CoveredPrompt(mark, starts.get(mark.part, 0.0) + mark.offset) for mark in marks]
    return sorted(placed, key=lambda covered: covered.seconds)


def coverage_summary(marks: list[CoveredPrompt], schedule: Schedule) -> str:
    """One line: prompts covered of the schedule's, how many confirmed and cleared."""
    total = sum(len(item.prompts) for item in schedule.items)
    covered = sum(m.mark.covered for m in marks)
    confirmed = sum(m.confirmed for m in marks)
    cleared = sum(m.mark.state == "cleared" for m in marks)
    return (f"{covered} of {total} prompts covered ({confirmed} confirmed by the interviewer"
            + (f", {cleared} suggestion(s) cleared" if cleared else "") + ")")


def segment_at(segments: list[Segment], study: Study, interview_id: int, mark: PromptMark) -> Segment | None:
    """The transcript segment that holds the moment a prompt was covered (the nearest one before it)."""
    recording_ids = {r.part: r.id for r in study.recordings(interview_id)}
    in_part = [s for s in segments if s.recording_id == recording_ids.get(mark.part)] or segments
    before = [s for s in in_part if s.start <= mark.offset + 0.5]
    if before:
        return max(before, key=lambda s: s.start)
    return min(in_part, key=lambda s: s.start, default=None)
