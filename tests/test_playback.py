"""Tests for playing a segment's audio: the span read from any format, handed to the output, heard on a null sink."""

from __future__ import annotations

import subprocess
import time

import numpy as np
import pytest
import soundfile

from audio_sink import null_sink  # noqa: F401  (the module-scoped fixture)
from interviewer.audio.playback import Player, PlaybackError, read_span, segment_audio

RATE = 16000


def tone(seconds: float, rate: int = RATE, channels: int = 1) -> np.ndarray:
    """A ramp whose value tells the time, so a span's position can be checked; quiet 440 Hz on top."""
    t = np.arange(int(seconds * rate)) / rate
    signal = (t / seconds * 0.5 + 0.1 * np.sin(2 * np.pi * 440 * t)).astype("float32")
    return np.stack([signal] * channels, axis=1)


def encode_aac(samples: np.ndarray, path):
    """An AAC (.m4a) file, which libsndfile cannot read, written with PyAV."""
    import av

    with av.open(str(path), "w") as container:
        stream = container.add_stream("aac", rate=RATE, layout="stereo")
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples.T), format="fltp", layout="stereo")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def test_a_span_is_read_by_position_from_wav(tmp_path):
    path = tmp_path / "a.wav"
    soundfile.write(str(path), tone(4.0), RATE, subtype="FLOAT")
    samples, rate = read_span(path, 1.0, 1.5)
    assert rate == RATE and samples.shape == (8000, 1)
    assert np.allclose(samples[:, 0], tone(4.0)[16000:24000, 0])


def test_a_span_of_a_compressed_file_is_decoded_near_its_place(tmp_path):
    m4a = encode_aac(tone(6.0, channels=2), tmp_path / "a.m4a")
    samples, rate = read_span(m4a, 3.0, 4.0)
    assert rate == RATE and abs(len(samples) - RATE) < 400 and samples.shape[1] == 2
    ramp = tone(6.0)[:, 0]
    assert abs(float(np.mean(samples[:, 0])) - float(np.mean(ramp[3 * RATE:4 * RATE]))) < 0.03


def test_segment_audio_comes_from_its_recording_part(study, tmp_path):
    study.add_participant("KI-01")
    interview = study.add_interview("KI-01")
    path = tmp_path / "part.wav"
    soundfile.write(str(path), tone(3.0), RATE, subtype="FLOAT")
    recording = study.add_recording(interview.id, path=path, sha256="0", format="wav", sample_rate=RATE, channels=1,
                                    duration=3.0)
    study.replace_segments(interview.id, [{"start": 1.0, "end": 2.0, "text": "hello", "recording_id": recording.id}],
                           model="hand-written")
    samples, _ = segment_audio(study, study.segments(interview.id)[0], lead=0.25)
    assert len(samples) == int(1.5 * RATE)
    assert np.allclose(samples[0, 0], tone(3.0)[int(0.75 * RATE), 0])


class FakeStream:
    def __init__(self, sd, samplerate, channels, dtype, callback, finished_callback):
        self.sd, self.samplerate, self.channels = sd, samplerate, channels
        self.callback, self.finished_callback = callback, finished_callback
        sd.streams.append(self)
        self.heard: list[np.ndarray] = []
        self.stopped = False

    def start(self):
        pass

    def pump(self, frames: int = 1024) -> bool:
        """One PortAudio callback; False once the stream has finished."""
        out = np.full((frames, self.channels), 9.0, dtype="float32")
        try:
            self.callback(out, frames, None, None)
        except self.sd.CallbackStop:
            self.heard.append(out)
            self.finished_callback()
            return False
        self.heard.append(out)
        return True

    def stop(self):
        self.stopped = True
        self.finished_callback()

    def close(self):
        pass


class FakeSoundDevice:
    class PortAudioError(Exception):
        pass

    class CallbackStop(Exception):
        pass

    def __init__(self, outputs: int = 2):
        self.outputs = outputs
        self.streams: list[FakeStream] = []

    def query_devices(self, kind=None):
        if not self.outputs:
            raise self.PortAudioError("Error querying device -1")
        return {"max_output_channels": self.outputs, "default_samplerate": 48000.0}

    def OutputStream(self, **kwargs):
        return FakeStream(self, **kwargs)


def test_the_player_hands_over_every_sample_then_silence_and_finishes():
    sd = FakeSoundDevice()
    player = Player(sd)
    samples = tone(0.2)
    ended = []
    player.play(samples, RATE, on_finish=lambda: ended.append(True))
    assert player.playing
    stream = sd.streams[0]
    while stream.pump():
        pass
    heard = np.concatenate(stream.heard)
    assert np.array_equal(heard[:len(samples)], samples) and not heard[len(samples):].any()
    assert ended == [True] and not player.playing


def test_stop_cuts_playback_short_and_a_new_segment_replaces_the_old():
    sd = FakeSoundDevice()
    player = Player(sd)
    player.play(tone(5.0), RATE)
    sd.streams[0].pump()
    player.play(tone(1.0), RATE)
    assert sd.streams[0].stopped and player.playing
    player.stop()
    assert sd.streams[1].stopped and not player.playing


def test_no_output_device_is_a_clear_error():
    with pytest.raises(PlaybackError, match="No audio output device"):
        Player(FakeSoundDevice(outputs=0)).play(tone(0.1), RATE)


def test_playing_is_heard_on_the_default_output(null_sink):  # noqa: F811
    recorder = subprocess.Popen(["parec", "--format=s16le", "--rate=16000", "--channels=1", "--latency-msec=20",
                                 "-d", f"{null_sink.name}.monitor"], env=null_sink.env, stdout=subprocess.PIPE)
    try:
        time.sleep(0.3)
        player = Player()
        player.play(tone(1.0), RATE)
        assert player.wait(timeout=10)
        time.sleep(0.3)
    finally:
        recorder.terminate()
        captured = np.frombuffer(recorder.communicate(timeout=10)[0], dtype="<i2").astype("float32") / 32768
    loud = captured[np.abs(captured) > 0.05]
    assert len(loud) > 0.5 * RATE, f"heard {len(loud)} loud samples of {len(captured)}"
