"""Provides the recordings an export hands over with --include-audio, and the one place their bytes are read."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Callable, ContextManager, Iterator

from interviewer.audio.sealed import SealedAudioError, logical_suffix
from interviewer.audio.source import SealedAudio, stored_audio
from interviewer.export.document import ExportRefused
from interviewer.store import Recording, StoreError, Study

CHUNK = 1 << 20


@contextmanager
def open_recording(study: Study, recording: Recording) -> Iterator[BinaryIO]:
    """The recording's audio bytes, as the file to hand over (FLAC/WAV as recorded or imported): a sealed
    recording is decrypted in memory on the way, every chunk authenticated.

    Every export that hands audio over reads it through here.
    """
    path = study.recording_path(recording)
    if not path.is_file():
        raise ExportRefused(f"Recording {path} (part {recording.part} of interview #{recording.interview_id}) is "
                            "missing from the study folder; restore it, or export without --include-audio.")
    try:
        source = stored_audio(study, recording)
    except (StoreError, SealedAudioError) as error:
        raise ExportRefused(str(error)) from None
    handle = source.open() if isinstance(source, SealedAudio) else open(source, "rb")
    with handle:
        yield handle


@dataclass(frozen=True)
class AudioPart:
    """One recorded part of an interview, ready to copy into a bundle or a REFI-QDA project."""

    recording: Recording
    suffix: str
    """The file suffix, lower case with its dot ('.flac')."""
    opener: Callable[[], ContextManager[BinaryIO]]

    @property
    def part(self) -> int:
        return self.recording.part

    def copy_to(self, target: BinaryIO) -> None:
        with self.opener() as source:
            shutil.copyfileobj(source, target, CHUNK)


def audio_parts(study: Study, interview_id: int) -> list[AudioPart]:
    """The interview's recorded parts in order, each opened once here so a missing one is refused before any
    file is written."""
    parts = []
    for recording in study.recordings(interview_id):
        if recording.deleted_at:
            continue  # destroyed under the retention policy: the transcript goes without it
        with open_recording(study, recording):
            pass
        parts.append(AudioPart(recording, logical_suffix(recording.path),
                               lambda recording=recording: open_recording(study, recording)))
    return parts
