"""Provides the schema changes the study side of anonymisation needs: the study's policy, allow and deny terms,
and the possible misses the anonymiser suggests to the reviewer."""

from __future__ import annotations

import sqlite_utils


def anonymisation_settings(db: sqlite_utils.Database) -> None:
    """A study keeps its own policy (YAML text) and its allow and deny terms, so every transcript agrees."""
    db["anonymisation_policy"].create(
        {"id": int, "text": str, "source": str, "set_at": str, "set_by": str},
        pk="id",
    )
    db["anonymisation_terms"].create(
        {"id": int, "kind": str, "term": str, "entity_type": str, "note": str, "added_at": str, "added_by": str},
        pk="id",
        not_null={"kind", "term"},
    )
    db.execute("create unique index idx_anonymisation_terms_kind_term on anonymisation_terms (kind, term collate nocase)")


def possible_misses(db: sqlite_utils.Database) -> None:
    """The anonymiser's suggestions of identifiers it left in the text, for the reviewer's second queue.

    Offsets into the segment's text, never the words themselves (those stay in the transcript only)."""
    db["possible_misses"].create(
        {"id": int, "interview_id": int, "segment_id": int, "start": int, "end": int, "entity_type": str,
         "reason": str, "risk": float, "status": str, "decided_at": str, "created_at": str},
        pk="id",
        not_null={"interview_id", "segment_id", "start", "end", "status"},
        foreign_keys=[("interview_id", "interviews", "id"), ("segment_id", "transcript_segments", "id")],
    )
    db["possible_misses"].create_index(["interview_id", "status"])
