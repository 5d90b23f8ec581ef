"""Provides the interview as a pure state machine: every action yields timeline events, and events rebuild the state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

from interviewer.coverage.marks import COVERAGE_KINDS, PromptMark, apply_coverage_event
from interviewer.schedule import Item, Schedule

EVENT_KINDS = ("start", "part", "item", "asked", "skipped", "probe", "note", "marker", "pause", "resume", "end",
               *COVERAGE_KINDS)
"""Timeline event kinds. `item` marks the moment an item became the one under discussion: transcript
segments after that offset belong to it. `part` opens a new recording part (its text is `part N`).
Prompt coverage kinds are described in `coverage.marks`."""


class StoredEvent(Protocol):
    """What `from_events` needs of a stored timeline event (`store.TimelineEvent` fits)."""

    kind: str
    item_id: str | None
    probe: int | None
    text: str | None
    offset: float | None


@dataclass(frozen=True)
class SessionEvent:
    """One thing that happened, stamped with its offset (seconds) in the current recording part."""

    kind: str
    offset: float
    item_id: str | None = None
    probe: int | None = None
    """1-based probe number, for `probe` events."""
    text: str | None = None


@dataclass(frozen=True)
class Annotation:
    """A typed note or a marker, with the item it was made on and its place in the recording."""

    kind: str
    item_id: str | None
    text: str
    part: int
    offset: float


class SessionError(ValueError):
    """An action that makes no sense in the session's current state."""


@dataclass
class _Clock:
    """Time spent per section, measured in recording offsets (pauses do not advance them)."""

    section_seconds: dict[str, float] = field(default_factory=dict)
    finished_parts_seconds: float = 0.0
    last_offset: float = 0.0
    active_section: str | None = None
    active_since: float = 0.0

    def advance(self, offset: float) -> None:
        self.last_offset = max(self.last_offset, offset)

    def close_active(self, at: float) -> None:
        if self.active_section is not None:
            spent = max(0.0, at - self.active_since)
            self.section_seconds[self.active_section] = self.section_seconds.get(self.active_section, 0.0) + spent
        self.active_since = at

    def new_part(self) -> None:
        self.close_active(self.last_offset)
        self.finished_parts_seconds += self.last_offset
        self.last_offset = 0.0
        self.active_since = 0.0


