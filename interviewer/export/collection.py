"""Provides the StudyExport: which transcripts an export covers (and why others are left out), with their context."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.export.document import ExportRefused, TranscriptDocument, build_document
from interviewer.export.recordings import AudioPart, audio_parts
from interviewer.schedule import Item, Schedule
from interviewer.store import Consent, Participant, Study, StoreError


NEWLINES = {"lf": "\n", "crlf": "\r\n"}
"""The line-ending choices of text exports: LF everywhere, or CRLF for MAXQDA (which counts two characters)."""


def check_line_endings(line_endings: str) -> str:
    if line_endings not in NEWLINES:
        raise ExportRefused(f"Unknown line endings '{line_endings}': use one of {', '.join(NEWLINES)}.")
    return line_endings


@dataclass(frozen=True)
class Excluded:
    interview_id: int
    participant_code: str
    status: str
    reason: str


@dataclass
class StudyExport:
    """Everything one export hands to coders; the exporters only read from this."""

    study_name: str
    quote_label_template: str
    documents: list[TranscriptDocument]
    excluded: list[Excluded] = field(default_factory=list)
    coders: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """interview id -> the coders it is allocated to (only the included interviews)."""
    consents: dict[str, Consent | None] = field(default_factory=dict)
    """participant code -> most recent consent record."""
    coder: str | None = None
    """Set when the export is one coder's share."""
    audio: dict[int, list[AudioPart]] = field(default_factory=dict)
    """interview id -> its recorded parts; filled only when audio is handed over (--include-audio)."""
    line_endings: str = "lf"
    """'lf' or 'crlf' (for MAXQDA): the line endings of TXT transcripts and of the REFI-QDA text sources."""

    @property
    def newline(self) -> str:
        return NEWLINES[self.line_endings]

    @property
    def participants(self) -> list[Participant]:
        """The participants whose transcripts are included, by code."""
        seen: dict[str, Participant] = {}
        for document in self.documents:
            seen.setdefault(document.participant.code, document.participant)
        return [seen[code] for code in sorted(seen)]

    @property
    def attribute_names(self) -> list[str]:
        """Every extra participant attribute used by the included participants, sorted."""
        return sorted({name for participant in self.participants for name in participant.attributes})

    def documents_of(self, code: str) -> list[TranscriptDocument]:
        return [document for document in self.documents if document.participant.code == code]

    def schedules(self) -> list[Schedule]:
        """The schedules the included interviews followed (those that can be found), in first-use order."""
        found: dict[str, Schedule] = {}
        for document in self.documents:
            schedule = schedule_of(document)
            if schedule is not None:
                found.setdefault(schedule.id, schedule)
        return list(found.values())


def schedule_of(document: TranscriptDocument) -> Schedule | None:
    """The schedule an interview followed, when the study keeps it or it is bundled."""
    return document.followed_schedule


def item_of(document: TranscriptDocument, item_id: str | None) -> Item | None:
    """The schedule item a segment or turn answers, or None when it is unknown."""
    schedule = schedule_of(document)
    if schedule is None or not item_id:
        return None
    try:
        return schedule.item(item_id)
    except KeyError:
        return None


def section_title(document: TranscriptDocument, item_id: str | None) -> str:
    schedule = schedule_of(document)
    if schedule is None or not item_id:
        return ""
    try:
        return schedule.section_of(item_id).title
    except KeyError:
        return ""


def collect(study: Study, interview_ids: list[int] | None = None, *, draft: bool = False,
            coder: str | None = None, include_audio: bool = False, line_endings: str = "lf") -> StudyExport:
    """The transcripts to hand over: by default every anonymised, reviewed interview of the study.

    `draft` also takes anonymised transcripts whose review is not done (marked DRAFT); `coder` keeps only
    that coder's allocated interviews; `include_audio` adds their recordings. Interviews left out are
    listed with the reason.
    """
    check_line_endings(line_endings)
    from interviewer.export.allocation import coders_of

    allocated = coders_of(study)
    if coder is not None and not any(coder in names for names in allocated.values()):
        known = sorted({name for names in allocated.values() for name in names})
        raise StoreError(f"No interview is allocated to coder '{coder}' (coders: {', '.join(known) or 'none yet'}); "
                         "allocate first with: interviewer allocate --coders A,B,C --per-transcript 2")
    interviews = study.interviews()
    if interview_ids is not None:
        wanted = set(interview_ids)
        interviews = [interview for interview in interviews if interview.id in wanted]
    documents: list[TranscriptDocument] = []
    excluded: list[Excluded] = []
    consents: dict[str, Consent | None] = {}
    for interview in interviews:
        code = interview.participant_code
        if code not in consents:
            consents[code] = study.consent(code)
        consent = consents[code]
        reason = None
        if coder is not None and coder not in allocated.get(interview.id, ()):
            reason = f"not allocated to coder {coder}"
        elif consent is not None and consent.withdrawn_at:
            reason = f"participant withdrew consent on {consent.withdrawn_at[:10]}"
        if reason is None:
            try:
                document = build_document(study, interview.id, allow_unreviewed=draft)
            except ExportRefused as refusal:
                reason = _short_reason(str(refusal))
            else:
                documents.append(document)
                continue
        excluded.append(Excluded(interview.id, code, interview.status, reason))
    included = {document.interview.id for document in documents}
    return StudyExport(
        study_name=study.name,
        quote_label_template=study.quote_label_template,
        documents=documents,
        excluded=excluded,
        coders={key: value for key, value in allocated.items() if key in included},
        consents={code: consent for code, consent in consents.items()},
        coder=coder,
        audio={document.interview.id: audio_parts(study, document.interview.id) for document in documents}
        if include_audio else {},
        line_endings=line_endings,
    )


def _short_reason(message: str) -> str:
    if "no transcript" in message:
        return "no transcript yet"
    if "not been anonymised" in message:
        return "not anonymised"
    if "not been reviewed" in message:
        return "anonymisation not reviewed (pass --draft to include it marked DRAFT)"
    return message


def single(study: Study, document: TranscriptDocument, *, line_endings: str = "lf") -> StudyExport:
    """A StudyExport of one transcript, for exporting one interview in a study-level format."""
    from interviewer.export.allocation import coders_of

    code = document.participant.code
    coders = coders_of(study).get(document.interview.id)
    return StudyExport(
        study_name=study.name,
        quote_label_template=study.quote_label_template,
        documents=[document],
        coders={document.interview.id: coders} if coders else {},
        consents={code: study.consent(code)},
        line_endings=check_line_endings(line_endings),
    )
