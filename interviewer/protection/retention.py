"""Provides the retention of recordings (keep them, or destroy them a number of days after the transcript is
verified) and a participant's withdrawal; every deletion is audited with what, when and why."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from interviewer.locks import interview_lock
from interviewer.private import sync_folder
from interviewer.store import Recording, Study, StoreError

SETTING = "recording_retention"
"""The study setting: absent (keep), or {"delete_after_days": N}."""
VERIFIED_STATUSES = ("reviewed", "exported")


@dataclass(frozen=True)
class RetentionPolicy:
    delete_after_days: int | None
    """None keeps recordings; N destroys them N days after the transcript is verified (its review is done)."""

    def describe(self) -> str:
        if self.delete_after_days is None:
            return "recordings are kept"
        if self.delete_after_days == 0:
            return "recordings are deleted once the transcript is verified (review done)"
        return f"recordings are deleted {self.delete_after_days} days after the transcript is verified (review done)"


def retention_policy(study: Study) -> RetentionPolicy:
    setting = study.settings.get(SETTING) or {}
    days = setting.get("delete_after_days") if isinstance(setting, dict) else None
    return RetentionPolicy(int(days) if days is not None else None)


def set_retention(study: Study, delete_after_days: int | None) -> RetentionPolicy:
    """Keep recordings (None) or destroy them `delete_after_days` after verification; audited as a setting."""
    if delete_after_days is not None and delete_after_days < 0:
        raise StoreError("The number of days must be 0 or more.")
    study.set_setting(SETTING, None if delete_after_days is None else {"delete_after_days": delete_after_days})
    return retention_policy(study)


@dataclass(frozen=True)
class DueRecording:
    recording: Recording
    verified_at: str
    due_at: datetime


def due_recordings(study: Study, at: datetime | None = None) -> list[DueRecording]:
    """Recordings the policy says should be destroyed by `at` (now): their transcript verified long enough ago."""
    days = retention_policy(study).delete_after_days
    if days is None:
        return []
    at = at or datetime.now(timezone.utc)
    due = []
    for interview in study.interviews():
        if interview.status not in VERIFIED_STATUSES:
            continue
        verified = study.review_done_at(interview.id)
        if verified is None:
            continue
        deadline = datetime.fromisoformat(verified) + timedelta(days=days)
        for recording in study.recordings(interview.id):
            if recording.deleted_at is None and deadline <= at:
                due.append(DueRecording(recording, verified, deadline))
    return due


def destroy_recording(study: Study, recording: Recording, reason: str, details: dict) -> None:
    """Delete a recording's file and record when and why, keeping its row for the transcript."""
    path = study.recording_path(recording)
    existed = path.exists()
    path.unlink(missing_ok=True)
    sync_folder(path.parent)
    study.mark_recording_deleted(recording.id, reason, {"interview": recording.interview_id, "part": recording.part,
                                                        "file": path.name, "file_existed": existed, **details})


def apply_retention(study: Study, at: datetime | None = None) -> list[DueRecording]:
    """Destroy every recording the policy says is due; returns them."""
    due = due_recordings(study, at)
    days = retention_policy(study).delete_after_days
    for item in due:
        with interview_lock(study, item.recording.interview_id, "having its recordings deleted"):
            destroy_recording(study, item.recording, "retention policy",
                              {"policy": f"delete {days} days after verification", "verified_at": item.verified_at})
    return due


def next_due(study: Study) -> datetime | None:
    """When the next recording falls due under the policy (None: nothing waits)."""
    days = retention_policy(study).delete_after_days
    if days is None:
        return None
    far = datetime.now(timezone.utc) + timedelta(days=365 * 100)
    pending = [item.due_at for item in due_recordings(study, far)]
    return min(pending) if pending else None


@dataclass(frozen=True)
class Withdrawal:
    code: str
    interviews: list[int]
    recordings: int
    segments: int
    redactions: int
    key_entries_removed: int | None
    """Originals dropped from the re-identification key (None: its passphrase was not available)."""


def withdraw_participant(study: Study, code: str, reason: str, key_passphrase=None) -> Withdrawal:
    """Remove a participant's recordings and transcripts (their interviews stay, marked withdrawn, so numbering
    and the audit trail hold), mark their consent withdrawn so exports leave them out, and drop their originals
    from the re-identification key. One minimal audit entry says what was removed, when and why."""
    participant = study.participant(code)
    consent = study.consent(participant.code)
    again = bool(consent and consent.withdrawn_at)
    ids = [interview.id for interview in study.interviews(participant.code)]
    with contextlib.ExitStack() as held:
        for interview_id in ids:
            held.enter_context(interview_lock(study, interview_id, "being withdrawn"))
        recordings = 0
        for interview_id in ids:
            for recording in study.recordings(interview_id):
                if recording.deleted_at is None:
                    destroy_recording(study, recording, "participant withdrew", {"participant": participant.code})
                    recordings += 1
        removed = study.remove_interview_content(ids)
    study.withdraw_consent(participant.code, reason)
    key_entries = _prune_key(study, bool(removed["tokens"]) or again, key_passphrase)
    study.audit("withdraw", "participants", participant.id, {
        "participant": participant.code, "reason": reason, "interviews": ids, "recordings": recordings,
        "segments": removed["segments"], "redactions": removed["redactions"], "notes": removed["notes"],
        "audit_entries_scrubbed": removed["audit_entries_scrubbed"],
        "key_entries_removed": key_entries if key_entries is not None else "pending (key passphrase not given)"})
    return Withdrawal(participant.code, ids, recordings, removed["segments"], removed["redactions"], key_entries)


def _prune_key(study: Study, needed: bool, passphrase) -> int | None:
    """Drop the key's originals whose redactions are gone (a second withdrawal finishes an earlier one's)."""
    from interviewer.anonymise.study.key import editing_key, has_key
    from interviewer.anonymise.study.keyfile import PassphraseNeeded

    if not needed or not has_key(study):
        return 0
    try:
        with editing_key(study, passphrase) as key:
            before = len(key.redactions)
            key.keep_only(study.redaction_tokens())
            return before - len(key.redactions)
    except PassphraseNeeded:
        return None

