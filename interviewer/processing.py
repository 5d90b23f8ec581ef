"""Provides the after-interview processing run in the background: transcribe, then anonymise, with progress."""

from __future__ import annotations

from typing import Callable

from interviewer.store import Study

StageProgress = Callable[[str, float], None]
"""Called with (stage, fraction done): stages are `transcribing`, `anonymising`, `done`."""


def process_interview(study: Study, interview_id: int, progress: StageProgress) -> None:
    """Transcribe every part of an interview and anonymise the transcript (slow: run it on a worker thread)."""
    from interviewer.pipeline import anonymise_interview, transcribe_interview

    progress("transcribing", 0.0)
    transcribe_interview(study, interview_id, progress=lambda done, total: progress("transcribing", done / total if total else 1.0))
    progress("anonymising", 0.0)
    anonymise_interview(study, interview_id)
    progress("done", 1.0)
