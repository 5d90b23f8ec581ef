"""Provides the scrolling conversation of the interview screen; it never takes focus, so keys reach the screen."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


KEEP = 120
"""Messages kept on screen; older ones are dropped (the study's timeline keeps everything)."""


class ChatLog(VerticalScroll):
    """Item cards and replies, newest at the bottom."""

    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    """

    can_focus = False

    def add(self, *widgets: Widget) -> None:
        excess = len(self.children) + len(widgets) - KEEP
        if excess > 0:
            self.remove_children(self.children[:excess])
        self.mount_all(widgets)
        self.scroll_end(animate=False, immediate=False)
