"""Provides the after-interview processing run in the background: transcribe, then anonymise, with progress."""

from __future__ import annotations

import logging
import os
import threading
from typing import Callable

from interviewer.store import Study

log = logging.getLogger(__name__)

StageProgress = Callable[[str, float], None]
"""Called with (stage, fraction done): `transcribing`, `anonymising`, then `done` or `needs passphrase`."""


BACKGROUND_NICENESS = 10
"""How much lower than the interview screen the background work runs: a key press must not wait for it."""


def lower_thread_priority(niceness: int = BACKGROUND_NICENESS) -> None:
    """Make the calling thread (and threads it starts later, such as CTranslate2's) yield the CPU to the UI.

    Linux applies niceness per thread; elsewhere this does nothing.
    """
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (AttributeError, OSError):  # no setpriority (Windows) or not allowed
        pass


def process_interview(study: Study, interview_id: int, progress: StageProgress, live=None) -> None:
    """Transcribe every part of an interview and anonymise the transcript (slow: run it on a worker thread).

    With `live` (a `live_part.LiveTranscript` from the interview screen), the transcript made during the
    interview is finished and stored instead of transcribing again; if live transcription failed, the
    recording is transcribed in batch as usual.
    """
    from interviewer.pipeline import anonymise_interview, store_live_transcript, transcribe_interview

    stored = False
    if live is not None and not live.failed:
        progress("finishing live transcript", 0.0)
        try:
            parts = live.finish()
        except Exception as error:  # the model failed late: fall back to the batch pass below
            log.warning("live transcript of interview #%s unusable (%s): transcribing in batch", interview_id, error)
        else:
            store_live_transcript(study, interview_id, parts, model=live.model_name, progress=progress)
            stored = True
    if not stored:
        progress("transcribing", 0.0)
        transcribe_interview(study, interview_id,
                             progress=lambda done, total: progress("transcribing", done / total if total else 1.0))
    progress("anonymising", 0.0)
    from interviewer.anonymise.study.keyfile import PassphraseNeeded

    try:
        anonymise_interview(study, interview_id)
    except PassphraseNeeded:
        # No one to ask on a worker thread: the transcript is stored; anonymising waits for the passphrase.
        progress("needs passphrase", 1.0)
        return
    progress("done", 1.0)
