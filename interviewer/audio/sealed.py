"""Provides sealed (encrypted) audio files: AES-256-GCM in small chunks, written as audio arrives and read back as an
ordinary seekable file in memory, so a kill loses at most the chunk in flight and no plaintext reaches the disk.

Layout: MAGIC, a 4-byte header length, a JSON header (kind, sample rate, channels, a random file id), then chunks,
each a 4-byte length and its ciphertext. Chunk i is sealed with a key of its own file (HKDF of the study's
recordings key and the file id), nonce i, and its index and a last-chunk flag as associated data: chunks cannot
be reordered, swapped between files or cut off unnoticed once the file is finished. A file a crash left without
its last chunk still reads up to its last whole chunk; `finalise` closes it properly.

Kinds: "pcm" holds 16-bit PCM and reads back as a WAV file; "file" holds any file's bytes (an imported MP3).
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from interviewer import crypto
from interviewer.audio.wavfile import HEADER_BYTES, MAX_DATA_BYTES, SAMPLE_BYTES, WavTooLarge, wav_header
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


@dataclass(frozen=True)
class _Chunk:
    offset: int
    """Where its sealed bytes start in the file."""
    length: int
    """Its sealed length (plaintext plus the 16-byte tag)."""
    start: int
    """Where its plaintext starts in the file's plaintext."""

    @property
    def size(self) -> int:
        return self.length - crypto.TAG_BYTES


