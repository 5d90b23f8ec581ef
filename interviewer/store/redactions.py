"""Provides the redactions and pseudonyms tables of a study, and each segment's anonymised text rendered from them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Iterable

from interviewer.store.base import StudyTables, now

ACTIVE = ("proposed", "accepted", "added")
"""Redaction statuses whose placeholder is in the anonymised text (rejected ones restore the original)."""


def render(text: str, spans: Iterable[dict]) -> str:
    """A segment's text with each active span replaced by its placeholder."""
    parts, cursor = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span.get("status", "proposed") not in ACTIVE or span["start"] < cursor:
            continue
        parts += [text[cursor:span["start"]], span["placeholder"]]
        cursor = span["end"]
    parts.append(text[cursor:])
    return "".join(parts)


@dataclass(frozen=True)
class Redaction:
    """One detected identifier in a segment, with the placeholder that replaces it and the review decision."""

    id: int
    interview_id: int
    segment_id: int
    start: int
    end: int
    """Character offsets into the segment's original text."""
    entity_type: str
    original: str | None
    """The key's token for the original text (never the text itself)."""
    placeholder: str
    score: float | None
    reason: str | None
    status: str
    """proposed, accepted, rejected or added."""
    created_at: str | None = None


@dataclass(frozen=True)
class Pseudonym:
    """A study-wide placeholder for one identity (the identity is the key's id, not the name)."""

    id: int
    identity: str
    entity_type: str
    placeholder: str
    created_at: str | None = None


def _to(cls, row: dict[str, Any]):
    return cls(**{field.name: row.get(field.name) for field in fields(cls)})


