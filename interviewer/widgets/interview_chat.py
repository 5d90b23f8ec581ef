"""Provides the interview's conversation: session events as item cards and replies, live speech as Spoken messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual.reactive import var
from textual.widget import Widget

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

    def watch_show_speech(self, show: bool) -> None:
        self.set_class(not show, "-no-speech")

    def add_events(self, events: list[SessionEvent], session: InterviewSession, seconds: float) -> None:
        """Add the cards and replies for events the session just produced, stamped `seconds` into the interview."""
        widgets = []
        for event in events:
            widget = self._event_widget(event, session, seconds)
            if widget is not None:
                widgets.append(widget)
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
            card = ItemCard(item, schedule.section_of(item.id).title, session.probes_used.get(item.id))
            self.cards[item.id] = card
            return card
        if kind == "probe":
            card = self.cards.get(event.item_id)
            if card is not None:
                card.mark_probe(event.probe)
            return Reply("probe", f"probe {event.probe}: {event.text}", seconds)
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
