"""Provides the study key: one random key per study, wrapped under the study passphrase in `study.key`.

The database (SQLCipher) and the recordings (AES-256-GCM) are encrypted with keys derived from the study key,
so changing the passphrase rewraps one small file and never rewrites the data. An unlocked key is kept in
memory for the life of the process, so worker threads and later opens of the same study do not ask again.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Union

from interviewer import crypto
from interviewer.private import write_private
from interviewer.store.base import StoreError

KEY_FILE_NAME = "study.key"
KEY_FORMAT = "interviewer-study-key"
PASSPHRASE_VARIABLE = "INTERVIEWER_STUDY_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "INTERVIEWER_NEW_STUDY_PASSPHRASE"
MIN_PASSPHRASE = 8

Passphrase = Union[str, Callable[[bool], str], None]
"""A passphrase, a function that asks for one (called with True for a new one, to be typed twice), or None
for $INTERVIEWER_STUDY_PASSPHRASE."""


class StudyLocked(StoreError):
    """The study is encrypted and no passphrase was given or can be asked for."""


class WrongStudyPassphrase(StoreError):
    """The passphrase does not open the study key."""


class StudyKeyDamaged(StoreError):
    """The study key file is missing or unreadable."""


@dataclass(frozen=True)
class StudyKeys:
    """The unlocked study key and the keys derived from it."""

    master: bytes

    @property
    def database(self) -> bytes:
        """SQLCipher's raw key for study.db (no second key derivation on every connection)."""
        return crypto.subkey(self.master, "study database")

    @property
    def recordings(self) -> bytes:
        """The key recordings are sealed with (each file derives its own from it)."""
        return crypto.subkey(self.master, "recordings")

    def __repr__(self) -> str:  # never print key material
        return "StudyKeys(<hidden>)"


_unlocked: dict[str, bytes] = {}
_unlocked_lock = threading.Lock()


def key_file(folder: Path) -> Path:
    return Path(folder) / KEY_FILE_NAME


def is_encrypted(folder: Path) -> bool:
    return key_file(folder).is_file()


def resolve_passphrase(passphrase: Passphrase, folder: Path, *, new: bool = False) -> str:
    """The passphrase to use: given, else $INTERVIEWER_STUDY_PASSPHRASE, else asked for; a new one is checked."""
    if callable(passphrase):
        value = os.environ.get(PASSPHRASE_VARIABLE) or passphrase(new)
    else:
        value = passphrase or os.environ.get(PASSPHRASE_VARIABLE)
    if not value:
        action = "create the encrypted study" if new else "open the encrypted study"
        hint = (" or create it unencrypted (for a study kept on an encrypted volume) with: "
                "interviewer study init --no-encryption") if new else ""
        raise StudyLocked(f"A passphrase is needed to {action} {folder}: set {PASSPHRASE_VARIABLE} or run the "
                          f"command in a terminal to be asked for it{hint}.")
    if new:
        check_new_passphrase(value)
    return value


def check_new_passphrase(value: str) -> None:
    if len(value) < MIN_PASSPHRASE:
        raise StoreError(f"The study passphrase must be at least {MIN_PASSPHRASE} characters long; choose a longer "
                         "one (a few words are easy to remember and hard to guess).")


def create_keys(folder: Path, passphrase: Passphrase) -> StudyKeys:
    """Make a new study key, wrap it under the passphrase and write study.key (owner-only)."""
    value = resolve_passphrase(passphrase, folder, new=True)
    master = crypto.random_key()
    data = crypto.wrap_key(master, value, file_format=KEY_FORMAT)
    write_private(key_file(folder), data)
    _remember(data, master)
    return StudyKeys(master)


def unlock(folder: Path, passphrase: Passphrase) -> StudyKeys:
    """The study's keys: from this process's memory when already unlocked, else from study.key and the passphrase."""
    path = key_file(folder)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StudyKeyDamaged(f"The study key {path} cannot be read ({error.strerror or error}). Restore it from a "
                              "backup: interviewer study restore BACKUP") from None
    with _unlocked_lock:
        known = _unlocked.get(crypto.fingerprint(data))
    if known is not None:
        return StudyKeys(known)
    value = resolve_passphrase(passphrase, folder)
    return StudyKeys(_unwrap(data, value, path))


def _unwrap(data: bytes, passphrase: str, path: Path) -> bytes:
    try:
        master = crypto.unwrap_key(data, passphrase, file_format=KEY_FORMAT)
    except crypto.Tampered:
        raise WrongStudyPassphrase(f"Wrong passphrase for the study {path.parent} (or its key file {path.name} was "
                                   f"altered). Check {PASSPHRASE_VARIABLE} or type it again.") from None
    except crypto.CryptoError as error:
        raise StudyKeyDamaged(f"The study key {path} is {error}. Restore it from a backup: "
                              "interviewer study restore BACKUP") from None
    _remember(data, master)
    return master


def change_passphrase(folder: Path, old: Passphrase, new: str) -> None:
    """Wrap the same study key under a new passphrase (a new salt too); the old passphrase stops opening it."""
    check_new_passphrase(new)
    path = key_file(folder)
    data = path.read_bytes()
    master = _unwrap(data, resolve_passphrase(old, folder), path)
    rewrapped = crypto.wrap_key(master, new, file_format=KEY_FORMAT)
    write_private(path, rewrapped)
    with _unlocked_lock:
        _unlocked.pop(crypto.fingerprint(data), None)
    _remember(rewrapped, master)


def _remember(data: bytes, master: bytes) -> None:
    with _unlocked_lock:
        _unlocked[crypto.fingerprint(data)] = master


def forget_unlocked() -> None:
    """Drop every unlocked key from this process's memory (tests; a locked screen)."""
    with _unlocked_lock:
        _unlocked.clear()
