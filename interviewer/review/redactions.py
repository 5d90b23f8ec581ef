"""Provides the review of an interview's anonymisation: each detection in context, lowest confidence first;
accept, reject, widen, narrow or add a missed one; the anonymised text re-rendered and every decision audited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.anonymise.study.keyfile import Passphrase
from interviewer.store import Interview, Study, StoreError, now
from interviewer.store.redactions import ACTIVE, Redaction

DECIDED = ("accepted", "rejected", "added")
WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class ReviewItem:
    id: int
    interview_id: int
    segment_id: int
    position: int
    """The segment's place in the transcript (0 first)."""
    at: float
    """Seconds into the recording where the segment starts."""
    speaker: str | None
    start: int
    end: int
    """Character offsets into the segment's original text."""
    text: str
    """What the placeholder hides (shown to the reviewer only)."""
    entity_type: str
    placeholder: str
    score: float
    reason: str
    status: str
    before: str
    after: str

    @property
    def decided(self) -> bool:
        return self.status in DECIDED


def items(study: Study, interview_id: int, context: int = 60) -> list[ReviewItem]:
    """Every detection of the interview with text around it: undecided first, lowest confidence first."""
    segments = {segment.id: segment for segment in study.segments(interview_id)}
    found = []
    for row in study.redactions(interview_id):
        segment = segments.get(row.segment_id)
        if segment is None:
            continue
        found.append(_item(row, segment, context))
    return sorted(found, key=lambda i: (i.decided, i.score, i.position, i.start))


def item(study: Study, redaction_id: int, context: int = 60) -> ReviewItem:
    row = _row(study, redaction_id)
    segment = next(s for s in study.segments(row.interview_id) if s.id == row.segment_id)
    return _item(row, segment, context)


def _item(row: Redaction, segment, context: int) -> ReviewItem:
    text = segment.text
    before = text[max(0, row.start - context):row.start]
    after = text[row.end:row.end + context]
    return ReviewItem(row.id, row.interview_id, segment.id, segment.position, segment.start, segment.speaker,
                      row.start, row.end, text[row.start:row.end], row.entity_type, row.placeholder,
                      float(row.score if row.score is not None else 1.0), row.reason or "", row.status,
                      ("…" if row.start > context else "") + before,
                      after + ("…" if row.end + context < len(text) else ""))


def _row(study: Study, redaction_id: int) -> Redaction:
    row = study.redaction(redaction_id)
    if row is None:
        raise StoreError(f"No detection #{redaction_id}; list them with: interviewer review N --list")
    return row


def _segment_text(study: Study, segment_id: int) -> str:
    return study.segment(segment_id).text


def _decided(study: Study, row: Redaction, action: str, changes: dict, details: dict | None = None) -> None:
    """Store one decision, re-render its segment and audit it (placeholders and offsets only, never originals)."""
    study.update_redaction(row.id, changes, action=f"review {action}",
                           details={"interview": row.interview_id, "placeholder": row.placeholder,
                                    "entity_type": row.entity_type, **(details or {})})


# -- decisions ---------------------------------------------------------------------------------------

def accept(study: Study, redaction_id: int, passphrase: Passphrase = None) -> None:
    """The placeholder stays. Accepting a rejected detection puts its original back into the key."""
    row = _row(study, redaction_id)
    changes = {"status": "accepted"}
    if row.status == "rejected":
        from interviewer.anonymise.study.key import editing_key

        with editing_key(study, passphrase) as key:
            changes["original"] = key.remember_redaction(
                _segment_text(study, row.segment_id)[row.start:row.end], placeholder=row.placeholder,
                entity_type=row.entity_type, interview_id=row.interview_id)
    _decided(study, row, "accept", changes)


def accept_all(study: Study, interview_id: int) -> int:
    """Accept every undecided detection of the interview; returns how many."""
    rows = study.proposed_redactions(interview_id)
    for row in rows:
        _decided(study, row, "accept", {"status": "accepted"})
    return len(rows)


