"""Provides `study backup` and `study restore`: a whole study copied while in use (a consistent database snapshot,
then the recordings it names, all still encrypted), and put back without losing what it replaces."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from interviewer.private import harden, private_folder, sync_folder
from interviewer.protection.encrypt import exclusive_use
from interviewer.store import DATABASE_NAME, Study, StoreError, study_folder
from interviewer.store import encryption
from interviewer.store.backup import (KEY_FILES, BackupInfo, backups_folder, copy_database, copy_private,
                                      finish_backup, read_manifest, sha256_file, start_backup)
from interviewer.store.connection import connect

SCHEDULES = "schedules"


def backup_study(study: Study, target: Path) -> BackupInfo:
    """A full backup into `target` (a new or empty folder): the database as of one moment, the study and
    re-identification keys, the recordings that moment's database names, and the study's schedules."""
    target = Path(target).resolve()
    if target.is_relative_to(study.folder.resolve()) and not target.is_relative_to(backups_folder(study.folder).resolve()):
        raise StoreError(f"{target} is inside the study folder; back up to another disk or folder "
                         f"(or to {backups_folder(study.folder)}).")
    start_backup(target)
    key = study.keys.database if study.keys else None
    copy_database(study.db, target / DATABASE_NAME, key)
    snapshot = Study(target, connect(target / DATABASE_NAME, key), keys=study.keys)
    files: dict[str, str] = {}
    try:
        for recording in snapshot.all_recordings():
            source = study.recording_path(recording)
            if recording.deleted_at or not source.is_file():
                continue
            relative = source.relative_to(study.folder) if source.is_relative_to(study.folder) else None
            if relative is None:
                raise StoreError(f"Recording {source} lies outside the study folder; it cannot be backed up with it.")
            files[str(relative)] = copy_private(source, target / relative)
    finally:
        snapshot.db.close()
    schedules = study.folder / SCHEDULES
    for source in sorted(schedules.glob("*")) if schedules.is_dir() else ():
        if source.is_file():
            files[f"{SCHEDULES}/{source.name}"] = copy_private(source, target / SCHEDULES / source.name)
    info = finish_backup(target, study.folder, kind="full", reason="study backup", encrypted=study.encrypted,
                         files=files)
    study.audit("backup", "study", 1, {"path": str(target), "files": len(files) + 1})
    return info


@dataclass
class RestoreResult:
    folder: Path
    made_at: str
    replaced: Path | None
    """Where the files the restore replaced were moved (nothing is deleted)."""
    restored_files: list[str] = field(default_factory=list)


def verify_backup(backup: Path) -> dict:
    """The backup's manifest, after checking every file it lists against its checksum."""
    manifest = read_manifest(backup)
    for name, checksum in manifest.get("files", {}).items():
        path = backup / name
        if not path.is_file():
            raise StoreError(f"The backup {backup} is incomplete: {name} is missing.")
        if sha256_file(path) != checksum:
            raise StoreError(f"The backup {backup} is damaged: {name} does not match its checksum.")
    return manifest


def restore_study(backup: Path, study_name: str | None, passphrase: encryption.Passphrase) -> RestoreResult:
    """Put a backup in place of a study's database, keys and any recordings missing or changed since.

    The backup is checked first (checksums, the passphrase, the database's integrity); the files it replaces
    are moved into the study's backups folder; recordings made after the backup are left where they are.
    """
    backup = Path(backup).resolve()
    manifest = verify_backup(backup)
    keys = encryption.unlock(backup, passphrase) if manifest.get("encrypted") else None
    copy = Study(backup, connect(backup / DATABASE_NAME, keys.database if keys else None), keys=keys)
    try:
        problems = copy.integrity_problems(encrypted=keys is not None)
    finally:
        copy.db.close()
    if problems:
        raise StoreError(f"The backup's database {backup / DATABASE_NAME} fails its integrity check "
                         f"({'; '.join(problems[:3])}); choose another backup.")
    folder = study_folder(study_name)
    private_folder(folder)
    with exclusive_use(folder):
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        replaced = backups_folder(folder) / f"{stamp}-replaced-by-restore"
        names = [DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm", *KEY_FILES]
        moved = [name for name in names if (folder / name).exists()]
        moved += [name for name in manifest["files"] if name not in names and (folder / name).exists()
                  and sha256_file(folder / name) != manifest["files"][name]]
        for name in moved:
            private_folder((replaced / name).parent)
            os.replace(folder / name, replaced / name)
        restored = []
        for name in manifest["files"]:
            if not (folder / name).exists():
                copy_private(backup / name, folder / name)
                restored.append(name)
        sync_folder(folder)
        harden(folder)
    study = Study.open(str(folder), passphrase=passphrase)
    study.audit("restore", "study", 1, {"from": str(backup), "made_at": manifest.get("made_at"),
                                        "replaced_files_kept_in": str(replaced) if moved else None})
    study.close()
    return RestoreResult(folder, manifest.get("made_at", ""), replaced if moved else None, restored)
