"""Provides the connection to a study database (SQLCipher, or plain SQLite for an unencrypted study) and the
clear error a damaged or unreadable database gives instead of a traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from interviewer.private import open_private
from interviewer.store.base import StoreError

PLAIN_HEADER = b"SQLite format 3\x00"
_opened: list[Path] = []


def last_opened() -> Path | None:
    """The study database this process opened last (to name it when it fails mid-command)."""
    return _opened[-1] if _opened else None


def remember_opened(path: Path) -> None:
    _opened[:] = [path]


class StudyUnreadable(StoreError):
    """The study database cannot be read: damaged, not a study, or a key that does not fit."""


def database_errors() -> tuple[type[BaseException], ...]:
    """The exception classes a damaged database raises, from either driver."""
    from sqlcipher3 import dbapi2

    return (dbapi2.DatabaseError, sqlite3.DatabaseError)


def is_plaintext(path: Path) -> bool:
    """Whether a database file is plain SQLite (readable by anyone who can read the file)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == PLAIN_HEADER
    except OSError:
        return False


def raw_connection(path: Path, key: bytes | None):
    """A DB-API connection to `path` with the key applied (the file is made owner-only first)."""
    from sqlcipher3 import dbapi2

    if not path.exists():
        os.close(open_private(path, os.O_WRONLY | os.O_CREAT))  # SQLite gives -wal and -shm the same mode
    connection = dbapi2.connect(str(path), timeout=30, check_same_thread=False)
    connection.execute("PRAGMA cipher_log_level = NONE")  # errors are reported by us, not on stderr
    if key is not None:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute("PRAGMA temp_store = MEMORY")  # sorting and temporary tables never reach the disk
    return connection


def connect(path: Path, key: bytes | None) -> sqlite_utils.Database:
    """Open a study database in WAL mode with foreign keys on; StudyUnreadable when it cannot be read."""
    try:
        connection = raw_connection(path, key)
        connection.execute("select count(*) from sqlite_master").fetchone()
        db = sqlite_utils.Database(connection)
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 30000")
    except database_errors() as error:
        raise unreadable(path, error) from None
    return db


def unreadable(path: Path, error: BaseException) -> StudyUnreadable:
    """The error for a database that cannot be read, naming the file and the newest backup to restore."""
    from interviewer.store.backup_index import newest_backup

    folder = path.parent
    reason = str(error) or type(error).__name__
    if "locked" in reason or "busy" in reason:
        return StudyUnreadable(f"The study database {path} is busy: another window or command is writing to it "
                               f"({reason}). Wait for it to finish and try again.")
    if "not a database" in reason and not is_plaintext(path) and not (folder / "study.key").is_file():
        cause = (f"{path} is encrypted but its study key {folder / 'study.key'} is missing. Put the key file back "
                 "(from a backup), or restore the whole backup.")
    else:
        cause = f"The study database {path} cannot be read ({reason}): it is damaged or not a study database."
    backup = newest_backup(folder)
    if backup is None:
        advice = (" No backup of this study is known. Do not write to the study; copy its folder somewhere safe and "
                  f"run: interviewer study check --study {folder}")
    else:
        advice = (f" The newest backup is {backup.path} (made {backup.made_at}). Restore it with: "
                  f"interviewer study restore {backup.path} --study {folder}")
    return StudyUnreadable(cause + advice)
