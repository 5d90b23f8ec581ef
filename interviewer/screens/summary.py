"""Provides the summary after an interview, and the progress of its processing in the background."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static

from interviewer.screens.messages import ProcessingChanged
from interviewer.interview.running import LiveInterview
from interviewer.widgets.reply import clock_text

STAGES = {"queued": "Waiting to transcribe", "transcribing": "Transcribing", "anonymising": "Anonymising",
          "finishing live transcript": "Finishing the live transcript",
          "attributing speakers": "Transcript stored; telling the speakers apart",
          "done": "Transcribed and anonymised", "failed": "Processing failed",
          "needs passphrase": "Transcribed; anonymising needs the key passphrase (interviewer anonymise)"}

STAGES_ENDED = ("done", "failed", "needs passphrase", "none")
TRANSCRIPT_STORED = ("attributing speakers", "anonymising", "done", "needs passphrase")


class SummaryScreen(Screen):
    """What happened in the interview; transcription and anonymisation run meanwhile."""

    BINDINGS = [
        Binding("n", "next_interview", "Next interview"),
        Binding("h,escape", "home", "Home"),
        Binding("question_mark", "help", "Help", show=False),
    ]

    DEFAULT_CSS = """
    SummaryScreen VerticalScroll { padding: 0 2; }
    SummaryScreen #processing { height: auto; border: round $primary; padding: 0 1; margin-top: 1; }
    SummaryScreen ProgressBar { margin-top: 0; }
    """

    def __init__(self, live: LiveInterview):
        super().__init__()
        self.live = live
        self._counted_at = ""
        self._stored = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(self.summary_text(), id="summary")
            with VerticalScroll(id="processing"):
                yield Static(id="stage")
                yield ProgressBar(total=1.0, show_eta=False, id="progress")
        yield Footer(compact=True)

    def summary_text(self) -> Text:
        live = self.live
        session = live.session
        probes = sum(len(used) for used in session.probes_used.values())
        text = Text()
        text.append(f"Interview #{live.interview.id} with {live.interview.participant_code} — finished\n", style="bold")
        text.append(f"Recorded: {clock_text(live.recorded_seconds)} in {live.part_number} part(s)"
                    f" (planned {session.schedule.planned_minutes:.0f} min)\n")
        text.append(f"Items: {len(session.asked)} asked, {len(session.skipped)} skipped,"
                    f" {len(session.remaining)} not reached, of {len(session.items)}\n")
        text.append(f"Probes used: {probes}    Markers: {len(session.markers())}\n")
        covered = session.constructs_covered()
        text.append(f"NPT codes covered: {len(covered)} of {len(session.schedule.constructs_covered())}\n")
        text.append_text(self.prompts_text())
        notes = session.notes()
        if notes:
            text.append(f"Notes ({len(notes)}):\n", style="bold")
            for note in notes:
                text.append(f"  [{clock_text(note.offset)}] ", style="dim")
                text.append(f"{note.text}\n")
        return text

    def prompts_text(self) -> Text:
        """Which prompts the participant covered, when, and whether the interviewer confirmed each."""
        from interviewer.coverage.interview import coverage_summary, interview_prompt_marks

        live = self.live
        marks = interview_prompt_marks(self.app.study, live.interview.id, live.schedule)
        text = Text(f"Prompts: {coverage_summary(marks, live.schedule)}\n")
        for covered in marks:
            mark = covered.mark
            verdict = {"confirmed": "✓ confirmed", "cleared": "✗ cleared"}.get(mark.state, "≈ not confirmed")
            text.append(f"  [{clock_text(covered.seconds)}] ", style="dim")
            text.append(f"{mark.prompt}", style="strike dim" if mark.state == "cleared" else "")
            text.append(f" ({mark.item_id}) {verdict}\n", style="dim")
        return text

    def on_mount(self) -> None:
        self.app.sub_title = self.app.study.name
        if self.live.recorded_seconds > 0:
            self.app.start_processing(self.live.interview.id)
        self.show_processing()

    def on_processing_changed(self, _message: ProcessingChanged) -> None:
        self.show_processing()

    def show_processing(self) -> None:
        stage, fraction = self.app.config.processing.get(self.live.interview.id, ("none", 0.0))
        label = STAGES.get(stage, "No recording to process")
        stored = ""
        if stage in TRANSCRIPT_STORED and stage != self._counted_at:
            self._counted_at = stage  # once per stage: the count reads the transcript
            segments = self.app.study.segments(self.live.interview.id)
            words = sum(len(segment.words) for segment in segments)
            self._stored = f"\nTranscript stored: {len(segments)} segments, {words} words." if segments else ""
        if stage in TRANSCRIPT_STORED:
            stored = self._stored
        self.query_one("#stage", Static).update(
            Text.assemble((label, "bold red" if stage == "failed" else "bold"),
                          " — you can start the next interview meanwhile." if stage not in STAGES_ENDED else "",
                          stored))
        self.query_one("#progress", ProgressBar).update(progress=fraction if stage != "done" else 1.0)

    def action_home(self) -> None:
        self.app.open_home(replace=True)

    def action_next_interview(self) -> None:
        self.app.open_start_interview(replace=True)

    def action_help(self) -> None:
        from interviewer.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
