"""Provides the JSON transcript: interview metadata, speakers, schedule items, turns, and segments with words."""

from __future__ import annotations

import json
from typing import Any

from interviewer.export.collection import item_of, section_title
from interviewer.export.document import TranscriptDocument
from interviewer.export.prompt_coverage import prompt_coverage_data
from interviewer.export.words import words_for

EXTENSION = "json"
FORMAT_VERSION = 1


def as_data(document: TranscriptDocument) -> dict[str, Any]:
    interview, participant = document.interview, document.participant
    segments = [segment for segment in document.segments if document.text_of(segment)]
    item_ids = list(dict.fromkeys(segment.item_id for segment in segments if segment.item_id))
    items = []
    for item_id in item_ids:
        item = item_of(document, item_id)
        items.append({
            "id": item_id,
            "section": section_title(document, item_id) or None,
            "question": item.question if item else None,
            "constructs": list(item.constructs) if item else [],
        })
    return {
        "format": "interviewer-transcript",
        "format_version": FORMAT_VERSION,
        "anonymised": document.anonymised,
        "draft": document.draft,
        "interview": {
            "id": interview.id,
            "participant": participant.code,
            "quote_label": document.quote_label,
            "date": (interview.started_at or "")[:10] or None,
            "mode": interview.mode,
            "duration": round(document.duration, 3),
            "schedule": {"id": interview.schedule_id, "version": interview.schedule_version} if interview.schedule_id else None,
            "language": interview.language,
        },
        "participant": {"code": participant.code, "gender": participant.gender, "role": participant.role,
                        "sector": participant.sector, "attributes": participant.attributes},
        "speakers": list(dict.fromkeys(turn.speaker for turn in document.turns)),
        "items": items,
        "prompt_coverage": prompt_coverage_data(document),
        "turns": [
            {"start": turn.start, "end": turn.end, "speaker": turn.speaker, "item": turn.item_id, "text": turn.text}
            for turn in document.turns
        ],
        "segments": [
            {
                "position": segment.position,
                "start": segment.start,
                "end": segment.end,
                "speaker": segment.speaker,
                "item": segment.item_id,
                "text": document.text_of(segment),
                "words": words_for(document, segment),
            }
            for segment in segments
        ],
    }


def render(document: TranscriptDocument) -> str:
    return json.dumps(as_data(document), ensure_ascii=False, indent=2) + "\n"
