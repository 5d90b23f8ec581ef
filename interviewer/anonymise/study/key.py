"""Provides the study's re-identification key: placeholder ↔ original, encrypted in key/reidentification.key.

The database keeps only keyed hashes ("h:…", identities) and random tokens ("k:…", redactions); the originals
and the per-study hashing secret live in the key, so the same identifier keeps its placeholder study-wide.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Iterable, Iterator

from interviewer.anonymise.study.keyfile import (Passphrase, decrypt, encrypt, locked, resolve_passphrase)
from interviewer.private import write_private
from interviewer.store import Study, now

KEY_FILE = Path("key") / "reidentification.key"
IDENTITY_PREFIX = "h:"
TOKEN_PREFIX = "k:"


def key_path(study: Study) -> Path:
    return study.folder / KEY_FILE


def has_key(study: Study) -> bool:
    return key_path(study).is_file()


class ReidentificationKey:
    """The decrypted key: identities (hash -> identity, type, placeholder) and redactions (token -> original)."""

    def __init__(self, path: Path, passphrase: str, payload: dict):
        self.path = path
        self._passphrase = passphrase
        self._secret = base64.b64decode(payload["secret"])
        self.identities: dict[str, dict] = payload.get("identities", {})
        self.redactions: dict[str, dict] = payload.get("redactions", {})
        self.created_at: str = payload.get("created_at", now())
        self.changed = False

    @classmethod
    def new(cls, path: Path, passphrase: str) -> "ReidentificationKey":
        key = cls(path, passphrase, {"secret": base64.b64encode(os.urandom(32)).decode(), "created_at": now()})
        key.changed = True
        return key

    def save(self, passphrase: str | None = None) -> None:
        if passphrase is not None:
            self._passphrase = passphrase
        payload = {"secret": base64.b64encode(self._secret).decode(), "identities": self.identities,
                   "redactions": self.redactions, "created_at": self.created_at}
        write_private(self.path, encrypt(payload, self._passphrase))
        self.changed = False

    # -- identities ---------------------------------------------------------------------------------

    def identity_id(self, identity: str) -> str:
        """A keyed hash of an identity group (e.g. 'PERSON:sarah thompson'): equal identities, equal ids."""
        digest = hmac.new(self._secret, identity.encode("utf-8"), hashlib.sha256).hexdigest()
        return IDENTITY_PREFIX + digest[:32]

    def remember_identity(self, identity_id: str, identity: str, entity_type: str, placeholder: str) -> None:
        if identity_id not in self.identities:
            self.identities[identity_id] = {"identity": identity, "entity_type": entity_type,
                                            "placeholder": placeholder}
            self.changed = True

    @staticmethod
    def linked_identity(identity: str, entity_type: str, candidates: dict[str, tuple[str, str]]) -> str | None:
        """The one candidate (id -> (identity, type)) this shorter name is part of ('sarah' of 'sarah thompson')."""
        wanted = identity.partition(":")[2].split()
        if not wanted:
            return None
        matches = [identity_id for identity_id, (theirs, their_type) in candidates.items()
                   if their_type == entity_type and len(theirs.partition(":")[2].split()) > len(wanted)
                   and all(word in theirs.partition(":")[2].split() for word in wanted)]
        return matches[0] if len(matches) == 1 else None

    # -- redactions ---------------------------------------------------------------------------------

    def remember_redaction(self, original: str, *, placeholder: str, entity_type: str, interview_id: int,
                           identity_id: str | None = None) -> str:
        """Keep one redaction's original; returns the random token the database stores instead."""
        token = TOKEN_PREFIX + secrets.token_hex(12)
        self.redactions[token] = {"original": original, "placeholder": placeholder, "entity_type": entity_type,
                                  "interview": interview_id, "identity": identity_id}
        self.changed = True
        return token

    def change_original(self, token: str, original: str) -> None:
        if token in self.redactions:
            self.redactions[token]["original"] = original
            self.changed = True

    def forget(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            if self.redactions.pop(token, None) is not None:
                self.changed = True

    def keep_only(self, live_tokens: set[str]) -> None:
        """Drop originals whose redaction no longer exists (a re-transcribed or re-anonymised interview)."""
        self.forget([token for token in self.redactions if token not in live_tokens])

    def originals(self) -> set[str]:
        return {entry["original"] for entry in self.redactions.values() if entry.get("original")}

    def mapping(self) -> list[dict]:
        """One row per placeholder: its type, the originals it stands for and the interviews they are in."""
        rows: dict[str, dict] = {}
        for entry in self.identities.values():
            rows.setdefault(entry["placeholder"], {"placeholder": entry["placeholder"], "entity_type": entry["entity_type"],
                                                    "originals": set(), "interviews": set()})
        for entry in self.redactions.values():
            row = rows.setdefault(entry["placeholder"], {"placeholder": entry["placeholder"],
                                                         "entity_type": entry["entity_type"], "originals": set(),
                                                         "interviews": set()})
            row["originals"].add(entry["original"])
            row["interviews"].add(entry["interview"])
        return [{**row, "originals": sorted(row["originals"], key=str.casefold), "interviews": sorted(row["interviews"])}
                for row in sorted(rows.values(), key=lambda r: _placeholder_order(r["placeholder"]))]


def _placeholder_order(placeholder: str) -> tuple:
    label, _, number = placeholder.strip("[]").rpartition(" ")
    return (label, int(number)) if number.isdigit() else (placeholder, 0)


def open_key(study: Study, passphrase: Passphrase = None) -> ReidentificationKey:
    """Decrypt the study's key (read only: changes are saved through `editing_key`)."""
    path = key_path(study)
    if not path.is_file():
        from interviewer.anonymise.study.keyfile import KeyFileError

        raise KeyFileError(f"The study has no re-identification key yet ({path}); it is made when a transcript "
                           "is first anonymised: interviewer anonymise N")
    value = resolve_passphrase(passphrase, path)
    return ReidentificationKey(path, value, decrypt(path.read_bytes(), value, path))


@contextlib.contextmanager
def editing_key(study: Study, passphrase: Passphrase = None) -> Iterator[ReidentificationKey]:
    """Open (or create) the key under a lock, adopt any plain-text originals left in the database, save changes."""
    path = key_path(study)
    with locked(path):
        if path.is_file():
            value = resolve_passphrase(passphrase, path)
            key = ReidentificationKey(path, value, decrypt(path.read_bytes(), value, path))
        else:
            key = ReidentificationKey.new(path, resolve_passphrase(passphrase, path, new=True))
        _adopt_plain_text(study, key)
        yield key
        if key.changed:
            key.save()


def _adopt_plain_text(study: Study, key: ReidentificationKey) -> None:
    """Move originals that older versions stored in plain text (pseudonyms.identity, redactions.original) into the key."""
    pseudonyms = [row for row in study.pseudonyms() if not str(row.identity).startswith(IDENTITY_PREFIX)]
    redactions = [row for row in study.all_redactions()
                  if row.original is not None and not str(row.original).startswith(TOKEN_PREFIX)]
    if not pseudonyms and not redactions:
        return
    for row in pseudonyms:
        identity_id = key.identity_id(row.identity)
        key.remember_identity(identity_id, row.identity, row.entity_type, row.placeholder)
    tokens = {row.id: key.remember_redaction(row.original, placeholder=row.placeholder,
                                                entity_type=row.entity_type, interview_id=row.interview_id)
              for row in redactions}
    key.save()
    study.replace_plain_originals({row.id: key.identity_id(row.identity) for row in pseudonyms}, tokens)


def rotate_passphrase(study: Study, old: Passphrase, new: str) -> None:
    """Re-encrypt the key under a new passphrase (a new salt too); the old passphrase stops working."""
    from interviewer.anonymise.study.keyfile import MIN_PASSPHRASE, KeyFileError

    if not new or len(new) < MIN_PASSPHRASE:
        raise KeyFileError(f"The new passphrase must be at least {MIN_PASSPHRASE} characters long.")
    path = key_path(study)
    with locked(path):
        key = open_key(study, old)
        key.save(new)
    study.audit("key rotate passphrase", "study", 1, {"path": str(KEY_FILE)})
