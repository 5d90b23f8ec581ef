"""Provides a crash-safe 16-bit WAV writer and the repair of a WAV whose header a crash left stale."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

from interviewer.private import open_private

HEADER_BYTES = 44
SAMPLE_BYTES = 2
MAX_DATA_BYTES = 0xFFFFFFFF - HEADER_BYTES
"""A plain WAV cannot hold more: 37 hours of 16 kHz mono, 6 hours of 48 kHz stereo."""


class WavTooLarge(OSError):
    """The recording reached the 4 GiB size limit of a WAV file."""


def wav_header(samplerate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * SAMPLE_BYTES
    return (
        b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, samplerate, samplerate * block_align, block_align, 16)
        + b"data" + struct.pack("<I", data_bytes)
    )


class WavAppender:
    """Appends 16-bit PCM to a WAV file and rewrites the header's sizes on every `sync()`.

    The header is written in place with `pwrite`, so the file on disk is a valid WAV after each sync; a
    kill between syncs leaves audio past the header's data size, which `repair()` recovers.
    """

    def __init__(self, path: str | os.PathLike, samplerate: int, channels: int, fsync: bool = True):
        self.path = Path(path)
        self.samplerate = samplerate
        self.channels = channels
        self.fsync = fsync
        self.data_bytes = 0
        self._synced_bytes = -1
        self._fd = open_private(self.path)  # owner-only, whatever the umask
        try:
            self._write_all(wav_header(samplerate, channels, 0))
        except OSError:
            self._close_fd()
            raise

    @property
    def seconds(self) -> float:
        return self.data_bytes / (self.samplerate * self.channels * SAMPLE_BYTES)

    def write(self, frames: np.ndarray) -> None:
        """Append frames (int16, shaped (frames, channels) or (frames,) for mono)."""
        data = np.ascontiguousarray(frames, dtype="<i2").tobytes()
        if self.data_bytes + len(data) > MAX_DATA_BYTES:
            raise WavTooLarge(f"{self.path} reached the 4 GiB limit of a WAV file")
        view = memoryview(data)
        while view:
            written = self._write_all(view)
            self.data_bytes += written
            view = view[written:]

    def _write_all(self, data) -> int:
        """Write as much as the disk takes; a partial write before ENOSPC still counts."""
        return os.write(self._fd, data)

    def sync(self) -> None:
        """Rewrite the header's sizes (whole frames only) and push everything to the disk."""
        whole = self.data_bytes - self.data_bytes % (self.channels * SAMPLE_BYTES)
        if whole != self._synced_bytes:
            os.pwrite(self._fd, struct.pack("<I", 36 + whole), 4)
            os.pwrite(self._fd, struct.pack("<I", whole), 40)
            self._synced_bytes = whole
        if self.fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        """Drop any partial frame a failed write left, sync, close."""
        if self._fd < 0:
            return
        try:
            whole = self.data_bytes - self.data_bytes % (self.channels * SAMPLE_BYTES)
            if whole != self.data_bytes:
                os.ftruncate(self._fd, HEADER_BYTES + whole)
                self.data_bytes = whole
            self.sync()
        finally:
            self._close_fd()

    def _close_fd(self) -> None:
        fd, self._fd = self._fd, -1
        os.close(fd)


def _chunks(data: bytes):
    """(chunk id, offset of its size field, declared size) of each chunk after the RIFF header."""
    position = 12
    while position + 8 <= len(data):
        chunk_id = data[position:position + 4]
        (size,) = struct.unpack("<I", data[position + 4:position + 8])
        yield chunk_id, position + 4, size
        if chunk_id == b"data":
            return
        position += 8 + size + (size & 1)


def repair(path: str | os.PathLike) -> bool:
    """Make a WAV's header agree with the audio actually in the file; True if it changed anything.

    A crash or kill leaves the header's sizes as of the last sync (or 0, for a writer that never
    updates them). The data chunk must be the last chunk, as in every file this project writes.
    """
    path = Path(path)
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        head = handle.read(min(size, 4096))
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path} is not a WAV file (no RIFF/WAVE header)")
        block_align = None
        for chunk_id, size_offset, declared in _chunks(head):
            if chunk_id == b"fmt ":
                (block_align,) = struct.unpack("<H", head[size_offset + 16:size_offset + 18])
            if chunk_id == b"data":
                break
        else:
            raise ValueError(f"{path} has no data chunk: the recording holds no audio")
        if not block_align:
            raise ValueError(f"{path} has no usable fmt chunk")
        data_start = size_offset + 4
        actual = (size - data_start) // block_align * block_align
        if declared == actual and size == data_start + actual:
            return False
        if size != data_start + actual:
            handle.truncate(data_start + actual)
        handle.seek(4)
        handle.write(struct.pack("<I", data_start + actual - 8))
        handle.seek(size_offset)
        handle.write(struct.pack("<I", actual))
    return True


def read_recording(path: str | os.PathLike, dtype: str = "float32") -> tuple[np.ndarray, int]:
    """Read a recording (repairing a WAV left by a crash first): samples (frames, channels) and rate."""
    import soundfile

    path = Path(path)
    if path.suffix.lower() == ".wav":
        repair(path)
    samples, samplerate = soundfile.read(str(path), dtype=dtype, always_2d=True)
    return samples, samplerate