class RedactionTables(StudyTables):
    """Study-wide pseudonyms and each interview's redactions; a change to a redaction re-renders its segment."""

    # -- pseudonyms -------------------------------------------------------------------------------

    def pseudonym_map(self) -> dict[str, str]:
        """identity -> placeholder, shared by every transcript of the study."""
        return {row["identity"]: row["placeholder"] for row in self.db["pseudonyms"].rows}

    def pseudonyms(self) -> list[Pseudonym]:
        """Every pseudonym of the study."""
        return [_to(Pseudonym, row) for row in self.db["pseudonyms"].rows]

    def _insert_pseudonym(self, identity: str, entity_type: str, placeholder: str) -> None:
        self.db["pseudonyms"].insert({"identity": identity, "entity_type": entity_type,
                                      "placeholder": placeholder, "created_at": now()})

    # -- an interview's anonymisation -------------------------------------------------------------

    def save_anonymisation(self, interview_id: int, anonymised: dict[int, str], redactions: list[dict[str, Any]],
                           pseudonyms: dict[str, tuple[str, str]], possible_misses: list[dict[str, Any]] = ()) -> None:
        """Store anonymised segment texts, their redactions, any new study-wide pseudonyms and the possible misses
        (suggestions) for review, replacing the interview's earlier ones."""
        known = self.pseudonym_map()
        with self.db.conn:
            for identity, (entity_type, placeholder) in pseudonyms.items():
                if identity not in known:
                    self._insert_pseudonym(identity, entity_type, placeholder)
            self.db.execute("delete from redactions where interview_id = ?", [interview_id])
            for segment_id, text in anonymised.items():
                self.db["transcript_segments"].update(segment_id, {"anonymised_text": text})
            self.db["redactions"].insert_all(
                [{**r, "interview_id": interview_id, "status": r.get("status", "proposed"), "created_at": now()} for r in redactions]
            )
            self.db.execute("delete from possible_misses where interview_id = ?", [interview_id])
            self.db["possible_misses"].insert_all(
                [{**m, "interview_id": interview_id, "status": "open", "created_at": now()} for m in possible_misses]
            )
            self.audit("anonymise", "interviews", interview_id, {"redactions": len(redactions),
                                                                 "possible_misses": len(possible_misses)})

    # -- reading redactions -----------------------------------------------------------------------

    def redactions(self, interview_id: int) -> list[Redaction]:
        """The interview's redactions, by segment then position."""
        return self._redactions("interview_id = ?", [interview_id], order_by="segment_id, start")

    def all_redactions(self) -> list[Redaction]:
        """Every redaction of the study, in table order."""
        return self._redactions(None, [])

    def redaction(self, redaction_id: int) -> Redaction | None:
        """One redaction, or None when there is no such id."""
        return next(iter(self._redactions("id = ?", [redaction_id])), None)

    def segment_redactions(self, segment_id: int) -> list[Redaction]:
        """The redactions of one segment, whatever their status."""
        return self._redactions("segment_id = ?", [segment_id])

    def proposed_redactions(self, interview_id: int) -> list[Redaction]:
        """The interview's redactions no reviewer has decided on yet."""
        return self._redactions("interview_id = ? and status = 'proposed'", [interview_id])

    def _redactions(self, where: str | None, values: list[Any], order_by: str | None = None) -> list[Redaction]:
        return [_to(Redaction, row) for row in self.db["redactions"].rows_where(where, values, order_by=order_by)]

    def proposed_redaction_count(self, interview_id: int) -> int:
        return self.db.execute("select count(*) from redactions where interview_id = ? and status = 'proposed'",
                               [interview_id]).fetchone()[0]

    def redaction_originals(self, *, excluding_interview: int) -> set[str]:
        """The stored originals (key tokens) of every other interview's redactions."""
        return {row[0] for row in self.db.execute(
            "select original from redactions where interview_id != ? and original is not null", [excluding_interview])}

    # -- changing redactions ----------------------------------------------------------------------

    def update_redaction(self, redaction_id: int, changes: dict[str, Any], *, action: str,
                         details: dict[str, Any]) -> None:
        """Change one redaction and re-render its segment's anonymised text, audited as one change."""
        segment_id = self.db["redactions"].get(redaction_id)["segment_id"]
        with self.db.conn:
            self.db["redactions"].update(redaction_id, changes)
            self._rerender(segment_id)
            self.audit(action, "redactions", redaction_id, details)

    def add_redactions(self, rows: list[dict[str, Any]], *, action: str,
                       pseudonym: tuple[str, str, str] | None = None) -> list[int]:
        """Insert redactions (and the new pseudonym (identity, type, placeholder) they use), re-rendering each
        one's segment and auditing each, as one transaction; returns their ids in order."""
        ids = []
        with self.db.conn:
            if pseudonym is not None:
                self._insert_pseudonym(*pseudonym)
            for row in rows:
                row_id = self.db["redactions"].insert(row).last_pk
                self._rerender(row["segment_id"])
                self.audit(action, "redactions", row_id, {"interview": row["interview_id"],
                                                          "placeholder": row["placeholder"],
                                                          "entity_type": row["entity_type"]})
                ids.append(row_id)
        return ids

    def refresh_anonymised_text(self, segment_id: int, *, action: str, details: dict[str, Any]) -> None:
        """Render the segment's anonymised text from its redactions again, audited against the segment."""
        with self.db.conn:
            self._rerender(segment_id)
            self.audit(action, "transcript_segments", segment_id, details)

    def _rerender(self, segment_id: int) -> None:
        rows = self.db["redactions"].rows_where("segment_id = ?", [segment_id])
        text = self.db["transcript_segments"].get(segment_id)["text"]
        self.db["transcript_segments"].update(segment_id, {"anonymised_text": render(text, rows)})

    def replace_plain_originals(self, identities: dict[int, str], originals: dict[int, str]) -> None:
        """Swap plain-text pseudonym identities (row id -> hash) and redaction originals (row id -> key token)
        for what the key gives; a pseudonym whose hash is stored already is dropped. Audited as one change."""
        with self.db.conn:
            for row_id, identity_id in identities.items():
                if list(self.db["pseudonyms"].rows_where("identity = ?", [identity_id])):
                    self.db["pseudonyms"].delete(row_id)
                else:
                    self.db["pseudonyms"].update(row_id, {"identity": identity_id})
            for row_id, token in originals.items():
                self.db["redactions"].update(row_id, {"original": token})
            self.audit("key adopt", "pseudonyms", None, {"identities": len(identities), "redactions": len(originals)})
