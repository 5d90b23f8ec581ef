"""Tests for the encrypted study: SQLCipher database, the passphrase and its errors, owner-only files, and
`study encrypt` converting a plain study in place without losing anything if it stops half-way."""

from __future__ import annotations

import os
import stat

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from conftest import STUDY_PASSPHRASE
from interviewer.cli import main
from interviewer.pipeline import import_recording
from interviewer.store import Study, StudyLocked, WrongStudyPassphrase, encryption
from interviewer.store.connection import is_plaintext

NAME, WORKPLACE = "Margaret Oyelaran", "Thornbury Community Hospital"


def run(*args, **env):
    return CliRunner().invoke(main, list(args), env=env or None)


def tone(path, seconds=2.0, rate=16000):
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(path, 0.2 * np.sin(2 * np.pi * 220 * t), rate)
    return path


def every_file(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def fresh_process():
    """Forget unlocked keys, as a new process would."""
    encryption.forget_unlocked()


def test_an_encrypted_study_keeps_no_identifier_readable_in_any_file(study, tmp_path):
    study.add_participant("KI-01", name=NAME, workplace=WORKPLACE)
    study.record_consent("KI-01", audio_recording=True, quotation=True)
    import_recording(study, tone(tmp_path / "call.wav"), "KI-01")
    assert study.encrypted and not is_plaintext(study.folder / "study.db")
    assert (study.folder / "study.db-wal").exists()  # written through the WAL, which is encrypted too
    for path in every_file(study.folder):
        data = path.read_bytes()
        assert NAME.encode() not in data and WORKPLACE.encode() not in data and b"Thornbury" not in data, path
        assert not data.startswith((b"RIFF", b"fLaC")), path


def test_study_files_are_owner_only_whatever_the_umask(isolated_home, tmp_path):
    old = os.umask(0)
    try:
        created = Study.create("open-umask")
        created.add_participant("KI-01", name=NAME)
        created.record_consent("KI-01", audio_recording=True, quotation=False)
        import_recording(created, tone(tmp_path / "a.wav"), "KI-01")
    finally:
        os.umask(old)
    for path in [created.folder, *created.folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path} is {oct(mode)}"


def test_a_wrong_passphrase_is_a_clear_error_and_the_right_one_opens(study):
    study.add_participant("KI-01", name=NAME)
    study.close()
    fresh_process()
    with pytest.raises(WrongStudyPassphrase, match="Wrong passphrase for the study"):
        Study.open("test-study", passphrase="not the passphrase")
    result = run("participant", "list", "--study", "test-study", INTERVIEWER_STUDY_PASSPHRASE="not the passphrase")
    assert result.exit_code == 1 and "Wrong passphrase for the study" in result.output
    assert "Traceback" not in result.output
    assert Study.open("test-study", passphrase=STUDY_PASSPHRASE).participant("KI-01").name == NAME


def test_without_a_passphrase_the_error_says_how_to_give_one(study, monkeypatch):
    study.close()
    fresh_process()
    monkeypatch.delenv("INTERVIEWER_STUDY_PASSPHRASE")
    with pytest.raises(StudyLocked, match="INTERVIEWER_STUDY_PASSPHRASE"):
        Study.open("test-study")
    result = run("study", "info", "--study", "test-study")
    assert result.exit_code == 1 and "A passphrase is needed to open the encrypted study" in result.output


def test_a_new_study_needs_a_long_enough_passphrase(isolated_home):
    result = run("study", "init", "--study", "short", INTERVIEWER_STUDY_PASSPHRASE="abc")
    assert result.exit_code == 1 and "at least 8 characters" in result.output
    assert not (isolated_home / "studies" / "short" / "study.db").exists()


def test_changing_the_passphrase_keeps_the_data_and_retires_the_old_one(study):
    study.add_participant("KI-01", name=NAME)
    result = run("study", "passphrase", "change", "--study", "test-study",
                 INTERVIEWER_NEW_STUDY_PASSPHRASE="a brand new passphrase")
    assert result.exit_code == 0, result.output
    fresh_process()
    with pytest.raises(WrongStudyPassphrase):
        Study.open("test-study", passphrase=STUDY_PASSPHRASE)
    reopened = Study.open("test-study", passphrase="a brand new passphrase")
    assert reopened.participant("KI-01").name == NAME
    assert any(entry["action"] == "change passphrase" for entry in reopened.audit_entries())


def test_info_says_whether_a_study_is_encrypted(isolated_home):
    assert run("study", "init", "--study", "sealed").exit_code == 0
    assert run("study", "init", "--study", "plain", "--no-encryption").exit_code == 0
    assert "Encryption: encrypted at rest" in run("study", "info", "--study", "sealed").output
    plain = run("study", "info", "--study", "plain").output
    assert "Encryption: NOT encrypted" in plain
    assert is_plaintext(isolated_home / "studies" / "plain" / "study.db")
    assert not (isolated_home / "studies" / "plain" / "study.key").exists()


def plain_study_with_audio(tmp_path) -> Study:
    plain = Study.create("to-encrypt", encrypted=False)
    plain.add_participant("KI-01", name=NAME, workplace=WORKPLACE)
    plain.record_consent("KI-01", audio_recording=True, quotation=True)
    import_recording(plain, tone(tmp_path / "one.wav"), "KI-01")
    import_recording(plain, tone(tmp_path / "two.wav", seconds=3), "KI-01")
    plain.close()
    return plain


def test_study_encrypt_converts_a_plain_study_in_place(isolated_home, tmp_path):
    plain = plain_study_with_audio(tmp_path)
    originals = {p.name: p.read_bytes() for p in plain.recordings_dir.iterdir()}
    result = run("study", "encrypt", "--study", "to-encrypt")
    assert result.exit_code == 0, result.output
    assert "2 recording(s)" in result.output
    folder = plain.folder
    assert not is_plaintext(folder / "study.db") and (folder / "study.key").is_file()
    assert sorted(p.name for p in (folder / "recordings").iterdir()) == sorted(f"{n}.enc" for n in originals)
    for path in every_file(folder):
        assert NAME.encode() not in path.read_bytes() and not path.read_bytes().startswith(b"RIFF"), path
    fresh_process()
    study = Study.open("to-encrypt")
    assert study.participant("KI-01").workplace == WORKPLACE
    from interviewer.audio.sealed_reader import open_sealed

    for recording in study.all_recordings():
        with open_sealed(study.recording_path(recording), study.audio_key) as decrypted:
            assert decrypted.read() == originals[study.recording_path(recording).name.removesuffix(".enc")]
    assert run("study", "check", "--study", "to-encrypt").exit_code == 0
    assert "Encryption: encrypted at rest" in run("study", "info", "--study", "to-encrypt").output


@pytest.mark.parametrize("stop_at", ["the database rename", "the key rename"])
def test_study_encrypt_stopped_half_way_loses_nothing(isolated_home, tmp_path, monkeypatch, stop_at):
    from interviewer.protection import encrypt as encrypting

    plain = plain_study_with_audio(tmp_path)
    real_replace = os.replace

    def crash_at(source, target):
        name = os.path.basename(str(source))
        if (stop_at == "the database rename" and name == encrypting.ENCRYPTING) or \
                (stop_at == "the key rename" and name == encrypting.PENDING_KEY):
            raise KeyboardInterrupt("power cut")
        return real_replace(source, target)

    monkeypatch.setattr(encrypting.os, "replace", crash_at)
    with pytest.raises(KeyboardInterrupt):
        encrypting.encrypt_study("to-encrypt", STUDY_PASSPHRASE)
    monkeypatch.setattr(encrypting.os, "replace", real_replace)
    fresh_process()
    reopened = Study.open("to-encrypt")
    assert reopened.participant("KI-01").name == NAME and len(reopened.all_recordings()) == 2
    assert reopened.encrypted == (stop_at == "the key rename")  # past the commit point it is finished on opening
    for recording in reopened.all_recordings():
        assert reopened.recording_path(recording).is_file()
    reopened.close()
    assert run("study", "encrypt", "--study", "to-encrypt").exit_code == 0
    assert run("study", "check", "--study", "to-encrypt").exit_code == 0
    assert not [p for p in plain.recordings_dir.iterdir() if p.read_bytes().startswith(b"RIFF")]


def test_study_encrypt_refuses_while_the_study_is_open_elsewhere(isolated_home, tmp_path):
    plain_study_with_audio(tmp_path)
    holder = Study.open("to-encrypt")
    result = run("study", "encrypt", "--study", "to-encrypt")
    assert result.exit_code == 1 and "open in another window or command" in result.output
    holder.close()
    assert is_plaintext(holder.folder / "study.db")
