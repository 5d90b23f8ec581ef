"""Provides a chooser: a modal list of labelled options that returns the chosen option's id, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChooseScreen(ModalScreen[str | None]):
    """`options` are (id, label) pairs; an id of None makes a heading that cannot be chosen."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    ChooseScreen { align: center middle; }
    ChooseScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%; border: round $accent; background: $surface;
    }
    ChooseScreen OptionList { height: auto; max-height: 18; }
    """

    def __init__(self, title: str, options: list[tuple[str | None, str]], current: str | None = None):
        super().__init__()
        self.title_text, self.options, self.current = title, options, current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f" {self.title_text} (Enter chooses, Esc cancels)")
            yield OptionList(*[Option(label, id=key, disabled=key is None) for key, label in self.options])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [key for key, _ in self.options]
        if self.current in ids:
            options.highlighted = ids.index(self.current)
        else:
            options.highlighted = next((n for n, key in enumerate(ids) if key is not None), None)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
