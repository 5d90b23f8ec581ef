"""Provides `study encrypt`: a plain study converted in place, safely.

Everything is first written beside the plain files: an encrypted copy of the database (SQLCipher's export,
then checked), a sealed copy of every recording (checked by decrypting it), the study key under a pending
name. One rename then puts the encrypted database in place (the commit point) and a second the key; a crash
before the first leaves the plain study as it was, a crash between them is finished when the study is next
opened. Only then are the plain files deleted.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from interviewer import crypto
from interviewer.audio.sealed import is_sealed, seal_file, sealed_name
from interviewer.audio.source import audio_sha256, audio_source
from interviewer.private import harden, private_folder, sync_folder, write_private
from interviewer.store import DATABASE_NAME, Study, StoreError, StudyBusy
from interviewer.store import encryption
from interviewer.store.backup import MANIFEST_NAME, backups_folder, read_manifest, sha256_file, write_manifest
from interviewer.store.backup import BackupInfo
from interviewer.store.connection import connect, is_plaintext
from interviewer.store.encryption import KEY_FILE_NAME, KEY_FORMAT, StudyKeys
from interviewer.store.study import IN_USE_LOCK

ENCRYPTING = DATABASE_NAME + ".encrypting"
PENDING_KEY = KEY_FILE_NAME + ".pending"

Progress = Callable[[str], None]


@dataclass
class EncryptResult:
    recordings: int = 0
    backups: int = 0
    removed: list[Path] = field(default_factory=list)
    """Plain files deleted once the encrypted study was in place."""


class exclusive_use:
    """Hold the study for this process alone (no other window or command has it open), or refuse."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None

    def __enter__(self) -> "exclusive_use":
        locks = private_folder(self.folder / "locks")
        fd = os.open(locks / IN_USE_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StudyBusy(f"The study {self.folder} is open in another window or command; close it (quit the "
                            "interview screen, wait for background work) and try again.") from None
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def encrypt_study(study_name: str | None, passphrase: encryption.Passphrase,
                  progress: Progress = lambda message: None) -> EncryptResult:
    """Encrypt a plain study in place under a new passphrase; for an encrypted one, only remove plain leftovers."""
    opened = Study.open(study_name)  # migrates (with a backup) first, so the copy has the current schema
    folder, encrypted = opened.folder, opened.encrypted
    opened.close()
    if encrypted:
        with exclusive_use(folder):
            return EncryptResult(removed=_remove_plain_leftovers(folder, progress))
    value = encryption.resolve_passphrase(passphrase, folder, new=True)
    with exclusive_use(folder):
        _clear_earlier_attempt(folder)
        keys = StudyKeys(crypto.random_key())
        write_private(folder / PENDING_KEY, crypto.wrap_key(keys.master, value, file_format=KEY_FORMAT))
        result = _write_encrypted_copy(folder, keys, progress)
        progress("putting the encrypted study in place")
        database = folder / DATABASE_NAME
        for leftover in (database.with_name(DATABASE_NAME + "-wal"), database.with_name(DATABASE_NAME + "-shm")):
            leftover.unlink(missing_ok=True)  # empty after the checkpoint, and they belong to the plain file
        os.replace(folder / ENCRYPTING, database)
        sync_folder(folder)
        os.replace(folder / PENDING_KEY, encryption.key_file(folder))
        sync_folder(folder)
        encryption.unlock(folder, value)
        result.removed = _remove_plain_leftovers(folder, progress)
        harden(folder)
    study = Study.open(str(folder))
    study.audit("encrypt", "study", 1, {"recordings": result.recordings, "backups": result.backups,
                                        "plain_files_removed": len(result.removed)})
    study.close()
    return result


def _clear_earlier_attempt(folder: Path) -> None:
    (folder / ENCRYPTING).unlink(missing_ok=True)
    (folder / PENDING_KEY).unlink(missing_ok=True)
    recordings = folder / "recordings"
    for path in recordings.glob("*.partial") if recordings.is_dir() else ():
        path.unlink()


def _write_encrypted_copy(folder: Path, keys: StudyKeys, progress: Progress) -> EncryptResult:
    """The encrypted database beside the plain one, pointing at sealed copies of the recordings made beside theirs."""
    plain = Study(folder, connect(folder / DATABASE_NAME, None))
    try:
        plain.checkpoint()
        counts = plain.all_row_counts()
        progress("encrypting the database")
        plain.export_encrypted(folder / ENCRYPTING, keys.database)
    finally:
        plain.db.close()
    copy = Study(folder, connect(folder / ENCRYPTING, keys.database), keys=keys)
    try:
        problems = copy.integrity_problems(encrypted=True)
        if problems or copy.all_row_counts() != counts:
            raise StoreError(f"The encrypted copy of {folder / DATABASE_NAME} did not check out "
                             f"({'; '.join(problems) or 'row counts differ'}); the study is unchanged.")
        result = EncryptResult()
        for recording in copy.all_recordings():
            path = copy.recording_path(recording)
            if recording.deleted_at or not path.is_file() or is_sealed(path):
                continue
            progress(f"encrypting {path.name}")
            copy.set_recording_file(recording.id, _sealed_copy(path, recording.sha256, keys.recordings))
            result.recordings += 1
        result.backups = _encrypt_local_backups(folder, keys, progress)
        copy.checkpoint()
    finally:
        copy.db.close()
    return result


def _sealed_copy(path: Path, checksum: str, key: bytes) -> Path:
    target = sealed_name(path)
    staging = target.with_name(target.name + ".partial")
    if seal_file(path, staging, key) != checksum:
        staging.unlink()
        raise StoreError(f"{path} does not match its stored checksum; nothing was changed. Check the study first: "
                         "interviewer study check")
    if audio_sha256(audio_source(staging, key)) != checksum:
        staging.unlink()
        raise StoreError(f"The encrypted copy of {path} did not read back the same; nothing was changed. Check the "
                         "disk and try again.")
    os.replace(staging, target)
    return target


def _encrypt_local_backups(folder: Path, keys: StudyKeys, progress: Progress) -> int:
    """The plain databases in the study's own backups folder, encrypted in place with the study's key."""
    done = 0
    local = backups_folder(folder)
    for manifest_path in sorted(local.glob(f"*/{MANIFEST_NAME}")) if local.is_dir() else ():
        backup = manifest_path.parent
        database = backup / "study.db"
        if not is_plaintext(database):
            continue
        progress(f"encrypting the backup {backup.name}")
        sealed = backup / "study.db.encrypting"
        sealed.unlink(missing_ok=True)
        copy = Study(backup, connect(database, None))
        try:
            copy.export_encrypted(sealed, keys.database)
        finally:
            copy.db.close()
        os.replace(sealed, database)
        for leftover in (backup / "study.db-wal", backup / "study.db-shm"):
            leftover.unlink(missing_ok=True)
        manifest = read_manifest(backup)
        files = {**manifest.get("files", {}), "study.db": sha256_file(database)}
        write_private(backup / KEY_FILE_NAME, (folder / PENDING_KEY).read_bytes())
        files[KEY_FILE_NAME] = sha256_file(backup / KEY_FILE_NAME)
        info = BackupInfo(backup, manifest.get("made_at", ""), manifest.get("kind", ""), manifest.get("reason", ""))
        write_manifest(backup, info, Path(manifest.get("source", folder)), files, encrypted=True)
        done += 1
    return done


def _remove_plain_leftovers(folder: Path, progress: Progress) -> list[Path]:
    """Plain recordings whose sealed copies the encrypted study uses, and the plain database's files."""
    removed = []
    recordings = folder / "recordings"
    for path in sorted(recordings.iterdir()) if recordings.is_dir() else ():
        if path.is_file() and not is_sealed(path) and is_sealed(sealed_name(path)) and path != sealed_name(path):
            progress(f"deleting the plain {path.name}")
            path.unlink()
            removed.append(path)
    if removed:
        sync_folder(recordings)
    return removed
