"""Provides the interviews, recordings and timeline events tables of a study."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from interviewer.store.base import StoreError, StudyTables, now

MODES = ("phone", "face-to-face", "video")
INTERVIEW_STATUSES = ("planned", "recording", "interrupted", "recorded", "transcribed", "anonymised", "reviewed", "exported",
                      "withdrawn")
FINAL_PASS = "final pass"
"""Pending stage: the transcript is still to be made from the whole recording (then anonymised)."""
ANONYMISE = "anonymise"
"""Pending stage: the final transcript is stored; anonymising it is still to do."""
PENDING_STAGES = (FINAL_PASS, ANONYMISE)


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
    pending_stage: str | None = None
    """What processing after the interview still has to do (FINAL_PASS, ANONYMISE), or None."""


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
    deleted_at: str | None = None
    """When the audio was destroyed (retention policy or withdrawal); the row stays for the transcript."""
    deleted_reason: str | None = None


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


class InterviewTables(StudyTables):
    """Interviews, the recorded parts of each and its timeline; finds participants through `ParticipantTables`."""

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

    def untranscribed_interview_ids(self) -> list[int]:
        """Interviews with a recording but no transcript, not being recorded, oldest first."""
        rows = self.db.execute(
            "select i.id from interviews i where exists (select 1 from recordings r where r.interview_id = i.id "
            "and r.deleted_at is null) and not exists (select 1 from transcript_segments s where s.interview_id = i.id) "
            "and i.status not in ('recording', 'withdrawn') order by i.id"
        ).fetchall()
        return [row[0] for row in rows]

    def pending_interview_ids(self) -> list[int]:
        """Interviews whose processing after the stop is unfinished (a final pass or anonymising), not being
        recorded or interrupted, oldest first: what the app resumes when it starts."""
        rows = self.db.execute(
            "select id from interviews where pending_stage is not null "
            "and status not in ('planned', 'recording', 'interrupted') order by id"
        ).fetchall()
        return [row[0] for row in rows]

    def update_interview(self, interview_id: int, **changes: Any) -> Interview:
        if "status" in changes and changes["status"] not in INTERVIEW_STATUSES:
            raise StoreError(f"Unknown interview status '{changes['status']}'.")
        if changes.get("pending_stage") not in (None, *PENDING_STAGES):
            raise StoreError(f"Unknown pending stage '{changes['pending_stage']}'.")
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
            pending_stage=row.get("pending_stage"),
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

    def all_recordings(self) -> list[Recording]:
        """Every recording of the study, deleted ones included, by interview and part."""
        return [self.recording(row["id"]) for row in self.db["recordings"].rows_where(order_by="interview_id, part")]

    def has_recording(self, sha256: str) -> bool:
        """Whether any interview of the study has a (kept) recording with this checksum."""
        return self.db.execute("select 1 from recordings where sha256 = ? and deleted_at is null limit 1",
                               [sha256]).fetchone() is not None

    def set_recording_file(self, recording_id: int, path: Path) -> None:
        """Point a recording at a new file in the study folder (its encrypted copy), audited."""
        stored = path.relative_to(self.folder) if path.is_relative_to(self.folder) else path
        with self.db.conn:
            self.db["recordings"].update(recording_id, {"path": str(stored)})
            self.audit("encrypt", "recordings", recording_id, {"path": str(stored)})

    def mark_recording_deleted(self, recording_id: int, reason: str, details: dict[str, Any]) -> None:
        """Record that a recording's audio was destroyed, when and why (the file is removed by the caller)."""
        with self.db.conn:
            self.db["recordings"].update(recording_id, {"deleted_at": now(), "deleted_reason": reason})
            self.audit("delete recording", "recordings", recording_id, {"reason": reason, **details})

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
