"""Provides the WebVTT (.vtt) transcript: one cue per segment with the speaker as a voice tag (`<v Name>`)."""

from __future__ import annotations

from interviewer.export.cues import clock, cues
from interviewer.export.document import TranscriptDocument

EXTENSION = "vtt"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(document: TranscriptDocument) -> str:
    title = f"{document.participant.code} interview {document.interview.id}"
    blocks = [f"WEBVTT - {title}"]
    notes = []
    if document.draft:
        notes.append("DRAFT - NOT REVIEWED")
    if not document.anonymised:
        notes.append("NOT ANONYMISED - IDENTIFIABLE, FOR THE RESEARCH TEAM ONLY")
    notes.append(f"Quote label: {document.quote_label}")
    blocks.append("NOTE\n" + "\n".join(notes))
    for number, cue in enumerate(cues(document), start=1):
        speaker = _escape(cue.speaker).replace("&gt;", "")
        blocks.append(f"{number}\n{clock(cue.start, '.')} --> {clock(cue.end, '.')}\n<v {speaker}>{_escape(cue.text)}")
    return "\n\n".join(blocks) + "\n"
