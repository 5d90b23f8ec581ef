"""Provides per-interview locks, so two windows or processes never work on one interview at once."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from interviewer.private import open_private, private_folder
from interviewer.store import Study, StoreError


class InterviewBusy(StoreError):
    """Another process holds the interview (recording, transcribing or anonymising it)."""


def _lock_path(study: Study, interview_id: int) -> Path:
    folder = private_folder(study.folder / "locks")
    return folder / f"interview-{interview_id:04d}.lock"


class InterviewLock:
    """An advisory lock on one interview; the operating system drops it if its holder dies (even kill -9)."""

    def __init__(self, study: Study, interview_id: int, purpose: str):
        self.path = _lock_path(study, interview_id)
        self.interview_id = interview_id
        self.purpose = purpose
        self._handle = None

    def acquire(self) -> "InterviewLock":
        handle = os.fdopen(open_private(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND), "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise InterviewBusy(
                f"Interview #{self.interview_id} is busy: {holder}. Wait for it to finish, or close the other "
                "window working on it."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{self.purpose} (process {os.getpid()})")
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.truncate(0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


@contextmanager
def interview_lock(study: Study, interview_id: int, purpose: str) -> Iterator[InterviewLock]:
    lock = InterviewLock(study, interview_id, purpose).acquire()
    try:
        yield lock
    finally:
        lock.release()
