"""Provides the scrolling conversation of the interview screen; it never takes focus, so keys reach the screen."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget


class ChatLog(VerticalScroll):
    """Item cards and replies, newest at the bottom."""

    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    """

    can_focus = False

    def add(self, *widgets: Widget) -> None:
        self.mount_all(widgets)
        self.scroll_end(animate=False, immediate=False)
