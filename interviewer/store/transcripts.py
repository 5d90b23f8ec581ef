"""Provides the transcript segments table of a study: storing a transcript and labelling its segments."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from interviewer.store.base import StoreError, StudyTables, now


@dataclass(frozen=True)
class Segment:
    id: int
    interview_id: int
    recording_id: int | None
    position: int
    start: float
    end: float
    speaker: str | None
    text: str
    words: list[dict[str, Any]]
    item_id: str | None
    model: str | None
    anonymised_text: str | None
    item_confidence: float | None = None
    item_source: str | None = None
    """'timeline' (from the interview's events), 'matched' (question matched to the schedule) or 'review'."""
    speaker_source: str | None = None
    """'channel' (stereo), 'voice' (speaker embeddings) or 'review'."""
    original_text: str | None = None
    """The model's text, kept when a reviewer corrects `text`."""


class TranscriptTables(StudyTables):
    """Each interview's transcript as ordered segments, with speakers and schedule items."""

    def replace_segments(self, interview_id: int, segments: Iterable[dict[str, Any]], *, model: str) -> int:
        """Store a new transcript for an interview, replacing any earlier one (and its redactions)."""
        rows = []
        for position, segment in enumerate(segments):
            rows.append({
                "interview_id": interview_id,
                "recording_id": segment.get("recording_id"),
                "position": position,
                "start": segment["start"],
                "end": segment["end"],
                "speaker": segment.get("speaker"),
                "speaker_source": segment.get("speaker_source"),
                "text": segment["text"],
                "words": json.dumps(segment.get("words", []), ensure_ascii=False),
                "item_id": segment.get("item_id"),
                "model": model,
                "created_at": now(),
                "anonymised_text": None,
            })
        with self.db.conn:
            self.db.execute("delete from redactions where interview_id = ?", [interview_id])
            self.db.execute("delete from transcript_segments where interview_id = ?", [interview_id])
            self.db["transcript_segments"].insert_all(rows)
            self.audit("transcribe", "interviews", interview_id, {"segments": len(rows), "model": model})
        return len(rows)

    _LABEL_COLUMNS = ("speaker", "speaker_source", "item_id", "item_confidence", "item_source")

    def label_segments(self, interview_id: int, labels: dict[int, dict[str, Any]], *, action: str) -> None:
        """Set speakers and schedule items of segments ({segment id: {column: value}}), audited as one change."""
        with self.db.conn:
            for segment_id, values in labels.items():
                unknown = set(values) - set(self._LABEL_COLUMNS)
                if unknown:
                    raise StoreError(f"Cannot label segments with {', '.join(sorted(unknown))}.")
                self.db["transcript_segments"].update(segment_id, values)
            self.audit(action, "interviews", interview_id, {"segments": len(labels)})

    def segments(self, interview_id: int) -> list[Segment]:
        rows = self.db["transcript_segments"].rows_where("interview_id = ?", [interview_id], order_by="position")
        return [self._to_segment(row) for row in rows]

    @staticmethod
    def _to_segment(row: dict[str, Any]) -> Segment:
        return Segment(
            id=row["id"], interview_id=row["interview_id"], recording_id=row["recording_id"], position=row["position"],
            start=row["start"], end=row["end"], speaker=row["speaker"], text=row["text"],
            words=json.loads(row["words"] or "[]"), item_id=row["item_id"], model=row["model"],
            anonymised_text=row.get("anonymised_text"),
            item_confidence=row.get("item_confidence"), item_source=row.get("item_source"),
            speaker_source=row.get("speaker_source"), original_text=row.get("original_text"),
        )
