"""Provides the chat message that shows what was said, from the live transcript, a few seconds behind."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from interviewer.widgets.reply import clock_text

LONGEST = 600
"""Characters one message grows to before the next words start a new one."""


class Spoken(Static):
    """Consecutive words of one speaker; later lines of the same speaker are appended to it."""

    DEFAULT_CSS = """
    Spoken { height: auto; padding: 0 1; margin: 0 12 0 0; }
    Spoken.-interviewer { margin: 0 0 0 12; color: $text-muted; }
    Spoken.-participant { background: $boost; }
    """

    def __init__(self, speaker: str, seconds: float, text: str, role: str, part: int):
        super().__init__()
        self.speaker, self.seconds, self.part = speaker, seconds, part
        self.add_class(f"-{role}")
        self.text = text
        self.end = seconds
        self._show()

    def can_take(self, speaker: str, part: int, seconds: float) -> bool:
        return speaker == self.speaker and part == self.part and len(self.text) < LONGEST and seconds - self.end < 30

    def extend(self, text: str, end: float) -> None:
        self.text = f"{self.text} {text}"
        self.end = end
        self._show()

    def _show(self) -> None:
        self.update(Text.assemble((f"{self.speaker} ", "bold"), (f"[{clock_text(self.seconds)}] ", "dim"), self.text))
