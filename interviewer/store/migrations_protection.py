"""Provides the schema changes protection at rest needs: recordings deleted under the retention policy or a withdrawal."""

from __future__ import annotations

import sqlite_utils


def recording_deletion(db: sqlite_utils.Database) -> None:
    """A deleted recording keeps its row (transcripts point at it) with when and why its audio was destroyed."""
    db["recordings"].add_column("deleted_at", str)
    db["recordings"].add_column("deleted_reason", str)
