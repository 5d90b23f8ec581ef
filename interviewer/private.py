"""Provides owner-only files and folders: 0700 folders, 0600 files whatever the umask, atomic private writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: str | os.PathLike) -> Path:
    """Make a folder (and missing parents) and leave it readable by its owner only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, FOLDER_MODE)
    return path


def open_private(path: str | os.PathLike, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """Open (creating) a file only its owner can read or write, whatever the umask; returns the descriptor."""
    fd = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def write_private(path: str | os.PathLike, data: bytes) -> None:
    """Write a file only its owner can read, atomically (a crash leaves the old file or the new, never half)."""
    path = Path(path)
    private_folder(path.parent)
    staging = path.with_name(path.name + ".partial")
    staging.unlink(missing_ok=True)
    fd = open_private(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(staging, path)
        sync_folder(path.parent)
    finally:
        staging.unlink(missing_ok=True)


def sync_folder(path: str | os.PathLike) -> None:
    """Push a folder's entries (a rename, a new file) to the disk."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def loose_modes(folder: str | os.PathLike) -> list[Path]:
    """Files and folders under `folder` (itself included) that someone other than the owner may read."""
    found = []
    for path in _tree(Path(folder)):
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(path)
    return found


def harden(folder: str | os.PathLike) -> list[Path]:
    """Make `folder` and everything in it owner-only (0700 folders, 0600 files); returns what was changed."""
    changed = []
    for path in _tree(Path(folder)):
        info = path.lstat()
        wanted = FOLDER_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
        if stat.S_IMODE(info.st_mode) != wanted:
            try:
                os.chmod(path, wanted)
            except OSError:  # a file of another user in the folder: reported by the study check
                continue
            changed.append(path)
    return changed


def _tree(folder: Path):
    if not folder.is_dir():
        return
    yield folder
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            if not path.is_symlink():
                yield path
