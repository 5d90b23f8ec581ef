"""Provides a one-line input level meter in dBFS, coloured green, amber (quiet) and red (clipping)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FLOOR = -60.0


class LevelMeter(Widget):
    """A bar from -60 dBFS to 0 dBFS and the figure."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: 1fr; }
    """

    dbfs: reactive[float] = reactive(-120.0)
    active: reactive[bool] = reactive(True)
    label: reactive[str] = reactive("")
    """Shown before the bar (e.g. "Mic", "Call") when a meter shows one side of two."""

    def render(self) -> Text:
        prefix = f"{self.label:<5}" if self.label else ""
        width = max(4, self.size.width - 9 - len(prefix))
        level = max(FLOOR, min(0.0, self.dbfs))
        filled = round((level - FLOOR) / -FLOOR * width)
        if not self.active:
            style = "dim"
        elif self.dbfs > -1.0:
            style = "bold red"
        elif self.dbfs < -40.0:
            style = "dark_orange3"
        else:
            style = "green"
        figure = "  -inf" if self.dbfs <= -120.0 else f"{self.dbfs:6.0f}"
        return Text.assemble((prefix, "bold"), ("█" * filled, style), ("░" * (width - filled), "dim"), f"{figure} dB")
