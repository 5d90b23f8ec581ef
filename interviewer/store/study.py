"""Provides the Study: opening or creating a study's folder and database, and its settings."""

from __future__ import annotations

import getpass
import json
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from interviewer import locations
from interviewer.store.migrations import migrate
from interviewer.store.allocations import AllocationTables
from interviewer.store.anonymisation import AnonymisationTables
from interviewer.store.base import CODE_PATTERN, StoreError, now
from interviewer.store.interviews import InterviewTables
from interviewer.store.participants import ParticipantTables
from interviewer.store.possible_misses import PossibleMissTables
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


class Study(ParticipantTables, InterviewTables, TranscriptTables, AnonymisationTables, RedactionTables,
            PossibleMissTables, AllocationTables):
    """One study's database and files. Open with `Study.open(name_or_path)`; create with `Study.create`."""

    def __init__(self, folder: Path, db: sqlite_utils.Database, actor: str | None = None):
        self.folder = folder
        self.db = db
        self.actor = actor or _current_user()

    @classmethod
    def create(cls, name_or_path: str | None, title: str | None = None) -> "Study":
        folder = study_folder(name_or_path)
        if (folder / DATABASE_NAME).exists():
            raise StoreError(f"A study already exists at {folder}.")
        folder.mkdir(parents=True, exist_ok=True)
        study = cls._connect(folder)
        with study.db.conn:
            study.db["study"].insert(
                {"id": 1, "name": title or folder.name, "created_at": now(), "quote_label_template": DEFAULT_QUOTE_LABEL, "settings": "{}"}
            )
            study.audit("create", "study", 1, {"name": title or folder.name})
        return study

    @classmethod
    def open(cls, name_or_path: str | None, create: bool = False) -> "Study":
        folder = study_folder(name_or_path)
        if not (folder / DATABASE_NAME).exists():
            if create:
                return cls.create(name_or_path)
            raise StoreError(
                f"No study at {folder}. Create it with: interviewer study init"
                + (f" --study {name_or_path}" if name_or_path else "")
            )
        return cls._connect(folder)

    @classmethod
    def _connect(cls, folder: Path) -> "Study":
        connection = sqlite3.connect(folder / DATABASE_NAME, timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(connection)
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 30000")
        migrate(db)
        return cls(folder, db)

    def reopen(self) -> "Study":
        """A new connection to the same study, for use in another thread."""
        return Study._connect(self.folder)

    def close(self) -> None:
        self.db.close()

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


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises several types when no user name can be found
        return "unknown"
