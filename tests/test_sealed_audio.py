"""Tests for sealed recordings: AES-256-GCM chunks that survive a crash, refuse tampering, and read back in memory
as the plain audio they hold, for the recorder, playback, speakers and transcription alike."""

from __future__ import annotations

import errno
import hashlib
import os
import struct

import numpy as np
import pytest
import soundfile

from conftest import SPEECH, word_error_rate
from interviewer.audio.playback import read_span
from interviewer.audio.recorder import DiskFull, Recorder
from interviewer.audio.sealed import SealedPcmWriter, _ChunkSealer, is_sealed, seal_file
from interviewer.audio.sealed_reader import SealedAudioError, SealedFile, finalise, open_sealed
from interviewer.audio.source import SealedAudio, audio_sha256, read_audio
from interviewer.speakers.channel_loudness import ChannelLoudness
from test_recorder import fake_sd  # noqa: F401 (fixture)

RATE = 16000
KEY = bytes(range(32))


def noise(seconds: float, channels: int = 1, seed: int = 1) -> np.ndarray:
    return (np.random.default_rng(seed).standard_normal((int(seconds * RATE), channels)) * 3000).astype(np.int16)


def write_sealed(path, audio, *, sync_every: int = 4000, close: bool = True) -> SealedPcmWriter:
    writer = SealedPcmWriter(path, RATE, audio.shape[1], KEY, fsync=False)
    for start in range(0, len(audio), sync_every):
        writer.write(audio[start:start + sync_every])
        writer.sync()
    if close:
        writer.close()
    return writer


def test_sealed_pcm_reads_back_as_the_same_audio_and_holds_none_in_the_clear(tmp_path):
    audio = noise(3.0, channels=2)
    path = tmp_path / "part.wav.enc"
    write_sealed(path, audio)
    data = path.read_bytes()
    assert is_sealed(path) and not data.startswith(b"RIFF") and audio[100:200].tobytes() not in data
    assert SealedFile(path, KEY).finished
    samples, rate = read_audio(SealedAudio(path, KEY), dtype="int16")
    assert rate == RATE and np.array_equal(samples, audio)


