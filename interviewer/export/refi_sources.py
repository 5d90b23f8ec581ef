"""Provides the sources of a REFI-QDA project: each transcript's text with its pre-coded turns, and each recording
with its transcript and sync points, all with character positions counted in the text as written (LF or CRLF)."""

from __future__ import annotations

import uuid
from bisect import bisect_left
from dataclasses import dataclass

from interviewer.export import txt
from interviewer.export.collection import StudyExport, item_of, schedule_of
from interviewer.export.document import TranscriptDocument, timestamp, turns_from_segments
from interviewer.export.recordings import AudioPart

GUID_NAMESPACE = uuid.UUID("6f1c2a52-43a4-4d0e-9a57-4a0d8f3f6b10")
"""GUIDs derive from this and stable keys, so exporting the same study twice gives the same GUIDs."""


def guid(*key: object) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(str(part) for part in key)))


def item_key(schedule_id: str | None, item_id: str) -> str:
    return f"item/{schedule_id or 'unknown'}/{item_id}"


@dataclass(frozen=True)
class CodedTurn:
    """A turn's place in its source text and the codes it is pre-coded with."""

    start: int
    end: int
    text: str
    speaker: str
    seconds: float
    code_keys: tuple[str, ...]


@dataclass(frozen=True)
class SyncPoint:
    """A character position of a transcript and the moment of the recording it is spoken at."""

    position: int
    millis: int


@dataclass(frozen=True)
class AudioTranscript:
    """One recorded part of an interview and the transcript of what was said in it."""

    part: AudioPart
    guid: str
    file_name: str
    transcript_guid: str
    transcript_file: str
    text: str
    sync_points: tuple[SyncPoint, ...]


@dataclass(frozen=True)
class Source:
    document: TranscriptDocument
    guid: str
    file_name: str
    text: str
    turns: tuple[CodedTurn, ...]
    audio: tuple[AudioTranscript, ...] = ()

    @property
    def pre_coded(self) -> bool:
        return any(turn.code_keys for turn in self.turns)


def with_newline(text: str, positions: list[int], newline: str) -> tuple[str, list[int]]:
    """The LF text written with `newline`, and each position moved by the characters the wider line breaks add."""
    if newline == "\n":
        return text, positions
    breaks = [index for index, char in enumerate(text) if char == "\n"]
    extra = len(newline) - 1
    return text.replace("\n", newline), [position + extra * bisect_left(breaks, position) for position in positions]


def source_text(document: TranscriptDocument, newline: str = "\n") -> tuple[str, list[tuple[int, int]]]:
    """The TXT transcript and, for each turn, the (start, end) character positions of its text in it."""
    parts = ["\n".join(txt.header_lines(document))]
    offset = len(parts[0])
    spans = []
    for turn in document.turns:
        prefix = f"[{timestamp(turn.start)}] {turn.speaker}: "
        offset += 2
        spans.append((offset + len(prefix), offset + len(prefix) + len(turn.text)))
        parts.append(prefix + turn.text)
        offset += len(parts[-1])
    text = "\n\n".join(parts) + "\n"
    if text != txt.render(document):
        raise RuntimeError("the REFI-QDA source text no longer matches the TXT export; update source_text")
    text, flat = with_newline(text, [position for span in spans for position in span], newline)
    return text, list(zip(flat[0::2], flat[1::2]))


def _coded_turns(document: TranscriptDocument, text: str, spans: list[tuple[int, int]]) -> tuple[CodedTurn, ...]:
    turns = []
    for turn, (start, end) in zip(document.turns, spans):
        keys: tuple[str, ...] = ()
        if turn.item_id:
            item = item_of(document, turn.item_id)
            keys = (item_key(schedule_of(document).id if item else None, turn.item_id),
                    *(f"npt/{code}" for code in (item.constructs if item else ())))
        turns.append(CodedTurn(start, end, text[start:end], turn.speaker, turn.start, keys))
    return tuple(turns)


def audio_transcript(export: StudyExport, document: TranscriptDocument, part: AudioPart,
                     parts: int) -> AudioTranscript:
    """The part's transcript, one `[hh:mm:ss] Speaker: text` paragraph per turn, with a sync point at the start and
    end of each turn; times are from the start of the part, never decreasing and never past its end."""
    recording = part.recording
    segments = [segment for segment in document.segments
                if segment.recording_id == recording.id or (segment.recording_id is None and parts == 1)]
    turns = turns_from_segments(segments, document.anonymised)
    limit = int(round(recording.duration * 1000)) if recording.duration else None
    paragraphs, marks = [], []
    offset, last = 0, 0
    for index, turn in enumerate(turns):
        paragraph = f"[{timestamp(turn.start)}] {turn.speaker}: {turn.text}"
        start = max(last, int(round(turn.start * 1000)))
        end = int(round(turn.end * 1000))
        if index + 1 < len(turns):
            end = min(end, int(round(turns[index + 1].start * 1000)))
        end = max(start, end)
        if limit is not None:
            start, end = min(start, limit), min(end, limit)
        marks += [(offset, start), (offset + len(paragraph), end)]
        last = end
        paragraphs.append(paragraph)
        offset += len(paragraph) + 2
    text, positions = with_newline("\n\n".join(paragraphs) + "\n", [position for position, _ in marks],
                                   export.newline)
    study, interview_id = export.study_name, document.interview.id
    audio_guid = guid(study, "audio", interview_id, recording.part)
    transcript_guid = guid(study, "transcript", interview_id, recording.part)
    return AudioTranscript(
        part, audio_guid, f"{audio_guid}{part.suffix}", transcript_guid, f"{transcript_guid}.txt", text,
        tuple(SyncPoint(position, millis) for position, (_, millis) in zip(positions, marks)))


def build_sources(export: StudyExport) -> list[Source]:
    """One source per transcript, with its recordings when the export hands audio over."""
    sources = []
    for document in export.documents:
        text, spans = source_text(document, export.newline)
        parts = export.audio.get(document.interview.id, [])
        audio = tuple(audio_transcript(export, document, part, len(parts)) for part in parts)
        source_guid = guid(export.study_name, "source", document.interview.id)
        sources.append(Source(document, source_guid, f"{source_guid}.txt", text,
                              _coded_turns(document, text, spans), audio))
    return sources
