"""Provides playback of a stretch of a stored recording (a transcript segment) on the default audio output."""

from __future__ import annotations

import threading
from typing import Callable

import numpy as np

from interviewer.audio.source import AudioSource, opened_audio, stored_audio
from interviewer.store import Segment, Study, StoreError

LEAD = 0.25
"""Seconds played before and after a segment, so its first and last words are not clipped."""


class PlaybackError(Exception):
    """Audio cannot be played; the message says why and what to do."""


def read_span(path: AudioSource, start: float, end: float) -> tuple[np.ndarray, int]:
    """float32 samples (frames × channels) of `path` from `start` to `end` seconds, and their sample rate.

    WAV, FLAC and OGG are read directly by position; other formats (MP3, M4A, ...) are decoded with PyAV
    from the nearest point before `start`, so even a long file is not decoded whole. A sealed recording
    is decrypted in memory, only the chunks the span needs.
    """
    import soundfile

    start, end = max(0.0, start), max(start, end)
    try:
        with opened_audio(path) as opened, soundfile.SoundFile(opened) as audio:
            rate = audio.samplerate
            audio.seek(min(int(start * rate), audio.frames))
            return audio.read(int((end - start) * rate), dtype="float32", always_2d=True), rate
    except soundfile.SoundFileError:
        return _decode_span(path, start, end)


def _decode_span(path: AudioSource, start: float, end: float) -> tuple[np.ndarray, int]:
    import av

    with opened_audio(path) as opened, av.open(opened, metadata_errors="ignore") as container:
        stream = container.streams.audio[0]
        rate = stream.rate or stream.codec_context.sample_rate
        channels = min(stream.codec_context.channels or 1, 2)
        resampler = av.AudioResampler(format="flt", layout="stereo" if channels == 2 else "mono", rate=rate)
        if start > 0 and stream.time_base:
            container.seek(int(start / stream.time_base), stream=stream)
        first: float | None = None
        chunks = []
        for frame in container.decode(stream):
            if first is None:
                first = float(frame.time or 0.0)
            if frame.time is not None and frame.time > end:
                break
            chunks += [out.to_ndarray().reshape(-1, channels) for out in resampler.resample(frame)]
        chunks += [out.to_ndarray().reshape(-1, channels) for out in resampler.resample(None)]
    if not chunks:
        return np.zeros((0, channels), dtype="float32"), rate
    samples = np.concatenate(chunks)
    skip = max(0, int(round((start - (first or 0.0)) * rate)))
    return samples[skip:skip + int((end - start) * rate)], rate


def segment_audio(study: Study, segment: Segment, lead: float = LEAD) -> tuple[np.ndarray, int]:
    """The samples of one transcript segment (times count from the start of its recording part)."""
    recordings = study.recordings(segment.interview_id)
    recording = next((r for r in recordings if r.id == segment.recording_id), recordings[0] if recordings else None)
    if recording is None:
        raise StoreError(f"Interview #{segment.interview_id} has no recording to play.")
    return read_span(stored_audio(study, recording), segment.start - lead, segment.end + lead)


def _sounddevice():
    from interviewer.audio.devices import RecorderError, load_sounddevice

    try:
        return load_sounddevice()
    except RecorderError as error:
        raise PlaybackError(f"Cannot play audio: {error}") from None


class Player:
    """Plays one buffer at a time on the default output, in the background; `stop()` cuts it short."""

    def __init__(self, sounddevice=None):
        self._sd = sounddevice
        self._stream = None
        self._lock = threading.Lock()
        self.finished = threading.Event()
        self.finished.set()

    @property
    def playing(self) -> bool:
        return not self.finished.is_set()

    def play(self, samples: np.ndarray, rate: int, on_finish: Callable[[], None] | None = None) -> None:
        """Start playing (frames × channels float32 samples); returns at once. `on_finish` runs on PortAudio's
        thread when the sound ends or is stopped."""
        self.stop()
        sd = self._sd or _sounddevice()
        try:
            device = sd.query_devices(kind="output")
        except (sd.PortAudioError, ValueError) as error:
            raise PlaybackError(f"No audio output device to play on ({error}). Plug in headphones or speakers, "
                                "or check the sound settings, then press space again.") from None
        samples = np.ascontiguousarray(samples if samples.ndim == 2 else samples[:, None], dtype="float32")
        samples = samples[:, :max(1, min(samples.shape[1], int(device["max_output_channels"]) or 1))]
        cursor = [0]
        finished = threading.Event()

        def feed(outdata, frames, _time, _status) -> None:
            chunk = samples[cursor[0]:cursor[0] + frames]
            outdata[:len(chunk)] = chunk
            outdata[len(chunk):] = 0
            cursor[0] += len(chunk)
            if len(chunk) < frames:
                raise sd.CallbackStop

        def done() -> None:
            finished.set()
            if on_finish is not None:
                on_finish()

        try:
            stream = sd.OutputStream(samplerate=rate, channels=samples.shape[1], dtype="float32", callback=feed,
                                     finished_callback=done)
        except sd.PortAudioError:
            rate, samples = _to_rate(samples, rate, int(device["default_samplerate"]))
            stream = sd.OutputStream(samplerate=rate, channels=samples.shape[1], dtype="float32", callback=feed,
                                     finished_callback=done)
        with self._lock:
            self._stream, self.finished = stream, finished
        stream.start()

    def stop(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()
            self.finished.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.finished.wait(timeout)


def _to_rate(samples: np.ndarray, rate: int, target: int) -> tuple[int, np.ndarray]:
    """Linear resampling, for an output device that refuses the recording's own rate (good enough to listen)."""
    if rate == target or not len(samples):
        return rate, samples
    count = int(len(samples) * target / rate)
    positions = np.linspace(0, len(samples) - 1, count)
    columns = [np.interp(positions, np.arange(len(samples)), samples[:, c]) for c in range(samples.shape[1])]
    return target, np.stack(columns, axis=1).astype("float32")
