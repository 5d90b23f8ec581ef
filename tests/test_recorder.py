"""Tests for audio capture: crash-safe WAV, pause offsets, device and disk errors, level verdicts, real capture."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from audio_sink import capture_through_sink, null_sink, null_sink_running, playable_wav  # noqa: F401 (fixture)
from interviewer.audio import devices as input_devices
from interviewer.audio.levels import judge_level, measure_level
from interviewer.audio.recorder import (
    DeviceLost, DiskFull, Recorder, RecorderError, check_input, free_disk_seconds, list_input_devices,
    part_path,
)
from interviewer.audio.sealed_reader import SealedFile
from interviewer.audio.source import SealedAudio, read_audio, repair_part
from interviewer.audio.wavfile import WavAppender, read_recording, repair

SHARED = Path(os.environ.get("INTERVIEWER_SHARED", Path(__file__).resolve().parents[2] / "shared"))
JFK = SHARED / "eval" / "speech" / "jfk.flac"
RATE = 16000


# -- a sounddevice stand-in whose stream the test drives block by block -------------------------------

class FakeStream:
    def __init__(self, device, samplerate, channels, dtype, blocksize, callback, finished_callback=None, **_):
        self.channels, self.callback, self.finished_callback = channels, callback, finished_callback
        self.active = False

    def start(self):
        self.active = True

    def stop(self):
        if self.active:
            self.active = False
            if self.finished_callback:
                self.finished_callback()

    def close(self):
        self.stop()

    def feed(self, value: int, frames: int = RATE // 10):
        """Deliver one block whose every sample is `value` (so the test can tell blocks apart)."""
        if self.active:
            block = np.full((frames, self.channels), value, dtype=np.int16)
            self.callback(block, frames, None, None)

    def vanish(self):
        """What PortAudio does when the sound server or USB device goes away."""
        self.active = False
        self.finished_callback()


class FakeSoundDevice:
    def __init__(self, devices):
        self.devices = devices
        self.streams: list[FakeStream] = []
        self.default = type("Default", (), {"device": (0 if devices and devices[0]["max_input_channels"] else -1, -1)})()

    def query_devices(self):
        return self.devices

    def query_hostapis(self):
        return [{"name": "ALSA"}]

    def check_input_settings(self, device, channels, samplerate, dtype):
        if samplerate not in (16000, 48000):
            raise ValueError("Invalid sample rate")

    def InputStream(self, **kwargs):
        stream = FakeStream(**kwargs)
        self.streams.append(stream)
        return stream


MICROPHONE = {"name": "USB microphone", "max_input_channels": 2, "max_output_channels": 0,
              "default_samplerate": 48000.0, "hostapi": 0}
SPEAKERS = {"name": "HDMI speakers", "max_input_channels": 0, "max_output_channels": 2,
            "default_samplerate": 48000.0, "hostapi": 0}


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def fake_sd(monkeypatch):
    sd = FakeSoundDevice([MICROPHONE, SPEAKERS])
    monkeypatch.setattr(input_devices, "load_sounddevice", lambda: sd)
    return sd


def wait_until(condition, timeout=3.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


# -- crash-safe WAV ------------------------------------------------------------------------------

def test_wav_left_by_a_crash_between_syncs_is_repaired_to_hold_all_audio(tmp_path):
    path = tmp_path / "crash.wav"
    wav = WavAppender(path, RATE, 2, fsync=False)
    wav.write(np.ones((RATE, 2), dtype=np.int16))
    wav.sync()
    wav.write(np.ones((RATE // 2, 2), dtype=np.int16))
    os.close(wav._fd)  # the process dies: no final sync
    assert soundfile.info(str(path)).frames == RATE  # the header is as of the last sync
    assert repair(path) is True
    samples, rate = read_recording(path)
    assert rate == RATE and samples.shape == (RATE * 3 // 2, 2)
    assert repair(path) is False


def test_repair_drops_a_half_written_frame(tmp_path):
    path = tmp_path / "partial.wav"
    wav = WavAppender(path, RATE, 1, fsync=False)
    wav.write(np.arange(100, dtype=np.int16))
    os.close(wav._fd)
    with open(path, "ab") as handle:
        handle.write(b"\x01")
    repair(path)
    samples, _ = read_recording(path, dtype="int16")
    assert samples[:, 0].tolist() == list(range(100))


# -- the Recorder with a fake device -------------------------------------------------------------

def test_paused_audio_is_not_recorded_and_offsets_skip_the_pause(fake_sd, tmp_path):
    clock = FakeClock()
    recorder = Recorder(tmp_path / "r.wav", clock=clock)
    chunks = []
    recorder.add_listener(lambda block, offset: chunks.append((int(block[0, 0]), offset)))
    recorder.start()
    stream = fake_sd.streams[-1]
    stream.feed(1)
    clock.now += 0.1
    recorder.pause()
    stream.feed(2)
    clock.now += 5.0
    assert recorder.elapsed == pytest.approx(0.1)
    recorder.resume()
    stream.feed(3)
    clock.now += 0.1
    result = recorder.stop()

    samples, rate = read_recording(result.path, dtype="int16")
    assert rate == 16000 and sorted(set(samples[:, 0].tolist())) == [1, 3]
    assert result.seconds == pytest.approx(0.2)
    assert chunks == [(1, 0.0), (3, pytest.approx(0.1))]
    assert recorder.offset_at(100.05) == pytest.approx(0.05)
    assert recorder.offset_at(102.0) == pytest.approx(0.1)  # during the pause
    assert recorder.offset_at(105.15) == pytest.approx(0.15)
    assert [span.offset for span in result.spans] == [0.0, pytest.approx(0.1)]


def test_level_reports_rms_and_peak_per_channel(fake_sd, tmp_path):
    recorder = Recorder(tmp_path / "r.wav", channels=2)
    recorder.start()
    fake_sd.streams[-1].feed(16384)
    level = recorder.level
    recorder.stop()
    assert level.rms_dbfs == pytest.approx((-6.02, -6.02), abs=0.01)
    assert level.peak_dbfs == pytest.approx((-6.02, -6.02), abs=0.01)


def test_vanished_device_stops_cleanly_keeps_the_file_and_flags_device_lost(fake_sd, tmp_path):
    recorder = Recorder(tmp_path / "r.wav")
    told = []
    recorder.on_failure(told.append)
    recorder.start()
    stream = fake_sd.streams[-1]
    for _ in range(5):
        stream.feed(7)
    stream.vanish()
    assert recorder.wait(3)
    assert isinstance(recorder.failure, DeviceLost) and told == [recorder.failure]
    assert "new part" in str(recorder.failure)
    result = recorder.stop()
    assert result.failure is recorder.failure and recorder.state == "failed"
    samples, _ = read_recording(result.path)
    assert len(samples) == 5 * RATE // 10


def test_device_that_goes_quiet_without_a_word_is_detected_as_lost(fake_sd, tmp_path):
    clock = FakeClock()
    recorder = Recorder(tmp_path / "r.wav", clock=clock, stall_seconds=3)
    recorder.start()
    fake_sd.streams[-1].feed(1)
    clock.now += 10
    assert recorder.wait(3) and isinstance(recorder.failure, DeviceLost)


def test_full_disk_stops_recording_keeps_what_was_written_and_says_so(fake_sd, tmp_path, monkeypatch):
    room = {"bytes": 44 + 2 * 3000}  # header plus 3000 frames, then the disk is full
    real_write = WavAppender._write_all

    def write_until_full(self, data):
        if room["bytes"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        allowed = bytes(data[:room["bytes"]])
        room["bytes"] -= len(allowed)
        return real_write(self, allowed)

    monkeypatch.setattr(WavAppender, "_write_all", write_until_full)
    recorder = Recorder(tmp_path / "r.wav")
    recorder.start()
    for _ in range(3):
        fake_sd.streams[-1].feed(5)
    assert recorder.wait(3)
    assert isinstance(recorder.failure, DiskFull)
    assert "disk is full" in str(recorder.failure) and str(tmp_path / "r.wav") in str(recorder.failure)
    samples, _ = read_recording(tmp_path / "r.wav")
    assert len(samples) == 3000


def test_no_input_device_error_lists_the_devices_there_are(monkeypatch, tmp_path):
    sd = FakeSoundDevice([SPEAKERS])
    monkeypatch.setattr(input_devices, "load_sounddevice", lambda: sd)
    with pytest.raises(RecorderError) as raised:
        Recorder(tmp_path / "r.wav").start()
    message = str(raised.value)
    assert "No audio input device" in message and "HDMI speakers" in message and "libportaudio2" in message
    assert not (tmp_path / "r.wav").exists()


def test_missing_portaudio_says_which_package_to_install(monkeypatch):
    class NoPortAudio:
        def find_spec(self, name, path=None, target=None):
            if name == "sounddevice":
                raise OSError("PortAudio library not found")

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [NoPortAudio(), *sys.meta_path])
    with pytest.raises(RecorderError, match="apt-get install libportaudio2"):
        list_input_devices()


def test_devices_are_chosen_by_index_or_part_of_the_name(fake_sd, tmp_path):
    assert input_devices.resolve_device("usb").name == "USB microphone"
    assert input_devices.resolve_device(0).name == "USB microphone"
    with pytest.raises(RecorderError, match="No input device matches 'webcam'.*USB microphone"):
        input_devices.resolve_device("webcam")
    with pytest.raises(RecorderError, match="only 2 input channel"):
        input_devices.choose_samplerate(fake_sd, input_devices.resolve_device(0), 3, None)


def test_free_disk_seconds_and_part_paths(tmp_path):
    assert free_disk_seconds(tmp_path / "not" / "yet" / "x.wav", 1, 16000) > 60
    assert part_path(tmp_path / "a.wav", 1) == tmp_path / "a.wav"
    assert part_path(tmp_path / "a.wav", 2) == tmp_path / "a.part2.wav"


# -- level verdicts on synthetic signals ---------------------------------------------------------

def tone(dbfs: float, seconds: float = 2.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (10 ** (dbfs / 20) * np.sqrt(2) * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


@pytest.mark.parametrize("signal_, verdict", [
    (np.zeros(RATE * 2, dtype=np.float32), "silent"),
    (tone(-70), "silent"),
    (tone(-50), "too quiet"),
    (tone(-20), "fine"),
    (np.clip(tone(0) * 2, -1, 1), "clipping"),
])
def test_level_verdicts(signal_, verdict):
    assert judge_level(signal_, RATE).verdict == verdict


def test_speech_with_pauses_is_judged_on_its_loud_parts():
    speech_then_pause = np.concatenate([tone(-25, 0.5), np.zeros(RATE * 2, dtype=np.float32)])
    assert judge_level(speech_then_pause, RATE).verdict == "fine"


def test_a_silent_channel_of_a_phone_adapter_is_named():
    stereo = np.stack([tone(-20), np.zeros(RATE * 2, dtype=np.float32)], axis=1)
    verdict = judge_level(stereo, RATE)
    assert verdict.verdict == "silent" and verdict.channel_verdicts == ("fine", "silent")
    assert "channel 2: silent" in verdict.message


def test_measure_level_of_a_full_scale_sine():
    level = measure_level(tone(-3.01))
    assert level.rms_dbfs[0] == pytest.approx(-3.01, abs=0.05)
    assert level.peak_dbfs[0] == pytest.approx(0.0, abs=0.05)


# -- real capture through a PulseAudio null sink -------------------------------------------------

def envelope(samples: np.ndarray, rate: int) -> np.ndarray:
    """RMS per 10 ms of the channel mix."""
    mono = samples.mean(axis=1)
    hop = rate // 100
    frames = mono[: len(mono) // hop * hop].reshape(-1, hop)
    return np.sqrt(np.mean(frames ** 2, axis=1))


def best_alignment(source: np.ndarray, captured: np.ndarray) -> tuple[int, float]:
    """(lag in frames, Pearson correlation) where `source` fits best inside `captured`."""
    best = (0, -1.0)
    for lag in range(0, len(captured) - len(source) + 1):
        r = float(np.corrcoef(source, captured[lag:lag + len(source)])[0, 1])
        if r > best[1]:
            best = (lag, r)
    return best


@pytest.mark.audio
def test_real_capture_of_speech_played_into_the_room(null_sink, tmp_path):
    started = time.monotonic()
    result = capture_through_sink(JFK, tmp_path / "jfk.wav", null_sink)
    wall = time.monotonic() - started
    assert result.failure is None and result.overflows == 0
    captured, rate = read_recording(result.path)
    source, source_rate = soundfile.read(str(JFK), always_2d=True)
    assert rate == 16000
    assert len(captured) / rate == pytest.approx(result.seconds, abs=0.01)
    assert 11.0 <= result.seconds <= min(wall, 13.0)
    lag, correlation = best_alignment(envelope(source, source_rate), envelope(captured, rate))
    print(f"\ncaptured {result.seconds:.2f} s in {wall:.2f} s; envelope r={correlation:.3f} at {lag * 10} ms")
    assert correlation > 0.9, f"captured audio does not match the source (r={correlation:.2f})"
    assert lag < 100  # the speech starts within a second of the recording


RECORD_SEALED = """
import sys, time
from interviewer.audio.recorder import Recorder
recorder = Recorder(sys.argv[1], key=bytes.fromhex(sys.argv[2]))
recorder.start()
print("Recording (sealed)", file=sys.stderr, flush=True)
time.sleep(30)
"""


@pytest.mark.audio
@pytest.mark.parametrize("sealed", [False, True], ids=["plain-wav", "encrypted"])
def test_kill_9_leaves_a_readable_file_with_all_but_the_last_second(null_sink, tmp_path, sealed):
    key = os.urandom(32)
    path = tmp_path / ("killed.wav.enc" if sealed else "killed.wav")
    command = ([sys.executable, "-c", RECORD_SEALED, str(path), key.hex()] if sealed else
               [sys.executable, "-m", "interviewer", "audio", "record", "--out", str(path), "--seconds", "30"])
    player = null_sink.play(playable_wav(JFK, tmp_path))
    recorder = subprocess.Popen(command, env=null_sink.env, stderr=subprocess.PIPE, text=True)
    try:
        timer = threading.Timer(15, recorder.kill)
        timer.start()
        line = recorder.stderr.readline()
        timer.cancel()
        assert line.startswith("Recording"), line + recorder.stderr.read()
        time.sleep(4.0)
        recorder.send_signal(signal.SIGKILL)
        recorder.wait(timeout=10)
    finally:
        player.kill()
        player.wait()
    size = path.stat().st_size
    if sealed:
        assert not path.read_bytes().startswith(b"RIFF")
        left = SealedFile(path, key)  # readable as it is, before it is closed properly
        assert not left.finished
        header_frames, rate = left.frames, left.samplerate
        assert repair_part(path, key) and SealedFile(path, key).finished
        samples, rate = read_audio(SealedAudio(path, key))
    else:
        header_frames = soundfile.info(str(path)).frames  # readable as it is, before any repair
        repair(path)
        samples, rate = read_recording(path)
    seconds = len(samples) / rate
    print(f"\nkill -9 after 4.0 s ({'encrypted' if sealed else 'plain'}): {seconds:.2f} s on disk, readable "
          f"before repair {header_frames / rate:.2f} s, {size} bytes")
    assert seconds >= 4.0 - 1.5
    assert header_frames / rate >= 4.0 - 1.5
    assert np.abs(samples).max() > 0.05  # it holds the speech, not silence


@pytest.mark.audio
def test_sound_server_going_away_flags_device_lost_and_keeps_the_audio(tmp_path):
    with null_sink_running(tmp_path / "pulse") as sink:
        recorder = Recorder(tmp_path / "lost.wav")
        recorder.start()
        wait_until(lambda: recorder.elapsed > 0.5)
        sink.kill()
        assert recorder.wait(5), "the recorder did not notice the device going away"
    result = recorder.stop()
    assert isinstance(result.failure, DeviceLost)
    samples, _ = read_recording(result.path)
    assert len(samples) / RATE >= 0.5


@pytest.mark.audio
def test_preflight_check_hears_silence_and_speech(null_sink, tmp_path):
    assert check_input(seconds=0.8).verdict == "silent"
    player = null_sink.play(playable_wav(JFK, tmp_path))
    try:
        verdict = check_input(seconds=2.0)
    finally:
        player.kill()
        player.wait()
    assert verdict.verdict == "fine", verdict.message
