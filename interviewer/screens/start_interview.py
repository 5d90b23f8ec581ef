"""Provides the start-interview screen: participant, schedule, mode, input, the consent gate and a pre-flight check."""

from __future__ import annotations

import logging
import threading

from rich.text import Text
from interviewer.audio.capture import CALL_DEVICE as CALL
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Label, Select, Static

from interviewer.interview.running import ConsentMissing, LiveInterview, has_audio_consent
from interviewer.screens.messages import LevelChecked, LevelReading
from interviewer.store import MODES
from interviewer.widgets.level_meter import LevelMeter

log = logging.getLogger(__name__)

SCHEDULE_LABEL = 44
"""Characters of 'id: title' shown in the schedule list, so it stays on one line beside its button at 80 columns."""
VERDICT_STYLES = {"fine": "bold green", "too quiet": "bold dark_orange3", "clipping": "bold red", "silent": "bold red",
                  "error": "bold red", "no call audio": "bold dark_orange3", "echo": "bold dark_orange3",
                  "unavailable": "bold red"}
CALL_OPTION = "Call on this computer: microphone + call audio"


class StartInterviewScreen(Screen):
    """Choose who, which schedule, how and on which input; recording needs the participant's consent."""

    BINDINGS = [
        Binding("ctrl+r", "start", "Start recording"),
        Binding("ctrl+l", "check", "Check input"),
        Binding("ctrl+n", "new_participant", "New participant"),
        Binding("ctrl+o", "add_schedule", "Own schedule", show=False),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    DEFAULT_CSS = """
    StartInterviewScreen VerticalScroll { padding: 0 1; }
    StartInterviewScreen .row { height: auto; }
    StartInterviewScreen .row { margin-bottom: 1; }
    StartInterviewScreen .row Label { width: 14; }
    StartInterviewScreen .row Select { width: 1fr; }
    StartInterviewScreen #consent { height: auto; margin: 0 0 1 14; }
    StartInterviewScreen #consent-now { margin: 0 0 1 14; }
    StartInterviewScreen #preflight { height: auto; border: round $primary; padding: 0 1; }
    StartInterviewScreen #buttons { height: auto; align-horizontal: right; }
    StartInterviewScreen Button { margin-left: 2; }
    StartInterviewScreen #new-participant, StartInterviewScreen #add-schedule { margin-left: 1; }
    """

    def __init__(self, participant: str | None = None):
        super().__init__()
        self.initial_participant = participant
        self.verdict: str | None = None
        self.warned_once = False
        self.schedule_problem: str | None = None
        self.call_input = None
        """`call.CallInput`: whether a call made on this computer can be recorded here (None: not looked yet)."""
        self._stop_listening = threading.Event()
        self._preloaded: set[str | None] = set()
        """Schedules whose models and prompts were made ready (None: the models alone, no schedule chosen)."""

    def compose(self) -> ComposeResult:
        study = self.app.study
        codes = [p.code for p in study.participants()]
        self.schedules = {s.id: s for s in self._schedules()}
        yield Header()
        with VerticalScroll():
            with Horizontal(classes="row"):
                yield Label("Participant")
                yield Select([(code, code) for code in codes], id="participant",
                             value=self.initial_participant if self.initial_participant in codes else
                             (codes[0] if len(codes) == 1 else Select.NULL),
                             prompt="choose a participant", compact=True)
                yield Button("New…", id="new-participant", compact=True)
            yield Static(id="consent")
            yield Checkbox("They have just agreed to audio recording (this is logged)", id="consent-now", compact=True)
            with Horizontal(classes="row"):
                yield Label("Schedule")
                yield Select(self._schedule_options(), id="schedule",
                             value=next(iter(self.schedules), Select.NULL), allow_blank=False, compact=True)
                yield Button("Add…", id="add-schedule", compact=True)
            with Horizontal(classes="row"):
                yield Label("Mode")
                yield Select([(mode, mode) for mode in MODES], id="mode", value="face-to-face", allow_blank=False,
                             compact=True)
            with Horizontal(classes="row"):
                yield Label("Input")
                yield Select([], id="device", prompt="looking for input devices…", compact=True)
            with Horizontal(classes="row"):
                yield Label("Channels")
                yield Select([("mono", 1), ("stereo (phone adapter: one party per channel)", 2)], id="channels",
                             value=1, allow_blank=False, compact=True)
            with Vertical(id="preflight"):
                yield LevelMeter(id="meter")
                call_meter = LevelMeter(id="meter-call")
                call_meter.display = False  # shown when the call input is chosen
                yield call_meter
                yield Static("Checking the input…", id="verdict")
                yield Static(id="disk")
                yield Static(id="model")
            with Horizontal(id="buttons"):
                yield Button("Check input", id="check", compact=True)
                yield Button("Start recording", id="start", variant="success", compact=True)
        yield Footer(compact=True)

    def _schedules(self):
        from interviewer.schedule import ScheduleError, bundled_schedules
        from interviewer.schedule.study import available_schedules

        try:
            return available_schedules(self.app.study)
        except ScheduleError as error:
            self.schedule_problem = str(error)
            return bundled_schedules()

    def _schedule_options(self) -> list[tuple[str, str]]:
        return [(f"{s.id}: {s.title}"[:SCHEDULE_LABEL], s.id) for s in self.schedules.values()]

    def on_mount(self) -> None:
        if self.schedule_problem:
            self.notify(f"One of the study's schedules is invalid and is not offered:\n{self.schedule_problem}",
                        severity="error", timeout=12)
        self.query_one("#participant", Select).focus()
        self.show_consent()
        self.load_devices()
        self.check_model()
        self._preload_for(self.schedules.get(self._choice("#schedule")))

    def on_unmount(self) -> None:
        self._stop_listening.set()

    # -- consent ---------------------------------------------------------------------------------------

    @property
    def participant(self) -> str | None:
        value = self.query_one("#participant", Select).value
        return None if value is Select.NULL else str(value)

    @on(Button.Pressed, "#new-participant")
    def action_new_participant(self) -> None:
        from interviewer.screens.add_participant import AddParticipantScreen

        self.app.push_screen(AddParticipantScreen(), self._participant_added)

    def _participant_added(self, code: str | None) -> None:
        if code is None:
            return
        select = self.query_one("#participant", Select)
        select.set_options([(p.code, p.code) for p in self.app.study.participants()])
        select.value = code
        self.notify(f"Added participant {code}.")

    @on(Button.Pressed, "#add-schedule")
    def action_add_schedule(self) -> None:
        from interviewer.screens.add_schedule import AddScheduleScreen

        self.app.push_screen(AddScheduleScreen(), self._schedule_added)

    def _schedule_added(self, schedule_id: str | None) -> None:
        if schedule_id is None:
            return
        self.schedules = {s.id: s for s in self._schedules()}
        select = self.query_one("#schedule", Select)
        select.set_options(self._schedule_options())
        select.value = schedule_id
        self.notify(f"Schedule '{schedule_id}' is kept in the study.")

    @on(Select.Changed, "#participant")
    def show_consent(self) -> None:
        code = self.participant
        consent_line = self.query_one("#consent", Static)
        consent_now = self.query_one("#consent-now", Checkbox)
        if code is None:
            consent_line.update(Text("Choose the participant to interview.", style="dim"))
            consent_now.display = False
        elif has_audio_consent(self.app.study, code):
            consent_line.update(Text(f"✓ {code} has consented to audio recording.", style="green"))
            consent_now.display = False
        else:
            consent_line.update(Text(f"✗ {code} has no recorded consent to audio recording. Read the consent"
                                     " script, then tick the box if they agree.", style="bold dark_orange3"))
            consent_now.display = True
            consent_now.value = False
        self.show_disk()

    # -- pre-flight ------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="devices", exit_on_error=False)
    def load_devices(self) -> None:
        try:
            devices = self.app.config.audio.input_devices()
            error = None
        except Exception as problem:  # RecorderError and PortAudio's own errors: shown, not fatal
            devices, error = [], str(problem)
        call_input = self.app.config.audio.call_input()
        self.app.call_from_thread(self._show_devices, devices, error, call_input)

    def _show_devices(self, devices, error: str | None, call_input=None) -> None:
        select = self.query_one("#device", Select)
        self.call_input = call_input
        options = [(f"{d.name} ({d.hostapi})"[:60], d.index) for d in devices]
        if call_input is not None:
            options.append((CALL_OPTION if call_input.available else f"{CALL_OPTION} (unavailable here)", CALL))
        if (error or not devices) and not (call_input is not None and call_input.available):
            select.set_options(options)
            self.query_one("#verdict", Static).update(Text(error or "No input device found.", style="bold red"))
            return
        select.set_options(options)
        select.value = self._preselected(devices)
        self._show_call_choice()
        self.action_check()

    def _preselected(self, devices):
        """The input the study's `default_input` setting names (call, default or a device), else the default."""
        from interviewer.audio.devices import RecorderError, match_device

        wanted = str(self.app.study.settings.get("default_input") or "default")
        call_ready = self.call_input is not None and self.call_input.available
        default = next((d.index for d in devices if d.is_default), devices[0].index if devices else CALL)
        if wanted == CALL:
            if call_ready or not devices:
                return CALL
            self.notify(f"The study records calls on this computer by default, but here: {self.call_input.reason}"
                        if self.call_input else "This audio backend cannot record a call.", severity="warning",
                        timeout=10)
            return default
        if wanted != "default" and devices:
            try:
                return match_device(devices, wanted).index
            except RecorderError as error:
                self.notify(f"The study's default input is not here: {error}", severity="warning", timeout=10)
        return default

    @property
    def call_chosen(self) -> bool:
        return self._choice("#device") == CALL

    def _show_call_choice(self) -> None:
        """Call input: stereo (microphone left, call right) and a meter per side; a device: as chosen."""
        channels = self.query_one("#channels", Select)
        call = self.call_chosen
        if call:
            channels.value = 2
        channels.disabled = call
        self.query_one("#meter-call", LevelMeter).display = call
        self.query_one("#meter", LevelMeter).label = "Mic" if call else ""
        self.query_one("#meter-call", LevelMeter).label = "Call"

    @on(Select.Changed, "#device")
    @on(Select.Changed, "#channels")
    def _device_changed(self, event: Select.Changed) -> None:
        if event.select.id == "device" and self.is_mounted:
            self._show_call_choice()
            if event.value is not Select.NULL:
                self.action_check()
        self.show_disk()

    def _choice(self, widget_id: str):
        value = self.query_one(widget_id, Select).value
        return None if value is Select.NULL else value

    def action_check(self) -> None:
        device = self._choice("#device")
        if device is None:
            return
        if device == CALL and not (self.call_input and self.call_input.available):
            self._stop_listening.set()
            reason = self.call_input.reason if self.call_input else "this audio backend cannot record a call"
            self.post_message(LevelChecked("unavailable", reason, False))
            return
        self.query_one("#verdict", Static).update(Text(
            "Listening… say a few words at interview volume" + (", with the call playing." if device == CALL else "."),
            style="italic"))
        self._stop_listening.set()
        self._stop_listening = threading.Event()
        self.listen(device, self._choice("#channels") or 1, self._stop_listening)

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False)
    def listen(self, device, channels: int, stop: threading.Event) -> None:
        def on_level(level) -> None:
            self.post_message(LevelReading(max(level.rms_dbfs), tuple(level.rms_dbfs) if device == CALL else ()))

        try:
            verdict = self.app.config.audio.listen(device, channels, self.app.config.check_seconds, on_level, stop)
        except Exception as error:  # RecorderError: a device that cannot be opened
            self.post_message(LevelChecked("error", str(error), False))
            return
        if not stop.is_set():
            self.post_message(LevelChecked(verdict.verdict, verdict.message, verdict.ok))

    def on_level_reading(self, message: LevelReading) -> None:
        if len(message.sides) == 2:
            self.query_one("#meter", LevelMeter).dbfs, self.query_one("#meter-call", LevelMeter).dbfs = message.sides
        else:
            self.query_one("#meter", LevelMeter).dbfs = message.dbfs

    def on_level_checked(self, message: LevelChecked) -> None:
        self.verdict = message.verdict
        self.warned_once = False
        self.query_one("#verdict", Static).update(Text.assemble(
            (f"Input: {message.verdict}", VERDICT_STYLES.get(message.verdict, "bold")), f" — {message.message}"))

    def show_disk(self) -> None:
        if not self.is_mounted:
            return
        schedule = self.schedules.get(self._choice("#schedule"))
        channels = self._choice("#channels") or 1
        try:
            seconds = self.app.config.audio.free_disk_seconds(self.app.study.folder, channels)
        except OSError as error:
            self.query_one("#disk", Static).update(Text(f"Disk: cannot tell ({error})", style="dark_orange3"))
            return
        planned = (schedule.planned_minutes if schedule else 60) * 60
        enough = seconds >= 2 * planned
        self.query_one("#disk", Static).update(Text(
            f"Disk: room for {seconds / 3600:.1f} h of audio; the schedule plans {planned / 60:.0f} min.",
            style="green" if enough else "bold red"))

    def check_model(self) -> None:
        from functools import partial

        from interviewer.transcribe.models import model_status
        from interviewer.transcribe.study_model import study_model

        self._report_model(self.app.config.model_status or partial(model_status, study_model(self.app.study)))

    @work(thread=True, group="model", exit_on_error=False)
    def _report_model(self, status) -> None:
        ready, line = status()
        self.app.call_from_thread(self.query_one("#model", Static).update,
                                  Text(f"Transcription: {line}", style="green" if ready else "dark_orange3"))

    @work(thread=True, group="preload", exit_on_error=False)
    def preload_models(self, schedule) -> None:
        try:
            self.app.preload_models(schedule)
        except Exception:  # a missing or broken model is reported when the interview needs it
            log.debug("models not preloaded", exc_info=True)

    @on(Select.Changed, "#schedule")
    def _schedule_changed(self, event: Select.Changed) -> None:
        self._preload_for(self.schedules.get(event.value))

    def _preload_for(self, schedule) -> None:
        """Models, and the chosen schedule's prompts, made ready on a worker (once per schedule chosen)."""
        key = schedule.id if schedule is not None else None
        if key not in self._preloaded:
            self._preloaded.add(key)
            self.preload_models(schedule)

    # -- starting --------------------------------------------------------------------------------------

    @on(Button.Pressed, "#check")
    def _check_pressed(self) -> None:
        self.action_check()

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        code = self.participant
        if code is None:
            self.notify("Choose the participant first.", severity="warning")
            return
        device = self._choice("#device")
        if device is None:
            self.notify("No input device is chosen.", severity="error")
            return
        if device == CALL and not (self.call_input and self.call_input.available):
            reason = self.call_input.reason if self.call_input else "this audio backend cannot record a call"
            self.notify(f"A call cannot be recorded on this computer: {reason}", severity="error", timeout=10)
            return
        if self.verdict in ("silent", "error") and not self.warned_once:
            self.warned_once = True
            self.notify("The input check failed. Press Ctrl+R again to record anyway.", severity="warning")
            return
        schedule = self.schedules[self._choice("#schedule")]
        try:
            live = LiveInterview.create(self.app.study, code, schedule, self.app.config.audio,
                                        mode=self._choice("#mode"),
                                        consent_given_now=self.query_one("#consent-now", Checkbox).value)
        except ConsentMissing as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self._stop_listening.set()
        channels = 2 if device == CALL else self._choice("#channels") or 1
        self.app.open_interview(live=live, device=device, channels=channels, replace=True)
