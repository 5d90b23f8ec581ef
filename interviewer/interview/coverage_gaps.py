"""Provides what is still uncovered before closing: NPT constructs and prompts, each with what would cover it."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.interview.session import InterviewSession
from interviewer.schedule import npt


@dataclass(frozen=True)
class Gap:
    """Something the interview has not covered yet, and the question or prompt that would cover it."""

    kind: str
    """`construct` (an NPT code no asked item or covered prompt served) or `prompt`."""
    label: str
    item_id: str
    ask: str


def constructs_heard(session: InterviewSession) -> set[str]:
    """NPT codes served by items asked or whose prompts the participant covered."""
    items = set(session.asked) | {item_id for (item_id, index) in session.prompt_marks
                                  if session.prompt_covered(item_id, index)}
    codes = set(session.schedule.constructs_covered(sorted(items)))
    return codes | {npt.construct_of(code) for code in codes}


def closing_gaps(session: InterviewSession) -> list[Gap]:
    """Constructs the schedule plans that nothing has covered, then uncovered prompts of items taken up."""
    schedule = session.schedule
    heard = constructs_heard(session)
    gaps = []
    for code in schedule.constructs_covered():
        if code in heard:
            continue
        serving = [item for item in schedule.items if code in item.constructs]
        item = next((item for item in serving if not session.handled(item.id)), serving[0])
        try:
            label = npt.label(code)
        except KeyError:
            label = code
        gaps.append(Gap("construct", label, item.id, item.question))
    taken_up = set(session.visited) | set(session.asked)
    for item in schedule.items:
        if item.id not in taken_up or item.id in session.skipped:
            continue
        for index, prompt in enumerate(item.prompts):
            if not session.prompt_covered(item.id, index):
                gaps.append(Gap("prompt", prompt, item.id, prompt))
    return gaps


def at_last_item(session: InterviewSession) -> bool:
    """The current item is the last one still open: the moment to look back before closing."""
    remaining = session.remaining
    return session.current_id is not None and [item.id for item in remaining] == [session.current_id]
