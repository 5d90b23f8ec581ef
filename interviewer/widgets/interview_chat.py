"""Provides the interview's conversation: session events as item cards and replies, live speech as Spoken messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual.reactive import var
from textual.widget import Widget

from interviewer.interview.coverage_gaps import at_last_item, closing_gaps
from interviewer.interview.session import InterviewSession, SessionEvent
from interviewer.widgets.chat_log import ChatLog
from interviewer.widgets.item_card import ItemCard
from interviewer.widgets.reply import Reply
from interviewer.widgets.spoken import Spoken

if TYPE_CHECKING:
    from interviewer.interview.live_part import SpokenLine


def speaker_role(speaker: str) -> str:
    """The Spoken style of a live speaker label: the interviewer, neutral speech, or the participant."""
    if speaker == "Interviewer":
        return "interviewer"
    return "speech" if speaker == "Speech" else "participant"


class InterviewChat(ChatLog):
    """The guide's item cards, the interviewer's replies and, a few seconds behind, what was said."""

    DEFAULT_CSS = """
    InterviewChat.-no-speech Spoken { display: none; }
    """

    show_speech: var[bool] = var(True)
    """Whether live transcript messages are shown; hidden ones are still recorded and stored."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.cards: dict[str, ItemCard] = {}
        """The card of each item shown so far, so a probe ticks the card it belongs to."""
        self.heard_seconds: dict[tuple[str, int], float] = {}
        """When each covered prompt was said, on the interview's clock."""
        self._checked_before_closing: str | None = None

    def watch_show_speech(self, show: bool) -> None:
        self.set_class(not show, "-no-speech")

    def add_events(self, events: list[SessionEvent], session: InterviewSession, seconds: float) -> None:
        """Add the cards and replies for events the session just produced, stamped `seconds` into the interview."""
        widgets = []
        for event in events:
            widget = self._event_widget(event, session, seconds)
            if widget is not None:
                widgets.append(widget)
            if event.kind == "item" and at_last_item(session) and self._checked_before_closing != event.item_id:
                self._checked_before_closing = event.item_id
                widgets.append(before_closing(session))
        if widgets:
            self.add(*widgets)

    def _event_widget(self, event: SessionEvent, session: InterviewSession, seconds: float) -> Widget | None:
        schedule = session.schedule
        kind = event.kind
        if kind == "item":
            if event.item_id is None:
                closing = schedule.closing.strip() or "Thank the participant."
                return Reply("info", Text.assemble(
                    ("Every item is done. ", "bold"), closing, "\nPress x to stop, or g to go back to an item."))
            item = schedule.item(event.item_id)
            prompts = {index: (mark.state, self.heard_seconds.get((item.id, index), mark.offset))
                       for (item_id, index), mark in session.prompt_marks.items() if item_id == item.id}
            card = ItemCard(item, schedule.section_of(item.id).title, session.probes_used.get(item.id), prompts)
            self.cards[item.id] = card
            return card
        if kind == "probe":
            card = self.cards.get(event.item_id)
            if card is not None:
                card.mark_probe(event.probe)
            return Reply("probe", f"probe {event.probe}: {event.text}", seconds)
        if kind in ("covered", "confirmed", "cleared"):
            return self._prompt_widget(event, session, seconds)
        if kind in ("asked", "skipped"):
            return Reply(kind, kind, seconds)
        if kind == "note":
            return Reply("note", event.text, seconds)
        if kind == "marker":
            return Reply("marker", "marker" + (f": {event.text}" if event.text else ""), seconds)
        if kind == "pause":
            return Reply("pause", "recording paused", seconds)
        if kind == "resume":
            return Reply("resume", "recording resumed", seconds)
        if kind == "part":
            return Reply("part", f"recording {event.text}", seconds)
        return None

    def _prompt_widget(self, event: SessionEvent, session: InterviewSession, seconds: float) -> Widget | None:
        index = (event.probe or 0) - 1
        mark = session.prompt_marks.get((event.item_id, index))
        if mark is None:
            return None
        key = (mark.item_id, index)
        if event.kind == "covered":
            self.heard_seconds[key] = session.clock_seconds(event.offset)
        heard = self.heard_seconds.get(key, seconds)
        card = self.cards.get(mark.item_id)
        if card is not None:
            card.mark_prompt(index, mark.state, heard)
        if event.kind == "covered":
            return Reply("covered", Text.assemble(
                "heard: ", (mark.prompt, "bold"), (f"  ({mark.item_id})  c confirms, C clears", "dim")), heard)
        return Reply(event.kind, f"{event.kind}: {mark.prompt}", seconds)

    def add_spoken(self, lines: list[SpokenLine], part_start: Callable[[int], float]) -> None:
        """Add live transcript lines; `part_start` gives where a recording part starts on the interview's clock.

        A line continues the last message while the same speaker goes on in the same part.
        """
        widgets = []
        for line in lines:
            seconds = part_start(line.part) + line.start
            last = widgets[-1] if widgets else (self.children[-1] if self.children else None)
            if isinstance(last, Spoken) and last.can_take(line.speaker, line.part, seconds):
                last.extend(line.text, seconds + line.end - line.start)
                continue
            widgets.append(Spoken(line.speaker, seconds, line.text, speaker_role(line.speaker), line.part))
        if widgets:
            self.add(*widgets)


def before_closing(session: InterviewSession) -> Reply:
    """The check at the last open item: NPT constructs and prompts nothing has covered yet, and what would."""
    gaps = closing_gaps(session)
    if not gaps:
        return Reply("closing", Text.assemble(("Before closing: ", "bold"),
                                              "every planned NPT construct and every prompt so far is covered."))
    text = Text.assemble(("Before closing, not yet covered:", "bold"))
    constructs = [gap for gap in gaps if gap.kind == "construct"]
    prompts = [gap for gap in gaps if gap.kind == "prompt"]
    for gap in constructs:
        text.append(f"\n  NPT {gap.label}", style="bold")
        text.append(f" — ask: {gap.ask}")
    if prompts:
        text.append("\n  Prompts:", style="bold")
        for gap in prompts:
            text.append(f"\n    • {gap.ask}")
            text.append(f" ({gap.item_id})", style="dim")
    return Reply("closing", text)
