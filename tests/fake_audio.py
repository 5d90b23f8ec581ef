"""Provides a fake audio backend for unit and UI tests: a recorder driven by a hand-turned clock, writing silence."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class FakeLevel:
    rms_dbfs: tuple[float, ...]
    peak_dbfs: tuple[float, ...]


@dataclass(frozen=True)
class FakeVerdict:
    verdict: str = "fine"
    message: str = "the level is good (speech -22 dBFS)."

    @property
    def ok(self) -> bool:
        return self.verdict == "fine"


@dataclass(frozen=True)
class FakeDevice:
    index: int
    name: str
    channels: int = 2
    default_samplerate: float = 16000.0
    hostapi: str = "fake"
    is_default: bool = False

    def describe(self) -> str:
        return f"[{self.index}] {self.name}"


@dataclass(frozen=True)
class FakeResult:
    path: Path
    seconds: float
    failure: Exception | None


class FakeRecorder:
    """Counts recorded time on the clock (not while paused) and writes that much silence when stopped."""

    samplerate = 16000

    def __init__(self, path: Path, device, channels: int, clock: ManualClock, key: bytes | None = None):
        self.path, self.device, self.channels, self.clock, self.key = Path(path), device, channels, clock, key
        self.state = "new"
        self.level = FakeLevel((-24.0,) * channels, (-6.0,) * channels)
        self._recorded = 0.0
        self._since: float | None = None
        self._failure_listeners = []

    @property
    def elapsed(self) -> float:
        running = self.clock() - self._since if self._since is not None else 0.0
        return self._recorded + running

    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.state, self._since = "recording", self.clock()

    def pause(self) -> None:
        if self.state == "recording":
            self._recorded, self._since, self.state = self.elapsed, None, "paused"

    def resume(self) -> None:
        if self.state == "paused":
            self._since, self.state = self.clock(), "recording"

    def on_failure(self, listener) -> None:
        self._failure_listeners.append(listener)

    def lose_device(self) -> None:
        """What the real recorder does when the device vanishes: stop, keep the file, tell listeners."""
        from interviewer.audio.devices import DeviceLost

        self.pause()
        self.state = "failed"
        self._write()
        error = DeviceLost("The input device 'fake' stopped delivering audio (unplugged?).")
        self.failure = error
        for listener in self._failure_listeners:
            threading.Thread(target=listener, args=(error,)).start()

    def stop(self) -> FakeResult:
        if self.state in ("recording", "paused"):
            self.pause()
            self.state = "stopped"
            self._write()
        return FakeResult(self.path, self._recorded, getattr(self, "failure", None))

    def _write(self) -> None:
        import numpy as np

        frames = int(round(self._recorded * self.samplerate))
        self._save(np.zeros((frames, self.channels), dtype="int16"))

    def _save(self, audio) -> None:
        """Write the part as the real recorder would: sealed with the study's key, or a plain WAV."""
        from interviewer.audio.recorder import open_writer

        writer = open_writer(self.path, self.samplerate, self.channels, fsync=False, key=self.key)
        writer.write(audio)
        writer.close()


@dataclass(frozen=True)
class FakeCallInput:
    available: bool = True
    reason: str = "fake sound server: microphone 'fake mic', call from the output 'fake speakers'"


class FakeAudio:
    """The AudioBackend interface with fake devices and recorders; remembers every recorder it made."""

    def __init__(self, clock: ManualClock | None = None, verdict: str = "fine", call: FakeCallInput | None = None):
        self.clock = clock or ManualClock()
        self.verdict = verdict
        self.call = call or FakeCallInput()
        self.recorders: list[FakeRecorder] = []
        self.devices = [FakeDevice(0, "Fake USB microphone", is_default=True), FakeDevice(1, "Fake phone adapter")]

    def input_devices(self):
        return list(self.devices)

    def call_input(self):
        return self.call

    def recorder(self, path, device, channels, key=None):
        made = FakeRecorder(path, device, channels, self.clock, key)
        self.recorders.append(made)
        return made

    def free_disk_seconds(self, path, channels, samplerate=16000) -> float:
        return 36000.0

    def listen(self, device, channels, seconds, on_level=None, stop=None):
        if on_level:
            on_level(FakeLevel((-24.0,) * channels, (-6.0,) * channels))
        return FakeVerdict(self.verdict, "no sound is arriving" if self.verdict == "silent" else FakeVerdict.message)


class SpeakingFakeRecorder(FakeRecorder):
    """A fake recorder that also has listeners: `play(audio)` hands them the audio in blocks, as the real
    recorder's writer thread does, and the file written at the stop holds that audio."""

    def __init__(self, path: Path, device, channels: int, clock: ManualClock, key: bytes | None = None):
        super().__init__(path, device, channels, clock, key)
        self._listeners = []
        self._played = []
        self._frames = 0

    def add_listener(self, listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener) -> None:
        self._listeners.remove(listener)

    def play(self, audio, block: int = 1600) -> None:
        """Deliver float (or int16) audio, frames × channels or mono, and move the clock on by its length."""
        import numpy as np

        samples = np.asarray(audio)
        if samples.dtype != np.int16:
            samples = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
        if samples.ndim == 1:
            samples = np.repeat(samples[:, None], self.channels, axis=1)
        for start in range(0, len(samples), block):
            chunk = samples[start:start + block]
            for listener in list(self._listeners):
                listener(chunk, self._frames / self.samplerate)
            self._played.append(chunk)
            self._frames += len(chunk)
        self.clock.advance(len(samples) / self.samplerate)

    def _write(self) -> None:
        import numpy as np

        frames = int(round(self._recorded * self.samplerate))
        audio = np.zeros((frames, self.channels), dtype="int16")
        played = np.concatenate(self._played)[:frames] if self._played else audio[:0]
        audio[:len(played)] = played
        self._save(audio)


class SpeakingFakeAudio(FakeAudio):
    """FakeAudio whose recorders accept listeners and play what the test gives them."""

    def recorder(self, path, device, channels, key=None):
        made = SpeakingFakeRecorder(path, device, channels, self.clock, key)
        self.recorders.append(made)
        return made
