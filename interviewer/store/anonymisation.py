"""Provides what a study anonymises with: the identifiers it records, its allow and deny terms and its policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from interviewer.store.base import StudyTables, now


@dataclass(frozen=True)
class AnonymisationTerm:
    """A term of the study's allow list (always kept) or deny list (always removed, as `entity_type`)."""

    id: int
    kind: str
    """allow or deny."""
    term: str
    entity_type: str | None
    note: str | None
    added_at: str
    added_by: str | None


def full_name(interviewer: str | None) -> str | None:
    """The interviewer as recorded when it is a full name, a name someone could say; None for initials alone ('RM')."""
    return interviewer.strip() if interviewer and " " in interviewer.strip() else None


class AnonymisationTables(StudyTables):
    """The study's anonymisation terms and stored policy; reads participants and interviews for known identifiers."""

    def known_identifiers(self) -> Iterator[tuple[str, str]]:
        """(text, entity type) of every name and workplace the study records."""
        for participant in self.participants():
            if participant.name:
                yield participant.name, "PERSON"
            if participant.workplace:
                yield participant.workplace, "ORGANIZATION"
        for (interviewer,) in self.db.execute("select distinct interviewer from interviews where interviewer is not null"):
            if full_name(interviewer):
                yield interviewer, "PERSON"

    # -- allow and deny terms ---------------------------------------------------------------------

    def anonymisation_terms(self, kind: str) -> list[AnonymisationTerm]:
        """The allow or deny list, in the order its terms were added."""
        return [AnonymisationTerm(row["id"], row["kind"], row["term"], row["entity_type"], row["note"], row["added_at"],
                                  row["added_by"])
                for row in self.db["anonymisation_terms"].rows_where("kind = ?", [kind], order_by="id")]

    def add_anonymisation_term(self, kind: str, term: str, *, entity_type: str | None, note: str | None) -> int:
        """Add a term to the allow or deny list, audited; returns its row id."""
        with self.db.conn:
            row_id = self.db["anonymisation_terms"].insert(
                {"kind": kind, "term": term, "entity_type": entity_type, "note": note, "added_at": now(),
                 "added_by": self.actor}).last_pk
            self.audit(f"{kind} add", "anonymisation_terms", row_id, {"entity_type": entity_type, "note": note})
        return row_id

    def remove_anonymisation_term(self, kind: str, term: str) -> bool:
        """Remove a term (matched case-insensitively) from the allow or deny list, audited; False when absent."""
        rows = list(self.db["anonymisation_terms"].rows_where("kind = ? and term = ? collate nocase", [kind, term]))
        if not rows:
            return False
        with self.db.conn:
            self.db["anonymisation_terms"].delete(rows[0]["id"])
            self.audit(f"{kind} remove", "anonymisation_terms", rows[0]["id"], {})
        return True

    # -- policy -----------------------------------------------------------------------------------

    def anonymisation_policy_text(self) -> str | None:
        """The study's own policy YAML, or None when it has none stored."""
        row = next(iter(self.db["anonymisation_policy"].rows_where("id = 1")), None)
        return row["text"] if row else None

    def set_anonymisation_policy(self, text: str, *, source: str, types: list[str]) -> None:
        """Store a (checked) policy's text and where it came from, audited with the types it names."""
        with self.db.conn:
            self.db["anonymisation_policy"].upsert(
                {"id": 1, "text": text, "source": source, "set_at": now(), "set_by": self.actor}, pk="id")
            self.audit("policy set", "anonymisation_policy", 1, {"source": source, "types": types})

    def reset_anonymisation_policy(self) -> None:
        """Drop the stored policy, audited."""
        with self.db.conn:
            self.db.execute("delete from anonymisation_policy")
            self.audit("policy reset", "anonymisation_policy", 1, {})
