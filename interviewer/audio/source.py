"""Provides audio sources: a plain file, or a sealed recording with its key, opened the same way by every reader
(transcription, speakers, playback, export), so decrypted audio stays in memory."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, Union

from interviewer.audio.sealed import SealedAudioError, is_sealed, logical_suffix
from interviewer.audio.sealed_reader import SealedFile, open_sealed
from interviewer.store import Recording, StoreError, Study


@dataclass(frozen=True)
class SealedAudio:
    """A sealed recording and the key that opens it."""

    path: Path
    key: bytes = field(repr=False)

    def open(self, strict: bool = True) -> BinaryIO:
        return open_sealed(self.path, self.key, strict)

    @property
    def suffix(self) -> str:
        return logical_suffix(self.path)

    def __str__(self) -> str:
        return str(self.path)


AudioSource = Union[str, os.PathLike, SealedAudio]


def audio_source(path: str | os.PathLike, key: bytes | None) -> AudioSource:
    """The source for a file: sealed (opened with `key`) when it is sealed, else the plain path."""
    path = Path(path)
    if is_sealed(path):
        if key is None:
            raise SealedAudioError(f"{path} is encrypted, but the study it is read with has no key.")
        return SealedAudio(path, key)
    return path


def stored_audio(study: Study, recording: Recording) -> AudioSource:
    """The audio of one of a study's recordings, ready to open; StoreError when it was deleted or is missing."""
    if recording.deleted_at:
        raise StoreError(f"Part {recording.part} of interview #{recording.interview_id} was deleted on "
                         f"{recording.deleted_at[:10]} ({recording.deleted_reason or 'no reason recorded'}); its "
                         "transcript is kept, its audio is gone.")
    path = study.recording_path(recording)
    if not path.is_file():
        raise StoreError(f"Recording {path} of interview #{recording.interview_id} is missing from the study folder. "
                         "Restore it from a backup (interviewer study restore), or see: interviewer study check")
    return audio_source(path, study.audio_key)


def source_path(source: AudioSource) -> Path:
    return source.path if isinstance(source, SealedAudio) else Path(source)


def source_suffix(source: AudioSource) -> str:
    """The suffix of the audio a source holds ('.wav', '.m4a', ...)."""
    return source.suffix if isinstance(source, SealedAudio) else Path(source).suffix.lower()


@contextlib.contextmanager
def opened_audio(source: AudioSource) -> Iterator[str | BinaryIO]:
    """What PyAV, soundfile and faster-whisper read: the path of a plain file, or a sealed one decrypted in memory."""
    if not isinstance(source, SealedAudio):
        yield str(source)
        return
    handle = source.open(strict=False)
    try:
        yield handle
    except Exception:
        if handle.raw.error is not None:  # the library's own error hides the real one
            raise handle.raw.error from None
        raise
    finally:
        handle.close()
    if handle.raw.error is not None:  # the library took the damage for the end of the file
        raise handle.raw.error


def audio_sha256(source: AudioSource) -> str:
    """The SHA-256 of the audio file a source holds (for a sealed one: as it decrypts)."""
    if isinstance(source, SealedAudio):
        from interviewer.audio.sealed_reader import plaintext_sha256

        return plaintext_sha256(source.path, source.key)
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_plain(source: AudioSource, target: Path) -> None:
    """Write the audio a source holds to `target` as a plain file (an export the researcher asked for)."""
    if isinstance(source, SealedAudio):
        with open(target, "wb") as out:
            for block in SealedFile(source.path, source.key).iter_logical():
                out.write(block)
    else:
        shutil.copyfile(source, target)


def repair_part(path: str | os.PathLike, key: bytes | None) -> bool:
    """Make a recording part a crash left readable in full: a WAV's header fixed, a sealed file closed."""
    if is_sealed(path):
        from interviewer.audio.sealed_reader import finalise

        if key is None:
            raise SealedAudioError(f"{path} is encrypted, but the study it is read with has no key.")
        return finalise(path, key)
    from interviewer.audio.wavfile import repair

    return repair(path)


def part_info(source: AudioSource) -> tuple[int, int, int]:
    """(sample rate, channels, frames) of a recorded part, plain WAV or sealed."""
    if isinstance(source, SealedAudio):
        sealed = SealedFile(source.path, source.key)
        if sealed.kind == "pcm":
            return sealed.samplerate, sealed.channels, sealed.frames
    import soundfile

    with opened_audio(source) as opened:  # a plain WAV, or one sealed whole by `study encrypt`
        info = soundfile.info(opened)
    return info.samplerate, info.channels, info.frames


def read_audio(source: AudioSource, dtype: str = "float32"):
    """All samples (frames × channels) and the rate of a file soundfile reads, plain or sealed."""
    import soundfile

    with opened_audio(source) as handle:
        return soundfile.read(handle, dtype=dtype, always_2d=True)


def is_sealed_source(source: AudioSource) -> bool:
    return isinstance(source, SealedAudio)


__all__ = ["AudioSource", "SealedAudio", "SealedAudioError", "audio_sha256", "audio_source", "copy_plain",
           "is_sealed", "is_sealed_source", "opened_audio", "part_info", "read_audio", "repair_part", "source_path",
           "source_suffix", "stored_audio"]
