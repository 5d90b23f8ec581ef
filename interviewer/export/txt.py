"""Provides the plain-text transcript: a short header, then one `[hh:mm:ss] Speaker: text` paragraph per turn."""

from __future__ import annotations

from interviewer.export.document import TranscriptDocument, timestamp

EXTENSION = "txt"


def header_lines(document: TranscriptDocument) -> list[str]:
    interview = document.interview
    lines = []
    if document.draft:
        lines.append("DRAFT — NOT REVIEWED")
    if document.original:
        lines.append("IDENTIFIABLE — THE RESEARCH TEAM'S OWN COPY, NOT ANONYMISED: NEVER GIVE IT TO CODERS")
    elif not document.anonymised:
        lines.append("NOT ANONYMISED — IDENTIFIABLE, FOR THE RESEARCH TEAM ONLY")
    lines += [
        f"Participant: {document.participant.code}",
        f"Quote label: {document.quote_label}",
        f"Date: {(interview.started_at or '')[:10] or 'unknown'}",
        f"Mode: {interview.mode}",
        f"Duration: {timestamp(document.duration)}",
    ]
    if document.schedule:
        lines.append(f"Schedule: {document.schedule}")
    return lines


def render(document: TranscriptDocument) -> str:
    paragraphs = ["\n".join(header_lines(document))]
    paragraphs += [f"[{timestamp(turn.start)}] {turn.speaker}: {turn.text}" for turn in document.turns]
    return "\n\n".join(paragraphs) + "\n"
