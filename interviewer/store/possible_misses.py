"""Provides the possible_misses table: the anonymiser's suggestions of identifiers left in an interview's text,
and the reviewer's decision on each (accepted: redacted; dismissed: not an identifier)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from interviewer.store.base import StudyTables, now

MISS_STATUSES = ("open", "accepted", "dismissed")


@dataclass(frozen=True)
class PossibleMiss:
    """A suggestion: words of a segment that may identify someone but were not redacted."""

    id: int
    interview_id: int
    segment_id: int
    start: int
    end: int
    """Character offsets into the segment's original text."""
    entity_type: str
    """The type the anonymiser guesses; the reviewer may give another when accepting."""
    reason: str
    risk: float
    """0–1; the queue shows the riskiest first."""
    status: str
    """open, accepted or dismissed."""
    decided_at: str | None = None
    created_at: str | None = None


def _to(row: dict[str, Any]) -> PossibleMiss:
    return PossibleMiss(**{field.name: row.get(field.name) for field in fields(PossibleMiss)})


class PossibleMissTables(StudyTables):
    """Each interview's possible misses and the decisions on them, every decision audited."""

    def possible_misses(self, interview_id: int) -> list[PossibleMiss]:
        """The interview's possible misses: open first, riskiest first."""
        rows = self.db["possible_misses"].rows_where("interview_id = ?", [interview_id])
        return sorted((_to(row) for row in rows), key=lambda m: (m.status != "open", -(m.risk or 0), m.segment_id, m.start))

    def possible_miss(self, miss_id: int) -> PossibleMiss | None:
        return next((_to(row) for row in self.db["possible_misses"].rows_where("id = ?", [miss_id])), None)

    def open_possible_miss_count(self, interview_id: int) -> int:
        return self.db.execute("select count(*) from possible_misses where interview_id = ? and status = 'open'",
                               [interview_id]).fetchone()[0]

    def decide_possible_miss(self, miss_id: int, status: str, *, details: dict[str, Any]) -> None:
        """Record the reviewer's decision on one possible miss, audited (type and offsets, never the words)."""
        if status not in MISS_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.db.conn:
            self.db["possible_misses"].update(miss_id, {"status": status, "decided_at": now()})
            self.audit(f"review {'accept' if status == 'accepted' else 'dismiss'} possible miss", "possible_misses",
                       miss_id, details)
