"""Provides the Textual app and `make_app`, the factory the CLI and the tests build it with."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.worker import get_current_worker
from textual.app import App
from textual.binding import Binding

from interviewer.processing import StageProgress, lower_thread_priority, process_interview, store_draft
from interviewer.screens.messages import ProcessingChanged, ProcessingProgress
from interviewer.store import Study

if TYPE_CHECKING:
    from interviewer.audio.capture import AudioBackend

Processor = Callable[[Study, int, StageProgress], None]


class ProcessingCancelled(Exception):
    """Raised from the progress callback to stop background processing when the app closes."""


@dataclass
class AppConfig:
    """What the app is built from; tests replace the clock, the audio and the processing."""

    study: Study | None
    """The open study (the UI thread's connection; workers open their own with `study.reopen()`); None until the
    passphrase screen has unlocked it (see `locked`)."""
    clock: Callable[[], float] = time.monotonic
    """Monotonic seconds; drives the recorder's offsets and the elapsed-time display."""
    audio: AudioBackend | None = None
    """An `capture.AudioBackend` (real capture) or a fake with the same methods."""
    process: Processor = process_interview
    """Run after an interview on a worker thread, one interview at a time: the final pass, then anonymising."""
    store_draft: Callable[[Study, int, object, StageProgress], object] = store_draft
    """Run at once after the stop on a worker thread: the live transcript stored as the interview's live draft."""
    model_status: Callable[[], tuple[bool, str]] | None = None
    """Says whether the transcription model is ready (None: look it up in the model catalogue)."""
    check_seconds: float = 3.0
    """How long the pre-flight check listens to the input."""
    tick_seconds: float = 0.25
    """How often the interview screen refreshes the clock and the level meter."""
    processing: dict[int, tuple[str, float]] = field(default_factory=dict)
    """Interview id -> (stage, fraction) of background processing, for every screen to show."""
    live_model: Callable[[], object] | None = None
    """Makes the `Transcriber` for live transcription while recording (None: no live transcription)."""
    coverage: Callable[[object], object] | None = None
    """Makes the prompt coverage detector for a schedule, on a worker (None: no suggestions while recording)."""
    ahead_model: Callable[[str | None], object] | None = None
    """Makes the `Transcriber` for the final pass run ahead while recording, given the study's model (None: it all
    runs after the stop)."""
    locked: "LockedStudy | None" = None
    """The study to unlock at start when it is encrypted and the environment gave no passphrase."""


def default_coverage(schedule):
    """The prompt coverage detector on the bundled sentence-embedding model (blocks: call it from a worker)."""
    from interviewer.coverage.detector import CoverageDetector
    from interviewer.coverage.encoder import shared_encoder

    return CoverageDetector(schedule, shared_encoder())


def default_ahead_model(model: str | None = None):
    """The final pass's model (`model`: the study's choice, see `transcribe.study_model`) and settings, computing on
    one core: the final pass run ahead while recording takes only what the live draft and the screen leave (see
    `interview.pass_ahead`)."""
    from interviewer.transcribe.whisper import Transcriber, TranscriptionSettings

    return Transcriber(model, settings=TranscriptionSettings(cpu_threads=1))


@dataclass(frozen=True)
class LockedStudy:
    """A study the app opens once the passphrase screen has its passphrase."""

    name: str | None
    folder: str
    create: bool
    """No study there yet: it is made, and its passphrase typed twice."""

    def unlock(self, passphrase: str) -> Study:
        return Study.open(self.name, create=self.create, passphrase=passphrase)


def default_live_model():
    """The catalogue's default model, for live transcription (loaded later, on a worker).

    It computes on one core fewer than the machine has: the interview screen and the recorder keep one,
    and the model's threads, which wait for each other, are not held up by a core they must share.
    """
    import os

    from interviewer.transcribe.whisper import Transcriber, TranscriptionSettings

    return Transcriber(settings=TranscriptionSettings(cpu_threads=max(1, (os.cpu_count() or 2) - 1)))


class InterviewerApp(App):
    """The interview assistant: home, start, interview, summary."""

    TITLE = "interviewer"
    BINDINGS = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, config: AppConfig):
        super().__init__()
        self.config = config
        self.live_ids: set[int] = set()
        """Interviews being recorded in this app right now."""
        self.live_transcripts: dict[int, object] = {}
        """Interview id -> its `live_part.LiveTranscript`, from the stop until processing takes it."""
        self.passes_ahead: dict[int, object] = {}
        """Interview id -> its `pass_ahead.PassAhead`, from the stop until processing takes it."""
        self._live_transcriber = None
        self._live_lock = threading.Lock()
        self._processing_turn = threading.Lock()
        """Held by the worker whose final pass runs: passes take turns, so two never share the CPU."""

    @property
    def study(self) -> Study:
        return self.config.study

    def on_mount(self) -> None:
        if self.config.study is None and self.config.locked is not None:
            from interviewer.screens.unlock import UnlockScreen

            locked = self.config.locked
            self.push_screen(UnlockScreen(locked.folder, locked.unlock, new=locked.create), self._unlocked)
            return
        self.sub_title = self.study.name
        self.open_home()
        self.resume_processing()

    def resume_processing(self) -> None:
        """Take up processing that a quit or a crash left unfinished (the study records what is pending)."""
        pending = [i for i in self.study.pending_interview_ids() if i not in self.live_ids]
        for interview_id in pending:
            self.start_processing(interview_id)
        if pending:
            numbers = ", ".join(f"#{i}" for i in pending)
            self.notify(f"Finishing the transcript of interview(s) {numbers} in the background.", timeout=6)

    def _unlocked(self, study: Study) -> None:
        self.config.study = study
        self.sub_title = study.name
        self.open_home()
        self.resume_processing()

    # -- navigation: screens ask the app, so no screen imports another --------------------------------

    def _show(self, screen, replace: bool) -> None:
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_home(self, *, replace: bool = False) -> None:
        from interviewer.screens.home import HomeScreen

        self._show(HomeScreen(), replace)

    def open_start_interview(self, *, participant: str | None = None, replace: bool = False) -> None:
        from interviewer.screens.start_interview import StartInterviewScreen

        self._show(StartInterviewScreen(participant=participant), replace)

    def open_interview(self, *, live=None, device=None, channels: int = 1, resume_id: int | None = None,
                       replace: bool = False) -> None:
        """The interview screen for a new interview (`live`, recording from `device`) or an interrupted one."""
        from interviewer.screens.interview import InterviewScreen

        self._show(InterviewScreen(live=live, device=device, channels=channels, resume_id=resume_id), replace)

    def open_summary(self, live) -> None:
        from interviewer.screens.summary import SummaryScreen

        self.switch_screen(SummaryScreen(live))

    async def action_quit(self) -> None:
        """Quit; while an interview records, ask first and close its recording properly."""
        from interviewer.screens.confirm import ConfirmScreen
        from interviewer.screens.interview import InterviewScreen

        screen = self.screen
        if not self.live_ids or not isinstance(screen, InterviewScreen):
            self.exit()
            return

        def answered(quit_now: bool) -> None:
            if quit_now:
                screen.state = "stopping"
                screen.finish(then="quit", status="interrupted")

        self.push_screen(ConfirmScreen("An interview is being recorded. Quit anyway?\nThe recording so far is kept;"
                                       " resume the interview from the home screen (r)."), answered)

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "processing")

    def live_transcriber(self):
        """The live transcription model, made and loaded once (blocks: call it from a worker thread).

        The model is loaded on a thread of lower priority, so the threads it computes on yield the CPU to
        the interview screen. The Python threads that drive it keep normal priority: they hold the
        interpreter lock at times, and a starved holder would stall the screen (priority inversion).
        """
        with self._live_lock:
            if self._live_transcriber is None:
                transcriber = self.config.live_model()
                failure: list[BaseException] = []

                def load() -> None:
                    lower_thread_priority()
                    try:
                        transcriber.load()
                    except BaseException as error:
                        failure.append(error)

                loader = threading.Thread(target=load, name="live-model-loader", daemon=True)
                loader.start()
                loader.join()
                if failure:
                    raise failure[0]
                self._live_transcriber = transcriber
            return self._live_transcriber

    def preload_models(self, schedule=None) -> None:
        """Load the live transcription model and the default coverage model ahead of the recording, and read
        `schedule`'s prompts into the coverage cache, so this work does not compete with the interview screen's
        first minute (blocks: call it from a worker)."""
        if self.config.live_model is not None:
            self.live_transcriber()
        if self.config.coverage is default_coverage:
            if schedule is not None:
                default_coverage(schedule)
            else:
                from interviewer.coverage.baseline import load_baseline
                from interviewer.coverage.encoder import shared_encoder

                load_baseline(shared_encoder())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    # -- background processing -----------------------------------------------------------------------

    def start_processing(self, interview_id: int) -> None:
        if self.config.processing.get(interview_id, ("done",))[0] not in ("done", "failed", "needs passphrase"):
            return
        self.config.processing[interview_id] = ("queued", 0.0)
        self._process(interview_id, self.live_transcripts.pop(interview_id, None),
                      self.passes_ahead.pop(interview_id, None))

    @work(thread=True, group="processing", exit_on_error=False)
    def _process(self, interview_id: int, live=None, ahead=None) -> None:
        lower_thread_priority()
        study = self.study.reopen()
        last = [0.0]

        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:  # the app is closing: stop at the next segment; stored stages are kept
                raise ProcessingCancelled(f"processing of interview #{interview_id} was stopped")
            now = time.monotonic()
            if stage != "transcribing" or fraction >= 1.0 or now - last[0] > 0.2:
                last[0] = now
                self.post_message(ProcessingProgress(interview_id, stage, fraction))

        try:
            if live is not None:  # at once, not waiting for another interview's pass: the draft is quick
                self.config.store_draft(study, interview_id, live, progress)
            self._wait_for_turn(progress)
            try:
                if ahead is None:
                    self.config.process(study, interview_id, progress)
                else:
                    self.config.process(study, interview_id, progress, ahead=ahead)
            finally:
                self._processing_turn.release()
        except ProcessingCancelled:
            pass
        except Exception as error:  # shown to the user; the interview's stored stages are kept
            self.post_message(ProcessingProgress(interview_id, "failed", 0.0, str(error)))
        finally:
            study.close()

    def _wait_for_turn(self, progress: StageProgress) -> None:
        """Block until no other final pass runs (stopping when the app closes meanwhile)."""
        if self._processing_turn.acquire(blocking=False):
            return
        progress("queued", 0.0)
        worker = get_current_worker()
        while not self._processing_turn.acquire(timeout=0.2):
            if worker.is_cancelled:
                raise ProcessingCancelled("the app closed while waiting for another interview's final pass")

    def on_processing_progress(self, message: ProcessingProgress) -> None:
        self.config.processing[message.interview_id] = (message.stage, message.fraction)
        if message.stage == "failed":
            self.notify(f"Processing interview #{message.interview_id} failed: {message.error}", severity="error",
                        timeout=10)
        elif message.stage == "needs passphrase":
            self.notify(f"Interview #{message.interview_id} is transcribed. Anonymising it needs the key passphrase:"
                        f" run `interviewer anonymise {message.interview_id}` in a terminal, or set"
                        " INTERVIEWER_KEY_PASSPHRASE before starting interviewer.", severity="warning", timeout=15)
        elif message.stage == "done":
            self.notify(f"Interview #{message.interview_id} is transcribed and anonymised.")
        self.screen.post_message(ProcessingChanged())


