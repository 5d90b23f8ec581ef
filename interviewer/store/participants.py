"""Provides the participants and consent tables of a study."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from interviewer.store.base import CODE_PATTERN, StoreError, StudyTables, now


@dataclass(frozen=True)
class Participant:
    id: int
    code: str
    name: str | None = None
    workplace: str | None = None
    gender: str | None = None
    role: str | None = None
    sector: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    referred_by: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Consent:
    id: int
    participant_id: int
    information_sheet_sent: str | None
    consent_received: str | None
    audio_recording: bool
    quotation: bool
    method: str | None
    notes: str | None
    recorded_by: str | None
    recorded_at: str
    withdrawn_at: str | None


class ParticipantTables(StudyTables):
    """Participants (looked up by code) and their consent records."""

    # -- participants -----------------------------------------------------------------------------

    def add_participant(self, code: str, *, referred_by: str | None = None, **fields: Any) -> Participant:
        if not CODE_PATTERN.match(code):
            raise StoreError(f"'{code}' is not a valid participant code: use letters, digits, '-', '_' or '.', such as KI-08.")
        if self._participant_row(code) is not None:
            raise StoreError(f"Participant {code} already exists; use 'interviewer participant edit {code}'.")
        row = self._participant_fields(fields)
        row.update(code=code, created_at=now())
        if referred_by:
            row["referred_by_id"] = self.participant(referred_by).id
        with self.db.conn:
            participant_id = self.db["participants"].insert(row).last_pk
            self.audit("add", "participants", participant_id, {"code": code, **fields, "referred_by": referred_by})
        return self.participant(code)

    def edit_participant(self, code: str, *, referred_by: str | None = None, **fields: Any) -> Participant:
        current = self.participant(code)
        changes = self._participant_fields(fields, merge_into=current.attributes)
        if referred_by is not None:
            if referred_by == code:
                raise StoreError(f"Participant {code} cannot refer themselves.")
            changes["referred_by_id"] = self.participant(referred_by).id if referred_by else None
        if "code" in fields and fields["code"] != code:
            new_code = fields["code"]
            if not CODE_PATTERN.match(new_code) or self._participant_row(new_code) is not None:
                raise StoreError(f"Cannot rename {code} to '{new_code}': invalid or already taken.")
            changes["code"] = new_code
        with self.db.conn:
            self.db["participants"].update(current.id, changes)
            self.audit("edit", "participants", current.id, {"code": code, **fields, **({"referred_by": referred_by} if referred_by is not None else {})})
        return self.participant(changes.get("code", code))

    _PARTICIPANT_COLUMNS = ("name", "workplace", "gender", "role", "sector", "notes")

    def _participant_fields(self, fields: dict[str, Any], merge_into: dict[str, str] | None = None) -> dict[str, Any]:
        row: dict[str, Any] = {}
        attributes = dict(merge_into or {})
        for key, value in fields.items():
            if key in self._PARTICIPANT_COLUMNS:
                row[key] = value
            elif key == "attributes":
                attributes.update(value or {})
            elif key != "code":
                raise StoreError(f"Unknown participant field '{key}'.")
        if attributes or merge_into is not None:
            row["attributes"] = json.dumps(attributes, ensure_ascii=False)
        return row

    def _participant_row(self, code: str) -> dict[str, Any] | None:
        rows = list(self.db["participants"].rows_where("code = ? COLLATE NOCASE", [code], limit=1))
        return rows[0] if rows else None

    def participant(self, code: str) -> Participant:
        row = self._participant_row(code)
        if row is None:
            known = ", ".join(p.code for p in self.participants()) or "none yet"
            raise StoreError(
                f"Unknown participant '{code}' (known: {known}). Add them with: interviewer participant add {code}"
            )
        return self._to_participant(row)

    def participant_by_id(self, participant_id: int) -> Participant:
        return self._to_participant(self.db["participants"].get(participant_id))

    def participants(self) -> list[Participant]:
        return [self._to_participant(row) for row in self.db["participants"].rows_where(order_by="code")]

    def _to_participant(self, row: dict[str, Any]) -> Participant:
        referred_by = None
        if row["referred_by_id"]:
            referred_by = self.db["participants"].get(row["referred_by_id"])["code"]
        return Participant(
            id=row["id"],
            code=row["code"],
            name=row["name"],
            workplace=row["workplace"],
            gender=row["gender"],
            role=row["role"],
            sector=row["sector"],
            attributes=json.loads(row["attributes"] or "{}"),
            referred_by=referred_by,
            notes=row["notes"],
        )

    # -- consent ----------------------------------------------------------------------------------

    def record_consent(
        self,
        code: str,
        *,
        audio_recording: bool,
        quotation: bool,
        information_sheet_sent: str | None = None,
        consent_received: str | None = None,
        method: str | None = None,
        notes: str | None = None,
    ) -> Consent:
        participant = self.participant(code)
        row = {
            "participant_id": participant.id,
            "information_sheet_sent": information_sheet_sent,
            "consent_received": consent_received or now(),
            "audio_recording": int(audio_recording),
            "quotation": int(quotation),
            "method": method,
            "notes": notes,
            "recorded_by": self.actor,
            "recorded_at": now(),
            "withdrawn_at": None,
        }
        with self.db.conn:
            consent_id = self.db["consent"].insert(row).last_pk
            self.audit("record", "consent", consent_id, {"participant": code, **row})
        return self._to_consent(self.db["consent"].get(consent_id))

    def consent(self, code: str) -> Consent | None:
        """The participant's most recent consent record, or None."""
        participant = self.participant(code)
        rows = list(self.db["consent"].rows_where("participant_id = ?", [participant.id], order_by="id desc", limit=1))
        return self._to_consent(rows[0]) if rows else None

    @staticmethod
    def _to_consent(row: dict[str, Any]) -> Consent:
        return Consent(**{**row, "audio_recording": bool(row["audio_recording"]), "quotation": bool(row["quotation"])})
