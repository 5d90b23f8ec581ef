"""Provides audio capture from an input device to a crash-safe WAV file, headless (no Textual)."""

from __future__ import annotations

import errno
import logging
import queue
import shutil
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from interviewer.audio import devices
from interviewer.audio.devices import (
    DeviceLost, DiskFull, InputDevice, RecorderError, check_input, list_input_devices, refresh_devices,
)
from interviewer.audio.levels import SILENCE, Level, LevelVerdict, measure_level
from interviewer.audio.sealed import SealedPcmWriter
from interviewer.audio.wavfile import SAMPLE_BYTES, WavAppender, WavTooLarge, read_recording, repair

__all__ = [
    "DeviceLost", "DiskFull", "InputDevice", "Level", "LevelVerdict", "Recorder", "Recording",
    "RecorderError", "Span", "check_input", "free_disk_seconds", "list_input_devices", "part_path",
    "read_recording", "refresh_devices", "repair",
]

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.5
"""How often the header is rewritten and the file pushed to disk: a kill loses at most about this."""
STALL_SECONDS = 3.0
"""No audio for this long while recording means the device has gone."""
MIN_FREE_SECONDS = 60.0
"""Refuse to start when the disk holds less than a minute of audio."""

ChunkListener = Callable[[np.ndarray, float], None]
"""Called on the writer thread with each new block (int16, frames × channels) and its recording offset."""


@dataclass(frozen=True)
class Span:
    """A stretch recorded without pause: where it starts in the file and when (monotonic clock) it ran."""

    offset: float
    started_at: float
    ended_at: float | None = None


@dataclass(frozen=True)
class Recording:
    """What `Recorder.stop()` hands back."""

    path: Path
    seconds: float
    samplerate: int
    channels: int
    spans: tuple[Span, ...]
    failure: RecorderError | None
    overflows: int
    """How many times the input overflowed (audio dropped because the computer fell behind)."""


def free_disk_seconds(path: str | Path, channels: int, samplerate: int) -> float:
    """How many seconds of 16-bit audio still fit on the disk that holds `path`."""
    folder = Path(path).resolve()
    while not folder.is_dir():
        folder = folder.parent
    return shutil.disk_usage(folder).free / (channels * samplerate * SAMPLE_BYTES)


def part_path(path: str | Path, part: int) -> Path:
    """Where part `part` of a recording goes: part 1 is `path` itself, then `name.part2.wav`, ..."""
    path = Path(path)
    return path if part <= 1 else path.with_name(f"{path.stem}.part{part}{path.suffix}")


def open_writer(path: Path, samplerate: int, channels: int, *, fsync: bool = True,
                key: bytes | None = None) -> WavAppender | SealedPcmWriter:
    """The writer a recording part goes through: sealed with a key, else a plain crash-safe WAV."""
    if key is not None:
        return SealedPcmWriter(path, samplerate, channels, key, fsync=fsync)
    return WavAppender(path, samplerate, channels, fsync=fsync)


def _storage_failure(error: OSError, path: Path, seconds: float) -> RecorderError:
    kept = f"the {seconds:.1f} s recorded so far are kept in {path}"
    if isinstance(error, WavTooLarge):
        return RecorderError(f"{error}; {kept}. Start a new part to go on recording.")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"The disk is full: recording stopped and {kept}. Free some space, then start a new part.")
    return RecorderError(f"Cannot write {path} ({error.strerror or error}): recording stopped and {kept}.")


