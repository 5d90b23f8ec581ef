"""Provides the transcript segments table of a study: storing a transcript and labelling its segments."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from interviewer.store.base import StoreError, StudyTables, now


@dataclass(frozen=True)
class SpokenSegment:
    """One stored line of speech; times from the start of its recording part."""

    id: int
    interview_id: int
    recording_id: int | None
    position: int
    start: float
    end: float
    speaker: str | None
    text: str
    words: list[dict[str, Any]]
    model: str | None


def spoken_fields(row: dict[str, Any]) -> dict[str, Any]:
    """The `SpokenSegment` fields of a stored segment row."""
    return dict(id=row["id"], interview_id=row["interview_id"], recording_id=row["recording_id"],
                position=row["position"], start=row["start"], end=row["end"], speaker=row["speaker"],
                text=row["text"], words=json.loads(row["words"] or "[]"), model=row["model"])


@dataclass(frozen=True)
class Segment(SpokenSegment):
    """One line of an interview's final transcript, with its schedule item and anonymised text."""

    item_id: str | None
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
                self._check_labels(values)
                self.db["transcript_segments"].update(segment_id, values)
            self.audit(action, "interviews", interview_id, {"segments": len(labels)})

    def label_segment(self, segment_id: int, labels: dict[str, Any], *, action: str, details: dict[str, Any]) -> None:
        """Set the speaker or schedule item columns of one segment, audited against the segment."""
        self._check_labels(labels)
        with self.db.conn:
            self.db["transcript_segments"].update(segment_id, labels)
            self.audit(action, "transcript_segments", segment_id, details)

    def _check_labels(self, labels: dict[str, Any]) -> None:
        unknown = set(labels) - set(self._LABEL_COLUMNS)
        if unknown:
            raise StoreError(f"Cannot label segments with {', '.join(sorted(unknown))}.")

    def set_speakers(self, interview_id: int, speakers: dict[int, tuple[str, list[dict[str, Any]]]], *, source: str,
                     action: str, details: dict[str, Any]) -> None:
        """Give segments a speaker and their words the speakers given ({segment id: (speaker, words)}), marking
        where the speaker came from; audited as one change of the interview."""
        with self.db.conn:
            for segment_id, (speaker, words) in speakers.items():
                self.db["transcript_segments"].update(segment_id, {
                    "speaker": speaker, "speaker_source": source, "words": json.dumps(words, ensure_ascii=False)})
            self.audit(action, "interviews", interview_id, details)

    def correct_segment_text(self, segment_id: int, text: str, words: list[dict[str, Any]],
                             redactions: dict[int, tuple[int, int] | None], *, action: str,
                             details: dict[str, Any]) -> None:
        """Replace a segment's text and words, keeping the model's text from the first correction on, and move
        its redactions (id -> new (start, end), or None to drop it). The anonymised text is cleared, since it no
        longer matches the text. Audited against the segment as one change."""
        row = self.db["transcript_segments"].get(segment_id)
        changes: dict[str, Any] = {"text": text, "words": json.dumps(words, ensure_ascii=False)}
        if row["original_text"] is None:
            changes["original_text"] = row["text"]
        if row["anonymised_text"] is not None:
            changes["anonymised_text"] = None
        with self.db.conn:
            for redaction_id, span in redactions.items():
                if span is None:
                    self.db["redactions"].delete(redaction_id)
                else:
                    self.db["redactions"].update(redaction_id, {"start": span[0], "end": span[1]})
            self.db["transcript_segments"].update(segment_id, changes)
            self.audit(action, "transcript_segments", segment_id, details)

    def release_corrections(self, interview_id: int, sources: dict[int, tuple[str | None, str | None]], *,
                            action: str, details: dict[str, Any]) -> None:
        """Set segments' speaker and item sources ({segment id: (speaker source, item source)}) and drop their
        kept model text, so that a new transcript may replace them; audited (first) as one change."""
        with self.db.conn:
            self.audit(action, "interviews", interview_id, details)
            for segment_id, (speaker_source, item_source) in sources.items():
                self.db["transcript_segments"].update(segment_id, {
                    "speaker_source": speaker_source, "item_source": item_source, "original_text": None})

    def segment(self, segment_id: int) -> Segment:
        rows = list(self.db["transcript_segments"].rows_where("id = ?", [segment_id]))
        if not rows:
            raise StoreError(f"No transcript segment #{segment_id}.")
        return self._to_segment(rows[0])

    def transcript_end(self, interview_id: int) -> float:
        """Where the interview's last transcript segment ends, in seconds (0 without a transcript)."""
        row = self.db.execute("select max(end) from transcript_segments where interview_id = ?",
                              [interview_id]).fetchone()
        return float(row[0] or 0.0)

    def segments(self, interview_id: int) -> list[Segment]:
        rows = self.db["transcript_segments"].rows_where("interview_id = ?", [interview_id], order_by="position")
        return [self._to_segment(row) for row in rows]

    @staticmethod
    def _to_segment(row: dict[str, Any]) -> Segment:
        return Segment(
            **spoken_fields(row), item_id=row["item_id"], anonymised_text=row.get("anonymised_text"),
            item_confidence=row.get("item_confidence"), item_source=row.get("item_source"),
            speaker_source=row.get("speaker_source"), original_text=row.get("original_text"),
        )
