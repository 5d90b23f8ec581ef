"""Provides the recordings an export hands over with --include-audio, and the one place their bytes are read."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, ContextManager, Iterator

from interviewer.export.document import ExportRefused
from interviewer.store import Recording, Study

CHUNK = 1 << 20


@contextmanager
def open_recording(study: Study, recording: Recording) -> Iterator[BinaryIO]:
    """The recording's audio bytes, as the file to hand over (FLAC/WAV as stored).

    Every export that hands audio over reads it through here, so a change in how recordings are kept
    (e.g. encrypted at rest) changes this one function.
    """
    path = study.recording_path(recording)
    if not path.is_file():
        raise ExportRefused(f"Recording {path} (part {recording.part} of interview #{recording.interview_id}) is "
                            "missing from the study folder; restore it, or export without --include-audio.")
    with open(path, "rb") as handle:
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
        with open_recording(study, recording):
            pass
        parts.append(AudioPart(recording, Path(recording.path).suffix.lower(),
                               lambda recording=recording: open_recording(study, recording)))
    return parts
