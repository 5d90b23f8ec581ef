"""Provides the interview screen: the schedule as a conversation, keyboard actions, and the side panel."""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from interviewer.live_interview import LiveInterview
from interviewer.screens.messages import (
    InterviewReopened, LiveLines, LiveTranscriptionFailed, PartFinished, RecordingFailed, RecordingStarted,
)
from interviewer.session import SessionError, SessionEvent
from interviewer.widgets.chat_log import ChatLog
from interviewer.widgets.item_card import ItemCard
from interviewer.widgets.reply import Reply
from interviewer.widgets.side_panel import SidePanel
from interviewer.widgets.spoken import Spoken

DISK_CHECK_SECONDS = 5.0


class InterviewScreen(Screen):
    """Runs one interview. Built with a new `live` interview, or with `resume_id` to continue an interrupted one."""

    BINDINGS = [
        Binding("enter,right", "act('next')", "Next", key_display="⏎"),
        Binding("left,b", "act('back')", "Back", key_display="←"),
        Binding("s", "act('skip')", "Skip"),
        Binding("1", "probe(1)", "Probe", key_display="1-9"),
        *(Binding(str(n), f"probe({n})", f"Probe {n}", show=False) for n in range(2, 10)),
        Binding("n", "note", "Note"),
        Binding("m", "act('marker')", "Mark"),
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

    DEFAULT_CSS = """
    InterviewScreen #banner {
        display: none; height: auto; background: $error 30%; color: $text; padding: 0 1; text-style: bold;
    }
    InterviewScreen #banner.-shown { display: block; }
    InterviewScreen #note { display: none; dock: bottom; }
    InterviewScreen #note.-shown { display: block; }
    InterviewScreen ChatLog.-no-speech Spoken { display: none; }
    """

    def __init__(self, live: LiveInterview | None = None, *, resume_id: int | None = None,
                 device: int | str | None = None, channels: int = 1):
        super().__init__()
        self.live = live
        self.resume_id = resume_id
        self.device = device
        self.channels = channels
        self.state = "starting"
        self.cards: dict[str, ItemCard] = {}
        self.disk_seconds: float | None = None
        self._disk_checked = 0.0
        self.live_transcript = None
        """The `live_part.LiveTranscript` of this interview (None when live transcription is off)."""
        self.live_status = ""
        """What the side panel says about live transcription: loading, behind, off."""
        self.show_speech = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="main"):
                yield Static(id="banner")
                yield ChatLog(id="chat")
                yield Input(placeholder="Note (Enter saves, Esc cancels)", id="note")
            yield SidePanel(id="side")
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
            live = LiveInterview.reopen(study, interview_id, self.app.config.audio)
            live.writer.flush()
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
            self.begin(device, self.channels)

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

    # -- live transcription ----------------------------------------------------------------------------

    def _attach_live_part(self) -> None:
        """Listen to the new part's audio at once (on the recorder worker); the model is loaded afterwards."""
        recorder = self.live.recorder
        if self.app.config.live_model is None or not hasattr(recorder, "add_listener"):
            return
        from interviewer.live_part import LivePart, LiveTranscript
        from interviewer.pipeline import interviewer_channel

        if self.live_transcript is None:
            self.live_transcript = LiveTranscript()
        code = self.live.interview.participant_code
        names = ("Interviewer", code) if interviewer_channel(self.app.study) != 1 else (code, "Interviewer")
        number = self.live.part_number
        part = LivePart(number, recorder.path, recorder.channels, recorder.samplerate, channel_names=names,
                        on_lines=lambda lines: self.post_message(LiveLines(lines)),
                        on_failure=lambda error: self.post_message(LiveTranscriptionFailed(number, str(error))),
                        seconds_before=self.live.recorded_seconds)
        recorder.add_listener(part.listen)
        self.live_transcript.add(part)

    @work(thread=True, group="live-model", exit_on_error=False)
    def _load_live_model(self, part) -> None:
        try:
            transcriber = self.app.live_transcriber()
        except Exception as error:  # no model, a broken model file: the interview goes on without live text
            part.fail(error)
            return
        self.live_transcript.model_name = transcriber.model_name
        part.start(transcriber)

    def on_live_lines(self, message: LiveLines) -> None:
        chat = self.chat
        widgets = []
        for line in message.lines:
            part = self._live_part(line.part)
            seconds = (part.seconds_before if part is not None else 0.0) + line.start
            last = widgets[-1] if widgets else (chat.children[-1] if chat.children else None)
            if isinstance(last, Spoken) and last.can_take(line.speaker, line.part, seconds):
                last.extend(line.text, seconds + line.end - line.start)
                continue
            role = "interviewer" if line.speaker == "Interviewer" else (
                "speech" if line.speaker == "Speech" else "participant")
            widgets.append(Spoken(line.speaker, seconds, line.text, role, line.part))
        if widgets:
            chat.add(*widgets)

    def on_live_transcription_failed(self, message: LiveTranscriptionFailed) -> None:
        self.notify(f"Live transcription stopped ({message.error}). Recording continues; the transcript is made"
                    " after the interview instead.", severity="warning", timeout=8)
        self.chat.add(Reply("warning", "live transcription stopped; recording continues"))
        self.tick()

    def _live_part(self, number: int):
        if self.live_transcript is None:
            return None
        return next((part for part in self.live_transcript.parts if part.part == number), None)

    def action_toggle_live(self) -> None:
        self.show_speech = not self.show_speech
        self.chat.set_class(not self.show_speech, "-no-speech")
        self.notify("Live transcript shown." if self.show_speech else "Live transcript hidden (still recorded).",
                    timeout=2)

    def _live_side_text(self) -> str:
        part = self._live_part(self.live.part_number) if self.live is not None else None
        if part is None or self.state in ("stopping", "stopped"):
            return ""
        if part.error is not None:
            return "Live transcript: off"
        behind = part.seconds_behind
        if behind is None:
            return "Live transcript: loading"
        return f"Live transcript: {behind:.0f} s behind" + ("" if self.show_speech else " (hidden)")

    def _recorder_failed(self, error: Exception) -> None:
        # Called on the recorder's thread: only post a message.
        self.post_message(RecordingFailed(str(error)))

    def on_recording_started(self, message: RecordingStarted) -> None:
        self.state = "recording"
        self._hide_banner()
        part = self._live_part(message.part)
        if part is not None:
            self._load_live_model(part)
        self.show(self.live.take_up())

    def on_recording_failed(self, message: RecordingFailed) -> None:
        self.state = "lost"
        banner = self.query_one("#banner", Static)
        banner.update(f"⚠ {message.message}\nEverything so far is saved. Press d to continue on another input"
                      " (a new part of this interview), or x to stop.")
        banner.add_class("-shown")
        self.chat.add(Reply("warning", "recording stopped: input lost"))
        if self.live.recorder is not None:
            self.finish(then="wait", status="interrupted")

    def _hide_banner(self) -> None:
        self.query_one("#banner", Static).remove_class("-shown")

    @property
    def chat(self) -> ChatLog:
        return self.query_one("#chat", ChatLog)

    # -- the conversation ------------------------------------------------------------------------------

    def show(self, events: list[SessionEvent]) -> None:
        """Add the replies and cards for events the session just produced."""
        live = self.live
        session = live.session
        widgets = []
        seconds = session.elapsed(live.offset)
        for event in events:
            kind = event.kind
            if kind == "item":
                if event.item_id is None:
                    closing = live.schedule.closing.strip() or "Thank the participant."
                    widgets.append(Reply("info", Text.assemble(
                        ("Every item is done. ", "bold"), closing, "\nPress x to stop, or g to go back to an item.")))
                    continue
                item = live.schedule.item(event.item_id)
                card = ItemCard(item, live.schedule.section_of(item.id).title, session.probes_used.get(item.id))
                self.cards[item.id] = card
                widgets.append(card)
            elif kind == "asked":
                widgets.append(Reply("asked", "asked", seconds))
            elif kind == "skipped":
                widgets.append(Reply("skipped", "skipped", seconds))
            elif kind == "probe":
                card = self.cards.get(event.item_id)
                if card is not None:
                    card.mark_probe(event.probe)
                widgets.append(Reply("probe", f"probe {event.probe}: {event.text}", seconds))
            elif kind == "note":
                widgets.append(Reply("note", event.text, seconds))
            elif kind == "marker":
                widgets.append(Reply("marker", "marker" + (f": {event.text}" if event.text else ""), seconds))
            elif kind == "pause":
                widgets.append(Reply("pause", "recording paused", seconds))
            elif kind == "resume":
                widgets.append(Reply("resume", "recording resumed", seconds))
            elif kind == "part":
                widgets.append(Reply("part", f"recording {event.text}", seconds))
        if widgets:
            self.chat.add(*widgets)
        self.tick()

    def _ready(self) -> bool:
        if self.live is None or self.state == "starting":
            return False
        if self.query_one("#note", Input).has_class("-shown"):
            return False
        return True

    def action_act(self, action: str) -> None:
        if not self._ready():
            return
        try:
            events = self.live.act(action)
        except SessionError as error:
            self.notify(str(error), severity="warning", timeout=3)
            return
        self.show(events)

    def action_probe(self, number: int) -> None:
        if not self._ready():
            return
        try:
            events = self.live.act("probe", number)
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
        note = self.query_one("#note", Input)
        note.add_class("-shown")
        note.value = ""
        note.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.action_cancel_note()
        if text:
            self.show(self.live.act("note", text))

    def action_cancel_note(self) -> None:
        note = self.query_one("#note", Input)
        note.remove_class("-shown")
        note.value = ""
        self.set_focus(None)

    def action_goto(self) -> None:
        from interviewer.screens.jump import JumpScreen

        if not self._ready():
            return

        def chosen(item_id: str | None) -> None:
            if item_id:
                self.show(self.live.act("goto", item_id))

        self.app.push_screen(JumpScreen(self.live.session), chosen)

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
                self.begin(device, self.channels)

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
                self.live.writer.submit(lambda s: s.update_interview(self.live.interview.id, status=status)).result()
            self.live.writer.flush()
        except Exception as error:  # a write that failed: the summary shows it, the audio is on disk
            self.post_message(PartFinished(then, f"Saving failed: {error}"))
            return
        self.post_message(PartFinished(then))

    def on_part_finished(self, message: PartFinished) -> None:
        from interviewer.screens.summary import SummaryScreen

        if message.message:
            self.notify(message.message, severity="error", timeout=10)
        if self.live_transcript is not None:
            self.live_transcript.end()  # what is still queued goes on being transcribed
            if message.then == "summary" and self.live_transcript.parts:
                self.app.live_transcripts[self.live.interview.id] = self.live_transcript
        if message.then == "quit":
            self.app.live_ids.discard(self.live.interview.id)
            self.live.close()
            self.app.exit()
        elif message.then == "summary":
            self.state = "stopped"
            self.app.live_ids.discard(self.live.interview.id)
            self.live.close()
            self.app.switch_screen(SummaryScreen(self.live))

    # -- the side panel --------------------------------------------------------------------------------

    def tick(self) -> None:
        live = self.live
        if live is None:
            return
        recorder = live.recorder
        dbfs = max(recorder.level.rms_dbfs) if recorder is not None else -120.0
        now = time.monotonic()
        if now - self._disk_checked > DISK_CHECK_SECONDS:
            self._disk_checked = now
            try:
                self.disk_seconds = self.app.config.audio.free_disk_seconds(self.app.study.folder, live.channels)
            except OSError:
                self.disk_seconds = None
        self.query_one(SidePanel).show(live.session, state=self.state, offset=live.offset, part=live.part_number,
                                       dbfs=dbfs, disk_seconds=self.disk_seconds, live_text=self._live_side_text())
