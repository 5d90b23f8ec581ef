"""Provides the Study: opening or creating a study's folder and database, and its settings."""

from __future__ import annotations

import fcntl
import getpass
import json
import os
from pathlib import Path
from typing import Any

import sqlite_utils

from interviewer import locations
from interviewer.private import harden, private_folder
from interviewer.store import encryption
from interviewer.store.connection import connect, database_errors, is_plaintext, remember_opened, unreadable
from interviewer.store.encryption import Passphrase, StudyKeys
from interviewer.store.migrations import applied, migrate, pending
from interviewer.store.allocations import AllocationTables
from interviewer.store.anonymisation import AnonymisationTables
from interviewer.store.base import CODE_PATTERN, StoreError, now
from interviewer.store.drafts import DraftTables
from interviewer.store.interviews import InterviewTables
from interviewer.store.participants import ParticipantTables
from interviewer.store.possible_misses import PossibleMissTables
from interviewer.store.protection import ProtectionTables
from interviewer.store.redactions import RedactionTables
from interviewer.store.transcripts import TranscriptTables

DATABASE_NAME = "study.db"
DEFAULT_STUDY = "default"
DEFAULT_QUOTE_LABEL = "Participant {number} ({gender}, {role}, {sector})"


def study_folder(name_or_path: str | None) -> Path:
    """The folder of a study given its name (kept in the data folder) or a path to its folder or file."""
    value = name_or_path or DEFAULT_STUDY
    looks_like_path = "/" in value or value.startswith(".") or value.endswith(".db") or Path(value).is_dir()
    if looks_like_path:
        path = Path(value).expanduser()
        return path.parent if path.suffix == ".db" else path
    if not CODE_PATTERN.match(value):
        raise StoreError(f"'{value}' is not a valid study name: use letters, digits, '-', '_' or '.'.")
    return locations.studies_dir() / value


