"""Provides the SubRip (.srt) transcript: numbered cues, `Speaker: text`, for media players and subtitle editors."""

from __future__ import annotations

from interviewer.export.cues import clock, cues
from interviewer.export.document import TranscriptDocument

EXTENSION = "srt"


def render(document: TranscriptDocument) -> str:
    blocks = []
    for number, cue in enumerate(cues(document), start=1):
        text = f"[DRAFT — NOT REVIEWED] {cue.text}" if document.draft and number == 1 else cue.text
        blocks.append(f"{number}\n{clock(cue.start, ',')} --> {clock(cue.end, ',')}\n{cue.speaker}: {text}\n")
    return "\n".join(blocks)
