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

STAGES = {"queued": "Final pass waiting for another interview's to finish",
          "finishing live draft": "Finishing the live draft",
          "draft stored": "Live draft stored; the final pass over the whole recording follows",
          "transcribing": "Final pass: transcribing the whole recording",
          "anonymising": "Final transcript stored; anonymising",
          "done": "Final transcript stored and anonymised", "failed": "Processing failed",
          "needs passphrase": "Final transcript stored; anonymising needs the key passphrase (interviewer anonymise)"}

STAGES_ENDED = ("done", "failed", "needs passphrase", "none")
TRANSCRIPT_STORED = ("anonymising", "done", "needs passphrase")
SHOWN_TURNS = 200
"""The summary shows the transcript's first turns; `interviewer transcript show` has them all."""


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
    SummaryScreen #transcript { height: auto; margin-top: 1; }
    """

    def __init__(self, live: LiveInterview):
        super().__init__()
        self.live = live
        self._read_at = ""
        self._counts = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(self.summary_text(), id="summary")
            with VerticalScroll(id="processing"):
                yield Static(id="stage")
                yield ProgressBar(total=1.0, show_eta=False, id="progress")
            yield Static(id="transcript")
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
        if stage != self._read_at:
            self._read_at = stage  # once per stage: reading the transcript is not free
            self._show_transcript(final=stage in TRANSCRIPT_STORED)
        self.query_one("#stage", Static).update(
            Text.assemble((label, "bold red" if stage == "failed" else "bold"),
                          " — you can start the next interview or quit meanwhile (an unfinished pass resumes"
                          " at the next start)." if stage not in STAGES_ENDED else "",
                          self._counts))
        self.query_one("#progress", ProgressBar).update(progress=fraction if stage != "done" else 1.0)

    def _show_transcript(self, final: bool) -> None:
        """The counts of the live draft and the final transcript, and the newest of the two, turn by turn."""
        from interviewer.export.document import draft_turns, timestamp, turns_from_segments

        study, interview_id = self.app.study, self.live.interview.id
        draft = draft_turns(study, interview_id)
        segments = study.segments(interview_id) if final else []
        counts = []
        if draft:
            counts.append(f"Live draft: {len(draft)} turns, {sum(len(t.text.split()) for t in draft)} words.")
        if segments:
            words = sum(len(segment.words) for segment in segments)
            counts.append(f"Final transcript: {len(segments)} segments, {words} words.")
        self._counts = "".join(f"\n{line}" for line in counts)
        turns = turns_from_segments(segments, anonymised=False) if segments else draft
        text = Text()
        if turns:
            text.append("Transcript (final pass)\n" if segments else
                        "Live draft (the final pass over the recording replaces it)\n", style="bold")
        for turn in turns[:SHOWN_TURNS]:
            text.append(f"[{timestamp(turn.start)}] ", style="dim")
            text.append(f"{turn.speaker}: ", style="bold")
            text.append(f"{turn.text}\n")
        if len(turns) > SHOWN_TURNS:
            text.append(f"… {len(turns) - SHOWN_TURNS} more: interviewer transcript show {interview_id} --original\n",
                        style="dim")
        self.query_one("#transcript", Static).update(text)

    def action_home(self) -> None:
        self.app.open_home(replace=True)

    def action_next_interview(self) -> None:
        self.app.open_start_interview(replace=True)

    def action_help(self) -> None:
        from interviewer.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