def make_app(study: Study | str | None = None, *, clock: Callable[[], float] | None = None, audio=None,
             process: Processor | None = None, model_status: Callable[[], tuple[bool, str]] | None = None,
             check_seconds: float = 3.0, tick_seconds: float = 0.25,
             theme: str | None = None, live_model: Callable[[], object] | None = default_live_model,
             coverage: Callable[[object], object] | None = default_coverage,
             ahead_model: Callable[[str | None], object] | None = default_ahead_model) -> InterviewerApp:
    """Build the app. `study` is an open Study, a study name or folder, or None for the default study.

    An encrypted study opens with $INTERVIEWER_STUDY_PASSPHRASE, or the app asks for its passphrase at start."""
    from interviewer.audio.capture import AudioBackend
    from interviewer.store import StudyLocked, study_folder

    locked = None
    if isinstance(study, Study):
        opened = study
    else:
        try:
            opened = Study.open(study, create=study is None)
        except StudyLocked:
            folder = study_folder(study)
            opened, locked = None, LockedStudy(study, str(folder), create=not (folder / "study.db").exists())
    clock = clock or time.monotonic
    config = AppConfig(study=opened, locked=locked, clock=clock, audio=audio or AudioBackend(clock),
                       process=process or process_interview, model_status=model_status,
                       check_seconds=check_seconds,
                       tick_seconds=tick_seconds, live_model=live_model, coverage=coverage,
                       ahead_model=ahead_model)
    app = InterviewerApp(config)
    if theme:
        app.theme = theme
    return app