def reject(study: Study, redaction_id: int, *, allow: bool = False, passphrase: Passphrase = None) -> list[int]:
    """Not an identifier: the original text comes back and leaves the key. With `allow`, the term joins the
    study's allow list and its other undecided detections in this interview are rejected too."""
    from interviewer.anonymise.study.key import editing_key

    row = _row(study, redaction_id)
    surface = _segment_text(study, row.segment_id)[row.start:row.end]
    rows = [row]
    if allow:
        from interviewer.anonymise.study.settings import add_term

        term = re.sub(r"['’]s?$", "", surface).strip()
        add_term(study, "allow", term, note=f"rejected in review of interview #{row.interview_id}")
        for other in study.proposed_redactions(row.interview_id):
            if other.id == row.id:
                continue
            text = _segment_text(study, other.segment_id)[other.start:other.end]
            if re.sub(r"['’]s?$", "", text).strip().casefold() == term.casefold():
                rows.append(other)
    with editing_key(study, passphrase) as key:
        key.forget(r.original for r in rows if r.original)
    for each in rows:
        _decided(study, each, "reject", {"status": "rejected", "original": None}, {"allow_listed": allow})
    return [r.id for r in rows]


def widen(study: Study, redaction_id: int, side: str = "right", passphrase: Passphrase = None) -> None:
    """Take in the next word on one side ('right' or 'left')."""
    row = _row(study, redaction_id)
    text = _segment_text(study, row.segment_id)
    start, end = row.start, row.end
    if side == "right":
        match = re.match(r"\W*?[\w'’-]+", text[end:])
        if not match:
            raise StoreError(f"Detection #{redaction_id} already ends its segment; nothing to widen into.")
        end += match.end()
    else:
        match = re.search(r"[\w'’-]+\W*?$", text[:start])
        if not match:
            raise StoreError(f"Detection #{redaction_id} already starts its segment; nothing to widen into.")
        start = match.start()
    resize(study, redaction_id, start, end, passphrase=passphrase, action="widen")


def narrow(study: Study, redaction_id: int, side: str = "right", passphrase: Passphrase = None) -> None:
    """Give back the last word ('right') or the first word ('left')."""
    row = _row(study, redaction_id)
    span = _segment_text(study, row.segment_id)[row.start:row.end]
    words = list(WORD.finditer(span))
    if len(words) < 2:
        raise StoreError(f"Detection #{redaction_id} is one word; reject it instead of narrowing it.")
    if side == "right":
        start, end = row.start, row.start + words[-2].end()
    else:
        start, end = row.start + words[1].start(), row.end
    resize(study, redaction_id, start, end, passphrase=passphrase, action="narrow")


def resize(study: Study, redaction_id: int, start: int, end: int, *, passphrase: Passphrase = None,
           action: str = "resize") -> None:
    """Change the span a placeholder covers (offsets into the segment's text); the key follows."""
    from interviewer.anonymise.study.key import editing_key

    row = _row(study, redaction_id)
    text = _segment_text(study, row.segment_id)
    if not 0 <= start < end <= len(text):
        raise StoreError(f"Offsets {start}-{end} are outside the segment (0-{len(text)}).")
    for other in study.segment_redactions(row.segment_id):
        if other.id != row.id and other.status in ACTIVE and other.start < end and start < other.end:
            raise StoreError(f"Detection #{redaction_id} would overlap #{other.id} ({other.placeholder}); "
                             "reject or narrow that one first.")
    with editing_key(study, passphrase) as key:
        if row.original and row.original in key.redactions:
            key.change_original(row.original, text[start:end])
            token = row.original
        else:
            token = key.remember_redaction(text[start:end], placeholder=row.placeholder,
                                           entity_type=row.entity_type, interview_id=row.interview_id)
    status = "accepted" if row.status in ("proposed", "rejected") else row.status
    _decided(study, row, action, {"start": start, "end": end, "original": token, "status": status},
             {"from": [row.start, row.end], "to": [start, end]})