class Study(ParticipantTables, InterviewTables, TranscriptTables, DraftTables, AnonymisationTables, RedactionTables,
            PossibleMissTables, AllocationTables, ProtectionTables):
    """One study's database and files. Open with `Study.open(name_or_path)`; create with `Study.create`."""

    def __init__(self, folder: Path, db: sqlite_utils.Database, actor: str | None = None,
                 keys: StudyKeys | None = None):
        self.folder = folder
        self.db = db
        self.actor = actor or _current_user()
        self.keys = keys
        """The unlocked study key (None for a study created with --no-encryption)."""
        self._in_use: int | None = None

    @classmethod
    def create(cls, name_or_path: str | None, title: str | None = None, *, passphrase: Passphrase = None,
               encrypted: bool = True) -> "Study":
        """Make a new study: encrypted with a passphrase (given, $INTERVIEWER_STUDY_PASSPHRASE or asked for),
        unless `encrypted` is False (for a study kept on an encrypted volume)."""
        folder = study_folder(name_or_path)
        if (folder / DATABASE_NAME).exists():
            raise StoreError(f"A study already exists at {folder}.")
        if encrypted:
            encryption.resolve_passphrase(passphrase, folder, new=True)  # refuse before anything is written
        private_folder(folder)
        if not encrypted:
            encryption.key_file(folder).unlink(missing_ok=True)  # left by an earlier attempt: no database uses it
        keys = encryption.create_keys(folder, passphrase) if encrypted else None
        study = cls._connect(folder, keys)
        with study.db.conn:
            study.db["study"].insert(
                {"id": 1, "name": title or folder.name, "created_at": now(), "quote_label_template": DEFAULT_QUOTE_LABEL, "settings": "{}"}
            )
            study.audit("create", "study", 1, {"name": title or folder.name, "encrypted": encrypted})
        return study

    @classmethod
    def open(cls, name_or_path: str | None, create: bool = False, *, passphrase: Passphrase = None) -> "Study":
        """Open a study; an encrypted one is unlocked with the passphrase (given, from the environment, asked
        for through a callable, or already unlocked in this process)."""
        folder = study_folder(name_or_path)
        if not (folder / DATABASE_NAME).exists():
            if create:
                return cls.create(name_or_path, passphrase=passphrase)
            raise StoreError(
                f"No study at {folder}. Create it with: interviewer study init"
                + (f" --study {name_or_path}" if name_or_path else "")
            )
        finish_interrupted_encryption(folder)
        keys = encryption.unlock(folder, passphrase) if encryption.is_encrypted(folder) else None
        harden(folder)
        return cls._connect(folder, keys)

    @classmethod
    def _connect(cls, folder: Path, keys: StudyKeys | None) -> "Study":
        path = folder / DATABASE_NAME
        if keys is None and path.exists() and path.stat().st_size and not is_plaintext(path):
            raise unreadable(path, ValueError("file is not a database"))
        remember_opened(path)
        in_use = _hold_in_use(folder)
        try:
            db = connect(path, keys.database if keys else None)
        except BaseException:
            os.close(in_use)
            raise
        try:
            waiting = pending(db)
            if waiting and applied(db):
                from interviewer.store.backup import backup_database, new_backup_path

                backup_database(db, folder, new_backup_path(folder, f"before-{waiting[0]}"),
                                keys.database if keys else None, reason=f"automatic, before migration {waiting[0]}")
            migrate(db)
        except BaseException as error:
            db.close()
            os.close(in_use)
            if isinstance(error, database_errors()):
                raise unreadable(path, error) from None
            raise
        study = cls(folder, db, keys=keys)
        study._in_use = in_use
        return study

    def reopen(self) -> "Study":
        """A new connection to the same study, for use in another thread."""
        return Study._connect(self.folder, self.keys)

    def close(self) -> None:
        self.db.close()
        if self._in_use is not None:
            os.close(self._in_use)
            self._in_use = None

    @property
    def encrypted(self) -> bool:
        return self.keys is not None

    @property
    def audio_key(self) -> bytes | None:
        """The key recordings are sealed with (None: recordings are kept as plain files)."""
        return self.keys.recordings if self.keys else None

    @property
    def name(self) -> str:
        return self.db["study"].get(1)["name"]

    @property
    def quote_label_template(self) -> str:
        return self.db["study"].get(1)["quote_label_template"] or DEFAULT_QUOTE_LABEL

    def set_quote_label_template(self, template: str) -> None:
        """Store the template quote labels are made with, audited."""
        with self.db.conn:
            self.db["study"].update(1, {"quote_label_template": template})
            self.audit("edit", "study", 1, {"quote_label_template": template})

    @property
    def settings(self) -> dict[str, Any]:
        """The study's settings (a JSON object in the study row)."""
        return json.loads(self.db["study"].get(1).get("settings") or "{}")

    def set_setting(self, key: str, value: Any) -> None:
        """Set one setting (None removes it), audited."""
        settings = self.settings
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
        with self.db.conn:
            self.db["study"].update(1, {"settings": json.dumps(settings, ensure_ascii=False)})
            self.audit("set", "study", 1, {key: value})

    @property
    def recordings_dir(self) -> Path:
        return self.folder / "recordings"


class StudyBusy(StoreError):
    """Another process holds the study open, or is restoring or encrypting it."""


IN_USE_LOCK = "study-in-use.lock"


def _hold_in_use(folder: Path) -> int:
    """A shared lock held as long as a connection is open (its descriptor): restoring or encrypting the study
    takes it exclusively, so neither runs while the study is open, and no study opens while they run."""
    locks = private_folder(folder / "locks")
    fd = os.open(locks / IN_USE_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StudyBusy(f"The study {folder} is being restored or encrypted by another process; wait for it to "
                        "finish.") from None
    return fd


def finish_interrupted_encryption(folder: Path) -> None:
    """Complete or undo a `study encrypt` that stopped between its steps (see protection.encrypt).

    The encrypted database replaced the plain one (the commit point) but its key file kept its pending name:
    finish. The plain database is still in place: the pending key belongs to an attempt that did not commit.
    """
    pending_key = folder / (encryption.KEY_FILE_NAME + ".pending")
    if not pending_key.exists():
        return
    database = folder / DATABASE_NAME
    if database.exists() and not is_plaintext(database) and not encryption.is_encrypted(folder):
        os.replace(pending_key, encryption.key_file(folder))
    else:
        pending_key.unlink()


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises several types when no user name can be found
        return "unknown"
