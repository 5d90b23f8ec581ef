"""Tests for the retention of recordings and for withdrawal: what is deleted, when, and the audit kept of it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from interviewer.anonymise.study.key import editing_key, open_key
from interviewer.audio.playback import segment_audio
from interviewer.cli import main
from interviewer.export.bundle import write_bundle
from interviewer.pipeline import import_recording
from interviewer.protection.retention import apply_retention, due_recordings, withdraw_participant
from interviewer.review.redactions import finish
from interviewer.store import StoreError

KEY_PASSPHRASE = "key passphrase for tests"


def run(*args, **env):
    return CliRunner().invoke(main, list(args), env=env or None)


def tone(path, seconds=2.0, rate=16000):
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(path, 0.2 * np.sin(2 * np.pi * 440 * t), rate)
    return path


def interview_with_recording(study, tmp_path, code: str, *, verified: bool, said: str = "I work with Dr Okafor.") -> int:
    """An imported recording with a one-segment transcript naming someone, anonymised; verified if asked."""
    if code not in [p.code for p in study.participants()]:
        study.add_participant(code, name=f"Name of {code}")
        study.record_consent(code, audio_recording=True, quotation=True)
    interview_id = import_recording(study, tone(tmp_path / f"{code}-{len(study.interviews())}.wav"), code).interview.id
    study.replace_segments(interview_id, [{"start": 0.0, "end": 1.5, "speaker": code, "text": said}], model="hand")
    (segment,) = study.segments(interview_id)
    start = said.index("Okafor")
    with editing_key(study, KEY_PASSPHRASE) as key:
        token = key.remember_redaction("Okafor", placeholder="[PERSON 1]", entity_type="PERSON",
                                       interview_id=interview_id)
    study.save_anonymisation(interview_id, {segment.id: said.replace("Okafor", "[PERSON 1]")},
                             [{"segment_id": segment.id, "start": start, "end": start + 6, "entity_type": "PERSON",
                               "original": token, "placeholder": "[PERSON 1]", "score": 1.0, "reason": "test",
                               "status": "accepted"}], {},
                             [] if verified else [{"segment_id": segment.id, "start": 0, "end": 1, "entity_type": "PERSON",
                                                   "reason": "test", "risk": 0.5}])
    study.update_interview(interview_id, status="anonymised")
    if verified:
        finish(study, interview_id)
    return interview_id


def test_retention_deletes_recordings_only_once_verified_and_due(study, tmp_path):
    verified = interview_with_recording(study, tmp_path, "KI-01", verified=True)
    unverified = interview_with_recording(study, tmp_path, "KI-02", verified=False)
    assert run("study", "retention", "set", "--delete-after", "30", "--study", "test-study").exit_code == 0
    now = datetime.now(timezone.utc)
    assert due_recordings(study, now + timedelta(days=29)) == []
    (due,) = due_recordings(study, now + timedelta(days=31))
    assert due.recording.interview_id == verified
    path = study.recording_path(due.recording)
    apply_retention(study, now + timedelta(days=31))
    assert not path.exists()
    (deleted,) = study.recordings(verified)
    assert deleted.deleted_at and deleted.deleted_reason == "retention policy"
    assert study.recording_path(study.recordings(unverified)[0]).exists()
    assert study.segments(verified)[0].text  # the transcript stays
    entry = next(e for e in study.audit_entries() if e["action"] == "delete recording")
    details = json.loads(entry["details"])
    assert details["reason"] == "retention policy" and "30 days" in details["policy"] and details["verified_at"]
    with pytest.raises(StoreError, match=r"was deleted on .* \(retention policy\)"):
        segment_audio(study, study.segments(verified)[0])


def test_retention_apply_from_the_command_line_and_info_report_the_policy(study, tmp_path):
    interview_with_recording(study, tmp_path, "KI-01", verified=True)
    assert "Retention: recordings are kept" in run("study", "info", "--study", "test-study").output
    assert run("study", "retention", "apply", "--study", "test-study").output.startswith("Nothing is due")
    run("study", "retention", "set", "--delete-after", "0", "--study", "test-study")
    info = run("study", "info", "--study", "test-study").output
    assert "Retention: recordings are deleted once the transcript is verified" in info
    dry = run("study", "retention", "apply", "--dry-run", "--study", "test-study")
    assert "1 recording(s) due; nothing deleted" in dry.output
    refused = run("study", "retention", "apply", "--study", "test-study")
    assert refused.exit_code == 1 and "--yes" in refused.output
    done = run("study", "retention", "apply", "--yes", "--study", "test-study")
    assert done.exit_code == 0 and "Deleted 1 recording(s)" in done.output
    assert "Recordings deleted (retention or withdrawal): 1" in run("study", "info", "--study", "test-study").output
    assert run("study", "check", "--study", "test-study").exit_code == 0


def test_withdrawal_removes_recordings_and_transcripts_and_keeps_a_minimal_audit(study, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", KEY_PASSPHRASE)
    gone = interview_with_recording(study, tmp_path, "KI-01", verified=True)
    kept = interview_with_recording(study, tmp_path, "KI-02", verified=True)
    study.add_event(gone, "note", text="She mentioned her manager Dr Okafor by name")
    files = [study.recording_path(r) for r in study.recordings(gone)]
    refused = run("participant", "withdraw", "KI-01", "--study", "test-study")
    assert refused.exit_code == 1 and "--yes" in refused.output and all(path.exists() for path in files)
    result = run("participant", "withdraw", "KI-01", "--reason", "asked by email on 1 December", "--yes",
                 "--study", "test-study")
    assert result.exit_code == 0, result.output
    assert "1 recording(s) and 1 transcript segment(s)" in result.output
    assert not any(path.exists() for path in files)
    assert study.segments(gone) == [] and study.redactions(gone) == []
    assert study.interview(gone).status == "withdrawn" and study.consent("KI-01").withdrawn_at
    assert all(event.text is None for event in study.events(gone))
    assert len(study.segments(kept)) == 1 and study.recording_path(study.recordings(kept)[0]).exists()
    key = open_key(study, KEY_PASSPHRASE)
    assert {entry["interview"] for entry in key.redactions.values()} == {kept}
    every_detail = " ".join(entry["details"] for entry in study.audit_entries())
    assert "Okafor" not in every_detail
    withdrawal = next(e for e in study.audit_entries() if e["action"] == "withdraw")
    details = json.loads(withdrawal["details"])
    assert details["reason"] == "asked by email on 1 December" and details["interviews"] == [gone]
    assert details["recordings"] == 1 and details["segments"] == 1 and details["key_entries_removed"] == 1
    bundle = write_bundle(study, tmp_path / "bundle", passphrase=KEY_PASSPHRASE)
    assert [d.participant.code for d in bundle.export.documents] == ["KI-02"]
    assert "KI-01" not in (tmp_path / "bundle" / "csv" / "participants.csv").read_text()


def test_withdrawal_without_the_key_passphrase_says_the_key_is_still_to_clean(study, tmp_path, monkeypatch):
    gone = interview_with_recording(study, tmp_path, "KI-01", verified=False)
    monkeypatch.delenv("INTERVIEWER_KEY_PASSPHRASE", raising=False)
    assert len(study.possible_misses(gone)) == 1
    result = withdraw_participant(study, "KI-01", "test", key_passphrase=None)
    assert result.key_entries_removed is None and study.segments(gone) == [] and study.possible_misses(gone) == []
    monkeypatch.setenv("INTERVIEWER_KEY_PASSPHRASE", KEY_PASSPHRASE)
    again = run("participant", "withdraw", "KI-01", "--yes", "--study", "test-study")
    assert again.exit_code == 0 and "still holds" not in again.output
    assert open_key(study, KEY_PASSPHRASE).redactions == {}
