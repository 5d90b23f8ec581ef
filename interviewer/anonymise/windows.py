"""Provides the windows of a long text that a costly pattern is searched in: the stretches near a word it must hold."""

from __future__ import annotations

import re
from typing import Iterator


def windows_around(anchor: re.Pattern, text: str, before: int, after: int) -> list[tuple[int, int]]:
    """The stretches of `text` within `before` characters before and `after` after each match of `anchor`, merged
    where they overlap: where a costly pattern that needs such a word is worth searching."""
    windows: list[tuple[int, int]] = []
    for match in anchor.finditer(text):
        start, end = max(0, match.start() - before), min(len(text), match.end() + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def matches_within(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match]:
    """The matches of `pattern` inside the windows (from `windows_around`), as the whole text would give them there."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
