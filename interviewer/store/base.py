"""Provides what every part of the study store shares: its error, timestamps, the code pattern and the audit log."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


class StoreError(ValueError):
    """A request the study cannot satisfy (unknown participant, duplicate code, ...)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StudyTables:
    """The base of the store's table mixins: the study's folder, connection and actor, and the audit log."""

    folder: Path
    db: sqlite_utils.Database
    actor: str

    def transaction(self):
        """A context in which every change commits together or not at all."""
        return self.db.conn

    def row_counts(self, *tables: str) -> dict[str, int]:
        """How many rows each named table holds."""
        return {table: self.db[table].count for table in tables}

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
