"""Provides the product's cryptography: scrypt keys from passphrases, AES-256-GCM sealing, sub-keys and wrapped keys."""

from __future__ import annotations

import base64
import hashlib
import json
import os

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
"""About 0.1 s and 32 MB per derivation: slow enough to make guessing costly, quick enough for every command.
The parameters are stored beside what they protect, so files made with other parameters still open."""
CIPHER = "AES-256-GCM"


class CryptoError(ValueError):
    """Data that cannot be decrypted as asked."""


class Tampered(CryptoError):
    """Authentication failed: the key or passphrase is wrong, or the data was altered."""


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """A 256-bit key from a passphrase with scrypt."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def subkey(master: bytes, purpose: str, salt: bytes | None = None) -> bytes:
    """A key for one purpose (the database, recordings, one recording file) from a master key, with HKDF-SHA256."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt,
                info=f"interviewer {purpose}".encode()).derive(master)


def aead(key: bytes):
    """An AES-256-GCM cipher object; keep one per key when sealing many chunks."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """A random nonce followed by the AES-256-GCM ciphertext and tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + aead(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    from cryptography.exceptions import InvalidTag

    try:
        return aead(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        raise Tampered("authentication failed") from None


def _header_aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True).encode()


def wrap_key(key: bytes, passphrase: str, *, file_format: str, version: int = 1) -> bytes:
    """The bytes of a small JSON file holding `key` encrypted under a passphrase (scrypt, then AES-256-GCM).

    The header (format, version, scrypt salt and parameters) is readable and authenticated with the key.
    """
    salt = os.urandom(16)
    header = {"format": file_format, "version": version, "kdf": {"name": "scrypt", "salt": b64(salt), **SCRYPT},
              "cipher": CIPHER}
    sealed = seal(passphrase_key(passphrase, salt, **SCRYPT), key, _header_aad(header))
    return (json.dumps({**header, "wrapped": b64(sealed)}, indent=1) + "\n").encode()


def unwrap_key(data: bytes, passphrase: str, *, file_format: str, version: int = 1) -> bytes:
    """The key held in a file made by `wrap_key`; Tampered for a wrong passphrase, CryptoError for a damaged file."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        if envelope.get("format") != file_format:
            raise CryptoError(f"not an {file_format} file")
        if envelope.get("version") != version:
            raise CryptoError(f"version {envelope.get('version')}, where this interviewer reads version {version}")
        header = {k: envelope[k] for k in ("format", "version", "kdf", "cipher")}
        kdf = header["kdf"]
        salt, sealed = unb64(kdf["salt"]), unb64(envelope["wrapped"])
        key = passphrase_key(passphrase, salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        if isinstance(error, CryptoError):
            raise
        raise CryptoError(f"unreadable ({error})") from None
    return unseal(key, sealed, _header_aad(header))


def fingerprint(data: bytes) -> str:
    """A short, non-secret name for some bytes (a cache key)."""
    return hashlib.sha256(data).hexdigest()[:32]