def add_missed(study: Study, interview_id: int, text: str, entity_type: str, *, deny: bool = False,
               passphrase: Passphrase = None) -> list[int]:
    """Replace every uncovered occurrence of a missed identifier in the interview (decided: 'added').

    With `deny`, the term joins the study's deny list, and its occurrences in the study's other anonymised
    transcripts are added too, as proposals to review (a reviewed interview goes back to 'anonymised').
    """
    from interviewer.anonymise.study.settings import add_term, policy

    entity_type = entity_type.upper()
    if not policy(study).replaces(entity_type):
        raise StoreError(f"'{entity_type}' is not a type the study's policy replaces (see: interviewer "
                         "anonymisation policy show).")
    term = " ".join(text.split())
    if not WORD.search(term):
        raise StoreError("Give the missed identifier as it appears in the transcript, e.g. --add \"Greyfriars\".")
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in term.split()) + r"(?!\w)", re.IGNORECASE)
    found = _occurrences(study, interview_id, pattern)
    if not found:
        raise StoreError(f"'{term}' does not occur uncovered in interview #{interview_id}'s transcript.")
    if deny:
        add_term(study, "deny", term, entity_type=entity_type, note=f"added in review of interview #{interview_id}")
    others = {}
    if deny:
        for interview in study.interviews():
            if interview.id != interview_id and interview.status in ("anonymised", "reviewed", "exported"):
                occurrences = _occurrences(study, interview.id, pattern)
                if occurrences:
                    others[interview.id] = occurrences
    return _add(study, interview_id, found, term, entity_type, "added", passphrase, others)


def _occurrences(study: Study, interview_id: int, pattern: re.Pattern) -> list[tuple[int, int, int]]:
    """(segment id, start, end) of each match not inside an active redaction."""
    found = []
    for segment in study.segments(interview_id):
        if segment.anonymised_text is None:
            continue
        covered = [(r.start, r.end) for r in study.segment_redactions(segment.id) if r.status in ACTIVE]
        for match in pattern.finditer(segment.text):
            if not any(s < match.end() and match.start() < e for s, e in covered):
                found.append((segment.id, match.start(), match.end()))
    return found


def _add(study: Study, interview_id: int, found, term: str, entity_type: str, status: str, passphrase: Passphrase,
         others: dict[int, list]) -> list[int]:
    from types import SimpleNamespace

    from interviewer.anonymise import Placeholders
    from interviewer.anonymise.propagation import surface_key
    from interviewer.anonymise.study.key import editing_key
    from interviewer.anonymise.study.settings import policy

    group = f"{entity_type}:{surface_key(term)}"
    with editing_key(study, passphrase) as key:
        existing = study.pseudonym_map()
        candidates = {i: (key.identities[i]["identity"], key.identities[i]["entity_type"])
                      for i in existing if i in key.identities}
        identity_id = key.identity_id(group)
        if identity_id not in existing:
            identity_id = key.linked_identity(group, entity_type, candidates) or identity_id
        placeholder = Placeholders(existing=existing, policy=policy(study)).placeholder_for(
            SimpleNamespace(entity_type=entity_type, text=term, group=identity_id))
        if identity_id not in existing:
            key.remember_identity(identity_id, group, entity_type, placeholder)
        batches = [(interview_id, found, status)] + [(other, spots, "proposed") for other, spots in others.items()]
        rows = []
        for target, spots, row_status in batches:
            for segment_id, start, end in spots:
                original = _segment_text(study, segment_id)[start:end]
                token = key.remember_redaction(original, placeholder=placeholder, entity_type=entity_type,
                                               interview_id=target, identity_id=identity_id)
                rows.append({"interview_id": target, "segment_id": segment_id, "start": start, "end": end,
                             "entity_type": entity_type, "original": token, "placeholder": placeholder,
                             "score": 1.0, "reason": "added in review" if target == interview_id else "deny term",
                             "status": row_status, "created_at": now()})
    pseudonym = (identity_id, entity_type, placeholder) if identity_id not in existing else None
    added = study.add_redactions(rows, action="review add", pseudonym=pseudonym)
    for other in others:
        if study.interview(other).status in ("reviewed", "exported"):
            study.update_interview(other, status="anonymised")
    return [row_id for row_id, row in zip(added, rows) if row["interview_id"] == interview_id]


def undecided(study: Study, interview_id: int) -> int:
    return study.proposed_redaction_count(interview_id)


def finish(study: Study, interview_id: int) -> Interview:
    """Mark the interview reviewed; refused while any detection is undecided."""
    interview = study.interview(interview_id)
    if any(segment.anonymised_text is None for segment in study.segments(interview.id)):
        raise StoreError(f"Interview #{interview.id} is not anonymised yet; run: interviewer anonymise {interview.id}")
    left = undecided(study, interview.id)
    if left:
        raise StoreError(f"{left} detection(s) of interview #{interview.id} are still undecided; list them with: "
                         f"interviewer review {interview.id} --list")
    study.audit("review done", "interviews", interview.id, {"detections": len(study.redactions(interview.id))})
    return study.update_interview(interview.id, status="reviewed")
