"""Provides prompt marks: which prompts were covered, when, and the interviewer's verdict, from timeline events."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Protocol

from interviewer.schedule import Schedule

COVERAGE_KINDS = ("covered", "confirmed", "cleared")
"""Timeline event kinds of prompt coverage. `covered`: the assistant heard the participant cover a prompt
(`probe` holds the 1-based prompt number, `offset` when the words were said, `text` the words);
`confirmed` / `cleared`: the interviewer's verdict (`offset` when the key was pressed)."""


class CoverageEvent(Protocol):
    kind: str
    item_id: str | None
    probe: int | None
    text: str | None
    offset: float | None


@dataclass(frozen=True)
class PromptMark:
    """A prompt the participant covered: suggested by the assistant, then perhaps confirmed or cleared."""

    item_id: str
    index: int
    """0-based position of the prompt in its item."""
    prompt: str
    state: str
    """`suggested`, `confirmed` (by the interviewer) or `cleared` (the interviewer said it was not covered)."""
    part: int
    """The recording part in which it was said."""
    offset: float
    """Seconds into that part when the covering words were said (or when it was confirmed, if not suggested)."""
    evidence: str = ""
    decided_offset: float | None = None
    """When the interviewer confirmed or cleared it, in the same part's seconds (None while only suggested)."""

    @property
    def covered(self) -> bool:
        return self.state != "cleared"


def apply_coverage_event(marks: dict[tuple[str, int], PromptMark], schedule: Schedule, event: CoverageEvent,
                         part: int) -> None:
    """Fold one coverage event into `marks` (keyed by item id and prompt index); unknown prompts are ignored."""
    try:
        item = schedule.item(event.item_id)
    except KeyError:
        return
    index = (event.probe or 0) - 1
    if not 0 <= index < len(item.prompts):
        return
    key = (item.id, index)
    earlier = marks.get(key)
    offset = event.offset or 0.0
    if event.kind == "covered":
        if earlier is None:
            marks[key] = PromptMark(item.id, index, item.prompts[index], "suggested", part, offset, event.text or "")
        return
    state = "confirmed" if event.kind == "confirmed" else "cleared"
    if earlier is None:
        earlier = PromptMark(item.id, index, item.prompts[index], state, part, offset)
    marks[key] = replace(earlier, state=state, decided_offset=offset)


def marks_from_events(schedule: Schedule, events: Iterable[CoverageEvent]) -> list[PromptMark]:
    """Every prompt mark of an interview's timeline, in the order first marked."""
    marks: dict[tuple[str, int], PromptMark] = {}
    part = 1
    for event in events:
        if event.kind == "part" and event.text:
            part = int(event.text.split()[-1]) if event.text.split()[-1].isdigit() else part
        elif event.kind in COVERAGE_KINDS:
            apply_coverage_event(marks, schedule, event, part)
    return list(marks.values())
