"""Provides the study's list of backups and their manifests (paths, times and checksums: nothing identifying), so a
damaged study can name the newest backup to restore."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from interviewer.private import private_folder, write_private
from interviewer.store.base import StoreError

BACKUPS_FOLDER = "backups"
INDEX_NAME = "index.json"
MANIFEST_NAME = "backup.json"
BACKUP_FORMAT = "interviewer-study-backup"
KEY_FILES = ("study.key", "key/reidentification.key")
"""Small files every backup carries beside the database: without them an encrypted copy cannot be opened."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: str
    kind: str
    """'database' (the database and keys) or 'full' (with recordings and schedules too)."""
    reason: str


def backups_folder(folder: Path) -> Path:
    return Path(folder) / BACKUPS_FOLDER


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(target: Path, info: BackupInfo, source: Path, files: dict[str, str], *, encrypted: bool) -> None:
    manifest = {"format": BACKUP_FORMAT, "version": 1, "made_at": info.made_at, "kind": info.kind,
                "reason": info.reason, "source": str(source), "encrypted": encrypted, "files": files}
    write_private(target / MANIFEST_NAME, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode())


def read_manifest(target: Path) -> dict:
    """The manifest of a backup folder; StoreError when the folder is not a backup."""
    path = Path(target) / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{target} is not a study backup ({path.name}: {getattr(error, 'strerror', None) or error}).")\
            from None
    if manifest.get("format") != BACKUP_FORMAT:
        raise StoreError(f"{target} is not a study backup ({path.name} is of another format).")
    return manifest


def remember_backup(folder: Path, info: BackupInfo) -> None:
    """Add a backup to the study's list (paths and times only: nothing identifying)."""
    index = backups_folder(folder) / INDEX_NAME
    entries = _index_entries(index)
    entries.append({"path": str(Path(info.path).resolve()), "made_at": info.made_at, "kind": info.kind,
                    "reason": info.reason})
    private_folder(index.parent)
    write_private(index, (json.dumps(entries, indent=1, ensure_ascii=False) + "\n").encode())


def _index_entries(index: Path) -> list[dict]:
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
        return entries if isinstance(entries, list) else []
    except (OSError, ValueError):
        return []


def known_backups(folder: Path) -> list[BackupInfo]:
    """The study's backups that still exist, oldest first: those listed, and any in its own backups folder."""
    found: dict[Path, BackupInfo] = {}
    for entry in _index_entries(backups_folder(folder) / INDEX_NAME):
        path = Path(entry.get("path", ""))
        if (path / MANIFEST_NAME).is_file():
            found[path.resolve()] = BackupInfo(path, entry.get("made_at", ""), entry.get("kind", ""),
                                               entry.get("reason", ""))
    local = backups_folder(folder)
    for manifest in sorted(local.glob(f"*/{MANIFEST_NAME}")) if local.is_dir() else ():
        path = manifest.parent.resolve()
        if path not in found:
            try:
                data = read_manifest(path)
            except StoreError:
                continue
            found[path] = BackupInfo(path, data.get("made_at", ""), data.get("kind", ""), data.get("reason", ""))
    return sorted(found.values(), key=lambda info: info.made_at)


def newest_backup(folder: Path) -> BackupInfo | None:
    backups = known_backups(folder)
    return backups[-1] if backups else None


