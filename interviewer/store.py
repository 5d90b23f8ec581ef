"""Provides the study store: one SQLite file per study, rows turned into dataclasses, every change audited."""

from __future__ import annotations

import getpass
import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlite_utils

from interviewer import locations
from interviewer.migrations import migrate

DATABASE_NAME = "study.db"
DEFAULT_STUDY = "default"
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
MODES = ("phone", "face-to-face", "video")
INTERVIEW_STATUSES = ("planned", "recording", "interrupted", "recorded", "transcribed", "anonymised", "reviewed", "exported")
DEFAULT_QUOTE_LABEL = "Participant {number} ({gender}, {role}, {sector})"


class StoreError(ValueError):
    """A request the study cannot satisfy (unknown participant, duplicate code, ...)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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


@dataclass(frozen=True)
class Participant:
    id: int
    code: str
    name: str | None = None
    workplace: str | None = None
    gender: str | None = None
    role: str | None = None
    sector: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    referred_by: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Consent:
    id: int
    participant_id: int
    information_sheet_sent: str | None
    consent_received: str | None
    audio_recording: bool
    quotation: bool
    method: str | None
    notes: str | None
    recorded_by: str | None
    recorded_at: str
    withdrawn_at: str | None


@dataclass(frozen=True)
class Interview:
    id: int
    participant_id: int
    participant_code: str
    schedule_id: str | None
    schedule_version: str | None
    mode: str
    interviewer: str | None
    started_at: str | None
    ended_at: str | None
    status: str
    language: str | None = None


@dataclass(frozen=True)
class Recording:
    id: int
    interview_id: int
    part: int
    path: str
    original_name: str | None
    sha256: str
    format: str
    sample_rate: int
    channels: int
    duration: float


@dataclass(frozen=True)
class Segment:
    id: int
    interview_id: int
    recording_id: int | None
    position: int
    start: float
    end: float
    speaker: str | None
    text: str
    words: list[dict[str, Any]]
    item_id: str | None
    model: str | None
    anonymised_text: str | None
    item_confidence: float | None = None
    item_source: str | None = None
    """'timeline' (from the interview's events), 'matched' (question matched to the schedule) or 'review'."""
    speaker_source: str | None = None
    """'channel' (stereo), 'voice' (speaker embeddings) or 'review'."""
    original_text: str | None = None
    """The model's text, kept when a reviewer corrects `text`."""


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    interview_id: int
    kind: str
    item_id: str | None
    probe: int | None
    text: str | None
    offset: float | None
    at: str


class Study:
    """One study's database and files. Open with `Study.open(name_or_path)`; create with `Study.create`."""

    def __init__(self, folder: Path, db: sqlite_utils.Database, actor: str | None = None):
        self.folder = folder
        self.db = db
        self.actor = actor or _current_user()

    # -- opening ----------------------------------------------------------------------------------

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

    @property
    def recordings_dir(self) -> Path:
        return self.folder / "recordings"

    # -- audit ------------------------------------------------------------------------------------

    def audit(self, action: str, table: str, row_id: int | None, details: dict[str, Any] | None = None) -> None:
        self.db["audit_log"].insert(
            {
                "at": now(),
                "actor": self.actor,
                "action": action,
                "table_name": table,
                "row_id": row_id,
                "details": json.dumps(details or {}, ensure_ascii=False, default=str),
            }
        )

    def audit_entries(self) -> list[dict[str, Any]]:
        return list(self.db["audit_log"].rows_where(order_by="id"))

    # -- participants -----------------------------------------------------------------------------

    def add_participant(self, code: str, *, referred_by: str | None = None, **fields: Any) -> Participant:
        if not CODE_PATTERN.match(code):
            raise StoreError(f"'{code}' is not a valid participant code: use letters, digits, '-', '_' or '.', such as KI-08.")
        if self._participant_row(code) is not None:
            raise StoreError(f"Participant {code} already exists; use 'interviewer participant edit {code}'.")
        row = self._participant_fields(fields)
        row.update(code=code, created_at=now())
        if referred_by:
            row["referred_by_id"] = self.participant(referred_by).id
        with self.db.conn:
            participant_id = self.db["participants"].insert(row).last_pk
            self.audit("add", "participants", participant_id, {"code": code, **fields, "referred_by": referred_by})
        return self.participant(code)

    def edit_participant(self, code: str, *, referred_by: str | None = None, **fields: Any) -> Participant:
        current = self.participant(code)
        changes = self._participant_fields(fields, merge_into=current.attributes)
        if referred_by is not None:
            if referred_by == code:
                raise StoreError(f"Participant {code} cannot refer themselves.")
            changes["referred_by_id"] = self.participant(referred_by).id if referred_by else None
        if "code" in fields and fields["code"] != code:
            new_code = fields["code"]
            if not CODE_PATTERN.match(new_code) or self._participant_row(new_code) is not None:
                raise StoreError(f"Cannot rename {code} to '{new_code}': invalid or already taken.")
            changes["code"] = new_code
        with self.db.conn:
            self.db["participants"].update(current.id, changes)
            self.audit("edit", "participants", current.id, {"code": code, **fields, **({"referred_by": referred_by} if referred_by is not None else {})})
        return self.participant(changes.get("code", code))

    _PARTICIPANT_COLUMNS = ("name", "workplace", "gender", "role", "sector", "notes")

    def _participant_fields(self, fields: dict[str, Any], merge_into: dict[str, str] | None = None) -> dict[str, Any]:
        row: dict[str, Any] = {}
        attributes = dict(merge_into or {})
        for key, value in fields.items():
            if key in self._PARTICIPANT_COLUMNS:
                row[key] = value
            elif key == "attributes":
                attributes.update(value or {})
            elif key != "code":
                raise StoreError(f"Unknown participant field '{key}'.")
        if attributes or merge_into is not None:
            row["attributes"] = json.dumps(attributes, ensure_ascii=False)
        return row

    def _participant_row(self, code: str) -> dict[str, Any] | None:
        rows = list(self.db["participants"].rows_where("code = ? COLLATE NOCASE", [code], limit=1))
        return rows[0] if rows else None

    def participant(self, code: str) -> Participant:
        row = self._participant_row(code)
        if row is None:
            known = ", ".join(p.code for p in self.participants()) or "none yet"
            raise StoreError(
                f"Unknown participant '{code}' (known: {known}). Add them with: interviewer participant add {code}"
            )
        return self._to_participant(row)

    def participant_by_id(self, participant_id: int) -> Participant:
        return self._to_participant(self.db["participants"].get(participant_id))

    def participants(self) -> list[Participant]:
        return [self._to_participant(row) for row in self.db["participants"].rows_where(order_by="code")]

    def _to_participant(self, row: dict[str, Any]) -> Participant:
        referred_by = None
        if row["referred_by_id"]:
            referred_by = self.db["participants"].get(row["referred_by_id"])["code"]
        return Participant(
            id=row["id"],
            code=row["code"],
            name=row["name"],
            workplace=row["workplace"],
            gender=row["gender"],
            role=row["role"],
            sector=row["sector"],
            attributes=json.loads(row["attributes"] or "{}"),
            referred_by=referred_by,
            notes=row["notes"],
        )

    # -- consent ----------------------------------------------------------------------------------

    def record_consent(
        self,
        code: str,
        *,
        audio_recording: bool,
        quotation: bool,
        information_sheet_sent: str | None = None,
        consent_received: str | None = None,
        method: str | None = None,
        notes: str | None = None,
    ) -> Consent:
        participant = self.participant(code)
        row = {
            "participant_id": participant.id,
            "information_sheet_sent": information_sheet_sent,
            "consent_received": consent_received or now(),
            "audio_recording": int(audio_recording),
            "quotation": int(quotation),
            "method": method,
            "notes": notes,
            "recorded_by": self.actor,
            "recorded_at": now(),
            "withdrawn_at": None,
        }
        with self.db.conn:
            consent_id = self.db["consent"].insert(row).last_pk
            self.audit("record", "consent", consent_id, {"participant": code, **row})
        return self._to_consent(self.db["consent"].get(consent_id))

    def consent(self, code: str) -> Consent | None:
        """The participant's most recent consent record, or None."""
        participant = self.participant(code)
        rows = list(self.db["consent"].rows_where("participant_id = ?", [participant.id], order_by="id desc", limit=1))
        return self._to_consent(rows[0]) if rows else None

    @staticmethod
    def _to_consent(row: dict[str, Any]) -> Consent:
        return Consent(**{**row, "audio_recording": bool(row["audio_recording"]), "quotation": bool(row["quotation"])})

    # -- interviews -------------------------------------------------------------------------------

    def add_interview(
        self,
        code: str,
        *,
        mode: str = "face-to-face",
        schedule_id: str | None = None,
        schedule_version: str | None = None,
        interviewer: str | None = None,
        started_at: str | None = None,
        status: str = "planned",
    ) -> Interview:
        if mode not in MODES:
            raise StoreError(f"Unknown interview mode '{mode}': use one of {', '.join(MODES)}.")
        participant = self.participant(code)
        row = {
            "participant_id": participant.id,
            "schedule_id": schedule_id,
            "schedule_version": None if schedule_version is None else str(schedule_version),
            "mode": mode,
            "interviewer": interviewer or self.actor,
            "started_at": started_at,
            "ended_at": None,
            "status": status,
            "created_at": now(),
        }
        with self.db.conn:
            interview_id = self.db["interviews"].insert(row).last_pk
            self.audit("add", "interviews", interview_id, {"participant": code, **row})
        return self.interview(interview_id)

    def interview(self, interview_id: int | str) -> Interview:
        try:
            key = int(str(interview_id).lstrip("#"))
        except ValueError:
            raise StoreError(f"'{interview_id}' is not an interview number; list them with: interviewer interview list") from None
        try:
            row = self.db["interviews"].get(key)
        except sqlite_utils.db.NotFoundError:
            raise StoreError(f"No interview #{key} in this study; list them with: interviewer interview list") from None
        return self._to_interview(row)

    def interviews(self, code: str | None = None) -> list[Interview]:
        if code:
            rows = self.db["interviews"].rows_where("participant_id = ?", [self.participant(code).id], order_by="id")
        else:
            rows = self.db["interviews"].rows_where(order_by="id")
        return [self._to_interview(row) for row in rows]

    def update_interview(self, interview_id: int, **changes: Any) -> Interview:
        if "status" in changes and changes["status"] not in INTERVIEW_STATUSES:
            raise StoreError(f"Unknown interview status '{changes['status']}'.")
        with self.db.conn:
            self.db["interviews"].update(interview_id, changes)
            self.audit("edit", "interviews", interview_id, changes)
        return self.interview(interview_id)

    def _to_interview(self, row: dict[str, Any]) -> Interview:
        code = self.db["participants"].get(row["participant_id"])["code"]
        return Interview(
            id=row["id"],
            participant_id=row["participant_id"],
            participant_code=code,
            schedule_id=row["schedule_id"],
            schedule_version=row["schedule_version"],
            mode=row["mode"],
            interviewer=row["interviewer"],
            started_at=row["started_at"],
            ended_at=row["ended_at"],
            status=row["status"],
            language=row.get("language"),
        )

    # -- recordings -------------------------------------------------------------------------------

    def add_recording(self, interview_id: int, *, path: Path, sha256: str, format: str, sample_rate: int,
                      channels: int, duration: float, original_name: str | None = None) -> Recording:
        part = 1 + (self.db.execute(
            "select coalesce(max(part), 0) from recordings where interview_id = ?", [interview_id]
        ).fetchone()[0])
        stored_path = path.relative_to(self.folder) if path.is_relative_to(self.folder) else path
        row = {
            "interview_id": interview_id,
            "part": part,
            "path": str(stored_path),
            "original_name": original_name,
            "sha256": sha256,
            "format": format,
            "sample_rate": sample_rate,
            "channels": channels,
            "duration": duration,
            "created_at": now(),
        }
        with self.db.conn:
            recording_id = self.db["recordings"].insert(row).last_pk
            self.audit("add", "recordings", recording_id, row)
        return self.recording(recording_id)

    def recording(self, recording_id: int) -> Recording:
        row = dict(self.db["recordings"].get(recording_id))
        row.pop("created_at")
        return Recording(**row)

    def recordings(self, interview_id: int) -> list[Recording]:
        return [self.recording(row["id"]) for row in self.db["recordings"].rows_where("interview_id = ?", [interview_id], order_by="part")]

    def recording_path(self, recording: Recording) -> Path:
        path = Path(recording.path)
        return path if path.is_absolute() else self.folder / path

    # -- timeline ---------------------------------------------------------------------------------

    def add_event(self, interview_id: int, kind: str, *, item_id: str | None = None, probe: int | None = None,
                  text: str | None = None, offset: float | None = None, recording_id: int | None = None) -> int:
        row = {"interview_id": interview_id, "recording_id": recording_id, "kind": kind, "item_id": item_id,
               "probe": probe, "text": text, "offset": offset, "at": now()}
        with self.db.conn:
            event_id = self.db["timeline_events"].insert(row).last_pk
            self.audit("add", "timeline_events", event_id, {"kind": kind, "item_id": item_id})
        return event_id

    def events(self, interview_id: int) -> list[TimelineEvent]:
        rows = self.db["timeline_events"].rows_where("interview_id = ?", [interview_id], order_by="id")
        return [TimelineEvent(**{k: row[k] for k in TimelineEvent.__dataclass_fields__}) for row in rows]

    # -- transcript -------------------------------------------------------------------------------

    def replace_segments(self, interview_id: int, segments: Iterable[dict[str, Any]], *, model: str) -> int:
        """Store a new transcript for an interview, replacing any earlier one (and its redactions)."""
        rows = []
        for position, segment in enumerate(segments):
            rows.append({
                "interview_id": interview_id,
                "recording_id": segment.get("recording_id"),
                "position": position,
                "start": segment["start"],
                "end": segment["end"],
                "speaker": segment.get("speaker"),
                "speaker_source": segment.get("speaker_source"),
                "text": segment["text"],
                "words": json.dumps(segment.get("words", []), ensure_ascii=False),
                "item_id": segment.get("item_id"),
                "model": model,
                "created_at": now(),
                "anonymised_text": None,
            })
        with self.db.conn:
            self.db.execute("delete from redactions where interview_id = ?", [interview_id])
            self.db.execute("delete from transcript_segments where interview_id = ?", [interview_id])
            self.db["transcript_segments"].insert_all(rows)
            self.audit("transcribe", "interviews", interview_id, {"segments": len(rows), "model": model})
        return len(rows)

    _LABEL_COLUMNS = ("speaker", "speaker_source", "item_id", "item_confidence", "item_source")

    def label_segments(self, interview_id: int, labels: dict[int, dict[str, Any]], *, action: str) -> None:
        """Set speakers and schedule items of segments ({segment id: {column: value}}), audited as one change."""
        with self.db.conn:
            for segment_id, values in labels.items():
                unknown = set(values) - set(self._LABEL_COLUMNS)
                if unknown:
                    raise StoreError(f"Cannot label segments with {', '.join(sorted(unknown))}.")
                self.db["transcript_segments"].update(segment_id, values)
            self.audit(action, "interviews", interview_id, {"segments": len(labels)})

    def segments(self, interview_id: int) -> list[Segment]:
        rows = self.db["transcript_segments"].rows_where("interview_id = ?", [interview_id], order_by="position")
        return [self._to_segment(row) for row in rows]

    @staticmethod
    def _to_segment(row: dict[str, Any]) -> Segment:
        return Segment(
            id=row["id"], interview_id=row["interview_id"], recording_id=row["recording_id"], position=row["position"],
            start=row["start"], end=row["end"], speaker=row["speaker"], text=row["text"],
            words=json.loads(row["words"] or "[]"), item_id=row["item_id"], model=row["model"],
            anonymised_text=row.get("anonymised_text"),
            item_confidence=row.get("item_confidence"), item_source=row.get("item_source"),
            speaker_source=row.get("speaker_source"), original_text=row.get("original_text"),
        )

    # -- anonymisation ----------------------------------------------------------------------------

    def pseudonym_map(self) -> dict[str, str]:
        """identity -> placeholder, shared by every transcript of the study."""
        return {row["identity"]: row["placeholder"] for row in self.db["pseudonyms"].rows}

    def save_anonymisation(self, interview_id: int, anonymised: dict[int, str], redactions: list[dict[str, Any]],
                           pseudonyms: dict[str, tuple[str, str]]) -> None:
        """Store anonymised segment texts, their redactions and any new study-wide pseudonyms."""
        known = self.pseudonym_map()
        with self.db.conn:
            for identity, (entity_type, placeholder) in pseudonyms.items():
                if identity not in known:
                    self.db["pseudonyms"].insert({"identity": identity, "entity_type": entity_type,
                                                  "placeholder": placeholder, "created_at": now()})
            self.db.execute("delete from redactions where interview_id = ?", [interview_id])
            for segment_id, text in anonymised.items():
                self.db["transcript_segments"].update(segment_id, {"anonymised_text": text})
            self.db["redactions"].insert_all(
                [{**r, "interview_id": interview_id, "status": r.get("status", "proposed"), "created_at": now()} for r in redactions]
            )
            self.audit("anonymise", "interviews", interview_id, {"redactions": len(redactions)})

    def redactions(self, interview_id: int) -> list[dict[str, Any]]:
        return list(self.db["redactions"].rows_where("interview_id = ?", [interview_id], order_by="segment_id, start"))

    def known_identifiers(self) -> Iterator[tuple[str, str]]:
        """(text, entity type) of every name and workplace the study records."""
        for participant in self.participants():
            if participant.name:
                yield participant.name, "PERSON"
            if participant.workplace:
                yield participant.workplace, "ORGANIZATION"
        for (interviewer,) in self.db.execute("select distinct interviewer from interviews where interviewer is not null"):
            if interviewer and " " in interviewer.strip():
                yield interviewer, "PERSON"


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises several types when no user name can be found
        return "unknown"