class InterviewSession:
    """Where an interview stands: the current item, what was asked, skipped and probed, notes and markers.

    Actions (`next`, `skip`, `probe`, ...) take the current recording offset and return the events to
    store; the session applies them to itself first. `from_events` replays stored events, so a reopened
    interview stands exactly where it stopped.
    """

    def __init__(self, schedule: Schedule):
        self.schedule = schedule
        self.items: tuple[Item, ...] = schedule.items
        self.current_id: str | None = None
        self.asked: set[str] = set()
        self.skipped: set[str] = set()
        self.probes_used: dict[str, set[int]] = {}
        self.annotations: list[Annotation] = []
        self.visited: list[str] = []
        """Items in the order they were taken up (for `back`)."""
        self.started = False
        self.ended = False
        self.paused = False
        self.part = 0
        self.prompt_marks: dict[tuple[str, int], PromptMark] = {}
        """Prompt coverage by (item id, 0-based prompt index), in the order first marked."""
        self._clock = _Clock()

    # -- rebuilding ------------------------------------------------------------------------------

    @classmethod
    def from_events(cls, schedule: Schedule, events: Iterable[StoredEvent]) -> "InterviewSession":
        session = cls(schedule)
        for event in events:
            if event.kind in EVENT_KINDS:
                session.apply(SessionEvent(event.kind, event.offset or 0.0, event.item_id, event.probe, event.text))
        return session

    def apply(self, event: SessionEvent) -> None:
        """Change the state by one event (the only place the state changes)."""
        kind = event.kind
        if kind in COVERAGE_KINDS:
            apply_coverage_event(self.prompt_marks, self.schedule, event, max(self.part, 1))
            return
        if kind == "part":
            self._clock.new_part()
            self.part += 1
            self.paused = False
            return
        self._clock.advance(event.offset)
        if kind == "start":
            self.started = True
        elif kind == "item":
            self._clock.close_active(event.offset)
            self.current_id = event.item_id
            self._clock.active_section = self.schedule.section_of(event.item_id).id if event.item_id else None
            if event.item_id:
                self.visited.append(event.item_id)
        elif kind == "asked":
            self.asked.add(event.item_id)
            self.skipped.discard(event.item_id)
        elif kind == "skipped":
            self.skipped.add(event.item_id)
            self.asked.discard(event.item_id)
        elif kind == "probe":
            self.probes_used.setdefault(event.item_id, set()).add(event.probe)
        elif kind in ("note", "marker"):
            self.annotations.append(Annotation(kind, event.item_id, event.text or "", max(self.part, 1), event.offset))
        elif kind == "pause":
            self.paused = True
        elif kind == "resume":
            self.paused = False
        elif kind == "end":
            self._clock.close_active(event.offset)
            self._clock.active_section = None
            self.ended = True

    def _emit(self, *events: SessionEvent) -> list[SessionEvent]:
        for event in events:
            self.apply(event)
        return list(events)

    # -- what the screen shows -------------------------------------------------------------------

    @property
    def current(self) -> Item | None:
        return self.schedule.item(self.current_id) if self.current_id else None

    def status_of(self, item_id: str) -> str:
        """`asked`, `skipped`, `current` or `pending`."""
        if item_id in self.asked:
            return "asked"
        if item_id in self.skipped:
            return "skipped"
        return "current" if item_id == self.current_id else "pending"

    def handled(self, item_id: str) -> bool:
        return item_id in self.asked or item_id in self.skipped

    @property
    def remaining(self) -> list[Item]:
        return [item for item in self.items if not self.handled(item.id)]

    @property
    def complete(self) -> bool:
        """Every item has been asked or skipped."""
        return not self.remaining

    def constructs_covered(self) -> tuple[str, ...]:
        """NPT codes served by the items asked so far."""
        return self.schedule.constructs_covered(sorted(self.asked))

    def section_progress(self) -> list[tuple[str, int, int]]:
        """(section id, items handled, items) per section."""
        return [
            (section.id, sum(self.handled(item.id) for item in section.items), len(section.items))
            for section in self.schedule.sections
        ]

    def section_seconds(self, now_offset: float | None = None) -> dict[str, float]:
        """Recorded seconds spent on each section's items, counting the current one up to `now_offset`."""
        spent = dict(self._clock.section_seconds)
        clock = self._clock
        if now_offset is not None and clock.active_section is not None:
            spent[clock.active_section] = spent.get(clock.active_section, 0.0) + max(0.0, now_offset - clock.active_since)
        return spent

    def elapsed(self, now_offset: float | None = None) -> float:
        """Recorded seconds in all parts, the current part counted up to `now_offset`."""
        current = self._clock.last_offset if now_offset is None else max(now_offset, self._clock.last_offset)
        return self._clock.finished_parts_seconds + current

    def clock_seconds(self, offset: float) -> float:
        """Where `offset` seconds into the current recording part falls on the interview's clock."""
        return self._clock.finished_parts_seconds + offset

    def set_recorded_before(self, seconds: float) -> None:
        """Correct the length of the finished parts from their files (events miss the tail of a crashed part)."""
        self._clock.finished_parts_seconds = seconds

    def prompt_covered(self, item_id: str, index: int) -> bool:
        """Whether a prompt counts as covered (suggested and not cleared, or confirmed)."""
        mark = self.prompt_marks.get((item_id, index))
        return mark is not None and mark.covered

    def suggestions(self) -> list[PromptMark]:
        """Suggested prompts the interviewer has not yet confirmed or cleared, oldest first."""
        return [mark for mark in self.prompt_marks.values() if mark.state == "suggested"]

    def notes(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "note"]

    def markers(self) -> list[Annotation]:
        return [a for a in self.annotations if a.kind == "marker"]

    # -- actions ---------------------------------------------------------------------------------

    def start(self, offset: float = 0.0, part: int | None = None) -> list[SessionEvent]:
        """Begin the interview (or a new recording part of it) at the first open item.

        `part` is the number of the recording part now starting (default: the next one); its `part N` event
        is how transcript segments of recording part N find their items.
        """
        events = [SessionEvent("part", 0.0, text=f"part {part or self.part + 1}")]
        if not self.started:
            events.append(SessionEvent("start", offset))
        self._emit(*events)
        if self.current_id is None and not self.ended:
            following = self._next_open_after(None)
            if following:
                events += self._emit(SessionEvent("item", offset, following.id))
        elif self.current_id is not None:
            events += self._emit(SessionEvent("item", offset, self.current_id))
        return events

    def next(self, offset: float) -> list[SessionEvent]:
        """The current item was asked: mark it and move to the next open item."""
        item = self._require_current()
        events = []
        if item.id not in self.asked:
            events += self._emit(SessionEvent("asked", offset, item.id))
        return events + self._move_on(offset)

    def skip(self, offset: float) -> list[SessionEvent]:
        """Leave the current item unasked and move to the next open item."""
        item = self._require_current()
        return self._emit(SessionEvent("skipped", offset, item.id)) + self._move_on(offset)

    def back(self, offset: float) -> list[SessionEvent]:
        """Return to the item taken up before the current one."""
        history = [item_id for item_id in self.visited if item_id != self.current_id]
        if not history:
            raise SessionError("There is no earlier item to go back to.")
        return self._emit(SessionEvent("item", offset, history[-1]))

    def goto(self, item_id: str, offset: float) -> list[SessionEvent]:
        """Take up any item, in or out of schedule order (asked items can be returned to)."""
        self.schedule.item(item_id)
        if item_id == self.current_id:
            return []
        return self._emit(SessionEvent("item", offset, item_id))

    def probe(self, number: int, offset: float) -> list[SessionEvent]:
        """Probe `number` (1-based) of the current item was used."""
        item = self._require_current()
        if not 1 <= number <= len(item.probes):
            raise SessionError(f"Item {item.id} has {len(item.probes)} probe(s); there is no probe {number}.")
        return self._emit(SessionEvent("probe", offset, item.id, probe=number, text=item.probes[number - 1]))

    def note(self, text: str, offset: float) -> list[SessionEvent]:
        text = text.strip()
        if not text:
            raise SessionError("A note needs some text.")
        return self._emit(SessionEvent("note", offset, self.current_id, text=text))

    def marker(self, offset: float, text: str = "") -> list[SessionEvent]:
        """Mark a moment to come back to (a striking quote, a disturbance)."""
        return self._emit(SessionEvent("marker", offset, self.current_id, text=text.strip() or None))

    def suggest(self, item_id: str, index: int, evidence: str, offset: float) -> list[SessionEvent]:
        """The assistant heard the participant cover a prompt at `offset`; nothing if it was marked before."""
        if (item_id, index) in self.prompt_marks:
            return []
        return self._emit(SessionEvent("covered", offset, item_id, probe=index + 1, text=evidence))

    def confirm(self, offset: float) -> list[SessionEvent]:
        """The interviewer agrees the newest suggestion was covered."""
        return self._decide("confirmed", offset)

    def clear(self, offset: float) -> list[SessionEvent]:
        """The interviewer says the newest suggestion was not covered after all."""
        return self._decide("cleared", offset)

    def _decide(self, kind: str, offset: float) -> list[SessionEvent]:
        pending = self.suggestions()
        if not pending:
            raise SessionError("No suggested prompt is waiting to be confirmed or cleared.")
        mark = pending[-1]
        return self._emit(SessionEvent(kind, offset, mark.item_id, probe=mark.index + 1, text=mark.prompt))

    def pause(self, offset: float) -> list[SessionEvent]:
        if self.paused:
            raise SessionError("The recording is already paused.")
        return self._emit(SessionEvent("pause", offset, self.current_id))

    def resume(self, offset: float) -> list[SessionEvent]:
        if not self.paused:
            raise SessionError("The recording is not paused.")
        return self._emit(SessionEvent("resume", offset, self.current_id))

    def end(self, offset: float) -> list[SessionEvent]:
        if self.ended:
            return []
        return self._emit(SessionEvent("end", offset, self.current_id))

    # -- helpers ---------------------------------------------------------------------------------

    def _require_current(self) -> Item:
        item = self.current
        if item is None:
            raise SessionError("No item is open: every item has been asked or skipped.")
        return item

    def _move_on(self, offset: float) -> list[SessionEvent]:
        following = self._next_open_after(self.current_id)
        return self._emit(SessionEvent("item", offset, following.id if following else None))

    def _next_open_after(self, item_id: str | None) -> Item | None:
        """The first open item after `item_id` in schedule order, wrapping round to earlier open ones."""
        ids = [item.id for item in self.items]
        start = ids.index(item_id) + 1 if item_id in ids else 0
        for item in (*self.items[start:], *self.items[:start]):
            if not self.handled(item.id) and item.id != item_id:
                return item
        return None
