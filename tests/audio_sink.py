"""Provides a private PulseAudio daemon with a null sink, so tests can record real audio without a sound card.

What is played into the sink with `NullSink.play()` comes back out of its monitor, which is made the
default source: PortAudio's `default` (and `pulse`) input device then records it through ALSA's pulse plugin.
Needs the Debian packages libportaudio2, pulseaudio and pulseaudio-utils.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

SINK_NAME = "interviewer_test_sink"
PULSE_PROGRAMS = ("pulseaudio", "pactl", "paplay")
MISSING_REASON = (
    "needs PulseAudio for a null sink: apt-get install libportaudio2 pulseaudio pulseaudio-utils"
    " (CI installs them)"
)


def pulse_missing() -> str | None:
    """Why the null sink cannot run here, or None."""
    absent = [program for program in PULSE_PROGRAMS if shutil.which(program) is None]
    return f"{', '.join(absent)} not found; {MISSING_REASON}" if absent else None


class NullSink:
    """A running private PulseAudio daemon with one null sink whose monitor is the default source."""

    def __init__(self, runtime_dir: Path, daemon: subprocess.Popen, name: str = SINK_NAME):
        self.runtime_dir = runtime_dir
        self.daemon = daemon
        self.keepalive: subprocess.Popen | None = None
        self.name = name
        self.server = f"unix:{runtime_dir / 'pulse' / 'native'}"

    @property
    def env(self) -> dict[str, str]:
        """The environment for a subprocess that should play into or record from this sink."""
        return {**os.environ, "XDG_RUNTIME_DIR": str(self.runtime_dir), "PULSE_SERVER": self.server}

    def pactl(self, *args: str) -> str:
        return subprocess.run(["pactl", *args], env=self.env, check=True, capture_output=True, text=True,
                              timeout=10).stdout

    def play(self, path: str | Path) -> subprocess.Popen:
        """Start playing a sound file into the sink ("said into the room"); 16-bit WAV is safest."""
        return subprocess.Popen(["paplay", "-d", self.name, str(path)], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def kill(self) -> None:
        """Stop the daemon (also how a test makes the input device vanish)."""
        for process in (self.keepalive, self.daemon):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(timeout=10)

    def keep_low_latency(self) -> None:
        """Hold a low-latency reader on the monitor, and wait until audio flows.

        An idle null sink renders in 2-second blocks, so a new recording otherwise gets its first audio up
        to 2 s late and then in 2-second lumps; a sound card does not do this, so the rig must not either.
        """
        self.keepalive = subprocess.Popen(
            ["parec", "--latency-msec=20", "-d", f"{self.name}.monitor"], env=self.env,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        ready, _, _ = select.select([self.keepalive.stdout], [], [], 5)
        if not ready:
            raise RuntimeError("the null sink's monitor delivered no audio within 5 s")
        threading.Thread(target=shutil.copyfileobj, args=(self.keepalive.stdout, open(os.devnull, "wb")),
                         daemon=True).start()


def start_null_sink(runtime_dir: Path) -> NullSink:
    """Start a private daemon in `runtime_dir` (a fresh folder) and wait until it answers."""
    runtime_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir.chmod(0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime_dir)}
    env.pop("PULSE_SERVER", None)
    daemon = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "-n", "--exit-idle-time=-1", "--disable-shm=yes",
         "--load=module-native-protocol-unix auth-anonymous=1",
         f"--load=module-null-sink sink_name={SINK_NAME} rate=48000 channels=2",
         "--log-target=stderr", "--log-level=error"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sink = NullSink(runtime_dir, daemon)
    deadline = time.monotonic() + 10
    while True:
        if daemon.poll() is not None:
            raise RuntimeError(f"pulseaudio exited: {daemon.stderr.read().decode(errors='replace')}")
        try:
            sink.pactl("set-default-source", f"{SINK_NAME}.monitor")
            break
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                sink.kill()
                raise
            time.sleep(0.1)
    try:
        sink.keep_low_latency()
    except BaseException:
        sink.kill()
        raise
    return sink


@contextlib.contextmanager
def null_sink_running(runtime_dir: Path | None = None):
    """A NullSink for the duration of the block, with this process's environment pointing at it.

    PortAudio lists devices once, when sounddevice is imported, so the device list is refreshed after
    the daemon starts (and again after it stops).
    """
    from interviewer.audio.recorder import refresh_devices

    reason = pulse_missing()
    if reason:
        pytest.skip(reason)
    with contextlib.ExitStack() as stack:
        if runtime_dir is None:
            runtime_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pulse-")))
        sink = start_null_sink(runtime_dir)
        saved = {key: os.environ.get(key) for key in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}
        os.environ.update(XDG_RUNTIME_DIR=str(runtime_dir), PULSE_SERVER=sink.server)
        try:
            refresh_devices()
            yield sink
        finally:
            sink.kill()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            refresh_devices()


@pytest.fixture(scope="module")
def null_sink(tmp_path_factory):
    """A private PulseAudio null sink for this test module; skips when PulseAudio is not installed."""
    with null_sink_running(tmp_path_factory.mktemp("pulse")) as sink:
        yield sink


def playable_wav(source_path: str | Path, folder: Path) -> Path:
    """A 16-bit WAV copy of any file soundfile reads (paplay mis-plays 24-bit FLAC: it stopped after 2 s)."""
    import soundfile

    samples, samplerate = soundfile.read(str(source_path), dtype="float32", always_2d=True)
    target = folder / (Path(source_path).stem + ".play.wav")
    soundfile.write(str(target), samples, samplerate, subtype="PCM_16")
    return target


def capture_through_sink(source_path: str | Path, out_path: str | Path, sink: NullSink | None = None, *,
                         channels: int = 1, samplerate: int | None = None, tail_seconds: float = 0.5):
    """Play `source_path` into a null sink and record it with our Recorder into `out_path`.

    Uses `sink` if given, else starts (and stops) a private one. Returns the `Recording`; the captured
    audio starts a little before the source (PortAudio start-up) and runs `tail_seconds` after it.
    """
    from interviewer.audio.recorder import Recorder

    with contextlib.ExitStack() as stack:
        if sink is None:
            sink = stack.enter_context(null_sink_running())
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="capture-")))
        wav = playable_wav(source_path, folder)
        recorder = Recorder(out_path, channels=channels, samplerate=samplerate)
        recorder.start()
        try:
            deadline = time.monotonic() + 5
            while recorder.elapsed == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            player = sink.play(wav)
            player.wait(timeout=600)
            time.sleep(tail_seconds)
        finally:
            result = recorder.stop()
        if player.returncode != 0:
            raise RuntimeError(f"paplay failed: {player.stderr.read().decode(errors='replace')}")
        return result


MIC_SINK = "mic"
CALL_SINK = "call"
BOTH_SINK = "mic_and_call"


@contextlib.contextmanager
def call_sinks(sink: NullSink):
    """Two more null sinks on `sink`'s daemon standing for a call made on this computer.

    What is played into `mic` is what the interviewer says: its monitor is made the default source (the
    microphone). What is played into `call` is the participant: `call` is made the default sink, so its
    monitor is the call's sound. `mic_and_call` plays into both at once (a combined sink), for timing.
    Restores the defaults and unloads the sinks afterwards.
    """
    from interviewer.audio.recorder import refresh_devices

    modules = [sink.pactl("load-module", "module-null-sink", f"sink_name={name}", "rate=48000", "channels=2").strip()
               for name in (MIC_SINK, CALL_SINK)]
    modules.append(sink.pactl("load-module", "module-combine-sink", f"sink_name={BOTH_SINK}",
                              f"slaves={MIC_SINK},{CALL_SINK}").strip())
    sink.pactl("set-default-source", f"{MIC_SINK}.monitor")
    sink.pactl("set-default-sink", CALL_SINK)
    keepalives = [subprocess.Popen(["parec", "--latency-msec=20", "-d", f"{name}.monitor"], env=sink.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                  for name in (MIC_SINK, CALL_SINK)]  # an idle null sink renders in 2 s lumps otherwise
    try:
        time.sleep(0.3)
        refresh_devices()
        yield sink
    finally:
        for process in keepalives:
            process.kill()
            process.wait(timeout=10)
        with contextlib.suppress(subprocess.CalledProcessError):
            sink.pactl("set-default-sink", sink.name)
            sink.pactl("set-default-source", f"{sink.name}.monitor")
            for module in reversed(modules):
                sink.pactl("unload-module", module)


def play_into(sink: NullSink, sink_name: str, path: str | Path) -> subprocess.Popen:
    """Start playing a sound file into one of the call sinks."""
    return subprocess.Popen(["paplay", "-d", sink_name, str(path)], env=sink.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
