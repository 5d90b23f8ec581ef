"""Provides audio inspection and validation for imported recordings (anything PyAV decodes)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

MIN_DURATION = 0.5
"""Shortest recording accepted, in seconds; shorter files are almost always a failed capture."""
TRUNCATION_TOLERANCE = 0.9
"""A file that decodes to less than this share of the duration its header declares is truncated."""


class AudioError(ValueError):
    """A file that is not a usable recording, with the reason and what to do."""


@dataclass(frozen=True)
class AudioInfo:
    format: str
    codec: str
    sample_rate: int
    channels: int
    duration: float
    """Seconds of audio actually decoded (not what the header claims)."""


def probe(path: Path) -> AudioInfo:
    """Decode the whole file once (streaming, constant memory) and describe it, or raise AudioError."""
    import av

    path = Path(path)
    if path.is_dir():
        raise AudioError(f"{path} is a folder, not an audio file: give one recording inside it, "
                         f"e.g. {path / 'interview.wav'}.")
    if not path.is_file():
        raise AudioError(f"{path}: no such file.")
    if path.stat().st_size == 0:
        raise AudioError(f"{path}: the file is empty (0 bytes); was the recording saved?")
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as error:
        raise AudioError(f"{path}: not an audio file that can be decoded ({error}).") from None
    with container:
        if not container.streams.audio:
            raise AudioError(f"{path}: holds no audio stream ({container.format.name}).")
        stream = container.streams.audio[0]
        declared = _declared_duration(path, container, stream)
        samples = 0
        try:
            for frame in container.decode(stream):
                samples += frame.samples
        except av.error.FFmpegError as error:
            raise AudioError(
                f"{path}: the audio is corrupt after {samples / (stream.rate or 1):.1f} s ({error}). "
                "Try repairing it with ffmpeg, or import the intact part."
            ) from None
        rate = stream.rate or stream.codec_context.sample_rate
        channels = stream.codec_context.channels
        codec = stream.codec_context.name
        format_name = container.format.name
    if not rate or samples == 0:
        raise AudioError(f"{path}: no audio could be decoded from this file; it may be truncated or not audio.")
    duration = samples / rate
    if duration < MIN_DURATION:
        raise AudioError(f"{path}: only {duration:.2f} s of audio; at least {MIN_DURATION} s is needed.")
    if declared and duration < declared * TRUNCATION_TOLERANCE:
        raise AudioError(
            f"{path}: truncated — its header declares {declared:.1f} s but only {duration:.1f} s of audio is "
            "present. The copy may be incomplete: copy the file again from its source."
        )
    return AudioInfo(format=format_name, codec=codec, sample_rate=rate, channels=channels, duration=duration)


def _declared_duration(path: Path, container, stream) -> float | None:
    """The duration the file's header promises (FFmpeg derives a WAV's duration from its size, so read RIFF)."""
    if container.format.name == "wav":
        return _riff_declared_duration(path)
    if container.format.name == "flac":
        import soundfile

        try:
            info = soundfile.info(str(path))
            return info.frames / info.samplerate if info.frames > 0 else None
        except RuntimeError:
            return None
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / 1_000_000
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _riff_declared_duration(path: Path) -> float | None:
    """Seconds of audio a RIFF/WAVE header declares in its `data` chunk, or None if it cannot tell."""
    import struct

    with open(path, "rb") as handle:
        if handle.read(4) != b"RIFF":
            return None
        handle.seek(12)
        byte_rate = None
        while header := handle.read(8):
            if len(header) < 8:
                return None
            chunk_id, size = header[:4], struct.unpack("<I", header[4:])[0]
            if chunk_id == b"fmt ":
                fmt = handle.read(size)
                byte_rate = struct.unpack("<I", fmt[8:12])[0]
                handle.seek(size % 2, 1)
            elif chunk_id == b"data":
                if not byte_rate or size in (0, 0xFFFFFFFF):
                    return None
                return size / byte_rate
            else:
                handle.seek(size + size % 2, 1)
    return None
