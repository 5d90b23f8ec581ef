"""Provides prompt coverage for the interview screen: the participant's live words marked against the schedule."""

from __future__ import annotations

import time

from textual import work

from interviewer.screens.messages import CoverageFailed, CoverageSuggested


class PromptCoverageMixin:
    """Mixed into InterviewScreen, which provides `live`, `state`, `chat`, `tick` and `notify`.

    The detector runs on a thread worker fed from the live transcript; suggestions come back as messages
    and become `covered` events on the timeline. `c` confirms the newest suggestion, `C` clears it.
    """

    coverage = None
    """The `live_coverage.LiveCoverage` of this interview (None until live transcription starts, or when off)."""
    coverage_delays: list[float] = []
    """Seconds from the live transcript showing the words to the mark appearing, per suggestion."""

    def _start_coverage(self) -> None:
        make_detector = self.app.config.coverage
        if self.coverage is not None or make_detector is None or self.live is None:
            return
        from interviewer.interview.live_coverage import LiveCoverage

        self.coverage_delays = []
        self.coverage = LiveCoverage(self.live.schedule, lambda found: self.post_message(CoverageSuggested(found)),
                                     make_detector=make_detector)
        self._run_coverage(self.coverage)

    @work(thread=True, group="coverage", exit_on_error=False)
    def _run_coverage(self, coverage) -> None:
        # Normal priority on purpose: this thread holds the interpreter lock between numpy calls, and a
        # starved holder would stall the screen (as app.live_transcriber explains); its work is small.
        try:
            coverage.run()
        except Exception as error:  # no model, a damaged file: the interview goes on without suggestions
            self.post_message(CoverageFailed(str(error)))

    def _hear_for_coverage(self, lines: list) -> None:
        if self.coverage is not None and self.live is not None:
            self.coverage.hear(lines, self.live.session.current_id, stereo=self.live.channels == 2)

    def _end_coverage(self) -> None:
        if self.coverage is not None:
            self.coverage.close()

    def on_coverage_suggested(self, message: CoverageSuggested) -> None:
        live = self.live
        if live is None or self.state in ("stopping", "stopped"):
            return  # the timeline is closed: words judged after the stop are not marked
        events = []
        for found in message.suggestions:
            if found.part != live.part_number:
                continue  # said in a part that has ended: its offsets no longer fit the timeline
            made = live.session.suggest(found.item_id, found.index, found.evidence, found.offset)
            if made:
                self.coverage_delays.append(time.monotonic() - found.heard_at)
            events += made
        if events:
            live.record(events)
            self.chat.add_events(events, live.session, live.session.elapsed(live.offset))
            self.tick()

    def on_coverage_failed(self, message: CoverageFailed) -> None:
        self.notify(f"Prompt suggestions stopped ({message.error}); the interview goes on.", severity="warning",
                    timeout=8)
