"""Provides the "call on this computer" input: the microphone and the computer's output as one stereo recording."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from interviewer.audio import CALL_DEVICE, devices
from interviewer.audio.call_align import Gap, StreamAligner
from interviewer.audio.devices import InputDevice, RecorderError
from interviewer.audio.recorder import Recorder

CALL_LABEL = "Call on this computer"
SIDE_NAMES = ("microphone", "call")
"""Channel 1 (left) is the interviewer's microphone, channel 2 (right) what the call plays."""
INTERVIEWER_CHANNEL = 0
BLOCK_SECONDS = 0.02
"""Each stream hands over 20 ms blocks: few enough callbacks, fine enough timestamps."""
MAC_LOOPBACK_NAMES = ("blackhole", "loopback", "soundflower")
"""Loopback drivers a Mac user may install to make the computer's output recordable."""
UNSUPPORTED = ("Recording the computer's output needs PulseAudio or PipeWire on Linux, WASAPI on Windows, or a"
               " loopback device such as BlackHole on macOS.")


@dataclass(frozen=True)
class CallSide:
    """Where one side of the call is recorded from."""

    device: int | str
    """The PortAudio device (an index, or a name such as 'pulse')."""
    source: str | None
    """For PulseAudio/PipeWire: the source's name, given to the stream as PULSE_SOURCE when it opens."""
    name: str
    """What the interviewer sees."""


@dataclass(frozen=True)
class CallInput:
    """Whether this computer can record a call made on it, and from where; `reason` says why not or how."""

    available: bool
    reason: str
    system: str = ""
    mic: CallSide | None = None
    call: CallSide | None = None


def _pactl(run, *args: str) -> str:
    result = run(["pactl", *args], capture_output=True, text=True, timeout=5)
    if result.returncode != 0:
        raise RecorderError((result.stderr or result.stdout).strip() or f"pactl {' '.join(args)} failed")
    return result.stdout


def _pulse(sd, run) -> CallInput:
    if shutil.which("pactl") is None and run is subprocess.run:
        return CallInput(False, "PulseAudio's `pactl` is missing: install pulseaudio-utils (PipeWire: pipewire-pulse).")
    try:
        info = dict(line.split(":", 1) for line in _pactl(run, "info").splitlines() if ":" in line)
        sources = {line.split("\t")[1] for line in _pactl(run, "list", "short", "sources").splitlines()
                   if line.count("\t") >= 1}
    except (RecorderError, OSError, subprocess.SubprocessError) as error:
        return CallInput(False, f"No PulseAudio or PipeWire sound server answers ({error}). {UNSUPPORTED}")
    server = info.get("Server Name", "").strip() or "PulseAudio"
    sink = info.get("Default Sink", "").strip()
    source = info.get("Default Source", "").strip()
    monitor = f"{sink}.monitor"
    if not sink or monitor not in sources:
        return CallInput(False, f"{server} has no default output whose sound can be recorded (no '{monitor}').")
    if not source or source == monitor:
        return CallInput(False, "The default input is the output's own monitor, not a microphone: choose the"
                                " microphone as the default input in the sound settings.")
    names = [device["name"] for device in sd.query_devices() if device["max_input_channels"] > 0]
    if "pulse" not in names:
        return CallInput(False, "PortAudio has no 'pulse' device: install libasound2-plugins (the ALSA plugin for"
                                " PulseAudio and PipeWire).")
    return CallInput(True, f"{server}: microphone '{source}', call from the output '{sink}'", "pulse",
                     CallSide("pulse", source, f"microphone {source}"), CallSide("pulse", monitor, f"output {sink}"))


def _wasapi(sd) -> CallInput:
    apis = [api for api in sd.query_hostapis() if "WASAPI" in api["name"]]
    if not apis:
        return CallInput(False, f"PortAudio offers no WASAPI here. {UNSUPPORTED}")
    api = apis[0]
    api_index = list(sd.query_hostapis()).index(api)
    listed = list(enumerate(sd.query_devices()))
    loopbacks = [(i, d) for i, d in listed if d["hostapi"] == api_index and d["max_input_channels"] > 0
                 and "loopback" in d["name"].lower()]
    if not loopbacks:
        return CallInput(False, "This PortAudio build lists no WASAPI loopback input, so the computer's output"
                                " cannot be recorded; a sounddevice release whose PortAudio has WASAPI loopback does.")
    output = api.get("default_output_device", -1)
    output_name = sd.query_devices(output)["name"] if output is not None and output >= 0 else ""
    index, loopback = next(((i, d) for i, d in loopbacks if output_name and d["name"].startswith(output_name)),
                           loopbacks[0])
    mic = api.get("default_input_device", -1)
    if mic is None or mic < 0:
        return CallInput(False, "WASAPI has no default microphone.")
    mic_name = sd.query_devices(mic)["name"]
    return CallInput(True, f"WASAPI: microphone '{mic_name}', call from '{loopback['name']}'", "wasapi",
                     CallSide(mic, None, mic_name), CallSide(index, None, loopback["name"]))


