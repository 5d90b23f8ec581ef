"""Provides the audio side of an interview behind one small interface, so the app and tests can swap it."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Protocol, runtime_checkable

from interviewer.audio import CALL_DEVICE

LevelListener = Callable[[Any], None]
"""Called with a `levels.Level` (RMS and peak dBFS per channel) while listening."""


class RecorderLike(Protocol):
    """What an interview needs of a recorder (`interviewer.recorder.Recorder` fits)."""

    path: Path
    state: str
    samplerate: int
    channels: int

    @property
    def elapsed(self) -> float: ...

    @property
    def level(self) -> Any: ...

    def start(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> Any: ...

    def on_failure(self, listener: Callable[[Exception], None]) -> None: ...


@runtime_checkable
class ListeningRecorder(Protocol):
    """A recorder that also hands each block it records to listeners (live transcription listens)."""

    def add_listener(self, listener: Callable[[Any], None]) -> None: ...


class AudioBackend:
    """Real capture through `interviewer.audio.recorder` (imported on first use: numpy and PortAudio are slow to load)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock

    def input_devices(self) -> list:
        """The input devices PortAudio sees (`recorder.InputDevice`); raises RecorderError when it cannot."""
        from interviewer.audio import recorder

        return recorder.list_input_devices()

    def call_input(self):
        """Whether a call made on this computer can be recorded (`call.CallInput`, with the reason); never raises."""
        from interviewer.audio.call import find_call_input

        return find_call_input()

    def recorder(self, path: Path, device: int | str | None, channels: int, key: bytes | None = None) -> RecorderLike:
        """A recorder into `path` for `device` (CALL_DEVICE: the call input, always stereo), sealed (encrypted)
        with `key` when one is given."""
        if device == CALL_DEVICE:
            from interviewer.audio.call import CallRecorder

            return CallRecorder(path, clock=self.clock, key=key)
        from interviewer.audio.recorder import Recorder

        return Recorder(path, device, channels, clock=self.clock, key=key)

    def free_disk_seconds(self, path: Path, channels: int, samplerate: int = 16000) -> float:
        from interviewer.audio.recorder import free_disk_seconds

        return free_disk_seconds(path, channels, samplerate)

    def listen(self, device: int | str | None, channels: int, seconds: float,
               on_level: LevelListener | None = None, stop: threading.Event | None = None):
        """Listen for `seconds`, reporting the level as it goes; returns the `levels.LevelVerdict` (for the
        call input an `echo.CallVerdict`: both sides' levels, and whether the call leaks into the microphone).

        Records through the same Recorder as the interview (into a temporary file, sealed with a key that
        is forgotten at once: what the room said never reaches the disk readable), so the check exercises
        exactly the path the interview will use.
        """
        import os

        import numpy as np

        from interviewer.audio.levels import judge_level
        from interviewer.audio.recorder import Recorder, RecorderError

        blocks: list = []
        with tempfile.TemporaryDirectory(prefix="interviewer-check-") as folder:
            if device == CALL_DEVICE:
                from interviewer.audio.call import CallRecorder

                probe, channels = CallRecorder(Path(folder) / "check.wav.enc", fsync=False, key=os.urandom(32)), 2
            else:
                probe = Recorder(Path(folder) / "check.wav.enc", device, channels, fsync=False, key=os.urandom(32))
            probe.add_listener(lambda block, _offset: blocks.append(block.copy()))
            probe.start()
            try:
                deadline = time.monotonic() + seconds
                while time.monotonic() < deadline and probe.state == "recording":
                    if stop is not None and stop.is_set():
                        break
                    if on_level:
                        on_level(probe.level)
                    time.sleep(0.1)
            finally:
                result = probe.stop()
            if result.failure is not None:
                raise RecorderError(str(result.failure))
        samples = np.concatenate(blocks) if blocks else np.zeros((0, channels), dtype=np.int16)
        if device == CALL_DEVICE:
            from interviewer.audio.echo import judge_call

            return judge_call(samples, probe.samplerate)
        return judge_level(samples, probe.samplerate)
