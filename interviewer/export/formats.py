"""Provides the table of export formats and writes any of them to a file atomically (never a half-written file)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from interviewer.export import (csv_segments, json_transcript, refi_qda, srt, txt, vtt, word_document,
                                xlsx_workbook)
from interviewer.export.collection import NEWLINES, StudyExport, check_line_endings
from interviewer.export.document import TranscriptDocument


def _text_writer(module, newline: str = "\n") -> Callable[[TranscriptDocument, Path], None]:
    def write(document: TranscriptDocument, path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(module.render(document))

    return write


TRANSCRIPT_FORMATS: dict[str, Callable[[TranscriptDocument, Path], None]] = {
    "txt": _text_writer(txt),
    "docx": word_document.write,
    "srt": _text_writer(srt),
    "vtt": _text_writer(vtt),
    "json": _text_writer(json_transcript),
}
"""Formats written once per transcript."""

STUDY_FORMATS: dict[str, Callable[[StudyExport, Path], None]] = {
    "csv": csv_segments.write,
    "xlsx": xlsx_workbook.write,
    "qdpx": refi_qda.write,
    "qdc": refi_qda.write_codebook,
}
"""Formats that hold several transcripts (or the codebook) in one file."""

ALL_FORMATS = (*TRANSCRIPT_FORMATS, *STUDY_FORMATS)


def atomically(write: Callable[[Path], None], target: Path) -> Path:
    """Run `write(staging_path)` and move the result into place only when it succeeded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".partial")
    try:
        write(staging)
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return target


LINE_ENDING_FORMATS = {"txt": txt}
"""Transcript formats written with the chosen line endings; subtitles and JSON stay LF, which every reader takes."""


def write_transcript(document: TranscriptDocument, fmt: str, target: Path, *, line_endings: str = "lf") -> Path:
    writer = TRANSCRIPT_FORMATS[fmt]
    if fmt in LINE_ENDING_FORMATS:
        writer = _text_writer(LINE_ENDING_FORMATS[fmt], NEWLINES[check_line_endings(line_endings)])
    return atomically(lambda path: writer(document, path), target)


def write_study(export: StudyExport, fmt: str, target: Path) -> Path:
    return atomically(lambda path: STUDY_FORMATS[fmt](export, path), target)
