"""Provides the benchmarks' key-press timing on the interview screen: from a key handed to the app to its repaint."""

from __future__ import annotations

import asyncio
import time

KEY_CYCLE = ["enter", "1", "m", "left", "enter", "m", "left"]
"""Keys an interviewer uses while recording: next item, tick a prompt, a note mark, back (each changes the screen)."""
CHARACTERS = {"enter": "\r", "left": None}


class KeyTimer:
    """Times keys on an interview screen, as the terminal driver hands them over, until the screen has repainted
    with the action's result (Textual's call_after_refresh after the screen shows the change)."""

    def __init__(self, app, screen):
        self.app = app
        self.screen_class = type(screen)
        self.painted: list[float] = []
        self.presses = 0
        self._original_show = self.screen_class.show
        original_show, painted = self._original_show, self.painted

        def show_then_time_the_paint(screen_self, events):
            original_show(screen_self, events)
            screen_self.app.call_after_refresh(lambda: painted.append(time.perf_counter()))

        self.screen_class.show = show_then_time_the_paint

    async def press_next(self, timeout: float = 10.0) -> float | None:
        """Press the next key of KEY_CYCLE; seconds until the repaint, or None when none came within `timeout`."""
        from textual.events import Key

        key = KEY_CYCLE[self.presses % len(KEY_CYCLE)]
        self.presses += 1
        before = len(self.painted)
        event = Key(key, CHARACTERS.get(key, key))
        event.set_sender(self.app)
        pressed = time.perf_counter()
        self.app._driver.send_message(event)
        while len(self.painted) == before:
            if time.perf_counter() - pressed > timeout:
                return None
            await asyncio.sleep(0.001)
        return self.painted[before] - pressed

    def close(self) -> None:
        self.screen_class.show = self._original_show


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
