"""Provides the SubRip (.srt) transcript: numbered cues, `Speaker: text`, for media players and subtitle editors.

Review markers (DRAFT, NOT ANONYMISED) never go into a spoken cue: SRT has no comments, so they form a cue of
their own, the first one, with no speaker. A cue travels with the file (a side note would be left behind when
the .srt is passed on or loaded into a player), players show it at the start, and tools that read subtitles
as a transcript see it as its own line, not as words someone said.
"""

from __future__ import annotations

from interviewer.export.cues import Cue, clock, cues
from interviewer.export.document import TranscriptDocument

EXTENSION = "srt"
NOTE_SECONDS = 2.0
"""A marker cue shown alone lasts at least this long before speech starts; otherwise it shares the first cue's time."""


def markers(document: TranscriptDocument) -> list[str]:
    """The review markers, bracketed and without a colon, so no reader takes them for `Speaker: text`."""
    found = []
    if document.draft:
        found.append("[DRAFT — NOT REVIEWED. The anonymisation of this transcript has not been checked.]")
    if not document.anonymised:
        found.append("[NOT ANONYMISED — IDENTIFIABLE, FOR THE RESEARCH TEAM ONLY]")
    return found


def marker_cue(document: TranscriptDocument, spoken: list[Cue]) -> Cue | None:
    """The review markers as a cue of their own: before the first words when there is room, else alongside them."""
    notes = markers(document)
    if not notes:
        return None
    if not spoken:
        return Cue(0.0, NOTE_SECONDS, "", "\n".join(notes))
    first = spoken[0]
    end = first.start if first.start >= NOTE_SECONDS else max(first.end, NOTE_SECONDS)
    return Cue(0.0, end, "", "\n".join(notes))


def render(document: TranscriptDocument) -> str:
    spoken = cues(document)
    note = marker_cue(document, spoken)
    blocks = []
    if note:
        blocks.append(f"1\n{clock(note.start, ',')} --> {clock(note.end, ',')}\n{note.text}\n")
    for number, cue in enumerate(spoken, start=len(blocks) + 1):
        blocks.append(f"{number}\n{clock(cue.start, ',')} --> {clock(cue.end, ',')}\n{cue.speaker}: {cue.text}\n")
    return "\n".join(blocks)
