"""Provides the warning banner above the interview's conversation, hidden until something needs attention."""

from __future__ import annotations

from textual.widgets import Static


class Banner(Static):
    """A bold warning on a red ground, shown by `show_warning` until `hide`."""

    DEFAULT_CSS = """
    Banner { display: none; height: auto; background: $error 30%; color: $text; padding: 0 1; text-style: bold; }
    Banner.-shown { display: block; }
    """

    def show_warning(self, text: str) -> None:
        self.update(text)
        self.add_class("-shown")

    def hide(self) -> None:
        self.remove_class("-shown")
