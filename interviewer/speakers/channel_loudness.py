"""Provides the loudness of each channel of a stereo recording over time, built block by block in bounded memory."""

from __future__ import annotations

import threading

import numpy as np

FRAME_SECONDS = 0.02
"""Loudness is kept per 20 ms frame: 100 kB per channel per 10 minutes."""
CLEAR_MARGIN_DB = 3.0
"""One channel must be this much louder over a word for the word to be put on its party."""


class ChannelLoudness:
    """Mean power per frame and channel of audio added in order; safe to read while another thread adds."""

    def __init__(self, samplerate: int, channels: int = 2):
        self.samplerate = samplerate
        self.channels = channels
        self._frame = max(1, int(round(samplerate * FRAME_SECONDS)))
        self._power = np.zeros((1024, channels), dtype=np.float32)
        self._frames = 0
        self._carry = np.zeros((0, channels), dtype=np.float32)
        self._lock = threading.Lock()

    def add(self, block: np.ndarray) -> None:
        """Add a block (frames × channels), int16 as the recorder gives it or float."""
        samples = np.asarray(block, dtype=np.float32)
        if np.issubdtype(np.asarray(block).dtype, np.integer):
            samples = samples / 32768.0
        samples = np.concatenate([self._carry, samples.reshape(-1, self.channels)])
        whole = len(samples) // self._frame * self._frame
        self._carry = samples[whole:]
        if whole == 0:
            return
        power = (samples[:whole] ** 2).reshape(-1, self._frame, self.channels).mean(axis=1)
        with self._lock:
            needed = self._frames + len(power)
            if needed > len(self._power):
                grown = np.zeros((max(needed, 2 * len(self._power)), self.channels), dtype=np.float32)
                grown[:self._frames] = self._power[:self._frames]
                self._power = grown
            self._power[self._frames:needed] = power
            self._frames = needed

    def power(self, start: float, end: float) -> np.ndarray:
        """Mean power per channel between two moments (seconds); zeros outside the audio."""
        per_second = self.samplerate / self._frame
        with self._lock:
            first = max(0, int(start * per_second))
            last = min(self._frames, max(first + 1, int(np.ceil(end * per_second))))
            span = self._power[first:last]
        return span.mean(axis=0).astype(np.float64) if len(span) else np.zeros(self.channels)

    def speech_power(self, percentile: float = 90.0) -> np.ndarray:
        """Each channel's level when someone speaks on it (a high percentile of its frame powers)."""
        with self._lock:
            power = self._power[:self._frames]
            return np.percentile(power, percentile, axis=0).astype(np.float64) if len(power) \
                else np.zeros(self.channels)

    def louder(self, start: float, end: float, margin_db: float = CLEAR_MARGIN_DB) -> int | None:
        """The channel clearly louder between two moments (seconds), or None when neither is."""
        per_second = self.samplerate / self._frame
        with self._lock:
            first = max(0, int(start * per_second))
            last = min(self._frames, max(first + 1, int(np.ceil(end * per_second))))
            span = self._power[first:last]
        if len(span) == 0:
            return None
        power = span.mean(axis=0).astype(np.float64) + 1e-12
        ranked = np.argsort(power)[::-1]
        if 10 * np.log10(power[ranked[0]] / power[ranked[1]]) < margin_db:
            return None
        return int(ranked[0])

    def remove_leaks(self) -> list:
        """Take out of each channel the delayed copy of the other that leaks into it (a call played through
        speakers and heard by the microphone), so the louder channel is the one where the speech began.
        Returns the leaks found (`echo.Leak`, per target channel)."""
        from interviewer.audio.echo import estimate_leak, remove_leak

        with self._lock:
            power = self._power[:self._frames].astype(np.float64)
        leaks = []
        for source, target in ((1, 0), (0, 1)):
            leak = estimate_leak(power[:, source], power[:, target], frame_seconds=FRAME_SECONDS)
            leaks.append(leak)
            remove_leak(power, source, target, leak, FRAME_SECONDS)
        with self._lock:
            self._power[:len(power)] = power
        return leaks

    @classmethod
    def of_file(cls, path, block_seconds: float = 10.0) -> tuple["ChannelLoudness", np.ndarray]:
        """The loudness of a stereo file read block by block, and every 8th sample for telling whether the
        channels carry different signals (`attribution.channels_are_separate`)."""
        import soundfile

        from interviewer.audio.source import opened_audio

        with opened_audio(path) as opened, soundfile.SoundFile(opened) as audio:
            loudness = cls(audio.samplerate, audio.channels)
            thinned = []
            for block in audio.blocks(blocksize=int(block_seconds * audio.samplerate), dtype="int16", always_2d=True):
                loudness.add(block)
                thinned.append(block[::8])
        sample = np.concatenate(thinned) if thinned else np.zeros((0, loudness.channels), dtype=np.int16)
        return loudness, sample