def _macos(sd) -> CallInput:
    listed = [(i, d) for i, d in enumerate(sd.query_devices()) if d["max_input_channels"] > 0]
    loopbacks = [(i, d) for i, d in listed if any(name in d["name"].lower() for name in MAC_LOOPBACK_NAMES)]
    if not loopbacks:
        return CallInput(False, "macOS cannot record its own output without a loopback device: install one"
                                " (e.g. BlackHole) and send the call's sound to it with a Multi-Output Device.")
    index, loopback = loopbacks[0]
    mic = devices._default_input_index(sd)
    if mic is None or mic == index:
        return CallInput(False, f"The default input is the loopback device '{loopback['name']}': choose the"
                                " microphone as the default input.")
    mic_name = sd.query_devices(mic)["name"]
    return CallInput(True, f"microphone '{mic_name}', call from '{loopback['name']}' (the call's sound must be sent"
                           " to it)", "macos", CallSide(mic, None, mic_name), CallSide(index, None, loopback["name"]))


def find_call_input(sd=None, *, run=subprocess.run, platform: str | None = None) -> CallInput:
    """Whether a call made on this computer can be recorded here, and from which two inputs. Never raises."""
    platform = platform or sys.platform
    try:
        sd = sd or devices.load_sounddevice()
        if platform.startswith("win"):
            return _wasapi(sd)
        if platform == "darwin":
            return _macos(sd)
        if platform.startswith("linux") or "bsd" in platform:
            return _pulse(sd, run)
    except RecorderError as error:
        return CallInput(False, str(error))
    except Exception as error:  # PortAudio's own errors while listing devices
        return CallInput(False, f"Cannot look at the audio devices ({error}).")
    return CallInput(False, UNSUPPORTED)


def common_samplerate(sd, call: CallInput, wanted: int | None = None) -> int:
    """A rate both sides record at: the transcriber's 16 kHz where they allow it (PulseAudio converts), else
    a rate both devices run at (WASAPI shared mode and Core Audio may insist on their own)."""
    candidates = [wanted] if wanted else [devices.PREFERRED_SAMPLERATE, 48000, 44100]
    problems = []
    for rate in candidates:
        try:
            for side in (call.mic, call.call):
                sd.check_input_settings(device=side.device, channels=1, samplerate=rate, dtype="int16")
            return int(rate)
        except Exception as error:  # PortAudio says no through several exception types
            problems.append(f"{rate} Hz: {error}")
    raise RecorderError(f"{call.mic.name} and {call.call.name} have no sample rate in common"
                        f" ({'; '.join(problems)}).")


class _Status:
    """What the recorder reads of a block's status."""

    def __init__(self, overflow: bool):
        self.input_overflow = overflow


