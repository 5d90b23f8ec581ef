"""Provides the schema changes the coder hand-off needs: coder allocations, one row per (interview, coder)."""

from __future__ import annotations

import sqlite_utils


def coder_allocations(db: sqlite_utils.Database) -> None:
    """Which coder codes which interview; the allocation is stored so every export agrees on it."""
    db["coder_allocations"].create(
        {"id": int, "interview_id": int, "coder": str, "allocated_at": str, "allocated_by": str},
        pk="id",
        not_null={"interview_id", "coder"},
        foreign_keys=[("interview_id", "interviews", "id")],
    )
    db["coder_allocations"].create_index(["interview_id", "coder"], unique=True)
