"""Provides a running interview: the session, its recorder parts, and a writer thread that stores every event."""

from __future__ import annotations

import logging
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from interviewer.audio.capture import CALL_DEVICE, AudioBackend, RecorderLike
from interviewer.locks import InterviewLock
from interviewer.schedule import Schedule
from interviewer.interview.session import InterviewSession, SessionEvent
from interviewer.store import FINAL_PASS, Interview, Study, StoreError, now
from interviewer.schedule.study import keep_schedule, schedule_for

log = logging.getLogger(__name__)

RECORDING_LOCK = "being recorded in an interview window"
CALL_INPUT_EVENT = "call: interviewer left (microphone), participant right (the call's sound)"
"""The text of the `input` timeline event that opens a part recorded from the call input: its channels."""
PART_FILE = re.compile(r"^interview-(\d+)-part-(\d+)\.wav(\.enc)?$")
"""A recorded part: a plain WAV (a study without encryption) or a sealed one (`.wav.enc`)."""


class ConsentMissing(StoreError):
    """The participant has not consented to audio recording (or has withdrawn)."""


def has_audio_consent(study: Study, code: str) -> bool:
    consent = study.consent(code)
    return bool(consent and consent.audio_recording and not consent.withdrawn_at)


def part_file(study: Study, interview_id: int, part: int) -> Path:
    """Where a recorded part goes: sealed (`.wav.enc`) in an encrypted study."""
    name = f"interview-{interview_id:04d}-part-{part}.wav" + (".enc" if study.encrypted else "")
    return study.recordings_dir / name


def part_files(study: Study, interview_id: int) -> list[tuple[int, Path]]:
    """(part number, file) of every recorded part of an interview on disk, plain or sealed."""
    found = []
    for path in study.recordings_dir.glob(f"interview-{interview_id:04d}-part-*.wav*"):
        match = PART_FILE.match(path.name)
        if match:
            found.append((int(match.group(2)), path))
    return sorted(found)


class StoreWriter:
    """One thread with its own connection that performs every write, in order, off the UI thread."""

    def __init__(self, study: Study):
        self._study = study
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="interview-writer")
        self._connection: Study | None = None
        self.errors: list[BaseException] = []

    def submit(self, write: Callable[[Study], Any]) -> Future:
        future = self._executor.submit(self._run, write)
        future.add_done_callback(self._keep_error)
        return future

    def _run(self, write: Callable[[Study], Any]) -> Any:
        if self._connection is None:
            self._connection = self._study.reopen()
        return write(self._connection)

    def _keep_error(self, future: Future) -> None:
        if future.exception() is not None:
            log.error("writing to the study failed: %s", future.exception())
            self.errors.append(future.exception())

    def flush(self) -> None:
        self.submit(lambda _study: None).result()

    def close(self) -> None:
        def close_connection(_study: Study) -> None:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

        self._executor.submit(close_connection)
        self._executor.shutdown(wait=True)


@dataclass(frozen=True)
class PartResult:
    """A finished recording part: its file, length and why it ended (None for a normal stop)."""

    part: int
    path: Path
    seconds: float
    failure: Exception | None


