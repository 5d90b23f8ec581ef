"""Provides the coder allocations table of a study: which coders each transcribed interview is given to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interviewer.store.base import StudyTables, now


@dataclass(frozen=True)
class CoderAllocation:
    """One coder given one interview's transcript."""

    id: int
    interview_id: int
    coder: str
    allocated_at: str
    allocated_by: str | None


class AllocationTables(StudyTables):
    """Coders allocated to interviews, one row per (interview, coder)."""

    def transcribed_interview_ids(self) -> list[int]:
        """Interviews with a transcript, in interview order."""
        rows = self.db.execute("select distinct interview_id from transcript_segments order by interview_id").fetchall()
        return [row[0] for row in rows]

    def coder_allocations(self) -> list[CoderAllocation]:
        """Every allocation, by interview then in the order the coders were given."""
        return [CoderAllocation(row["id"], row["interview_id"], row["coder"], row["allocated_at"], row["allocated_by"])
                for row in self.db["coder_allocations"].rows_where(order_by="interview_id, id")]

    def save_coder_allocations(self, allocated: dict[int, tuple[str, ...]], *, replace_all: bool,
                               details: dict[str, Any]) -> None:
        """Store coders for interviews (interview id -> coders), dropping every earlier allocation first with
        `replace_all`; audited as one change with `details`."""
        with self.db.conn:
            if replace_all:
                self.db.execute("delete from coder_allocations")
            for interview_id, coders in allocated.items():
                self.db["coder_allocations"].insert_all(
                    {"interview_id": interview_id, "coder": coder, "allocated_at": now(), "allocated_by": self.actor}
                    for coder in coders
                )
            self.audit("allocate", "coder_allocations", None, details)
