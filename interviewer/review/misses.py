"""Provides the second review queue, possible misses: words the anonymiser suggests may identify someone but
left in the text, riskiest first. Accepting redacts them (with a type) and puts them on the study's deny list;
dismissing keeps them and puts them on its allow list. Every decision is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.anonymise.study.keyfile import Passphrase
from interviewer.store import StoreError, Study
from interviewer.store.possible_misses import PossibleMiss
from interviewer.store.redactions import ACTIVE


@dataclass(frozen=True)
class MissItem:
    id: int
    interview_id: int
    segment_id: int
    position: int
    at: float
    speaker: str | None
    start: int
    end: int
    text: str
    entity_type: str
    reason: str
    risk: float
    status: str
    before: str
    after: str

    @property
    def decided(self) -> bool:
        return self.status != "open"


def items(study: Study, interview_id: int, context: int = 60) -> list[MissItem]:
    """The interview's possible misses in context: open first, riskiest first."""
    segments = {segment.id: segment for segment in study.segments(interview_id)}
    return [_item(row, segments[row.segment_id], context) for row in study.possible_misses(interview_id)
            if row.segment_id in segments]


def item(study: Study, miss_id: int, context: int = 60) -> MissItem:
    row = _row(study, miss_id)
    segment = next(s for s in study.segments(row.interview_id) if s.id == row.segment_id)
    return _item(row, segment, context)


def _row(study: Study, miss_id: int) -> PossibleMiss:
    row = study.possible_miss(miss_id)
    if row is None:
        raise StoreError(f"No possible miss #{miss_id}; list them with: interviewer review N --list")
    return row


def _item(row: PossibleMiss, segment, context: int) -> MissItem:
    text = segment.text
    return MissItem(row.id, row.interview_id, segment.id, segment.position, segment.start, segment.speaker, row.start,
                    row.end, text[row.start:row.end], row.entity_type, row.reason or "", float(row.risk or 0), row.status,
                    ("…" if row.start > context else "") + text[max(0, row.start - context):row.start],
                    text[row.end:row.end + context] + ("…" if row.end + context < len(text) else ""))


def _surface(study: Study, row: PossibleMiss) -> str:
    return re.sub(r"['’]s?$", "", study.segment(row.segment_id).text[row.start:row.end]).strip()


def _same_surface(study: Study, row: PossibleMiss, term: str) -> list[PossibleMiss]:
    return [other for other in study.possible_misses(row.interview_id)
            if other.status == "open" and _surface(study, other).casefold() == term.casefold()]


def accept(study: Study, miss_id: int, entity_type: str | None = None, *, passphrase: Passphrase = None) -> list[int]:
    """Redact the suggested words as `entity_type` (the guessed type if None) wherever they stand uncovered in
    the interview, and put them on the study's deny list (so other transcripts catch them too); returns the ids
    of the redactions added. Other open suggestions of the same words are accepted with it."""
    from interviewer.review.redactions import add_missed

    row = _row(study, miss_id)
    if row.status != "open":
        raise StoreError(f"Possible miss #{miss_id} is already {row.status}.")
    kind = (entity_type or row.entity_type or "OTHER").upper()
    term = _surface(study, row)
    covered = [r for r in study.segment_redactions(row.segment_id)
               if r.status in ACTIVE and r.start < row.end and row.start < r.end]
    if covered:
        raise StoreError(f"Possible miss #{miss_id} is already inside {covered[0].placeholder}; dismiss it.")
    added = add_missed(study, row.interview_id, term, kind, deny=True, passphrase=passphrase)
    for each in _same_surface(study, row, term):
        study.decide_possible_miss(each.id, "accepted", details={"interview": row.interview_id, "entity_type": kind,
                                                                 "reason": row.reason, "redactions": added})
    return added


def dismiss(study: Study, miss_id: int) -> list[int]:
    """Not an identifier: the words stay and join the study's allow list; other open suggestions of the same
    words are dismissed with it. Returns the ids dismissed."""
    from interviewer.anonymise.study.settings import add_term

    row = _row(study, miss_id)
    if row.status != "open":
        raise StoreError(f"Possible miss #{miss_id} is already {row.status}.")
    term = _surface(study, row)
    if re.search(r"[A-Za-z]", term):
        add_term(study, "allow", term, note=f"dismissed as a possible miss in review of interview #{row.interview_id}")
    same = _same_surface(study, row, term)
    for each in same:
        study.decide_possible_miss(each.id, "dismissed", details={"interview": row.interview_id, "reason": row.reason,
                                                                  "allow_listed": bool(re.search(r"[A-Za-z]", term))})
    return [each.id for each in same]


def open_count(study: Study, interview_id: int) -> int:
    return study.open_possible_miss_count(interview_id)
