"""Provides the TranscriptDocument: an interview's transcript as speaker turns, ready for any format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from interviewer.export.page_setup import DEFAULT as DEFAULT_SETUP, DocumentSetup, document_setup
from interviewer.schedule import Schedule
from interviewer.store import FINAL_PASS, Interview, Participant, Segment, SpokenSegment, Study
from interviewer.schedule.study import followed_schedule

UNKNOWN_SPEAKER = "Speaker"
TEAM = "Research team"
"""The neutral name exports credit where no one person is the author (a whole-study bundle, a Word file)."""


class ExportRefused(RuntimeError):
    """An export that would hand coders something they must not see (or nothing at all)."""


class NotAnonymised(ExportRefused):
    """The transcript exists but has not been anonymised yet."""


@dataclass
class Turn:
    start: float
    end: float
    speaker: str
    text: str
    item_id: str | None = None
    segment_ids: list[int] = field(default_factory=list)


@dataclass
class TranscriptDocument:
    interview: Interview
    participant: Participant
    quote_label: str
    turns: list[Turn]
    duration: float
    schedule: str | None
    anonymised: bool
    draft: bool
    """True when the anonymisation has not been reviewed: exports say DRAFT — NOT REVIEWED."""
    original: bool = False
    """True for the research team's own identifiable copy (`--original`), whatever the anonymisation's state."""
    segments: list[Segment] = field(default_factory=list)
    """The stored segments; read their text through `text_of` so anonymised exports stay anonymised."""
    followed_schedule: Schedule | None = None
    """The schedule the interview followed, when the study or the product still has it."""
    setup: DocumentSetup = DEFAULT_SETUP
    """The study's paper size and language for printable formats."""
    prompt_marks: list = field(default_factory=list)
    """The prompts the participant covered (`coverage.interview.CoveredPrompt`), from the interview's timeline."""

    def text_of(self, segment: Segment) -> str:
        """The segment's text as this document may show it (anonymised unless the original was allowed)."""
        return ((segment.anonymised_text if self.anonymised else segment.text) or "").strip()


def quote_label(template: str, participant: Participant) -> str:
    """Fill a quote-label template such as 'Key informant {number} ({gender}, {role}, {sector})'."""
    number = "".join(ch for ch in participant.code if ch.isdigit()).lstrip("0") or participant.code
    values: dict[str, Any] = {**participant.attributes, "code": participant.code, "number": number,
                              "gender": participant.gender, "role": participant.role, "sector": participant.sector}
    label = template.format_map(_Blank(values))
    label = re.sub(r",(\s*,)+", ",", label)  # empty values leave runs of commas behind
    label = re.sub(r"\(\s*,\s*", "(", label)
    label = re.sub(r",\s*\)", ")", label)
    return re.sub(r"\s*\(\s*\)", "", label).strip()


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""

    def __getitem__(self, key: str) -> Any:
        value = super().get(key)
        return "" if value is None else value


def turns_from_segments(segments: list[SpokenSegment], anonymised: bool) -> list[Turn]:
    """Consecutive segments of one speaker form one turn; with no speaker known, each segment is a turn."""
    turns: list[Turn] = []
    for segment in segments:
        text = (segment.anonymised_text if anonymised else segment.text) or ""
        text = text.strip()
        if not text:
            continue
        speaker = segment.speaker or UNKNOWN_SPEAKER
        item_id = getattr(segment, "item_id", None)  # a live draft has no schedule items
        previous = turns[-1] if turns else None
        if previous and segment.speaker and previous.speaker == speaker and previous.item_id == item_id:
            previous.text = f"{previous.text} {text}"
            previous.end = segment.end
            previous.segment_ids.append(segment.id)
        else:
            turns.append(Turn(segment.start, segment.end, speaker, text, item_id, [segment.id]))
    return turns


def draft_turns(study: Study, interview_id: int) -> list[Turn]:
    """The interview's live draft as speaker turns: identifiable text, for the research team only, never exported."""
    return turns_from_segments(study.live_draft(interview_id), anonymised=False)


def no_transcript_message(study: Study, interview: Interview) -> str:
    """Why an interview has no transcript to show or export, and the command that makes one."""
    if interview.pending_stage == FINAL_PASS or study.live_draft(interview.id):
        return (f"Interview #{interview.id}'s transcript is not made yet: the final pass over its recording is "
                f"still to run (it runs in the background after the interview, or now with: interviewer "
                f"transcribe {interview.id}). Its live draft is not exported.")
    return f"Interview #{interview.id} has no transcript yet; run: interviewer transcribe {interview.id}"


def build_document(study: Study, interview_id: int, *, original: bool = False,
                   allow_unreviewed: bool = True) -> TranscriptDocument:
    """The interview's transcript for coders: its anonymised text; with `original`, the identifiable text
    (the research team's own copy) whether or not the anonymisation exists or was reviewed."""
    interview = study.interview(interview_id)
    participant = study.participant_by_id(interview.participant_id)
    segments = study.segments(interview.id)
    if not segments:
        raise ExportRefused(no_transcript_message(study, interview))
    anonymised = not original and all(segment.anonymised_text is not None for segment in segments)
    if not anonymised and not original:
        raise NotAnonymised(
            f"Interview #{interview.id} has not been anonymised; run: interviewer anonymise {interview.id} "
            "(or pass --original to export the identifiable transcript for the research team only)."
        )
    reviewed = interview.status in ("reviewed", "exported")
    if anonymised and not reviewed and not allow_unreviewed:
        raise ExportRefused(
            f"Interview #{interview.id}'s anonymisation has not been reviewed; review it first, or pass "
            "--draft to export it marked DRAFT — NOT REVIEWED."
        )
    recordings = study.recordings(interview.id)
    duration = sum(r.duration for r in recordings) or max(s.end for s in segments)
    schedule = f"{interview.schedule_id} v{interview.schedule_version}" if interview.schedule_id else None
    return TranscriptDocument(
        interview=interview,
        participant=participant,
        quote_label=quote_label(study.quote_label_template, participant),
        turns=turns_from_segments(segments, anonymised),
        duration=duration,
        schedule=schedule,
        anonymised=anonymised,
        draft=anonymised and not reviewed,
        original=original,
        segments=segments,
        followed_schedule=followed_schedule(study, interview),
        setup=document_setup(study),
        prompt_marks=_prompt_marks(study, interview),
    )


def _prompt_marks(study: Study, interview: Interview) -> list:
    from interviewer.coverage.interview import interview_prompt_marks

    schedule = followed_schedule(study, interview)
    return interview_prompt_marks(study, interview.id, schedule) if schedule is not None else []


def timestamp(seconds: float) -> str:
    """hh:mm:ss, as coders' tools show it."""
    total = int(seconds)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