class SealedFile:
    """A sealed file opened for reading: its header, its chunks, and whether it was finished properly."""

    def __init__(self, path: str | os.PathLike, key: bytes):
        self.path = Path(path)
        with open(self.path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise SealedAudioError(f"{self.path} is not a sealed recording.")
            try:
                (length,) = LENGTH.unpack(handle.read(LENGTH.size))
                header_bytes = handle.read(length)
                self.header = json.loads(header_bytes)
                file_id = crypto.unb64(self.header["file_id"])
            except (struct.error, ValueError, KeyError) as error:
                raise SealedAudioError(f"{self.path}: its header is damaged ({error}).") from None
            if self.header.get("format") != FORMAT or self.header.get("version") != 1:
                raise SealedAudioError(f"{self.path} is a sealed file this version of interviewer cannot read.")
            size = os.fstat(handle.fileno()).st_size
            position = len(MAGIC) + LENGTH.size + length
            self._digest = hashlib.sha256(header_bytes).digest()[:16]
            self.chunks: list[_Chunk] = []
            plaintext = 0
            while position + LENGTH.size <= size:
                handle.seek(position)
                (sealed_length,) = LENGTH.unpack(handle.read(LENGTH.size))
                if not crypto.TAG_BYTES <= sealed_length <= MAX_CHUNK + crypto.TAG_BYTES \
                        or position + LENGTH.size + sealed_length > size:
                    break  # a chunk a crash cut short: the file ends at the one before
                self.chunks.append(_Chunk(position + LENGTH.size, sealed_length, plaintext))
                plaintext += sealed_length - crypto.TAG_BYTES
                position += LENGTH.size + sealed_length
        self.whole_bytes = position
        """File bytes up to the end of the last whole chunk."""
        self.trailing_bytes = size - position
        self.plaintext_size = plaintext
        self._starts = [chunk.start for chunk in self.chunks]
        self._cipher = crypto.aead(crypto.subkey(key, "recording file", file_id))
        self._cached: tuple[int, bytes] | None = None
        self.finished = bool(self.chunks) and self.chunks[-1].size == 0 and self._is_last(len(self.chunks) - 1)
        """Whether the writer closed the file (a last, empty chunk marked as last)."""

    def _is_last(self, index: int) -> bool:
        from cryptography.exceptions import InvalidTag

        with open(self.path, "rb") as handle:
            handle.seek(self.chunks[index].offset)
            sealed = handle.read(self.chunks[index].length)
        try:
            self._cipher.decrypt(_nonce(index), sealed, _aad(self._digest, index, True))
            return True
        except InvalidTag:
            return False

    @property
    def kind(self) -> str:
        return self.header.get("kind", "file")

    @property
    def samplerate(self) -> int:
        return int(self.header.get("samplerate", 0))

    @property
    def channels(self) -> int:
        return int(self.header.get("channels", 0))

    @property
    def frames(self) -> int:
        """Whole frames of a "pcm" file."""
        return self.plaintext_size // (self.channels * SAMPLE_BYTES) if self.kind == "pcm" else 0

    def chunk(self, index: int, handle=None) -> bytes:
        """The plaintext of one chunk; SealedAudioError when it does not authenticate."""
        if self._cached and self._cached[0] == index:
            return self._cached[1]
        from cryptography.exceptions import InvalidTag

        chunk = self.chunks[index]
        own = handle is None
        handle = handle or open(self.path, "rb")
        try:
            handle.seek(chunk.offset)
            sealed = handle.read(chunk.length)
        finally:
            if own:
                handle.close()
        last = self.finished and index == len(self.chunks) - 1
        try:
            plaintext = self._cipher.decrypt(_nonce(index), sealed, _aad(self._digest, index, last))
        except InvalidTag:
            raise SealedAudioError(
                f"{self.path}: chunk {index + 1} of {len(self.chunks)} does not decrypt: the file is damaged, or it "
                "belongs to another study (another key).") from None
        self._cached = (index, plaintext)
        return plaintext

    def chunk_at(self, position: int) -> int:
        """The index of the chunk holding plaintext byte `position`."""
        return bisect.bisect_right(self._starts, position) - 1

    def logical_size(self) -> int:
        if self.kind == "pcm":
            return HEADER_BYTES + self.frames * self.channels * SAMPLE_BYTES
        return self.plaintext_size

    def logical_header(self) -> bytes:
        return wav_header(self.samplerate, self.channels, self.frames * self.channels * SAMPLE_BYTES) \
            if self.kind == "pcm" else b""

    def iter_logical(self) -> Iterator[bytes]:
        """The file as it reads back (a WAV for "pcm"), chunk by chunk, every chunk authenticated."""
        header = self.logical_header()
        if header:
            yield header
        remaining = self.logical_size() - len(header)
        with open(self.path, "rb") as handle:
            for index in range(len(self.chunks)):
                if remaining <= 0:
                    break
                data = self.chunk(index, handle)[:remaining]
                remaining -= len(data)
                yield data


class SealedReader(io.RawIOBase):
    """A sealed file read as the plain file it holds: seekable, decrypted a chunk at a time, in memory only.

    Audio libraries read through callbacks that swallow exceptions (a damaged chunk would show as "format not
    recognised" or a short file). Unless `strict`, a chunk that does not decrypt ends the file there and is kept
    in `error`, for the caller to raise once the library returns (see `source.opened_audio`).
    """

    def __init__(self, sealed: SealedFile, strict: bool = True):
        super().__init__()
        self.sealed = sealed
        self.strict = strict
        self.error: SealedAudioError | None = None
        self.name = str(sealed.path)
        self._header = sealed.logical_header()
        self._size = sealed.logical_size()
        self._position = 0
        self._handle = open(sealed.path, "rb")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), self._size - self._position)
        if wanted <= 0:
            return 0
        filled = 0
        while filled < wanted:
            position = self._position + filled
            if position < len(self._header):
                piece = self._header[position:position + wanted - filled]
            else:
                inner = position - len(self._header)
                index = self.sealed.chunk_at(inner)
                try:
                    data = self.sealed.chunk(index, self._handle)
                except SealedAudioError as error:
                    self.error = self.error or error
                    if self.strict:
                        raise
                    break
                offset = inner - self.sealed.chunks[index].start
                piece = data[offset:offset + wanted - filled]
                if not piece:
                    break
            view[filled:filled + len(piece)] = piece
            filled += len(piece)
        self._position += filled
        return filled

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()


def open_sealed(path: str | os.PathLike, key: bytes, strict: bool = True) -> io.BufferedReader:
    """A sealed file opened as the plain file it holds (a WAV for recordings), decrypted in memory; the reader
    is `.raw` (see SealedReader for `strict`)."""
    return io.BufferedReader(SealedReader(SealedFile(path, key), strict), buffer_size=1 << 16)


def plaintext_sha256(path: str | os.PathLike, key: bytes) -> str:
    """The SHA-256 of what a sealed file holds (as it reads back), checking every chunk on the way."""
    digest = hashlib.sha256()
    for block in SealedFile(path, key).iter_logical():
        digest.update(block)
    return digest.hexdigest()


def finalise(path: str | os.PathLike, key: bytes) -> bool:
    """Close a sealed file a crash left open: cut a half-written chunk, add the last-chunk mark. True if changed."""
    sealed = SealedFile(path, key)
    if sealed.finished and not sealed.trailing_bytes:
        return False
    index = len(sealed.chunks)
    last = b"" if sealed.finished else sealed._cipher.encrypt(_nonce(index), b"", _aad(sealed._digest, index, True))
    fd = os.open(sealed.path, os.O_WRONLY)
    try:
        os.ftruncate(fd, sealed.whole_bytes)
        if last:
            os.pwrite(fd, LENGTH.pack(len(last)) + last, sealed.whole_bytes)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True
