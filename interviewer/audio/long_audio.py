"""Provides windowed decoding of long recordings, so a two-hour file is transcribed in bounded memory."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np

from interviewer.audio.source import AudioSource, opened_audio

SAMPLE_RATE = 16000
LONG_RECORDING = 20 * 60
"""Recordings longer than this (seconds) are transcribed window by window."""
WINDOW = 10 * 60
"""Length of each window (seconds); each ends at the quietest moment of its last half minute."""
SEARCH = 30


def stream_mono(path: AudioSource, block_seconds: float = 30.0) -> Iterator[np.ndarray]:
    """Decode any file PyAV reads (plain or sealed) to 16 kHz mono float32, yielding blocks of about `block_seconds`."""
    import av

    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    pending: list[np.ndarray] = []
    size = 0
    with opened_audio(path) as opened, av.open(opened, metadata_errors="ignore") as container:
        for frame in container.decode(audio=0):
            for resampled in resampler.resample(frame):
                samples = resampled.to_ndarray().reshape(-1)
                pending.append(samples)
                size += len(samples)
                if size >= block_seconds * SAMPLE_RATE:
                    yield np.concatenate(pending).astype(np.float32) / 32768.0
                    pending, size = [], 0
        for resampled in resampler.resample(None):
            pending.append(resampled.to_ndarray().reshape(-1))
    if pending:
        yield np.concatenate(pending).astype(np.float32) / 32768.0


def quietest_point(audio: np.ndarray, search_seconds: float = SEARCH) -> int:
    """Index of the quietest 200 ms in the last `search_seconds` of audio: a pause, not a word."""
    search = min(len(audio), int(search_seconds * SAMPLE_RATE))
    tail = audio[len(audio) - search:]
    frame = SAMPLE_RATE // 5
    if len(tail) < frame * 2:
        return len(audio)
    usable = len(tail) // frame * frame
    energies = (tail[:usable].reshape(-1, frame) ** 2).mean(axis=1)
    quietest = int(np.argmin(energies))
    return len(audio) - search + quietest * frame + frame // 2


def windows(path: AudioSource, window_seconds: float = WINDOW) -> Iterator[tuple[float, np.ndarray]]:
    """(offset in seconds, audio) windows covering the whole file, each cut at a pause."""
    buffer = np.zeros(0, dtype=np.float32)
    offset = 0
    for block in stream_mono(path):
        buffer = np.concatenate([buffer, block])
        while len(buffer) >= (window_seconds + SEARCH) * SAMPLE_RATE:
            cut = quietest_point(buffer[: int(window_seconds * SAMPLE_RATE)])
            yield offset / SAMPLE_RATE, buffer[:cut]
            offset += cut
            buffer = buffer[cut:]
    if len(buffer):
        yield offset / SAMPLE_RATE, buffer


def read_mono(path: AudioSource, duration: float) -> np.ndarray:
    """The whole file as 16 kHz mono float32, decoded block by block into one preallocated array.

    Decoding through one array (rather than collecting bytes and converting them) keeps the peak memory
    at the audio itself: about 230 MB per hour.
    """
    audio = np.empty(int(duration * SAMPLE_RATE) + SAMPLE_RATE, dtype=np.float32)
    filled = 0
    for block in stream_mono(path):
        if filled + len(block) > len(audio):
            audio = np.concatenate([audio[:filled], np.empty(len(block) + SAMPLE_RATE, dtype=np.float32)])
        audio[filled:filled + len(block)] = block
        filled += len(block)
    return audio[:filled]


def read_pcm16(source, *, stereo: bool = False) -> np.ndarray:
    """A whole file (a path or an open binary file) as 16 kHz 16-bit samples: shape (n,) mono or (n, 2) stereo.

    The samples are exactly those faster-whisper's own decoder gives (times 32768), in half the memory
    of float32, so audio sent elsewhere as these samples is transcribed exactly as the file would be.
    """
    import av

    width = 2 if stereo else 1
    resampler = av.audio.resampler.AudioResampler(format="s16", layout="stereo" if stereo else "mono", rate=SAMPLE_RATE)
    audio = np.empty(SAMPLE_RATE * 60 * width, dtype=np.int16)
    filled = 0

    def append(frames) -> None:
        nonlocal audio, filled
        for resampled in frames:
            samples = resampled.to_ndarray().reshape(-1)
            if filled + len(samples) > len(audio):
                audio = np.concatenate([audio[:filled], np.empty(max(len(audio), len(samples)), dtype=np.int16)])
            audio[filled:filled + len(samples)] = samples
            filled += len(samples)

    with av.open(str(source) if isinstance(source, Path) else source, metadata_errors="ignore") as container:
        for frame in container.decode(audio=0):
            append(resampler.resample(frame))
        append(resampler.resample(None))
    audio = audio[:filled].copy()
    return audio.reshape(-1, 2) if stereo else audio


def pause_cuts(samples: np.ndarray, window_seconds: float = WINDOW) -> list[tuple[int, int]]:
    """(start, end) sample ranges covering mono `samples`, each about `window_seconds` long and cut at a pause.

    Cut as `windows` cuts while streaming a file, at the quietest moment of each window's last half
    minute (its last half for windows shorter than a minute); a recording shorter than a window and that
    search stays whole.
    """
    cuts, start = [], 0
    search_seconds = min(SEARCH, window_seconds / 2)
    window, search = int(window_seconds * SAMPLE_RATE), int(search_seconds * SAMPLE_RATE)
    while len(samples) - start >= window + search:
        piece = samples[start:start + window].astype(np.float32) / 32768.0
        cut = start + quietest_point(piece, search_seconds)
        cuts.append((start, cut))
        start = cut
    if start < len(samples) or not cuts:
        cuts.append((start, len(samples)))
    return cuts
