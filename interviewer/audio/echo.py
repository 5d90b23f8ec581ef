"""Provides the detection of one channel's sound leaking, delayed, into the other (speakers instead of a headset)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.audio.levels import LevelVerdict, judge_level

FRAME_SECONDS = 0.01
"""Envelopes are compared in 10 ms frames."""
MAX_DELAY_SECONDS = 0.5
"""Speakers to microphone is a few milliseconds of air plus the sound system's buffers; half a second covers it."""
LEAK_CORRELATION = 0.5
"""The delayed source envelope must explain the target's this well for a leak to count."""
LEAK_MIN_DB = -40.0
"""A leak this much quieter than its source (power) is too faint to be transcribed."""
ACTIVE_DB = 20.0
"""Frames within this many dB of a channel's loud parts count as its speech."""


@dataclass(frozen=True)
class Leak:
    """How a source channel reappears in a target channel: delay, level and how sure."""

    delay: float
    """Seconds the copy lags the source."""
    gain_db: float
    """The copy's power relative to the source's (dB, negative)."""
    correlation: float
    """Of the source's delayed envelope with the target's, where the source speaks (0 to 1)."""

    @property
    def present(self) -> bool:
        return self.correlation >= LEAK_CORRELATION and self.gain_db >= LEAK_MIN_DB


NO_LEAK = Leak(0.0, -120.0, 0.0)


def frame_power(samples: np.ndarray, samplerate: int, frame_seconds: float = FRAME_SECONDS) -> np.ndarray:
    """Mean power per frame and channel (frames × channels) of int16 or float audio."""
    audio = np.asarray(samples)
    scale = 32768.0 if np.issubdtype(audio.dtype, np.integer) else 1.0
    audio = audio.reshape(len(audio), -1).astype(np.float64) / scale
    frame = max(1, int(round(samplerate * frame_seconds)))
    whole = len(audio) // frame * frame
    return (audio[:whole] ** 2).reshape(-1, frame, audio.shape[1]).mean(axis=1)


def estimate_leak(source: np.ndarray, target: np.ndarray, frame_seconds: float = FRAME_SECONDS,
                  max_delay: float = MAX_DELAY_SECONDS) -> Leak:
    """Whether `source`'s sound (frame powers) reappears in `target`'s after a delay, from envelopes."""
    source, target = np.asarray(source, np.float64), np.asarray(target, np.float64)
    count = min(len(source), len(target))
    if count < 20:
        return NO_LEAK
    source, target = source[:count], target[:count]
    loud = np.percentile(source, 95)
    if loud <= 1e-10:
        return NO_LEAK
    active = source > loud / 10 ** (ACTIVE_DB / 10)
    if active.sum() < 10:
        return NO_LEAK
    source_envelope, target_envelope = np.sqrt(source), np.sqrt(target)
    best = NO_LEAK
    for lag in range(0, min(int(max_delay / frame_seconds), count // 2) + 1):
        a = source_envelope[:count - lag]
        b = target_envelope[lag:]
        if a.std() < 1e-12 or b.std() < 1e-12:
            continue
        correlation = float(np.corrcoef(a, b)[0, 1])
        if correlation > best.correlation:
            where = active[:count - lag]
            ratio = np.median(target[lag:][where] / (source[:count - lag][where] + 1e-20))
            best = Leak(lag * frame_seconds, float(10 * np.log10(max(ratio, 1e-12))), correlation)
    return best


def remove_leak(power: np.ndarray, source: int, target: int, leak: Leak, frame_seconds: float,
                over: float = 2.0) -> None:
    """Take the source's predicted copy out of the target's frame powers, in place (a little more than
    predicted, `over`, and the loudest of the neighbouring frames, so reverberation is taken out too)."""
    if not leak.present or len(power) == 0:
        return
    lag = int(round(leak.delay / frame_seconds))
    shifted = np.zeros(len(power))
    shifted[lag:] = power[:len(power) - lag, source] if lag else power[:, source]
    spread = np.maximum(shifted, np.maximum(np.roll(shifted, 1), np.roll(shifted, -1)))
    predicted = over * 10 ** (leak.gain_db / 10) * spread
    power[:, target] = np.maximum(power[:, target] - predicted, 0.0).astype(power.dtype)


@dataclass(frozen=True)
class CallVerdict:
    """The pre-flight verdict on a call input: each side's level, and whether the call reaches the microphone."""

    levels: LevelVerdict
    leak: Leak

    @property
    def verdict(self) -> str:
        mic, call = self.levels.channel_verdicts[:2]
        if mic == "silent":
            return "silent"
        if self.leak.present:
            return "echo"
        if call == "silent":
            return "no call audio"
        return mic if mic != "fine" else ("clipping" if call == "clipping" else "fine")

    @property
    def ok(self) -> bool:
        return self.verdict == "fine"

    @property
    def message(self) -> str:
        mic, call = self.levels.speech_dbfs[:2]
        sides = f"microphone {mic:.0f} dBFS, call {call:.0f} dBFS"
        advice = {
            "silent": "no sound from the microphone: check it is the computer's default input and not muted",
            "echo": (f"the call's sound reaches the microphone ({-self.leak.gain_db:.0f} dB down, "
                     f"{self.leak.delay * 1000:.0f} ms late): use a headset"),
            "no call audio": "no call audio: is the call playing through this computer's default output?",
            "clipping": "the input is distorting: lower the microphone's gain",
            "too quiet": "the microphone is very quiet: move it closer or raise its gain",
            "fine": "both sides are heard",
        }[self.verdict]
        return f"{advice} ({sides})."


def judge_call(samples: np.ndarray, samplerate: int) -> CallVerdict:
    """Judge a few seconds of a call recording (microphone left, call right)."""
    power = frame_power(samples, samplerate)
    leak = estimate_leak(power[:, 1], power[:, 0]) if len(power) else NO_LEAK
    return CallVerdict(judge_level(samples, samplerate), leak)