class LiveInterview:
    """An interview being conducted: actions go through the session, are stamped with the recording offset,
    and are stored by the writer thread. `begin_part` and `finish_part` block (audio devices, hashing):
    call them from a worker thread. Everything else is quick and meant for the UI thread.
    """

    def __init__(self, study: Study, interview: Interview, schedule: Schedule, session: InterviewSession,
                 audio: AudioBackend, lock: InterviewLock | None = None):
        self.lock = lock or InterviewLock(study, interview.id, RECORDING_LOCK).acquire()
        """Held until `close()`: another window or process cannot resume or transcribe this interview meanwhile."""
        self.study = study
        self.interview = interview
        self.schedule = schedule
        self.session = session
        self.audio = audio
        self.recorder: RecorderLike | None = None
        self.device: int | str | None = None
        self.channels = 1
        recordings = study.recordings(interview.id)
        self.part_number = max((r.part for r in recordings), default=0)
        self.recorded_seconds = sum(r.duration for r in recordings)
        """Seconds in the parts already finished."""
        self.writer = StoreWriter(study)

    # -- opening -----------------------------------------------------------------------------------

    @classmethod
    def create(cls, study: Study, participant_code: str, schedule: Schedule, audio: AudioBackend, *,
               mode: str = "face-to-face", consent_given_now: bool = False) -> "LiveInterview":
        """File a new interview; refuses without audio consent unless the interviewer records it now."""
        if not has_audio_consent(study, participant_code):
            if not consent_given_now:
                raise ConsentMissing(
                    f"{participant_code} has no recorded consent to audio recording. Record it first"
                    f" (interviewer participant consent {participant_code}) or confirm it now.")
            study.record_consent(participant_code, audio_recording=True, quotation=False, method="verbal",
                                 notes="Consent to audio recording confirmed by the interviewer at the start of"
                                       " the interview, in the interview screen.")
        keep_schedule(study, schedule)
        interview = study.add_interview(participant_code, mode=mode, schedule_id=schedule.id,
                                        schedule_version=str(schedule.version), status="planned")
        return cls(study, interview, schedule, InterviewSession(schedule), audio)

    @classmethod
    def reopen(cls, study: Study, interview_id: int, audio: AudioBackend,
               schedule: Schedule | None = None) -> "LiveInterview":
        """Continue an interrupted interview where it stopped; recording parts a crash left behind are filed."""
        interview = study.interview(interview_id)
        if interview.status not in ("planned", "recording", "interrupted"):
            raise StoreError(f"Interview #{interview.id} is {interview.status}; only interrupted ones can be resumed.")
        schedule = schedule or schedule_for(study, interview.schedule_id, interview.schedule_version)
        lock = InterviewLock(study, interview.id, RECORDING_LOCK).acquire()
        try:
            file_orphan_parts(study, interview.id)
            session = InterviewSession.from_events(schedule, study.events(interview.id))
        except BaseException:
            lock.release()
            raise
        return cls(study, study.interview(interview.id), schedule, session, audio, lock=lock)

    # -- recording ---------------------------------------------------------------------------------

    @property
    def offset(self) -> float:
        """Seconds into the current recording part (frozen while paused)."""
        return self.recorder.elapsed if self.recorder is not None else 0.0

    @property
    def is_call(self) -> bool:
        """The current part records a call made on this computer (microphone left, call right)."""
        return self.device == CALL_DEVICE

    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.state in ("recording", "paused")

    def begin_part(self, device: int | str | None = None, channels: int | None = None,
                   on_failure: Callable[[Exception], None] | None = None) -> Path:
        """Start recording a new part and take up the current item (blocks while the device opens)."""
        path = self.open_part(device, channels, on_failure)
        self.take_up()
        return path

    def open_part(self, device: int | str | None = None, channels: int | None = None,
                  on_failure: Callable[[Exception], None] | None = None) -> Path:
        """Open the device and start recording a new part (blocks: call it from a worker thread)."""
        self.device = device
        self.channels = channels or self.channels
        number = self._next_part_number()
        path = part_file(self.study, self.interview.id, number)
        if device == CALL_DEVICE:
            self.channels = 2
        if self.study.encrypted:
            recorder = self.audio.recorder(path, device, self.channels, key=self.study.audio_key)
        else:
            recorder = self.audio.recorder(path, device, self.channels)
        if on_failure is not None:
            recorder.on_failure(on_failure)
        if hasattr(recorder, "on_gap"):
            recorder.on_gap(self._gap)
        recorder.start()
        self.recorder, self.part_number = recorder, number
        return path

    def take_up(self) -> list[SessionEvent]:
        """Mark the interview as recording and open the session's new part at the current item (quick)."""
        first = self.interview.started_at is None and self.part_number <= 1
        interview_id = self.interview.id
        self.writer.submit(lambda s: s.update_interview(
            interview_id, status="recording", **({"started_at": now()} if first else {})))
        events = self.session.start(0.0, part=self.part_number)
        self.record(events)
        if self.is_call:  # the channels are known: speakers are attributed by channel without asking
            self.record([SessionEvent("input", 0.0, text=CALL_INPUT_EVENT)])
        self.session.set_recorded_before(self.recorded_seconds)
        return events

    def _gap(self, offset: float, side: str, seconds: float) -> None:
        """The recorder lost some of one side's audio (on an audio thread): note it in the timeline."""
        self.record([SessionEvent("gap", offset, text=f"{side} audio lost for {seconds:.2f} s; silence in its place")])

    def finish_part(self, status: str = "recorded") -> PartResult | None:
        """Stop the recorder, file the part as a recording of the interview, and set the interview's status."""
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return None
        result = recorder.stop()
        seconds = getattr(result, "seconds", recorder.elapsed)
        failure = getattr(result, "failure", None)
        path = Path(recorder.path)
        interview_id = self.interview.id

        def file_part(study: Study) -> None:
            if path.is_file() and seconds > 0:
                try:
                    _add_part(study, interview_id, path)
                except ValueError as error:
                    log.warning("cannot file %s: %s", path, error)
            changes = {"status": status}
            if status == "recorded":
                changes["ended_at"] = now()
                if study.recordings(interview_id):  # the final pass is due: resumed after a crash if need be
                    changes["pending_stage"] = FINAL_PASS
            study.update_interview(interview_id, **changes)

        self.writer.submit(file_part).result()
        self.recorded_seconds += seconds
        return PartResult(self.part_number, path, seconds, failure)

    def _next_part_number(self) -> int:
        # Files on disk, not the database: this runs on a worker thread, and every part has a file.
        used = [self.part_number] + [number for number, _path in part_files(self.study, self.interview.id)]
        return max(used, default=0) + 1

    # -- actions -----------------------------------------------------------------------------------

    def act(self, action: str, *args: Any) -> list[SessionEvent]:
        """Run a session action (`next`, `skip`, `probe`, ...) at the current offset and store its events.

        Pause and resume also pause and resume the recorder. Raises SessionError for an action that
        does not apply (the caller shows the message)."""
        offset = self.offset
        events = getattr(self.session, action)(*args, offset)
        if action == "pause" and self.recorder is not None:
            self.recorder.pause()
        elif action == "resume" and self.recorder is not None:
            self.recorder.resume()
        self.record(events)
        return events

    def record(self, events: list[SessionEvent]) -> None:
        interview_id = self.interview.id

        def store(study: Study) -> None:
            with study.transaction():
                for event in events:
                    study.add_event(interview_id, event.kind, item_id=event.item_id, probe=event.probe,
                                    text=event.text, offset=round(event.offset, 3))

        if events:
            self.writer.submit(store)

    def stop(self) -> PartResult | None:
        """End the interview: the closing event, then the last part filed (blocks)."""
        self.record(self.session.end(self.offset))
        return self.finish_part("recorded")

    def close(self) -> None:
        self.writer.close()
        self.lock.release()


