"""Provides sealed (encrypted) audio files: AES-256-GCM in small chunks, written as audio arrives and read back as an
ordinary seekable file in memory, so a kill loses at most the chunk in flight and no plaintext reaches the disk.

Layout: MAGIC, a 4-byte header length, a JSON header (kind, sample rate, channels, a random file id), then chunks,
each a 4-byte length and its ciphertext. Chunk i is sealed with a key of its own file (HKDF of the study's
recordings key and the file id), nonce i, and its index and a last-chunk flag as associated data: chunks cannot
be reordered, swapped between files or cut off unnoticed once the file is finished. A file a crash left without
its last chunk still reads up to its last whole chunk; `sealed_reader.finalise` closes it properly.

Kinds: "pcm" holds 16-bit PCM and reads back as a WAV file; "file" holds any file's bytes (an imported MP3).
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from pathlib import Path

import numpy as np

from interviewer import crypto
from interviewer.audio.wavfile import MAX_DATA_BYTES, SAMPLE_BYTES, WavTooLarge
from interviewer.private import open_private

MAGIC = b"IVSEAL01"
FORMAT = "interviewer-sealed-audio"
SUFFIX = ".enc"
"""Added to a sealed file's name: interview-0003-part-1.wav.enc."""
LENGTH = struct.Struct("<I")
MAX_CHUNK = 16 << 20
FILE_CHUNK = 1 << 20
"""Plaintext per chunk when sealing a whole file (an import)."""
PCM_CHUNK_SECONDS = 1.0
"""Audio is sealed at least this often even between syncs, so a chunk never holds more than a second."""


class SealedAudioError(ValueError):
    """A sealed file that cannot be read: not sealed, the wrong key, or damaged."""


def is_sealed(path: str | os.PathLike) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def sealed_name(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def logical_suffix(path: str | os.PathLike) -> str:
    """The suffix of what a file holds: '.wav' for interview-0001-part-1.wav.enc."""
    name = Path(path).name
    return Path(name[:-len(SUFFIX)] if name.endswith(SUFFIX) else name).suffix.lower()


def _aad(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + struct.pack(">QB", index, 1 if last else 0)


def _nonce(index: int) -> bytes:
    return index.to_bytes(crypto.NONCE_BYTES, "big")


class _ChunkSealer:
    """Writes the header and sealed chunks of one file, keeping it valid up to its last whole chunk."""

    def __init__(self, path: Path, key: bytes, header: dict, fsync: bool):
        self.path = Path(path)
        self.fsync = fsync
        file_id = os.urandom(16)
        header = {"format": FORMAT, "version": 1, "cipher": crypto.CIPHER, "file_id": crypto.b64(file_id), **header}
        header_bytes = json.dumps(header, sort_keys=True).encode()
        self._digest = hashlib.sha256(header_bytes).digest()[:16]
        self._cipher = crypto.aead(crypto.subkey(key, "recording file", file_id))
        self._index = 0
        self._fd = open_private(self.path)
        self.committed = 0
        """File bytes known to be whole chunks (a failed write is cut back to here)."""
        try:
            self._emit(MAGIC + LENGTH.pack(len(header_bytes)) + header_bytes)
        except OSError:
            self.close()
            raise

    def seal(self, plaintext: bytes, last: bool = False) -> None:
        sealed = self._cipher.encrypt(_nonce(self._index), plaintext, _aad(self._digest, self._index, last))
        self._emit(LENGTH.pack(len(sealed)) + sealed)
        self._index += 1

    def _emit(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[self._write_all(view):]
        except OSError:
            try:
                os.ftruncate(self._fd, self.committed)
            except OSError:
                pass
            raise
        self.committed += len(data)

    def _write_all(self, data) -> int:
        return os.write(self._fd, data)

    def sync(self) -> None:
        if self.fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)


class SealedPcmWriter:
    """Appends 16-bit PCM to a sealed file: the interface of `wavfile.WavAppender`, encrypted.

    Audio is kept in memory until `sync()` (or a second of it) and then sealed as one chunk, so the file on
    disk is always whole chunks: a kill loses what was not yet synced, as with the plain writer.
    """

    def __init__(self, path: str | os.PathLike, samplerate: int, channels: int, key: bytes, fsync: bool = True):
        self.path = Path(path)
        self.samplerate = samplerate
        self.channels = channels
        self.fsync = fsync
        self.data_bytes = 0
        self._pending = bytearray()
        self._chunk_bytes = int(PCM_CHUNK_SECONDS * samplerate) * channels * SAMPLE_BYTES
        self._sealer = _ChunkSealer(self.path, key, {"kind": "pcm", "samplerate": samplerate, "channels": channels,
                                                     "sample_bytes": SAMPLE_BYTES}, fsync)
        self._stored = 0

    @property
    def seconds(self) -> float:
        return self.data_bytes / (self.samplerate * self.channels * SAMPLE_BYTES)

    def write(self, frames: np.ndarray) -> None:
        data = np.ascontiguousarray(frames, dtype="<i2").tobytes()
        if self.data_bytes + len(data) > MAX_DATA_BYTES:
            raise WavTooLarge(f"{self.path} reached the 4 GiB limit of a WAV file")
        self._pending += data
        self.data_bytes += len(data)
        if len(self._pending) >= self._chunk_bytes:
            self._seal_pending()

    def _seal_pending(self) -> None:
        """Seal the whole frames pending, a second of audio per chunk at most."""
        while True:
            whole = min(len(self._pending), self._chunk_bytes)
            whole -= whole % (self.channels * SAMPLE_BYTES)
            if not whole:
                return
            try:
                self._sealer.seal(bytes(self._pending[:whole]))
            except OSError:
                self.data_bytes = self._stored
                self._pending.clear()
                raise
            self._stored += whole
            del self._pending[:whole]

    def _write_all(self, data) -> int:
        return self._sealer._write_all(data)

    def sync(self) -> None:
        self._seal_pending()
        self._sealer.sync()

    def close(self) -> None:
        """Seal what is pending and the last chunk, sync, close."""
        if self._sealer._fd < 0:
            return
        try:
            self._seal_pending()
            self.data_bytes = self._stored
            self._sealer.seal(b"", last=True)
            self._sealer.sync()
        finally:
            self._sealer.close()


def seal_file(source: str | os.PathLike, target: str | os.PathLike, key: bytes) -> str:
    """Seal a whole file (kind "file", keeping its suffix) into `target`; returns the SHA-256 of the plaintext."""
    digest = hashlib.sha256()
    sealer = _ChunkSealer(Path(target), key, {"kind": "file", "suffix": Path(source).suffix.lower()}, True)
    try:
        with open(source, "rb") as handle:
            block = handle.read(FILE_CHUNK)
            while block:
                digest.update(block)
                sealer.seal(block)
                block = handle.read(FILE_CHUNK)
        sealer.seal(b"", last=True)
        sealer.sync()
    finally:
        sealer.close()
    return digest.hexdigest()
