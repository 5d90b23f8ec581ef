"""Provides the after-interview processing run in the background: the live draft stored, then the final pass
over the whole recording and anonymisation, resumable after a stop or a crash."""

from __future__ import annotations

import logging
import os
import threading
from typing import Callable

from interviewer.store import ANONYMISE, FINAL_PASS, Study

log = logging.getLogger(__name__)

StageProgress = Callable[[str, float], None]
"""Called with (stage, fraction done): `finishing live draft`, `draft stored`, `transcribing`, `anonymising`,
then `done` or `needs passphrase`."""


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


def store_draft(study: Study, interview_id: int, live, progress: StageProgress) -> int | None:
    """Wait for live transcription of a just-stopped interview to catch up and store it as the live draft.

    `live` is the interview screen's `live_part.LiveTranscript`. Returns the draft's lines, or None when
    live transcription failed (the final pass makes the transcript all the same).
    """
    from interviewer.pipeline import store_live_draft

    if live is None or live.failed:
        return None
    progress("finishing live draft", 0.0)
    try:
        parts = live.draft()
    except Exception as error:  # the model failed late: the final pass does not need the draft
        log.warning("live draft of interview #%s unusable (%s)", interview_id, error)
        return None
    count = store_live_draft(study, interview_id, parts, model=live.model_name)
    progress("draft stored", 1.0)
    return count


def process_interview(study: Study, interview_id: int, progress: StageProgress, live=None, ahead=None) -> None:
    """Make an interview's transcript and anonymise it (slow: run it on a worker thread); resumable.

    With `live`, the live draft is stored first. The transcript itself comes from the final pass: every
    recording part transcribed as `interviewer transcribe` does (voice activity detection, word timings and
    confidences, speakers by channel or by voice, schedule items from the timeline). With `ahead` (a
    `pass_ahead.PassAhead`), what was done of it while the interview recorded is used, so only the last
    stretch is left. The interview's pending stage says what is left, so a pass stopped by a crash or a
    quit is taken up again where it stood (from the recording).
    """
    from interviewer.anonymise.study.keyfile import PassphraseNeeded
    from interviewer.pipeline import anonymise_interview, interruptible, transcribe_interview

    if live is not None:
        store_draft(study, interview_id, live, progress)
    pending = study.interview(interview_id).pending_stage
    if pending != ANONYMISE:
        if pending is None:
            study.update_interview(interview_id, pending_stage=FINAL_PASS)
        progress("transcribing", 0.0)
        done_ahead = None
        if ahead is not None:  # the last stretch: waited for where a quit can stop the wait
            done_ahead = interruptible(ahead.finish, lambda: progress("transcribing", 0.0))
        transcribe_interview(study, interview_id, ahead=done_ahead,
                             progress=lambda done, total: progress("transcribing", done / total if total else 1.0))
    progress("anonymising", 0.0)
    try:
        anonymise_interview(study, interview_id)
    except PassphraseNeeded:
        # No one to ask on a worker thread: the transcript is stored; anonymising waits for the passphrase
        # (the pending stage stays, so it is tried again at the next start).
        progress("needs passphrase", 1.0)
        return
    progress("done", 1.0)
