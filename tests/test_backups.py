"""Tests for backups, restores and checks: a consistent encrypted copy while the study is in use, a restore that
keeps what it replaces, a backup before every migration, and damage named by file (never a traceback)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import soundfile
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.pipeline import import_recording
from interviewer.protection.backups import backup_study
from interviewer.protection.check import check_study
from interviewer.store import Study, StudyUnreadable, encryption
from interviewer.store.backup import copy_database, known_backups, newest_backup
from interviewer.store.connection import connect, is_plaintext
from interviewer.store.migrations import MIGRATIONS, applied

NAME = "Margaret Oyelaran"


def run(*args, **env):
    return CliRunner().invoke(main, list(args), env=env or None)


def tone(path, seconds=2.0, rate=16000):
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(path, 0.2 * np.sin(2 * np.pi * 330 * t), rate)
    return path


@pytest.fixture
def filled(study, tmp_path):
    study.add_participant("KI-01", name=NAME)
    study.record_consent("KI-01", audio_recording=True, quotation=True)
    import_recording(study, tone(tmp_path / "a.wav"), "KI-01")
    return study


def test_backup_is_a_complete_encrypted_copy_of_the_study(filled, tmp_path):
    result = run("study", "backup", str(tmp_path / "backup"), "--study", "test-study")
    assert result.exit_code == 0, result.output
    backup = tmp_path / "backup"
    names = sorted(str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file())
    assert names == ["backup.json", "recordings/interview-0001-part-1.wav.enc", "study.db", "study.key"]
    assert not is_plaintext(backup / "study.db") and NAME.encode() not in (backup / "study.db").read_bytes()
    copy = Study.open(str(backup))
    assert copy.participant("KI-01").name == NAME and len(copy.all_recordings()) == 1
    assert newest_backup(filled.folder).path == backup.resolve()
    assert any(entry["action"] == "backup" for entry in filled.audit_entries())


def test_the_database_copy_is_one_moment_while_another_connection_writes(filled, tmp_path):
    writer = filled.reopen()
    writer.db.execute("BEGIN IMMEDIATE")  # a write under way in another connection
    writer.db.execute("insert into participants (code, attributes) values ('KI-02', '{}')")
    copy_database(filled.db, tmp_path / "copy.db", filled.keys.database)
    writer.db.conn.commit()
    copy = Study(tmp_path, connect(tmp_path / "copy.db", filled.keys.database))
    assert [p.code for p in copy.participants()] == ["KI-01"] and not copy.integrity_problems(encrypted=True)


def test_restore_brings_back_the_study_and_keeps_what_it_replaced(filled, tmp_path):
    backup_study(filled, tmp_path / "backup")
    recording = filled.all_recordings()[0]
    filled.add_participant("KI-99", name="Added after the backup")
    filled.recording_path(recording).unlink()  # a recording lost since
    filled.close()
    result = run("study", "restore", str(tmp_path / "backup"), "--study", "test-study", "--yes")
    assert result.exit_code == 0, result.output
    assert "what it replaced is kept in" in result.output
    restored = Study.open("test-study")
    assert [p.code for p in restored.participants()] == ["KI-01"]
    assert restored.recording_path(recording).is_file()
    assert check_study(restored).ok
    replaced = next((restored.folder / "backups").glob("*-replaced-by-restore"))
    kept = Study(replaced, connect(replaced / "study.db", restored.keys.database))
    assert "KI-99" in [p.code for p in kept.participants()]  # nothing is lost by restoring
    assert any(entry["action"] == "restore" for entry in restored.audit_entries())


def test_restore_refuses_a_damaged_backup_and_changes_nothing(filled, tmp_path):
    backup_study(filled, tmp_path / "backup")
    damaged = tmp_path / "backup" / "recordings" / "interview-0001-part-1.wav.enc"
    damaged.write_bytes(damaged.read_bytes()[:-10] + b"0123456789")
    filled.close()
    before = (filled.folder / "study.db").read_bytes()
    result = run("study", "restore", str(tmp_path / "backup"), "--study", "test-study", "--yes")
    assert result.exit_code == 1 and "damaged" in result.output and "interview-0001-part-1.wav.enc" in result.output
    assert (filled.folder / "study.db").read_bytes() == before


def test_a_backup_is_made_before_every_migration(isolated_home):
    folder = isolated_home / "studies" / "old"
    folder.mkdir(parents=True)
    from interviewer.store.migrations import migrate

    db = connect(folder / "study.db", None)
    migrate(db, upto=len(MIGRATIONS) - 1)
    db["study"].insert({"id": 1, "name": "old"})
    db["participants"].insert({"code": "KI-01", "name": NAME, "attributes": "{}"})
    db.close()
    study = Study.open("old")
    assert applied(study.db) == [name for name, _ in MIGRATIONS]
    (backup,) = known_backups(study.folder)
    assert backup.kind == "database" and MIGRATIONS[-1][0] in backup.reason
    old = Study(backup.path, connect(backup.path / "study.db", None))
    assert len(applied(old.db)) == len(MIGRATIONS) - 1 and old.participant("KI-01").name == NAME


def test_check_names_each_damaged_or_missing_recording(filled, tmp_path):
    import_recording(filled, tone(tmp_path / "b.wav"), "KI-01")
    first, second = filled.all_recordings()
    damaged = filled.recording_path(first)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    filled.recording_path(second).unlink()
    (filled.recordings_dir / "stray.wav").write_bytes(tone(tmp_path / "c.wav").read_bytes())
    result = run("study", "check", "--study", "test-study")
    assert result.exit_code == 1
    assert f"{damaged}: chunk" in result.output and "does not decrypt" in result.output
    assert f"{filled.recording_path(second)}: missing" in result.output
    assert "stray.wav: a plain audio file the study does not use (unencrypted" in result.output
    assert "3 problem(s) found" in result.output


def test_check_of_a_sound_study_finds_nothing(filled):
    result = run("study", "check", "--study", "test-study")
    assert result.exit_code == 0, result.output
    assert "integrity check passed" in result.output and "1 checked" in result.output


def corrupt(path, at: int, size: int = 64) -> None:
    data = bytearray(path.read_bytes())
    data[at:at + size] = bytes(size)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["first page", "a later page"])
def test_a_damaged_database_gives_a_clear_error_naming_the_file_and_the_newest_backup(filled, tmp_path, where):
    for number in range(30):  # enough rows for several pages
        filled.add_participant(f"KI-{number + 10:02d}", name=f"Person number {number}", notes="x" * 400)
    backup_study(filled, tmp_path / "backup")
    # the page the participants table starts on: the study opens, and fails only when the command reads it
    (root,) = filled.db.execute("select rootpage from sqlite_master where name = 'participants'").fetchone()
    filled.close()
    copy = tmp_path / "copy"
    shutil.copytree(filled.folder, copy)
    corrupt(copy / "study.db", 100 if where == "first page" else 4096 * (root - 1) + 100)
    encryption.forget_unlocked()
    result = run("participant", "list", "--study", str(copy))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert f"The study database {copy / 'study.db'} cannot be read" in result.output
    assert f"The newest backup is {(tmp_path / 'backup').resolve()}" in result.output
    assert "interviewer study restore" in result.output


def test_an_unreadable_database_without_a_backup_says_what_to_do(study, tmp_path):
    study.close()
    corrupt(study.folder / "study.db", 0, 4096)
    with pytest.raises(StudyUnreadable, match="No backup of this study is known"):
        Study.open("test-study")
