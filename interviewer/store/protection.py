"""Provides what protecting a study at rest needs of its tables: integrity checks, encrypted copies, when a transcript
was verified, and removing a withdrawn participant's interview content with a minimal audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interviewer.store.base import StoreError, StudyTables, now

VERIFIED_ACTION = "review done"
"""The audit action `review.redactions.finish` writes when a transcript's review is complete."""
SCRUBBED = {"removed": "participant withdrew"}


class ProtectionTables(StudyTables):
    """Checks and copies of the whole database, and the removal of interview content."""

    # -- checks and copies ------------------------------------------------------------------------

    def integrity_problems(self, *, encrypted: bool) -> list[str]:
        """What SQLite's integrity check (and, encrypted, SQLCipher's check of every page's HMAC) finds wrong."""
        problems = [row[0] for row in self.db.execute("PRAGMA integrity_check").fetchall() if row[0] != "ok"]
        if encrypted:
            problems += [str(row[0]) for row in self.db.execute("PRAGMA cipher_integrity_check").fetchall()]
        return problems

    def all_row_counts(self) -> dict[str, int]:
        return {name: self.db[name].count for name in sorted(self.db.table_names())}

    def checkpoint(self) -> None:
        """Move everything in the write-ahead log into the database file and empty the log."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def export_encrypted(self, target: Path, key: bytes) -> None:
        """Write an encrypted copy of this (plain) database to a new file with SQLCipher's export."""
        from interviewer.private import open_private
        import os

        if target.exists():
            raise StoreError(f"{target} already exists.")
        os.close(open_private(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
        self.db.execute(f"ATTACH DATABASE ? AS sealed KEY \"x'{key.hex()}'\"", [str(target)])
        try:
            self.db.execute("SELECT sqlcipher_export('sealed')").fetchall()
        finally:
            self.db.execute("DETACH DATABASE sealed")

    # -- verification -----------------------------------------------------------------------------

    def review_done_at(self, interview_id: int) -> str | None:
        """When the interview's transcript was last marked reviewed (verified), or None."""
        row = self.db.execute("select max(at) from audit_log where action = ? and table_name = 'interviews' "
                              "and row_id = ?", [VERIFIED_ACTION, interview_id]).fetchone()
        return row[0] if row else None

    # -- withdrawal -------------------------------------------------------------------------------

    def withdraw_consent(self, code: str, reason: str) -> None:
        """Mark the participant's consent withdrawn (a consent record is made if there was none), audited."""
        participant = self.participant(code)  # type: ignore[attr-defined]
        rows = list(self.db["consent"].rows_where("participant_id = ?", [participant.id], order_by="id desc", limit=1))
        with self.db.conn:
            if rows:
                self.db["consent"].update(rows[0]["id"], {"withdrawn_at": now()})
                consent_id = rows[0]["id"]
            else:
                consent_id = self.db["consent"].insert({
                    "participant_id": participant.id, "audio_recording": 0, "quotation": 0, "method": "withdrawal",
                    "notes": reason, "recorded_by": self.actor, "recorded_at": now(), "withdrawn_at": now()}).last_pk
            self.audit("withdraw consent", "consent", consent_id, {"participant": code})

    def remove_interview_content(self, interview_ids: list[int]) -> dict[str, Any]:
        """Delete the transcripts (segments, redactions, possible misses), coder allocations and typed notes of
        interviews, mark them
        withdrawn, and blank the details of earlier audit entries that could hold their words. Returns counts and
        the key tokens of the redactions removed. One transaction."""
        if not interview_ids:
            return {"segments": 0, "redactions": 0, "notes": 0, "audit_entries_scrubbed": 0, "tokens": []}
        marks = ",".join("?" * len(interview_ids))
        segment_ids = [row[0] for row in self.db.execute(
            f"select id from transcript_segments where interview_id in ({marks})", interview_ids)]
        redactions = list(self.db.execute(
            f"select id, original from redactions where interview_id in ({marks})", interview_ids))
        event_ids = [row[0] for row in self.db.execute(
            f"select id from timeline_events where interview_id in ({marks}) and text is not null", interview_ids)]
        miss_ids = [row[0] for row in self.db.execute(
            f"select id from possible_misses where interview_id in ({marks})", interview_ids)]
        scrub = [("transcript_segments", segment_ids), ("redactions", [row[0] for row in redactions]),
                 ("possible_misses", miss_ids), ("timeline_events", event_ids), ("interviews", interview_ids)]
        with self.db.conn:
            self.db.execute(f"delete from possible_misses where interview_id in ({marks})", interview_ids)
            self.db.execute(f"delete from redactions where interview_id in ({marks})", interview_ids)
            self.db.execute(f"delete from transcript_segments where interview_id in ({marks})", interview_ids)
            self.db.execute(f"delete from coder_allocations where interview_id in ({marks})", interview_ids)
            self.db.execute(f"update timeline_events set text = null where interview_id in ({marks})", interview_ids)
            self.db.execute(f"update interviews set status = 'withdrawn' where id in ({marks})", interview_ids)
            scrubbed = 0
            for table, ids in scrub:
                for start in range(0, len(ids), 500):
                    batch = ids[start:start + 500]
                    cursor = self.db.execute(
                        f"update audit_log set details = ? where table_name = ? and row_id in ({','.join('?' * len(batch))})",
                        [json.dumps(SCRUBBED), table, *batch])
                    scrubbed += cursor.rowcount
        return {"segments": len(segment_ids), "redactions": len(redactions), "notes": len(event_ids),
                "audit_entries_scrubbed": scrubbed,
                "tokens": [row[1] for row in redactions if row[1] is not None]}

    def redaction_tokens(self) -> set[str]:
        """Every key token the study's redactions still use."""
        return {row[0] for row in self.db.execute("select original from redactions where original is not null")}
