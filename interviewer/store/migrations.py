"""Provides the study database schema as an ordered list of migrations; the schema changes only here."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

import sqlite_utils

from interviewer.store.migrations_anonymisation import anonymisation_settings, possible_misses
from interviewer.store.migrations_drafts import live_drafts_and_pending_stage
from interviewer.store.migrations_exports import coder_allocations
from interviewer.store.migrations_protection import recording_deletion

Migration = Callable[[sqlite_utils.Database], None]


def _initial_schema(db: sqlite_utils.Database) -> None:
    db["study"].create(
        {"id": int, "name": str, "created_at": str, "quote_label_template": str, "settings": str},
        pk="id",
    )
    db["participants"].create(
        {
            "id": int,
            "code": str,
            "name": str,
            "workplace": str,
            "gender": str,
            "role": str,
            "sector": str,
            "attributes": str,
            "referred_by_id": int,
            "notes": str,
            "created_at": str,
        },
        pk="id",
        not_null={"code"},
        foreign_keys=[("referred_by_id", "participants", "id")],
    )
    db["participants"].create_index(["code"], unique=True)
    db["consent"].create(
        {
            "id": int,
            "participant_id": int,
            "information_sheet_sent": str,
            "consent_received": str,
            "audio_recording": int,
            "quotation": int,
            "method": str,
            "notes": str,
            "recorded_by": str,
            "recorded_at": str,
            "withdrawn_at": str,
        },
        pk="id",
        foreign_keys=[("participant_id", "participants", "id")],
    )
    db["interviews"].create(
        {
            "id": int,
            "participant_id": int,
            "schedule_id": str,
            "schedule_version": str,
            "mode": str,
            "interviewer": str,
            "started_at": str,
            "ended_at": str,
            "status": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("participant_id", "participants", "id")],
    )
    db["recordings"].create(
        {
            "id": int,
            "interview_id": int,
            "part": int,
            "path": str,
            "original_name": str,
            "sha256": str,
            "format": str,
            "sample_rate": int,
            "channels": int,
            "duration": float,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id")],
    )
    db["timeline_events"].create(
        {
            "id": int,
            "interview_id": int,
            "recording_id": int,
            "kind": str,
            "item_id": str,
            "probe": int,
            "text": str,
            "offset": float,
            "at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id"), ("recording_id", "recordings", "id")],
    )
    db["transcript_segments"].create(
        {
            "id": int,
            "interview_id": int,
            "recording_id": int,
            "position": int,
            "start": float,
            "end": float,
            "speaker": str,
            "text": str,
            "words": str,
            "item_id": str,
            "model": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id"), ("recording_id", "recordings", "id")],
    )
    db["transcript_segments"].create_index(["interview_id", "position"])
    db["redactions"].create(
        {
            "id": int,
            "interview_id": int,
            "segment_id": int,
            "start": int,
            "end": int,
            "entity_type": str,
            "original": str,
            "placeholder": str,
            "score": float,
            "reason": str,
            "status": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id"), ("segment_id", "transcript_segments", "id")],
    )
    db["audit_log"].create(
        {"id": int, "at": str, "actor": str, "action": str, "table_name": str, "row_id": int, "details": str},
        pk="id",
    )


def _anonymised_text_and_pseudonyms(db: sqlite_utils.Database) -> None:
    """Segments keep their anonymised text beside the original; pseudonyms are shared by the study."""
    db["transcript_segments"].add_column("anonymised_text", str)
    db["interviews"].add_column("language", str)
    db["pseudonyms"].create(
        {"id": int, "identity": str, "entity_type": str, "placeholder": str, "created_at": str},
        pk="id",
    )
    db["pseudonyms"].create_index(["identity"], unique=True)


def _segment_item_confidence_and_speaker_source(db: sqlite_utils.Database) -> None:
    """How a segment's schedule item and speaker were decided, so review can show and correct them."""
    table = db["transcript_segments"]
    table.add_column("item_confidence", float)
    table.add_column("item_source", str)
    table.add_column("speaker_source", str)
    table.add_column("original_text", str)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial_schema", _initial_schema),
    ("0002_anonymised_text_and_pseudonyms", _anonymised_text_and_pseudonyms),
    ("0003_coder_allocations", coder_allocations),
    ("0004_segment_item_confidence_and_speaker_source", _segment_item_confidence_and_speaker_source),
    ("0005_anonymisation_settings", anonymisation_settings),
    ("0006_possible_misses", possible_misses),
    ("0007_recording_deletion", recording_deletion),
    ("0008_live_drafts_and_pending_stage", live_drafts_and_pending_stage),
]


def applied(db: sqlite_utils.Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db["_migrations"].rows_where(order_by="id")]


def pending(db: sqlite_utils.Database) -> list[str]:
    """The migrations not yet applied, in order."""
    done = set(applied(db))
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(db: sqlite_utils.Database, upto: int | None = None) -> list[str]:
    """Apply pending migrations (the first `upto` of them, if given) each in one transaction."""
    if "_migrations" not in db.table_names():
        db["_migrations"].create({"id": int, "name": str, "applied_at": str}, pk="id")
    done = set(applied(db))
    newly_applied = []
    for name, migration in MIGRATIONS[:upto]:
        if name in done:
            continue
        with db.conn:
            migration(db)
            db["_migrations"].insert({"name": name, "applied_at": datetime.now(timezone.utc).isoformat()})
        newly_applied.append(name)
    return newly_applied
