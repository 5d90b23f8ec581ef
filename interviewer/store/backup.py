"""Provides backups of a study's database: consistent copies taken while it is in use (SQLite's online backup,
encrypted with the same key), with the key files and a manifest, such as the one made before every migration."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from interviewer.private import open_private, private_folder, write_private
from interviewer.store.base import StoreError, now
from interviewer.store.backup_index import (BACKUP_FORMAT, BACKUPS_FOLDER, INDEX_NAME, KEY_FILES, MANIFEST_NAME,
                                            BackupInfo, backups_folder, known_backups, newest_backup, read_manifest,
                                            remember_backup, sha256_file, write_manifest)

__all__ = ["BACKUP_FORMAT", "BACKUPS_FOLDER", "INDEX_NAME", "KEY_FILES", "MANIFEST_NAME", "BackupInfo",
           "backup_database", "backups_folder", "copy_database", "copy_private", "finish_backup", "known_backups",
           "new_backup_path", "newest_backup", "read_manifest", "remember_backup", "sha256_file", "start_backup",
           "write_manifest"]


def new_backup_path(folder: Path, reason: str) -> Path:
    """A fresh folder name in the study's own backups folder."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in reason)[:60]
    base = backups_folder(folder) / f"{stamp}-{slug}"
    path, number = base, 1
    while path.exists():
        number += 1
        path = base.with_name(f"{base.name}-{number}")
    return path


def copy_database(db: sqlite_utils.Database, target: Path, key: bytes | None) -> None:
    """A consistent copy of an open database (other connections may go on writing), encrypted with the same key."""
    from interviewer.store.connection import raw_connection

    staging = target.with_name(target.name + ".partial")
    staging.unlink(missing_ok=True)
    copy = raw_connection(staging, key)
    try:
        db.conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        copy.close()
    staging.replace(target)


def start_backup(target: Path) -> Path:
    """Make the (new or empty) folder a backup goes into, owner-only."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StoreError(f"{target} is not an empty folder; give a new or empty folder for the backup.")
    return private_folder(target)


def backup_database(db: sqlite_utils.Database, folder: Path, target: Path, key: bytes | None, *,
                    reason: str) -> BackupInfo:
    """Copy the database and the key files of the study in `folder` into `target` (new or empty), write the
    manifest and add the backup to the study's list."""
    target = start_backup(target)
    copy_database(db, target / "study.db", key)
    return finish_backup(target, Path(folder), kind="database", reason=reason, encrypted=key is not None)


def finish_backup(target: Path, folder: Path, *, kind: str, reason: str, encrypted: bool,
                  files: dict[str, str] | None = None) -> BackupInfo:
    """Add the study's key files to a backup holding its database, write the manifest (every file with its
    SHA-256) and add the backup to the study's list."""
    listed = {"study.db": sha256_file(target / "study.db")}
    for name in KEY_FILES:
        source = Path(folder) / name
        if source.is_file():
            write_private(target / name, source.read_bytes())
            listed[name] = sha256_file(target / name)
    listed.update(files or {})
    info = BackupInfo(target, now(), kind, reason)
    write_manifest(target, info, Path(folder), listed, encrypted=encrypted)
    remember_backup(Path(folder), info)
    return info


def copy_private(source: Path, target: Path) -> str:
    """Copy a file into a private folder, owner-only, atomically; returns the copy's SHA-256."""
    private_folder(target.parent)
    staging = target.with_name(target.name + ".partial")
    staging.unlink(missing_ok=True)
    digest = hashlib.sha256()
    with open(source, "rb") as handle, os.fdopen(open_private(staging), "wb") as out:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    staging.replace(target)
    return digest.hexdigest()
