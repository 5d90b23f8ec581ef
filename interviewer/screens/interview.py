"""Provides the interview screen: keyboard actions on the schedule, and the workers that record, reopen and stop it."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

from interviewer.interview.running import LiveInterview
from interviewer.screens.live_transcription import LiveTranscriptionMixin
from interviewer.screens.prompt_coverage import PromptCoverageMixin
from interviewer.screens.messages import InterviewReopened, PartFinished, RecordingFailed, RecordingStarted
from interviewer.audio.capture import CALL_DEVICE
from interviewer.interview.session import SessionError, SessionEvent
from interviewer.store import FINAL_PASS
from interviewer.widgets.banner import Banner
from interviewer.widgets.interview_chat import InterviewChat
from interviewer.widgets.interview_panel import InterviewPanel
from interviewer.widgets.note_field import NoteField
from interviewer.widgets.reply import Reply


class InterviewScreen(LiveTranscriptionMixin, PromptCoverageMixin, Screen):
    """Runs one interview. Built with a new `live` interview, or with `resume_id` to continue an interrupted one."""

    BINDINGS = [
        Binding("enter,right", "act('next')", "Next", key_display="⏎"),
        Binding("left,b", "act('back')", "Back", key_display="←"),
        Binding("s", "act('skip')", "Skip"),
        Binding("1", "probe(1)", "Probe", key_display="1-9"),
        *(Binding(str(n), f"probe({n})", f"Probe {n}", show=False) for n in range(2, 10)),
        Binding("n", "note", "Note"),
        Binding("m", "act('marker')", "Mark"),
        Binding("c", "act('confirm')", "Confirm heard", show=False),
        Binding("C", "act('clear')", "Clear heard", show=False),
        Binding("p,space", "pause", "Pause"),
        Binding("g", "goto", "Go to"),
        Binding("d", "device", "Device", show=False),
        Binding("t", "toggle_live", "Live text", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("x", "stop", "Stop"),
        Binding("escape", "cancel_note", "Cancel note", show=False),
    ]

    AUTO_FOCUS = ""
    """Nothing takes focus: the keys belong to the screen, and the note field only while a note is typed."""

    def __init__(self, live: LiveInterview | None = None, *, resume_id: int | None = None,
                 device: int | str | None = None, channels: int = 1):
        super().__init__()
        self.live = live
        self.resume_id = resume_id
        self.device = device
        self.channels = channels
        self.state = "starting"
        """starting, recording, paused, lost (the input went away), stopping, stopped."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="main"):
                yield Banner(id="banner")
                yield InterviewChat(id="chat")
                yield NoteField(placeholder="Note (Enter saves, Esc cancels)", id="note")
            yield InterviewPanel(id="side")
        yield Footer(compact=True, show_command_palette=False)

    # -- opening ---------------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(self.app.config.tick_seconds, self.tick)
        if self.live is not None:
            self._opened()
            self.begin(self.device, self.channels)
        else:
            self.chat.add(Reply("info", f"Reopening interview #{self.resume_id}…"))
            self.reopen(self.resume_id)

    @work(thread=True, exclusive=True, group="recorder", exit_on_error=False)
    def reopen(self, interview_id: int) -> None:
        study = self.app.study.reopen()  # filing crashed parts hashes audio: not on the UI thread
        try:
            # Filing only: let go of the interview at once, or the UI thread's reopen below finds it locked.
            LiveInterview.reopen(study, interview_id, self.app.config.audio).close()
        except Exception as error:  # StoreError, a schedule that no longer loads, ...
            self.post_message(InterviewReopened(None, str(error)))
            return
        finally:
            study.close()
        self.post_message(InterviewReopened(interview_id))

    def on_interview_reopened(self, message: InterviewReopened) -> None:
        from interviewer.screens.choose_device import ChooseDeviceScreen

        if message.error:
            self.notify(message.error, severity="error", timeout=10)
            self.app.pop_screen()
            return
        self.live = LiveInterview.reopen(self.app.study, self.resume_id, self.app.config.audio)
        self._opened()
        session = self.live.session
        self.chat.add(Reply("info", f"Resuming: {len(session.asked)} asked, {len(session.skipped)} skipped,"
                                    f" {len(session.notes())} notes so far. A new recording part starts now."))

        def chosen(device) -> None:
            if device is None:
                self.notify("Not resumed.")
                self.app.pop_screen()
                return
            self.device = device
            self.begin(device, 2 if device == CALL_DEVICE else self.channels)

        self.app.push_screen(ChooseDeviceScreen("Continue recording from which input?"), chosen)

    def _opened(self) -> None:
        live = self.live
        self.app.live_ids.add(live.interview.id)
        self.sub_title = f"#{live.interview.id} {live.interview.participant_code} · {live.schedule.title}"
        self.app.sub_title = self.sub_title
        if not live.session.started and live.schedule.introduction:
            self.chat.add(Reply("info", Text.assemble(("Introduction: ", "bold"), live.schedule.introduction.strip())))
        self.tick()

    @work(thread=True, exclusive=True, group="recorder", exit_on_error=False)
    def begin(self, device, channels: int) -> None:
        try:
            path = self.live.open_part(device, channels, on_failure=self._recorder_failed)
        except Exception as error:  # RecorderError, DiskFull, PortAudio errors: the interviewer picks again
            self.post_message(RecordingFailed(f"Recording could not start: {error}"))
            return
        self._attach_live_part()
        self.post_message(RecordingStarted(str(path), self.live.part_number))

    # -- recording ------------------------------------------------------------------------------------

    def _recorder_failed(self, error: Exception) -> None:
        # Called on the recorder's thread: only post a message.
        self.post_message(RecordingFailed(str(error)))

    def on_recording_started(self, message: RecordingStarted) -> None:
        self.state = "recording"
        self.query_one(Banner).hide()
        self._start_live_part(message.part)
        self.show(self.live.take_up())

    def on_recording_failed(self, message: RecordingFailed) -> None:
        self.state = "lost"
        self.query_one(Banner).show_warning(
            f"⚠ {message.message}\nEverything so far is saved. Press d to continue on another input"
            " (a new part of this interview), or x to stop.")
        self.chat.add(Reply("warning", "recording stopped: input lost"))
        if self.live.recorder is not None:
            self.finish(then="wait", status="interrupted")

    @property
    def chat(self) -> InterviewChat:
        return self.query_one(InterviewChat)

    # -- the conversation ------------------------------------------------------------------------------

    def show(self, events: list[SessionEvent]) -> None:
        """Add the replies and cards for events the session just produced."""
        session = self.live.session
        self.chat.add_events(events, session, session.elapsed(self.live.offset))
        self.tick()

    def _ready(self) -> bool:
        if self.live is None or self.state == "starting":
            return False
        return not self.query_one(NoteField).is_open

    def action_act(self, action: str) -> None:
        self._act(action)

    def action_probe(self, number: int) -> None:
        self._act("probe", number)

    def _act(self, action: str, *args) -> None:
        if not self._ready():
            return
        try:
            events = self.live.act(action, *args)
        except SessionError as error:
            self.notify(str(error), severity="warning", timeout=3)
            return
        self.show(events)

    def action_pause(self) -> None:
        if not self._ready() or self.state not in ("recording", "paused"):
            return
        self.action_act("resume" if self.live.session.paused else "pause")
        self.state = "paused" if self.live.session.paused else "recording"
        self.tick()

    def action_note(self) -> None:
        if not self._ready():
            return
        self.query_one(NoteField).open()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.action_cancel_note()
        if text:
            self.show(self.live.act("note", text))

    def action_cancel_note(self) -> None:
        self.query_one(NoteField).close()

    def action_goto(self) -> None:
        from interviewer.screens.jump import JumpScreen

        if not self._ready():
            return

        def chosen(item_id: str | None) -> None:
            if item_id:
                self.show(self.live.act("goto", item_id))

        self.app.push_screen(JumpScreen(self.live.session), chosen)

    def action_toggle_live(self) -> None:
        chat = self.chat
        chat.show_speech = not chat.show_speech
        self.notify("Live transcript shown." if chat.show_speech else "Live transcript hidden (still recorded).",
                    timeout=2)

    def action_help(self) -> None:
        from interviewer.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_device(self) -> None:
        from interviewer.screens.choose_device import ChooseDeviceScreen

        if self.state != "lost":
            self.notify("Press d after an input was lost to continue on another one.", timeout=3)
            return

        def chosen(device) -> None:
            if device is not None:
                self.device = device
                self.state = "starting"
                self.begin(device, 2 if device == CALL_DEVICE else self.channels)

        self.app.push_screen(ChooseDeviceScreen("Continue on which input?"), chosen)

    # -- stopping --------------------------------------------------------------------------------------

    def action_stop(self) -> None:
        from interviewer.screens.confirm import ConfirmScreen

        if self.live is None or self.state in ("starting", "stopping"):
            return
        asked, total = len(self.live.session.asked), len(self.live.session.items)

        def answered(stop: bool) -> None:
            if stop:
                self.state = "stopping"
                self.live.record(self.live.session.end(self.live.offset))
                self.finish(then="summary", status="recorded")

        self.app.push_screen(ConfirmScreen(f"Stop the interview and the recording?\n{asked} of {total} items asked."),
                             answered)

    @work(thread=True, group="finish", exit_on_error=False)
    def finish(self, then: str, status: str) -> None:
        try:
            result = self.live.finish_part(status)
            if then == "summary" and result is None and self.live.recorded_seconds > 0:
                # The part had already ended (a lost device): the interview itself is now finished.
                self.live.writer.submit(lambda s: s.update_interview(
                    self.live.interview.id, status=status, pending_stage=FINAL_PASS)).result()
            self.live.writer.flush()
        except Exception as error:  # a write that failed: the summary shows it, the audio is on disk
            self.post_message(PartFinished(then, f"Saving failed: {error}"))
            return
        self.post_message(PartFinished(then))

    def on_part_finished(self, message: PartFinished) -> None:
        if message.message:
            self.notify(message.message, severity="error", timeout=10)
        self._end_live_transcription(hand_over=message.then == "summary", quitting=message.then == "quit")
        if message.then != "wait":  # a lost input: the next part goes on being judged
            self._end_coverage()
        if message.then == "quit":
            self.app.live_ids.discard(self.live.interview.id)
            self.live.close()
            self.app.exit()
        elif message.then == "summary":
            self.state = "stopped"
            self.app.live_ids.discard(self.live.interview.id)
            self.live.close()
            self.app.open_summary(self.live)

    # -- the side panel --------------------------------------------------------------------------------

    def tick(self) -> None:
        if self.live is None:
            return
        self.query_one(InterviewPanel).show_interview(self.live, state=self.state, live_text=self._live_side_text(),
                                                      free_disk_seconds=self._free_disk_seconds)

    def on_unmount(self) -> None:
        self._end_coverage()

    def _free_disk_seconds(self) -> float:
        return self.app.config.audio.free_disk_seconds(self.app.study.folder, self.live.channels)
