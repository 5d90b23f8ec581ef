"""Provides the anonymisation tables of a study: study-wide pseudonyms, redactions and anonymised segment texts."""

from __future__ import annotations

from typing import Any, Iterator

from interviewer.store.base import StudyTables, now


class AnonymisationTables(StudyTables):
    """Pseudonyms shared by the whole study and each interview's redactions; reads participants and interviews."""

    def pseudonym_map(self) -> dict[str, str]:
        """identity -> placeholder, shared by every transcript of the study."""
        return {row["identity"]: row["placeholder"] for row in self.db["pseudonyms"].rows}

    def save_anonymisation(self, interview_id: int, anonymised: dict[int, str], redactions: list[dict[str, Any]],
                           pseudonyms: dict[str, tuple[str, str]]) -> None:
        """Store anonymised segment texts, their redactions and any new study-wide pseudonyms."""
        known = self.pseudonym_map()
        with self.db.conn:
            for identity, (entity_type, placeholder) in pseudonyms.items():
                if identity not in known:
                    self.db["pseudonyms"].insert({"identity": identity, "entity_type": entity_type,
                                                  "placeholder": placeholder, "created_at": now()})
            self.db.execute("delete from redactions where interview_id = ?", [interview_id])
            for segment_id, text in anonymised.items():
                self.db["transcript_segments"].update(segment_id, {"anonymised_text": text})
            self.db["redactions"].insert_all(
                [{**r, "interview_id": interview_id, "status": r.get("status", "proposed"), "created_at": now()} for r in redactions]
            )
            self.audit("anonymise", "interviews", interview_id, {"redactions": len(redactions)})

    def redactions(self, interview_id: int) -> list[dict[str, Any]]:
        return list(self.db["redactions"].rows_where("interview_id = ?", [interview_id], order_by="segment_id, start"))

    def known_identifiers(self) -> Iterator[tuple[str, str]]:
        """(text, entity type) of every name and workplace the study records."""
        for participant in self.participants():
            if participant.name:
                yield participant.name, "PERSON"
            if participant.workplace:
                yield participant.workplace, "ORGANIZATION"
        for (interviewer,) in self.db.execute("select distinct interviewer from interviews where interviewer is not null"):
            if interviewer and " " in interviewer.strip():
                yield interviewer, "PERSON"
