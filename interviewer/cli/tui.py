"""Provides the interview screen entry point: `interviewer` with no command opens the Textual app."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

COMMANDS: list = []

JOIN_SECONDS = 5.0
"""How long quitting waits, at most, for ordinary (non-daemon) threads to finish their work."""


def leave_now_if_threads_remain(code: int) -> None:
    """End the process at once when abandoned background threads are still alive.

    Quitting does not wait for a long step of after-interview processing (it resumes at the next start), so a
    daemon thread may still be inside native code (CTranslate2, onnxruntime) when Python's shutdown unloads
    it, which can abort or crash the process after the app has closed. Everything is saved by then: flush
    the logs and streams and skip that shutdown.
    """
    deadline = time.monotonic() + JOIN_SECONDS
    for thread in threading.enumerate():  # a writer finishing is waited for, as shutdown would (idle pools are not)
        if not thread.daemon and thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))
    if any(thread.daemon and thread.is_alive() for thread in threading.enumerate()):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def open_app(study: str | None) -> None:
    """Open the app on a study (the default study is created on first use). An encrypted study opens with
    $INTERVIEWER_STUDY_PASSPHRASE or an earlier unlock in this process; otherwise the app asks for it at start."""
    from interviewer.cli._common import UserError
    from interviewer.store import Study, StoreError, StudyLocked

    try:
        opened: Study | str | None = Study.open(study, create=study is None)
    except StudyLocked:
        opened = study
    except StoreError as error:
        raise UserError(str(error)) from None
    from interviewer.app import make_app

    try:
        app = make_app(opened)
    except StoreError as error:
        raise UserError(str(error)) from None
    app.run()
    leave_now_if_threads_remain(app.return_code or 0)
