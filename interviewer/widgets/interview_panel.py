"""Provides the interview screen's side panel fed from a running interview: its input level and free disk space."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from interviewer.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from interviewer.interview.running import LiveInterview

DISK_CHECK_SECONDS = 5.0
"""How often free disk space is measured; the panel is refreshed several times a second."""


class InterviewPanel(SidePanel):
    """The side panel of one running interview; the screen calls `show_interview` on every tick."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.disk_seconds: float | None = None
        """Seconds of recording the disk still holds, as last measured (None when it could not be measured)."""
        self._disk_checked = 0.0

    def show_interview(self, live: LiveInterview, *, state: str, live_text: str,
                       free_disk_seconds: Callable[[], float]) -> None:
        """Show the interview's progress, the loudest channel's level, and free disk from `free_disk_seconds`."""
        recorder = live.recorder
        dbfs = max(recorder.level.rms_dbfs) if recorder is not None else -120.0
        call_dbfs = None
        if recorder is not None and live.is_call and len(recorder.level.rms_dbfs) == 2:
            dbfs, call_dbfs = recorder.level.rms_dbfs
        now = time.monotonic()
        if now - self._disk_checked > DISK_CHECK_SECONDS:
            self._disk_checked = now
            try:
                self.disk_seconds = free_disk_seconds()
            except OSError:
                self.disk_seconds = None
        self.show(live.session, state=state, offset=live.offset, part=live.part_number, dbfs=dbfs,
                  disk_seconds=self.disk_seconds, live_text=live_text, call_dbfs=call_dbfs)
