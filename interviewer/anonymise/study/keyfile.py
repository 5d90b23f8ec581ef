"""Provides the encrypted, owner-only key file: scrypt key derivation, AES-256-GCM, atomic writes and a lock."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path
from typing import Callable, Iterator, Union

from interviewer import crypto
from interviewer.private import private_folder
from interviewer.store import StoreError

SCRYPT = crypto.SCRYPT

FORMAT = "interviewer-reidentification-key"
VERSION = 1
PASSPHRASE_VARIABLE = "INTERVIEWER_KEY_PASSPHRASE"
MIN_PASSPHRASE = 8

Passphrase = Union[str, Callable[[bool], str], None]
"""A passphrase, a function that asks for one (the CLI's hidden prompt; called with True for a new key, to be
typed twice), or None for the environment variable."""


class KeyFileError(StoreError):
    """The key file cannot be used as asked (locked, wrong passphrase, damaged)."""


class PassphraseNeeded(KeyFileError):
    """No passphrase was given and none can be asked for."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not open the key (or the file was altered)."""


def resolve_passphrase(passphrase: Passphrase, path: Path, *, new: bool = False) -> str:
    """The passphrase to use: given, else $INTERVIEWER_KEY_PASSPHRASE, else asked for; checked for length."""
    if callable(passphrase):
        value = os.environ.get(PASSPHRASE_VARIABLE) or passphrase(new)
    else:
        value = passphrase or os.environ.get(PASSPHRASE_VARIABLE)
    if not value:
        action = "create" if new else "open"
        raise PassphraseNeeded(f"A passphrase is needed to {action} the re-identification key {path}: "
                               f"set {PASSPHRASE_VARIABLE} or run the command in a terminal to be asked for it.")
    if new and len(value) < MIN_PASSPHRASE:
        raise KeyFileError(f"The key passphrase must be at least {MIN_PASSPHRASE} characters long; choose a longer one.")
    return value


_derive = crypto.passphrase_key
_b64 = crypto.b64


def _aad(header: dict) -> bytes:
    return json.dumps({k: header[k] for k in ("format", "version", "kdf", "cipher")}, sort_keys=True).encode()


def encrypt(payload: dict, passphrase: str) -> bytes:
    """The file's bytes: a readable JSON header (format, scrypt parameters) and the AES-GCM ciphertext."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": FORMAT, "version": VERSION, "kdf": {"name": "scrypt", "salt": _b64(salt), **crypto.SCRYPT},
              "cipher": "AES-256-GCM"}
    key = _derive(passphrase, salt, **crypto.SCRYPT)
    plain = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    sealed = AESGCM(key).encrypt(nonce, plain, _aad(header))
    return (json.dumps({**header, "nonce": _b64(nonce), "ciphertext": _b64(sealed)}, indent=1) + "\n").encode()


def decrypt(data: bytes, passphrase: str, path: Path) -> dict:
    """The payload of a key file; WrongPassphrase when the passphrase (or the file) is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        envelope = json.loads(data.decode("utf-8"))
        if envelope.get("format") != FORMAT:
            raise ValueError("not a key file")
        if envelope.get("version") != VERSION:
            raise KeyFileError(f"{path} is a version {envelope.get('version')} key; this interviewer reads version "
                            f"{VERSION}. Update interviewer.")
        kdf = envelope["kdf"]
        key = _derive(passphrase, crypto.unb64(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        nonce, sealed = crypto.unb64(envelope["nonce"]), crypto.unb64(envelope["ciphertext"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise KeyFileError(f"{path} is not a readable re-identification key ({error}); restore it from a backup.") from None
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, _aad(envelope))
    except InvalidTag:
        raise WrongPassphrase(f"Wrong passphrase for the re-identification key {path} (or the file was altered). "
                              f"Check {PASSPHRASE_VARIABLE} or type it again.") from None
    return json.loads(plain.decode("utf-8"))


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the key while it is read, changed and written (other processes wait)."""
    private_folder(path.parent)
    handle = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)