def test_a_crash_between_syncs_loses_only_what_was_not_synced_and_finalise_closes_the_file(tmp_path):
    audio = noise(2.0)
    path = tmp_path / "crash.wav.enc"
    writer = write_sealed(path, audio, sync_every=RATE // 2, close=False)
    writer.write(noise(0.3, seed=2))  # never synced
    os.close(writer._sealer._fd)  # the process dies
    left = SealedFile(path, KEY)
    assert not left.finished and left.frames == len(audio)
    with open(path, "ab") as handle:
        handle.write(struct.pack("<I", 5000) + b"half a chunk")  # a write the kill cut short
    assert finalise(path, KEY) is True and finalise(path, KEY) is False
    closed = SealedFile(path, KEY)
    assert closed.finished and closed.trailing_bytes == 0
    assert np.array_equal(read_audio(SealedAudio(path, KEY), dtype="int16")[0], audio)


def test_chunks_cannot_be_swapped_cut_off_or_read_with_another_key(tmp_path):
    path = tmp_path / "part.wav.enc"
    write_sealed(path, noise(2.0))
    sealed = SealedFile(path, KEY)
    first, second = sealed.chunks[0], sealed.chunks[1]
    data = bytearray(path.read_bytes())
    assert first.length == second.length
    a = data[first.offset:first.offset + first.length]
    data[first.offset:first.offset + first.length] = data[second.offset:second.offset + second.length]
    data[second.offset:second.offset + second.length] = a
    swapped = tmp_path / "swapped.wav.enc"
    swapped.write_bytes(bytes(data))
    with pytest.raises(SealedAudioError, match="chunk 1 of"):
        read_audio(SealedAudio(swapped, KEY))
    cut = tmp_path / "cut.wav.enc"
    cut.write_bytes(path.read_bytes()[:sealed.chunks[-1].offset - 4])  # the last chunk removed
    assert not SealedFile(cut, KEY).finished  # noticed: the file no longer ends properly
    with pytest.raises(SealedAudioError, match="another study"):
        read_audio(SealedAudio(path, os.urandom(32)))


def test_a_sealed_file_keeps_its_bytes_and_checksum(tmp_path):
    source = SPEECH / "jfk.flac"
    checksum = seal_file(source, tmp_path / "jfk.flac.enc", KEY)
    assert checksum == hashlib.sha256(source.read_bytes()).hexdigest()
    assert audio_sha256(SealedAudio(tmp_path / "jfk.flac.enc", KEY)) == checksum
    with open_sealed(tmp_path / "jfk.flac.enc", KEY) as handle:
        handle.seek(1000)
        assert handle.read(500) == source.read_bytes()[1000:1500]


def test_playback_and_channel_loudness_read_sealed_audio_like_plain(tmp_path):
    audio = noise(4.0, channels=2)
    audio[:, 1] //= 8
    soundfile.write(tmp_path / "plain.wav", audio, RATE, subtype="PCM_16")
    write_sealed(tmp_path / "sealed.wav.enc", audio)
    sealed = SealedAudio(tmp_path / "sealed.wav.enc", KEY)
    plain_span, _ = read_span(tmp_path / "plain.wav", 1.3, 2.1)
    sealed_span, rate = read_span(sealed, 1.3, 2.1)
    assert rate == RATE and np.array_equal(plain_span, sealed_span)
    loudness, _ = ChannelLoudness.of_file(sealed)
    assert loudness.louder(0.5, 3.5) == 0


def test_the_recorder_with_a_key_writes_a_sealed_part(fake_sd, tmp_path):
    recorder = Recorder(tmp_path / "r.wav.enc", key=KEY)
    recorder.start()
    stream = fake_sd.streams[-1]
    for value in (1, 2, 3):
        stream.feed(value)
    result = recorder.stop()
    samples, rate = read_audio(SealedAudio(result.path, KEY), dtype="int16")
    assert rate == 16000 and samples[:, 0].tolist() == [1] * 1600 + [2] * 1600 + [3] * 1600
    assert result.seconds == pytest.approx(0.3)


def test_a_full_disk_keeps_every_whole_chunk_of_a_sealed_recording(fake_sd, tmp_path, monkeypatch):
    room = {"bytes": 400 + 2 * (4 + 2 * 1600 + 16)}  # the header and two chunks' worth, then the disk is full
    real_write = _ChunkSealer._write_all

    def write_until_full(self, data):
        if room["bytes"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        allowed = bytes(data[:room["bytes"]])
        room["bytes"] -= len(allowed)
        return real_write(self, allowed)

    monkeypatch.setattr(_ChunkSealer, "_write_all", write_until_full)
    recorder = Recorder(tmp_path / "r.wav.enc", key=KEY, flush_seconds=0.0)
    recorder.start()
    stream = fake_sd.streams[-1]
    for _ in range(6):
        stream.feed(5)
    assert recorder.wait(3)
    assert isinstance(recorder.failure, DiskFull)
    finalise(tmp_path / "r.wav.enc", KEY) if room["bytes"] > 0 else None
    samples, _ = read_audio(SealedAudio(tmp_path / "r.wav.enc", KEY), dtype="int16")
    assert len(samples) >= 1600 and len(samples) % 1600 == 0 and set(samples[:, 0].tolist()) == {5}


@pytest.mark.slow
def test_a_sealed_recording_transcribes_like_the_plain_file(transcriber, tmp_path):
    seal_file(SPEECH / "jfk.flac", tmp_path / "jfk.flac.enc", KEY)
    reference = (SPEECH / "jfk.txt").read_text()
    plain = " ".join(s.text for s in transcriber.transcribe(SPEECH / "jfk.flac").segments)
    sealed = " ".join(s.text for s in transcriber.transcribe(SealedAudio(tmp_path / "jfk.flac.enc", KEY)).segments)
    assert sealed == plain and word_error_rate(reference, sealed) < 0.1
