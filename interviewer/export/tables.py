"""Provides the tables behind the CSV and XLSX exports: segments, participants, codebook and coder allocation."""

from __future__ import annotations

from typing import Any

from interviewer.schedule import npt
from interviewer.export.collection import StudyExport, item_of, section_title
from interviewer.export.document import TranscriptDocument, timestamp

Table = tuple[list[str], list[list[Any]]]
"""(header, rows)."""


def _participant_values(export: StudyExport, document: TranscriptDocument) -> list[Any]:
    participant = document.participant
    return [participant.gender or "", participant.role or "", participant.sector or "",
            *(participant.attributes.get(name, "") for name in export.attribute_names)]


def _turn_numbers(document: TranscriptDocument) -> dict[int, int]:
    return {segment_id: number for number, turn in enumerate(document.turns, start=1) for segment_id in turn.segment_ids}


def segments(export: StudyExport) -> Table:
    """One row per segment: who, when, which schedule item and NPT constructs, and the text."""
    header = ["interview", "participant", "quote_label", "gender", "role", "sector", *export.attribute_names,
              "turn", "segment", "start", "end", "start_hms", "end_hms", "speaker", "section", "item",
              "npt_constructs", "text", "status"]
    rows = []
    for document in export.documents:
        turns = _turn_numbers(document)
        for segment in document.segments:
            text = document.text_of(segment)
            if not text:
                continue
            item = item_of(document, segment.item_id)
            rows.append([
                document.interview.id, document.participant.code, document.quote_label,
                *_participant_values(export, document),
                turns.get(segment.id), segment.position + 1, round(segment.start, 3), round(segment.end, 3),
                timestamp(segment.start), timestamp(segment.end), segment.speaker or "",
                section_title(document, segment.item_id), segment.item_id or "",
                "; ".join(item.constructs) if item else "", text,
                "DRAFT — NOT REVIEWED" if document.draft else "reviewed",
            ])
    return header, rows


def participants(export: StudyExport) -> Table:
    """The sample: one row per participant, with attributes, interviews and consent to quotation (no names)."""
    header = ["participant", "quote_label", "gender", "role", "sector", *export.attribute_names,
              "interviews", "modes", "dates", "minutes", "quotation_consent", "coders"]
    rows = []
    for participant in export.participants:
        documents = export.documents_of(participant.code)
        consent = export.consents.get(participant.code)
        coders = sorted({coder for document in documents for coder in export.coders.get(document.interview.id, ())})
        rows.append([
            participant.code, documents[0].quote_label, *_participant_values(export, documents[0])[:3],
            *(participant.attributes.get(name, "") for name in export.attribute_names),
            ", ".join(f"#{document.interview.id}" for document in documents),
            ", ".join(sorted({document.interview.mode for document in documents})),
            ", ".join((document.interview.started_at or "")[:10] for document in documents if document.interview.started_at),
            round(sum(document.duration for document in documents) / 60, 1),
            "unknown" if consent is None else ("yes" if consent.quotation else "no"),
            ", ".join(coders),
        ])
    return header, rows


def codebook(export: StudyExport) -> Table:
    """NPT constructs and sub-constructs, then each schedule's items with the constructs they serve."""
    header = ["code", "name", "kind", "parent", "description"]
    rows: list[list[Any]] = []
    for construct in npt.CONSTRUCTS:
        rows.append([construct.id, construct.name, "NPT construct", "", construct.question])
        for sub_id, name in construct.sub_constructs:
            rows.append([f"{construct.id}/{sub_id}", name, "NPT sub-construct", construct.id, ""])
    for schedule in export.schedules():
        for section in schedule.sections:
            for item in section.items:
                rows.append([item.id, item.question, "schedule item", f"{schedule.id} v{schedule.version}: {section.title}",
                             "NPT: " + "; ".join(npt.label(code) for code in item.constructs)])
    return header, rows


def allocation(export: StudyExport) -> Table:
    """One row per included interview: its participant and the coders it is allocated to."""
    width = max((len(coders) for coders in export.coders.values()), default=0)
    header = ["interview", "participant", *(f"coder_{n}" for n in range(1, width + 1))]
    rows = []
    for document in export.documents:
        coders = list(export.coders.get(document.interview.id, ()))
        rows.append([document.interview.id, document.participant.code, *coders, *[""] * (width - len(coders))])
    return header, rows
