"""Tests that importing a recording copies it with its checksum, and that bad input changes nothing."""

from __future__ import annotations

import hashlib
import stat

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.audio.sealed_reader import open_sealed
from interviewer.pipeline import CONSENT_MISSING_EVENT, import_recording


def tone(path, seconds=2.0, rate=16000, channels=1):
    t = np.arange(int(seconds * rate)) / rate
    signal = 0.2 * np.sin(2 * np.pi * 220 * t)
    data = np.stack([signal] * channels, axis=1) if channels > 1 else signal
    soundfile.write(path, data, rate)
    return path


def snapshot(study):
    tables = {name: study.db[name].count for name in study.db.table_names()}
    files = sorted(p.name for p in study.recordings_dir.glob("*")) if study.recordings_dir.exists() else []
    return tables, files


def test_import_keeps_an_encrypted_copy_that_decrypts_to_the_original(study, tmp_path):
    study.add_participant("KI-08")
    source = tone(tmp_path / "call.wav", seconds=3, channels=2)
    result = import_recording(study, source, "KI-08", mode="phone")
    stored = study.recording_path(result.recording)
    assert stored.parent == study.recordings_dir and stored.name == "interview-0001-part-1.wav.enc"
    assert not stored.read_bytes().startswith(b"RIFF") and source.read_bytes()[100:400] not in stored.read_bytes()
    with open_sealed(stored, study.audio_key) as decrypted:
        assert decrypted.read() == source.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(study.recordings_dir.stat().st_mode) == 0o700
    assert result.recording.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert result.recording.channels == 2 and result.recording.duration == pytest.approx(3.0)
    assert result.interview.mode == "phone" and result.interview.status == "recorded"


def make_empty(path):
    path.write_bytes(b"")
    return path


def make_not_audio(path):
    path.write_text("Interview notes, not a recording.\n" * 50)
    return path


def make_truncated(path):
    full = tone(path.with_name("full.wav"), seconds=6)
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.mark.parametrize(
    "make, message",
    [(make_empty, "empty"), (make_not_audio, "not an audio file|no audio"), (make_truncated, "truncated")],
)
def test_bad_audio_is_refused_and_the_study_is_unchanged(study, tmp_path, make, message):
    study.add_participant("KI-08")
    bad = make(tmp_path / "bad.wav")
    before = snapshot(study)
    result = CliRunner().invoke(main, ["import", str(bad), "--participant", "KI-08", "--study", "test-study"])
    assert result.exit_code != 0
    assert str(bad) in result.output
    assert any(word in result.output for word in message.split("|"))
    assert snapshot(study) == before


def test_unknown_participant_is_refused_before_anything_is_copied(study, tmp_path):
    study.add_participant("KI-08")
    before = snapshot(study)
    result = CliRunner().invoke(main, ["import", str(tone(tmp_path / "a.wav")), "-p", "KI-99", "--study", "test-study"])
    assert result.exit_code == 1
    assert "Unknown participant 'KI-99'" in result.output
    assert snapshot(study) == before


def test_missing_file_is_a_clear_error(study, tmp_path):
    study.add_participant("KI-08")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "nope.m4a"), "-p", "KI-08", "--study", "test-study"])
    assert result.exit_code == 1 and "no such file" in result.output


def test_import_into_a_study_without_encryption_keeps_a_plain_owner_only_copy(isolated_home, tmp_path):
    from interviewer.store import Study

    plain = Study.create("plain-study", encrypted=False)
    plain.add_participant("KI-08")
    source = tone(tmp_path / "call.wav", seconds=2)
    stored = plain.recording_path(import_recording(plain, source, "KI-08").recording)
    assert stored.name == "interview-0001-part-1.wav" and stored.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


def test_import_without_consent_on_file_warns_and_says_so_in_the_timeline(study, tmp_path):
    study.add_participant("KI-08")
    result = CliRunner().invoke(main, ["import", str(tone(tmp_path / "a.wav")), "-p", "KI-08", "--study", "test-study"])
    assert result.exit_code == 0, result.output
    assert "Warning: KI-08 has no consent to audio recording on file" in result.output
    (event,) = [e for e in study.events(1) if e.kind == CONSENT_MISSING_EVENT]
    assert "without consent" in event.text
    assert any(entry["action"] == "add" and CONSENT_MISSING_EVENT in entry["details"] for entry in study.audit_entries())


def test_import_with_consent_on_file_says_nothing_of_consent(study, tmp_path):
    study.add_participant("KI-08")
    study.record_consent("KI-08", audio_recording=True, quotation=True)
    result = CliRunner().invoke(main, ["import", str(tone(tmp_path / "a.wav")), "-p", "KI-08", "--study", "test-study"])
    assert result.exit_code == 0 and "Warning" not in result.output
    assert not [e for e in study.events(1) if e.kind == CONSENT_MISSING_EVENT]


def test_a_folder_is_named_as_a_folder_not_a_missing_file(study, tmp_path):
    result = CliRunner().invoke(main, ["transcribe", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path} is a folder, not an audio file" in result.output and "no such file" not in result.output