def _add_part(study: Study, interview_id: int, path: Path) -> None:
    from interviewer.audio.source import audio_sha256, audio_source, part_info, repair_part

    repair_part(path, study.audio_key)
    source = audio_source(path, study.audio_key)
    samplerate, channels, frames = part_info(source)
    if frames == 0:
        raise ValueError(f"{path} holds no audio")
    study.add_recording(interview_id, path=path, sha256=audio_sha256(source), format="wav", sample_rate=samplerate,
                        channels=channels, duration=frames / samplerate)


def file_orphan_parts(study: Study, interview_id: int) -> list[Path]:
    """File recording parts on disk that the study does not know (left by a crash), repairing their headers."""
    known = {study.recording_path(r).resolve() for r in study.recordings(interview_id)}
    filed = []
    parts = [(number, path) for number, path in part_files(study, interview_id) if path.resolve() not in known]
    for _number, path in parts:
        try:
            _add_part(study, interview_id, path)
        except (ValueError, RuntimeError) as error:  # not a WAV, or no audio at all
            log.warning("cannot file %s: %s", path, error)
            continue
        filed.append(path)
    if filed:
        study.update_interview(interview_id, status="interrupted")
    return filed


def is_interrupted(study: Study, interview: Interview, live_ids: set[int] = frozenset()) -> bool:
    """An interview that stopped without being finished (a crash, a lost device) and is not running now."""
    return interview.id not in live_ids and interview.status in ("recording", "interrupted")