class Recorder:
    """Records one input device into one WAV file (sealed, when given a key).

    PortAudio calls `_on_audio` on its own thread; that only copies the block into a queue. A writer
    thread appends blocks to the file, rewrites the header and fsyncs every FLUSH_SECONDS, and hands
    blocks to listeners. A Recorder records once: after a failure, make a new one for the next part.
    """

    def __init__(self, path: str | Path, device: int | str | None = None, channels: int = 1,
                 samplerate: int | None = None, *, flush_seconds: float = FLUSH_SECONDS,
                 stall_seconds: float = STALL_SECONDS, fsync: bool = True,
                 clock: Callable[[], float] = time.monotonic, key: bytes | None = None):
        if channels not in (1, 2):
            raise RecorderError(f"channels must be 1 (mono) or 2 (stereo, e.g. a phone adapter), not {channels}")
        self.path = Path(path)
        self.device = device
        self.channels = channels
        self.samplerate = samplerate or 0
        self.input_device: InputDevice | None = None
        self.state = "new"
        """new → recording ⇄ paused → stopped, or → failed (see `failure`)."""
        self.failure: RecorderError | None = None
        self.spans: list[Span] = []
        self.overflows = 0
        self._wanted_samplerate = samplerate
        self._flush_seconds = flush_seconds
        self._stall_seconds = stall_seconds
        self._fsync = fsync
        self._key = key
        """With a key the file is sealed (encrypted in chunks, `sealed.SealedPcmWriter`); without, a plain WAV."""
        self._clock = clock
        self._listeners: list[ChunkListener] = []
        self._failure_listeners: list[Callable[[RecorderError], None]] = []
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        self._frames = 0
        self._paused = False
        self._level: Level = SILENCE
        self._last_audio = 0.0
        self._closing = False
        self._stream_ended = threading.Event()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._stream = None
        self._file: WavAppender | SealedPcmWriter | None = None
        self._writer: threading.Thread | None = None

    # -- what callers read -------------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        """Seconds recorded so far (pauses excluded): the offset to stamp timeline events with."""
        return self._frames / self.samplerate if self.samplerate else 0.0

    @property
    def level(self) -> Level:
        """The latest block's RMS and peak dBFS per channel (updated while paused too, for the meter)."""
        return self._level

    def offset_at(self, moment: float) -> float:
        """The recording offset of a moment on the recorder's clock (time.monotonic by default)."""
        for span in reversed(self.spans):
            if moment >= span.started_at:
                end = span.ended_at if span.ended_at is not None else moment
                return span.offset + max(0.0, min(moment, end) - span.started_at)
        return 0.0

    def add_listener(self, listener: ChunkListener) -> None:
        """Receive each new block; runs on the writer thread, so hand heavy work to your own thread."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ChunkListener) -> None:
        self._listeners.remove(listener)

    def on_failure(self, listener: Callable[[RecorderError], None]) -> None:
        """Be told (on the writer thread) when recording stops by itself: DeviceLost, DiskFull, ..."""
        self._failure_listeners.append(listener)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the recording has ended (stopped or failed, listeners told); False on timeout."""
        return self._done.wait(timeout)

    # -- control -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.state != "new":
            raise RecorderError("This Recorder has already recorded; make a new one for the next part.")
        sd = devices.load_sounddevice()
        device, rate = self._choose_input(sd)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        free = free_disk_seconds(self.path, self.channels, rate)
        if free < MIN_FREE_SECONDS:
            raise DiskFull(f"Only {free:.0f} s of audio fit on the disk holding {self.path}. Free some space first.")
        try:
            self._file = open_writer(self.path, rate, self.channels, fsync=self._fsync, key=self._key)
        except OSError as error:
            raise _storage_failure(error, self.path, 0.0) from error
        self.samplerate, self.input_device = rate, device
        try:
            self._stream = self._open_stream(sd, device, rate)
            self._stream.start()
        except Exception as error:  # PortAudioError, ValueError, ...
            self._file.close()
            self.path.unlink(missing_ok=True)
            raise RecorderError(f"Cannot record from {device.describe()}: {error}") from error
        now = self._clock()
        self._last_audio = now
        self.spans.append(Span(0.0, now))
        self.state = "recording"
        self._writer = threading.Thread(target=self._write_loop, name="recorder-writer", daemon=True)
        self._writer.start()

    def _choose_input(self, sd) -> tuple[InputDevice, int]:
        """The device to record from and the sample rate (a subclass may record from something else)."""
        device = devices.resolve_device(self.device, sd)
        return device, devices.choose_samplerate(sd, device, self.channels, self._wanted_samplerate)

    def _open_stream(self, sd, device: InputDevice, rate: int):
        """An unstarted stream that calls `_on_audio` with each block and `_on_stream_finished` at its end."""
        with devices.STREAM_OPENING:
            return sd.InputStream(
                device=device.index, samplerate=rate, channels=self.channels, dtype="int16",
                blocksize=0, latency=devices.INPUT_LATENCY,
                callback=self._on_audio, finished_callback=self._on_stream_finished)

    def pause(self) -> None:
        """Stop keeping audio (the level meter goes on); the paused time is not in the file."""
        with self._lock:
            if self.state != "recording":
                return
            self._paused = True
            self._end_span()
            self.state = "paused"

    def resume(self) -> None:
        with self._lock:
            if self.state != "paused":
                return
            self.spans.append(Span(self.elapsed, self._clock()))
            self._paused = False
            self.state = "recording"

    def stop(self) -> Recording:
        """Stop, write what is queued, close the file. Never raises for a failure already flagged."""
        with self._lock:
            if self.state in ("recording", "paused"):
                self._closing = True
                self._close_stream()
                self._end_span()
                self._stopping.set()
        if self._writer is not None:
            self._writer.join()
        with self._lock:
            if self.state in ("recording", "paused"):
                self.state = "stopped"
        return Recording(self.path, self.elapsed, self.samplerate, self.channels, tuple(self.spans),
                         self.failure, self.overflows)

    # -- threads -----------------------------------------------------------------------------
    def _on_audio(self, indata, frames, time_info, status) -> None:
        # PortAudio's thread: copy and hand over, nothing that can block.
        self._last_audio = self._clock()
        if getattr(status, "input_overflow", False):
            self.overflows += 1
        self._level = measure_level(indata)
        if self._paused:
            return
        self._queue.put(indata.copy())
        self._frames += frames

    def _on_stream_finished(self) -> None:
        if not self._closing:
            self._stream_ended.set()

    def _write_loop(self) -> None:
        written = 0
        last_sync = self._clock()
        failure: RecorderError | None = None
        try:
            while True:
                try:
                    block = self._queue.get(timeout=0.1)
                except queue.Empty:
                    block = None
                if block is not None:
                    self._file.write(block)
                    self._tell_listeners(block, written / self.samplerate)
                    written += len(block)
                now = self._clock()
                if now - last_sync >= self._flush_seconds:
                    self._file.sync()
                    last_sync = now
                if block is None:
                    if self._stopping.is_set():
                        break
                    if self._stream_ended.is_set() or now - self._last_audio > self._stall_seconds:
                        raise DeviceLost(
                            f"The input device {self.input_device.name!r} stopped delivering audio (unplugged?)."
                            f" The {written / self.samplerate:.1f} s recorded are kept in {self.path};"
                            " continue on another device as a new part.")
        except DeviceLost as error:
            failure = error
        except OSError as error:
            failure = _storage_failure(error, self.path, written / self.samplerate)
        except Exception as error:  # a bug must still leave a closed, readable file
            log.exception("recorder writer failed")
            failure = RecorderError(f"Recording stopped unexpectedly ({error}); the audio so far is kept in {self.path}.")
        finally:
            self._finish(failure)

    def _finish(self, failure: RecorderError | None) -> None:
        if failure is not None:
            with self._lock:
                self._closing = True
                self._close_stream()
                self._end_span()
                self._frames = self._file.data_bytes // (self.channels * SAMPLE_BYTES)
                self.failure = failure
                self.state = "failed"
        try:
            self._file.close()
        except OSError as error:
            log.warning("could not finalise %s: %s (repair() fixes the header on reading)", self.path, error)
        if failure is not None:
            log.warning("%s", failure)
            for listener in list(self._failure_listeners):
                try:
                    listener(failure)
                except Exception:
                    log.exception("recorder failure listener raised")
        # Set last, so whoever waits for the end also sees the failure listeners told.
        self._done.set()

    def _tell_listeners(self, block: np.ndarray, offset: float) -> None:
        for listener in list(self._listeners):
            try:
                listener(block, offset)
            except Exception:  # a broken listener must not stop the recording
                log.exception("recorder listener raised")

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.stop()
        except Exception:  # a vanished device cannot be stopped cleanly
            pass
        try:
            stream.close()
        except Exception:
            pass

    def _end_span(self) -> None:
        if self.spans and self.spans[-1].ended_at is None:
            self.spans[-1] = replace(self.spans[-1], ended_at=self._clock())
