"""Provides audio level measurement (RMS and peak dBFS per channel) and the pre-flight level verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR_DBFS = -120.0
"""Reported for digital silence instead of minus infinity."""

SILENT_BELOW_DBFS = -60.0
"""Speech level below this means nothing is arriving: a muted input, a wrong device, an unplugged cable."""

TOO_QUIET_BELOW_DBFS = -40.0
"""Speech level below this transcribes poorly; move the microphone closer or raise the input gain."""

CLIPPING_FULL_SCALE = 0.99
"""A sample at or above this fraction of full scale counts as clipped."""

CLIPPING_FRACTION = 0.001
"""More than this share of clipped samples (0.1 %) means the input gain is too high."""

SPEECH_FRAME_SECONDS = 0.05
SPEECH_PERCENTILE = 90
"""Speech level = this percentile of the RMS of 50 ms frames, so pauses between words do not drag it down."""

VERDICT_ORDER = ("silent", "clipping", "too quiet", "fine")
"""From worst to best; a multi-channel verdict is its worst channel's."""

_ADVICE = {
    "silent": "no sound is arriving: check the cable, the mute switch and the chosen input device",
    "clipping": "the input is distorting: lower the input gain or move the microphone away",
    "too quiet": "the speech is very quiet: move the microphone closer or raise the input gain",
    "fine": "the level is good",
}


@dataclass(frozen=True)
class Level:
    """The level of the latest block of audio, per channel, in dB relative to full scale."""

    rms_dbfs: tuple[float, ...]
    peak_dbfs: tuple[float, ...]


SILENCE = Level(rms_dbfs=(FLOOR_DBFS,), peak_dbfs=(FLOOR_DBFS,))


@dataclass(frozen=True)
class LevelVerdict:
    """The pre-flight verdict on a few seconds of input."""

    verdict: str
    """One of "silent", "too quiet", "fine", "clipping": the worst channel's."""
    channel_verdicts: tuple[str, ...]
    speech_dbfs: tuple[float, ...]
    """Per channel: the level of the loud parts (see SPEECH_PERCENTILE)."""
    peak_dbfs: tuple[float, ...]
    clipped_fraction: tuple[float, ...]

    @property
    def ok(self) -> bool:
        return self.verdict == "fine"

    @property
    def message(self) -> str:
        if len(self.channel_verdicts) == 1:
            return f"{_ADVICE[self.verdict]} (speech {self.speech_dbfs[0]:.0f} dBFS)."
        parts = [
            f"channel {number}: {verdict} ({level:.0f} dBFS)"
            for number, (verdict, level) in enumerate(zip(self.channel_verdicts, self.speech_dbfs), 1)
        ]
        return f"{_ADVICE[self.verdict]} — " + "; ".join(parts) + "."


def as_float(block: np.ndarray) -> np.ndarray:
    """Samples as float32 in [-1, 1], shaped (frames, channels)."""
    samples = np.asarray(block)
    if samples.ndim == 1:
        samples = samples[:, np.newaxis]
    if samples.dtype == np.int16:
        return samples.astype(np.float32) / 32768.0
    if samples.dtype == np.int32:
        return samples.astype(np.float32) / 2147483648.0
    return samples.astype(np.float32, copy=False)


def to_dbfs(amplitude: float) -> float:
    return 20.0 * math.log10(amplitude) if amplitude > 1e-6 else FLOOR_DBFS


def measure_level(block: np.ndarray) -> Level:
    """RMS and peak of one block of audio, per channel."""
    samples = as_float(block)
    if samples.shape[0] == 0:
        channels = samples.shape[1]
        return Level((FLOOR_DBFS,) * channels, (FLOOR_DBFS,) * channels)
    rms = np.sqrt(np.mean(np.square(samples, dtype=np.float64), axis=0))
    peak = np.max(np.abs(samples), axis=0)
    return Level(tuple(to_dbfs(float(v)) for v in rms), tuple(to_dbfs(float(v)) for v in peak))


def judge_level(block: np.ndarray, samplerate: int) -> LevelVerdict:
    """Judge a few seconds of input as silent, too quiet, fine or clipping, channel by channel."""
    samples = as_float(block)
    frame = max(1, int(samplerate * SPEECH_FRAME_SECONDS))
    verdicts, speech, peaks, clipped = [], [], [], []
    for channel in samples.T:
        usable = len(channel) // frame * frame
        frames = channel[:usable].reshape(-1, frame) if usable else channel[np.newaxis, :]
        frame_rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
        speech_level = to_dbfs(float(np.percentile(frame_rms, SPEECH_PERCENTILE))) if frame_rms.size else FLOOR_DBFS
        clipped_share = float(np.mean(np.abs(channel) >= CLIPPING_FULL_SCALE)) if channel.size else 0.0
        if speech_level < SILENT_BELOW_DBFS:
            verdict = "silent"
        elif clipped_share > CLIPPING_FRACTION:
            verdict = "clipping"
        elif speech_level < TOO_QUIET_BELOW_DBFS:
            verdict = "too quiet"
        else:
            verdict = "fine"
        verdicts.append(verdict)
        speech.append(speech_level)
        peaks.append(to_dbfs(float(np.max(np.abs(channel)))) if channel.size else FLOOR_DBFS)
        clipped.append(clipped_share)
    worst = min(verdicts, key=VERDICT_ORDER.index)
    return LevelVerdict(worst, tuple(verdicts), tuple(speech), tuple(peaks), tuple(clipped))
