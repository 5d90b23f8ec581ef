"""Provides reading sealed audio files (see `sealed`): their chunks found and authenticated, the plain file they hold
read in memory as a seekable file, its checksum, and the closing of a file a crash left open."""

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

from interviewer import crypto
from interviewer.audio.sealed import FORMAT, LENGTH, MAGIC, MAX_CHUNK, SealedAudioError, _aad, _nonce
from interviewer.audio.wavfile import HEADER_BYTES, SAMPLE_BYTES, wav_header


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
