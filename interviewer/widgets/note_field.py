"""Provides the note field of the interview screen: hidden until a note is typed, so keys reach the screen."""

from __future__ import annotations

from textual.widgets import Input


class NoteField(Input):
    """One line docked at the bottom; Enter submits it (Input.Submitted) and the screen closes it."""

    DEFAULT_CSS = """
    NoteField { display: none; dock: bottom; }
    NoteField.-shown { display: block; }
    """

    @property
    def is_open(self) -> bool:
        return self.has_class("-shown")

    def open(self) -> None:
        """Show the field empty and take the keys."""
        self.add_class("-shown")
        self.value = ""
        self.focus()

    def close(self) -> None:
        """Hide the field, drop what was typed, and give the keys back to the screen."""
        self.remove_class("-shown")
        self.value = ""
        self.screen.set_focus(None)
