"""Provides the schema changes for the live draft: its own table, and what is left to do after an interview."""

from __future__ import annotations

import sqlite_utils


def live_drafts_and_pending_stage(db: sqlite_utils.Database) -> None:
    """The live draft is kept apart from the transcript (which comes from the final pass over the recording);
    an interview records the stage of its processing still to do, so an unfinished pass resumes."""
    db["live_draft_segments"].create(
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
            "model": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id"), ("recording_id", "recordings", "id")],
    )
    db["live_draft_segments"].create_index(["interview_id", "position"])
    db["interviews"].add_column("pending_stage", str)
