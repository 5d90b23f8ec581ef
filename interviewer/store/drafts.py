"""Provides the live draft of each interview (what live transcription wrote while it was recorded), kept apart
from the transcript the final pass makes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from interviewer.store.base import StudyTables, now
from interviewer.store.transcripts import SpokenSegment, spoken_fields


@dataclass(frozen=True)
class DraftSegment(SpokenSegment):
    """One line of an interview's live draft."""


class DraftTables(StudyTables):
    """The live draft: stored at once after the stop, shown until the final transcript is there, never exported."""

    def replace_live_draft(self, interview_id: int, segments: Iterable[dict[str, Any]], *, model: str) -> int:
        """Store an interview's live draft (segments as `TranscriptSegment.as_dict()` plus `recording_id`),
        replacing any earlier one; audited."""
        rows = [{
            "interview_id": interview_id,
            "recording_id": segment.get("recording_id"),
            "position": position,
            "start": segment["start"],
            "end": segment["end"],
            "speaker": segment.get("speaker"),
            "text": segment["text"],
            "words": json.dumps(segment.get("words", []), ensure_ascii=False),
            "model": model,
            "created_at": now(),
        } for position, segment in enumerate(segments)]
        with self.db.conn:
            self.db.execute("delete from live_draft_segments where interview_id = ?", [interview_id])
            if rows:
                self.db["live_draft_segments"].insert_all(rows)
            self.audit("store live draft", "interviews", interview_id, {"segments": len(rows), "model": model})
        return len(rows)

    def live_draft(self, interview_id: int) -> list[DraftSegment]:
        rows = self.db["live_draft_segments"].rows_where("interview_id = ?", [interview_id], order_by="position")
        return [DraftSegment(**spoken_fields(row)) for row in rows]