class CallStreams:
    """Two input streams, the microphone and the call, joined by a `StreamAligner` into stereo blocks.

    Has the start/stop/close of a PortAudio stream, so the Recorder records it as it records a device.
    When one side stops delivering for `stall_seconds` while the other goes on (or its stream ends),
    `finished` is called: the recorder then stops the part as for a lost device, naming the side.
    """

    def __init__(self, sd, call: CallInput, samplerate: int, on_block: Callable[[np.ndarray, list, bool], None],
                 finished: Callable[[], None], *, stall_seconds: float, clock: Callable[[], float] = time.monotonic):
        self.call = call
        self.samplerate = samplerate
        self.finished = finished
        self.stall_seconds = stall_seconds
        self.clock = clock
        self.lost_side: int | None = None
        self._on_block = on_block
        self._overflow = False
        self._last = [clock(), clock()]
        self._closing = False
        self.aligner = StreamAligner(samplerate, self._emit)
        self.streams = []
        try:
            for side_number, side in enumerate((call.mic, call.call)):
                self.streams.append(self._open(sd, side, side_number))
        except BaseException:
            self.close()
            raise

    def _open(self, sd, side: CallSide, number: int):
        def callback(indata, frames, time_info, status) -> None:
            now = self.clock()
            self._last[number] = now
            if getattr(status, "input_overflow", False):
                self._overflow = True
            adc, current = getattr(time_info, "inputBufferAdcTime", 0.0), getattr(time_info, "currentTime", 0.0)
            if adc > 0 and current > 0:
                # PortAudio's own clock, read before this callback waited for Python's lock: on a busy
                # computer that wait is tens of milliseconds and would look like lost audio.
                self.aligner.add(number, indata, adc, current)
            else:  # a host API without timestamps: when the block reached us
                self.aligner.add(number, indata, now - frames / self.samplerate, now)
            if now - self._last[1 - number] > self.stall_seconds:  # the other side went quiet without a word
                self._lost(1 - number)

        def ended() -> None:
            if not self._closing:
                self._lost(number)

        with devices.STREAM_OPENING:
            saved = os.environ.get("PULSE_SOURCE")
            if side.source:
                os.environ["PULSE_SOURCE"] = side.source
            try:
                return sd.InputStream(device=side.device, samplerate=self.samplerate, channels=1, dtype="int16",
                                      blocksize=int(self.samplerate * BLOCK_SECONDS), latency=devices.INPUT_LATENCY,
                                      callback=callback, finished_callback=ended)
            except Exception as error:
                raise RecorderError(f"Cannot record the {SIDE_NAMES[number]} side ({side.name}): {error}") from error
            finally:
                if saved is None:
                    os.environ.pop("PULSE_SOURCE", None)
                else:
                    os.environ["PULSE_SOURCE"] = saved

    def _emit(self, block: np.ndarray, gaps: list) -> None:
        overflow, self._overflow = self._overflow, False
        self._on_block(block, gaps, overflow)

    def _lost(self, side: int) -> None:
        if self.lost_side is None and not self._closing:
            self.lost_side = side
            self.finished()

    def start(self) -> None:
        for stream in self.streams:
            stream.start()

    def stop(self) -> None:
        self._closing = True
        for stream in self.streams:
            try:
                stream.stop()
            except Exception:  # a vanished device cannot be stopped cleanly
                pass
        self.aligner.flush()

    def close(self) -> None:
        self._closing = True
        for stream in self.streams:
            try:
                stream.close()
            except Exception:
                pass


GapListener = Callable[[float, str, float], None]
"""Called with (recording offset, side name, seconds) when one side's audio was lost and filled with silence."""


class CallRecorder(Recorder):
    """Records a call made on this computer: the microphone on the left channel, the call on the right.

    The same crash-safe writer, parts, listeners and level as `Recorder` (whose API it keeps); only the
    input differs: two streams aligned in time (see `call_align`).
    """

    def __init__(self, path: str | Path, call: CallInput | None = None, samplerate: int | None = None, **kwargs):
        super().__init__(path, CALL_DEVICE, 2, samplerate, **kwargs)
        self.call = call
        self.gaps: list[tuple[float, str, float]] = []
        """(recording offset, side name, seconds) of every stretch a side lost."""
        self._gap_listeners: list[GapListener] = []
        self._streams: CallStreams | None = None

    def on_gap(self, listener: GapListener) -> None:
        """Be told (on an audio thread: be quick) of audio a side lost; the recording goes on."""
        self._gap_listeners.append(listener)

    @property
    def alignment_offset(self) -> float:
        """Seconds between the call's read position and where its clock puts it (signed; about 0)."""
        return self._streams.aligner.offset_seconds if self._streams is not None else 0.0

    def _choose_input(self, sd) -> tuple[InputDevice, int]:
        call = self.call = self.call or find_call_input(sd)
        if not call.available:
            raise RecorderError(f"{CALL_LABEL} cannot be recorded: {call.reason}")
        rate = common_samplerate(sd, call, self._wanted_samplerate)
        return InputDevice(-1, CALL_LABEL, 2, float(rate), call.system, False), rate

    def _open_stream(self, sd, device: InputDevice, rate: int):
        self._streams = CallStreams(sd, self.call, rate, self._on_aligned, self._on_side_lost,
                                    stall_seconds=self._stall_seconds, clock=self._clock)
        return self._streams

    def _on_side_lost(self) -> None:
        side = self._streams.lost_side if self._streams is not None else None
        if side is not None and self.input_device is not None:
            source = (self.call.mic, self.call.call)[side]
            self.input_device = replace(self.input_device, name=f"{CALL_LABEL}: the {SIDE_NAMES[side]} side"
                                                                f" ({source.name})")
        self._on_stream_finished()

    def _on_aligned(self, block: np.ndarray, gaps: list[Gap], overflow: bool) -> None:
        first = self._streams.aligner.emitted - len(block) if self._streams is not None else 0
        for gap in gaps:
            offset = self.elapsed + max(0, gap.frame - first) / self.samplerate
            self.gaps.append((offset, SIDE_NAMES[gap.side], gap.seconds))
            for listener in list(self._gap_listeners):
                try:
                    listener(offset, SIDE_NAMES[gap.side], gap.seconds)
                except Exception:  # a broken listener must not stop the recording
                    pass
        self._on_audio(block, len(block), None, _Status(overflow))

