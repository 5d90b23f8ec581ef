"""Provides input-device lookup (PortAudio through sounddevice), clear device errors and the level check."""

from __future__ import annotations

import importlib
import threading
import time
from dataclasses import dataclass

import numpy as np

from interviewer.audio.levels import LevelVerdict, judge_level

PREFERRED_SAMPLERATE = 16000
"""What the transcriber wants; used when the device accepts it, else the device's own rate."""
INPUT_LATENCY = "high"
"""PortAudio's safe buffer size for input (tens of milliseconds): fewer overflows on a busy laptop, and
blocks small enough for the level meter. With blocksize=0 PortAudio passes on whatever arrives."""
PORTAUDIO_HINT = (
    "Recording needs the PortAudio library: on Debian or Ubuntu run `sudo apt-get install libportaudio2`"
    " (and `pulseaudio` or `pipewire-pulse` for the sound server)."
)

STREAM_OPENING = threading.Lock()
"""Held while a stream is opened: PulseAudio reads PULSE_SOURCE when a stream opens, and the call input sets
it for a moment (see `call.py`), so no other stream may open meanwhile."""


class RecorderError(Exception):
    """Recording cannot start or has stopped; the message says why and what to do."""


class DeviceLost(RecorderError):
    """The input device vanished mid-recording; the file is kept, continue on another device as a new part."""


class DiskFull(RecorderError):
    """The disk filled up; the file keeps what was written."""


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_samplerate: float
    hostapi: str
    is_default: bool

    def describe(self) -> str:
        default = ", default" if self.is_default else ""
        return f"[{self.index}] {self.name} ({self.hostapi}, {self.channels} in, {self.default_samplerate:.0f} Hz{default})"


def load_sounddevice():
    try:
        return importlib.import_module("sounddevice")
    except OSError as error:  # sounddevice raises OSError when libportaudio is absent
        raise RecorderError(f"Cannot use audio input ({error}). {PORTAUDIO_HINT}") from error
    except ImportError as error:
        raise RecorderError("The sounddevice package is missing: pip install sounddevice") from error


def refresh_devices() -> None:
    """Make PortAudio look for devices again: it lists them once, when sounddevice is first imported."""
    sd = load_sounddevice()
    sd._terminate()
    sd._initialize()


def _all_devices(sd) -> list[dict]:
    return [dict(device, index=index) for index, device in enumerate(sd.query_devices())]


def _default_input_index(sd) -> int | None:
    try:
        index = sd.default.device[0]
    except Exception:  # sounddevice raises when PortAudio has no default
        return None
    return index if isinstance(index, int) and index >= 0 else None


def list_input_devices() -> list[InputDevice]:
    """Every device with at least one input channel."""
    sd = load_sounddevice()
    hostapis = [api["name"] for api in sd.query_hostapis()]
    default = _default_input_index(sd)
    return [
        InputDevice(
            index=device["index"], name=device["name"], channels=device["max_input_channels"],
            default_samplerate=float(device["default_samplerate"]),
            hostapi=hostapis[device["hostapi"]] if device["hostapi"] < len(hostapis) else "?",
            is_default=device["index"] == default,
        )
        for device in _all_devices(sd)
        if device["max_input_channels"] > 0
    ]


def _no_input_message(sd) -> str:
    others = [f"[{d['index']}] {d['name']} (output only)" for d in _all_devices(sd)]
    seen = "; ".join(others) if others else "no audio devices at all"
    return (
        f"No audio input device found. PortAudio sees: {seen}. Connect a microphone or audio interface"
        f" and check it is not disabled in the sound settings. {PORTAUDIO_HINT}"
    )


def match_device(inputs: list, device: int | str):
    """The one of `inputs` (InputDevice or alike) meant by an index or a (part of a) name."""
    listing = "; ".join(d.describe() for d in inputs)
    if isinstance(device, int) or str(device).strip().isdigit():
        index = int(device)
        match = [d for d in inputs if d.index == index]
        if not match:
            raise RecorderError(f"There is no input device number {index}. Input devices: {listing}")
        return match[0]
    exact = [d for d in inputs if d.name == device]
    match = exact or [d for d in inputs if str(device).lower() in d.name.lower()]
    if len(match) != 1:
        problem = "No input device matches" if not match else "Several input devices match"
        raise RecorderError(f"{problem} '{device}'. Input devices: {listing}")
    return match[0]


def resolve_device(device: int | str | None, sd=None) -> InputDevice:
    """The input device meant by an index, a (part of a) name, or None for the default."""
    sd = sd or load_sounddevice()
    inputs = list_input_devices()
    if not inputs:
        raise RecorderError(_no_input_message(sd))
    if device is None:
        return next((d for d in inputs if d.is_default), inputs[0])
    return match_device(inputs, device)


def choose_samplerate(sd, device: InputDevice, channels: int, wanted: int | None) -> int:
    if channels > device.channels:
        raise RecorderError(f"{device.describe()} has only {device.channels} input channel(s), not {channels}.")
    candidates = [wanted] if wanted else [PREFERRED_SAMPLERATE, int(device.default_samplerate)]
    for rate in candidates:
        try:
            sd.check_input_settings(device=device.index, channels=channels, samplerate=rate, dtype="int16")
            return int(rate)
        except Exception:  # PortAudio says no through several exception types
            continue
    tried = " or ".join(f"{rate} Hz" for rate in candidates)
    raise RecorderError(f"{device.describe()} cannot record {channels} channel(s) at {tried}.")


def check_input(device: int | str | None = None, seconds: float = 3.0, channels: int = 1,
                samplerate: int | None = None) -> LevelVerdict:
    """Listen for a few seconds and say whether the input is silent, too quiet, fine or clipping."""
    sd = load_sounddevice()
    chosen = resolve_device(device, sd)
    rate = choose_samplerate(sd, chosen, channels, samplerate)
    blocks: list[np.ndarray] = []
    try:
        with sd.InputStream(device=chosen.index, samplerate=rate, channels=channels, dtype="int16",
                            blocksize=0, latency=INPUT_LATENCY, callback=lambda indata, *_: blocks.append(indata.copy())):
            time.sleep(seconds)
    except Exception as error:
        raise RecorderError(f"Cannot listen to {chosen.describe()}: {error}") from error
    samples = np.concatenate(blocks) if blocks else np.zeros((0, channels), dtype=np.int16)
    return judge_level(samples, rate)
