"""Provides the item chooser: take up any item of the schedule, in or out of order."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interviewer.interview.session import InterviewSession

MARKS = {"asked": "✓", "skipped": "↷", "current": "▸", "pending": " "}


class JumpScreen(ModalScreen[str | None]):
    """Returns the chosen item's id, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    JumpScreen > Vertical { width: 90%; height: 90%; border: round $accent; background: $surface; }
    JumpScreen OptionList { height: 1fr; }
    """

    def __init__(self, session: InterviewSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        options = []
        for section in self.session.schedule.sections:
            options.append(Option(f"[b]{section.title}[/b]", disabled=True))
            for item in section.items:
                mark = MARKS[self.session.status_of(item.id)]
                options.append(Option(f" {mark} {item.question}", id=item.id))
        with Vertical():
            yield Static(" Go to which item? (Enter chooses, Esc cancels)")
            yield OptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.session.current_id:
            options.highlighted = options.get_option_index(self.session.current_id)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
