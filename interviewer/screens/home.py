"""Provides the home screen: the study's participants and consent, its interviews and what needs attention."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interviewer.screens.messages import ProcessingChanged
from interviewer.interview.running import has_audio_consent, is_interrupted


STAGE_NAMES = {"transcribing": "final pass", "finishing live draft": "live draft", "draft stored": "live draft"}
"""Processing stages as the interviews table shows them (short)."""


class HomeScreen(Screen):
    """Participants, interviews and a to-do list; start or resume an interview from here."""

    BINDINGS = [
        Binding("n", "new_interview", "New interview"),
        Binding("r", "resume", "Resume"),
        Binding("t", "process", "Transcribe"),
        Binding("f", "finish", "Finish", show=False),
        Binding("v", "review", "Review", show=False),
        Binding("e", "edit_transcript", "Edit transcript", show=False),
        Binding("f5", "refresh", "Refresh", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+t", "app.toggle_theme", "Light/dark"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    HomeScreen .heading { text-style: bold; color: $accent; height: 1; }
    HomeScreen #participants { height: 1fr; min-height: 4; }
    HomeScreen #interviews { height: 1fr; min-height: 4; }
    HomeScreen #attention { height: auto; max-height: 6; padding: 0 1; border-top: solid $primary; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static("Participants", classes="heading")
            yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
            yield Static("Interviews", classes="heading")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static(id="attention")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        participants = self.query_one("#participants", DataTable)
        participants.add_columns("Code", "Role", "Sector", "Gender", "Audio consent")
        interviews = self.query_one("#interviews", DataTable)
        interviews.add_columns("#", "Participant", "Mode", "Schedule", "Minutes", "Status")
        self.action_refresh()
        interviews.focus()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        study = self.app.study
        participants = self.query_one("#participants", DataTable)
        participants.clear()
        attention = []
        for participant in study.participants():
            consented = has_audio_consent(study, participant.code)
            participants.add_row(participant.code, participant.role or "", participant.sector or "",
                                 participant.gender or "",
                                 Text("yes", style="green") if consented else Text("no", style="dark_orange3"),
                                 key=participant.code)
        interviews = self.query_one("#interviews", DataTable)
        selected = interviews.cursor_row
        interviews.clear()
        for interview in study.interviews():
            minutes = sum(r.duration for r in study.recordings(interview.id)) / 60
            status = self._status(interview)
            interviews.add_row(f"{interview.id}", interview.participant_code, interview.mode,
                               interview.schedule_id or "-", f"{minutes:.1f}", status, key=str(interview.id))
            if is_interrupted(study, interview, self.app.live_ids):
                attention.append(f"Interview #{interview.id} ({interview.participant_code}) was interrupted:"
                                 " select it and press r to resume (f: finish without resuming).")
            elif self.app.config.processing.get(interview.id, ("",))[0] == "failed":
                attention.append(f"Interview #{interview.id}'s processing failed: select it and press t to try again.")
            elif interview.status == "recorded" and interview.id not in self.app.config.processing:
                attention.append(f"Interview #{interview.id} is not transcribed yet: select it and press t.")
            elif interview.status == "anonymised":
                attention.append(f"Interview #{interview.id}'s anonymisation needs review: select it and press v.")
        if selected is not None and interviews.row_count:
            interviews.move_cursor(row=min(selected, interviews.row_count - 1))
        if not study.participants():
            attention.append("No participants yet. Add one with: interviewer participant add CODE")
        self.query_one("#attention", Static).update(
            "\n".join(attention) if attention else Text("Nothing needs attention.", style="dim"))

    def _status(self, interview) -> Text:
        stage = self.app.config.processing.get(interview.id)
        if stage and stage[0] not in ("done", "failed", "needs passphrase"):
            return Text(f"{STAGE_NAMES.get(stage[0], stage[0])} {stage[1]:.0%}", style="dodger_blue2")
        if is_interrupted(self.app.study, interview, self.app.live_ids):
            return Text("interrupted", style="bold dark_orange3")
        if interview.id in self.app.live_ids:
            return Text("recording", style="bold red")
        return Text(interview.status)

    def on_processing_changed(self, _message: ProcessingChanged) -> None:
        self.show_processing()

    def show_processing(self) -> None:
        self.action_refresh()

    def _selected_interview(self) -> int | None:
        table = self.query_one("#interviews", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key
        return int(key.value)

    def action_new_interview(self) -> None:
        table = self.query_one("#participants", DataTable)
        code = None
        if table.row_count and self.focused is table:
            code = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        self.app.open_start_interview(participant=code)

    def action_resume(self) -> None:
        interview_id = self._selected_interview()
        if interview_id is None:
            self.notify("No interview selected.", severity="warning")
            return
        interview = self.app.study.interview(interview_id)
        if not is_interrupted(self.app.study, interview, self.app.live_ids):
            self.notify(f"Interview #{interview_id} is {interview.status}: only interrupted interviews resume.",
                        severity="warning")
            return
        self.app.open_interview(resume_id=interview_id)

    def action_finish(self) -> None:
        """Close an interrupted interview without resuming it, so that it can be transcribed."""
        from interviewer.screens.confirm import ConfirmScreen

        interview_id = self._selected_interview()
        if interview_id is None:
            return
        if not is_interrupted(self.app.study, self.app.study.interview(interview_id), self.app.live_ids):
            self.notify("Only an interrupted interview can be finished without resuming it.", severity="warning")
            return

        def answered(finish: bool) -> None:
            if finish:
                self._finish(interview_id)

        self.app.push_screen(ConfirmScreen(f"Finish interview #{interview_id} without resuming it?\n"
                                           "What was recorded is kept and can be transcribed."), answered)

    @work(thread=True, group="finish", exit_on_error=False)
    def _finish(self, interview_id: int) -> None:
        from interviewer.interview.running import file_orphan_parts

        study = self.app.study.reopen()  # filing a crashed part hashes its audio
        try:
            file_orphan_parts(study, interview_id)
            study.update_interview(interview_id, status="recorded")
        finally:
            study.close()
        self.app.call_from_thread(self.action_refresh)

    def action_process(self) -> None:
        interview_id = self._selected_interview()
        if interview_id is None:
            return
        interview = self.app.study.interview(interview_id)
        if interview.status in ("planned", "recording", "interrupted") or not self.app.study.recordings(interview_id):
            self.notify(f"Interview #{interview_id} has no finished recording to transcribe.", severity="warning")
            return
        from interviewer.review.transcript import corrections

        corrected = len(corrections(self.app.study, interview_id))
        if not corrected:
            self.app.start_processing(interview_id)
            self.action_refresh()
            return
        from interviewer.screens.confirm import ConfirmScreen

        def answered(again: bool) -> None:
            if again:
                from interviewer.review.transcript import release_corrections

                release_corrections(self.app.study, interview_id)
                self.app.start_processing(interview_id)
                self.action_refresh()

        self.app.push_screen(ConfirmScreen(
            f"Interview #{interview_id}'s transcript has {corrected} corrected segment(s). Transcribing it again "
            "replaces them (they stay in the audit log). Transcribe again?"), answered)

    def action_review(self) -> None:
        from interviewer.screens.review import ReviewScreen

        interview_id = self._selected_interview()
        if interview_id is not None:
            self.app.push_screen(ReviewScreen(interview_id))

    def action_edit_transcript(self) -> None:
        from interviewer.screens.transcript_review import TranscriptReviewScreen

        interview_id = self._selected_interview()
        if interview_id is None:
            return
        if not self.app.study.segments(interview_id):
            self.notify(f"Interview #{interview_id} has no transcript yet: press t to transcribe it.",
                        severity="warning")
            return
        self.app.push_screen(TranscriptReviewScreen(interview_id))

    def action_help(self) -> None:
        from interviewer.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
