"""Provides the chat reply that shows one interviewer action, stamped with its recording time."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


SYMBOLS = {"asked": "✓", "skipped": "↷", "probe": "?", "note": "✎", "marker": "⚑", "pause": "⏸",
           "resume": "⏵", "part": "●", "info": "i", "warning": "!",
           "covered": "≈", "confirmed": "✓", "cleared": "✗", "closing": "☰"}


class Reply(Static):
    """An action the interviewer took: asked, skipped, probe N, a note, a marker, pause/resume."""

    DEFAULT_CSS = """
    Reply {
        margin: 0 0 0 8;
        padding: 0 1;
        height: auto;
        color: $text-muted;
    }
    Reply.-note { color: $text; background: $primary 15%; }
    Reply.-marker { color: $warning; }
    Reply.-warning { color: $error; text-style: bold; }
    Reply.-covered { color: $warning; text-style: italic; }
    Reply.-closing { color: $text; background: $warning 15%; }
    """

    def __init__(self, kind: str, text: str, seconds: float | None = None, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind
        self.add_class(f"-{kind}")
        stamp = f"[{clock_text(seconds)}] " if seconds is not None else ""
        self.update(Text.assemble((f"{SYMBOLS.get(kind, '·')} ", "bold"), (stamp, "dim"), text))
