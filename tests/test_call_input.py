"""The call input: finding it on each platform (or saying why not), and recording a call through two null sinks."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest
import soundfile

from audio_sink import BOTH_SINK, CALL_SINK, MIC_SINK, call_sinks, null_sink, play_into  # noqa: F401 (fixture)
from interviewer.audio import call as call_module
from interviewer.audio.call import CallRecorder, find_call_input
from interviewer.audio.capture import CALL_DEVICE, AudioBackend
from interviewer.audio.wavfile import read_recording, repair

RATE = 16000


class FakeSd:
    """sounddevice's device listing, as PortAudio would give it."""

    def __init__(self, devices, hostapis=("ALSA",), default_input=0):
        self.devices = [dict({"max_input_channels": 2, "max_output_channels": 0, "hostapi": 0,
                              "default_samplerate": 48000.0}, **device) for device in devices]
        self.hostapis = [dict({"default_input_device": default_input, "default_output_device": -1}, **(
            api if isinstance(api, dict) else {"name": api})) for api in hostapis]
        self.default = SimpleNamespace(device=(default_input, -1))

    def query_devices(self, index=None):
        return self.devices if index is None else self.devices[index]

    def query_hostapis(self):
        return self.hostapis


def pactl(info: str, sources: str, fails: bool = False):
    def run(command, **_kwargs):
        if fails:
            return SimpleNamespace(returncode=1, stdout="", stderr="Connection failure: Connection refused")
        output = info if command[1] == "info" else sources
        return SimpleNamespace(returncode=0, stdout=output, stderr="")
    return run


PULSE_INFO = "Server Name: PulseAudio (on PipeWire 1.0.5)\nDefault Sink: alsa_output.pci\nDefault Source: alsa_input.pci\n"
PULSE_SOURCES = "0\talsa_output.pci.monitor\tPipeWire\ts16le 2ch 48000Hz\tSUSPENDED\n1\talsa_input.pci\tPipeWire\t...\n"
LINUX_DEVICES = [{"name": "HDA Intel PCH: ALC257 Analog (hw:0,0)"}, {"name": "pulse"}, {"name": "default"}]


def test_the_call_device_value_is_the_same_in_capture_and_call():
    assert call_module.CALL_DEVICE == CALL_DEVICE


def test_pulseaudio_or_pipewire_offers_the_default_source_and_the_default_sinks_monitor():
    found = find_call_input(FakeSd(LINUX_DEVICES), run=pactl(PULSE_INFO, PULSE_SOURCES), platform="linux")
    assert found.available, found.reason
    assert found.mic.device == "pulse" and found.mic.source == "alsa_input.pci"
    assert found.call.source == "alsa_output.pci.monitor"
    assert "PipeWire" in found.reason


@pytest.mark.parametrize("info, sources, devices, fails, said", [
    (PULSE_INFO, PULSE_SOURCES, LINUX_DEVICES, True, "No PulseAudio or PipeWire sound server answers"),
    (PULSE_INFO.replace("alsa_input.pci", "alsa_output.pci.monitor"), PULSE_SOURCES, LINUX_DEVICES, False,
     "the output's own monitor"),
    (PULSE_INFO, "1\talsa_input.pci\tx\n", LINUX_DEVICES, False, "no default output whose sound can be recorded"),
    (PULSE_INFO, PULSE_SOURCES, LINUX_DEVICES[:1], False, "install libasound2-plugins"),
])
def test_linux_without_a_usable_sound_server_says_why(info, sources, devices, fails, said):
    found = find_call_input(FakeSd(devices), run=pactl(info, sources, fails), platform="linux")
    assert not found.available and said in found.reason


def test_windows_uses_the_wasapi_loopback_of_the_default_output():
    sd = FakeSd([{"name": "Microphone (Realtek)", "hostapi": 1},
                 {"name": "Speakers (Realtek)", "hostapi": 1, "max_input_channels": 0, "max_output_channels": 2},
                 {"name": "Headphones (USB) [Loopback]", "hostapi": 1},
                 {"name": "Speakers (Realtek) [Loopback]", "hostapi": 1}],
                hostapis=["MME", {"name": "Windows WASAPI", "default_input_device": 0, "default_output_device": 1}])
    found = find_call_input(sd, platform="win32")
    assert found.available, found.reason
    assert (found.mic.device, found.call.device) == (0, 3) and found.mic.source is None


def test_windows_without_loopback_inputs_is_unavailable_with_the_reason():
    sd = FakeSd([{"name": "Microphone (Realtek)", "hostapi": 1}], hostapis=["MME", "Windows WASAPI"])
    found = find_call_input(sd, platform="win32")
    assert not found.available and "loopback" in found.reason


def test_macos_needs_a_loopback_device_and_uses_it_when_installed():
    without = find_call_input(FakeSd([{"name": "MacBook Pro Microphone"}], hostapis=["Core Audio"]),
                              platform="darwin")
    assert not without.available and "BlackHole" in without.reason
    found = find_call_input(FakeSd([{"name": "MacBook Pro Microphone"}, {"name": "BlackHole 2ch"}],
                                   hostapis=["Core Audio"]), platform="darwin")
    assert found.available and (found.mic.device, found.call.device) == (0, 1)


def test_other_systems_say_what_is_needed_and_nothing_raises():
    assert "PulseAudio or PipeWire" in find_call_input(FakeSd([]), platform="sunos5").reason

    class Broken(FakeSd):
        def query_devices(self, index=None):
            raise RuntimeError("PortAudio not initialized")

    found = find_call_input(Broken([]), platform="darwin")
    assert not found.available and "PortAudio not initialized" in found.reason


# -- a real call through two null sinks --------------------------------------------------------------------

def tone(folder, frequency: float, seconds: float = 1.5):
    rate = 48000
    t = np.arange(int(seconds * rate)) / rate
    path = folder / f"tone{frequency:.0f}.wav"
    soundfile.write(str(path), 0.3 * np.sin(2 * np.pi * frequency * t), rate, subtype="PCM_16")
    return path


def clicks(folder, count: int = 4):
    rate = 48000
    audio = np.zeros(rate * (count + 1))
    for number in range(1, count + 1):
        audio[number * rate:number * rate + 96] = 0.9
    path = folder / "clicks.wav"
    soundfile.write(str(path), audio, rate, subtype="PCM_16")
    return path


def loudest_frequency(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.argmax(spectrum) * RATE / len(samples))


@pytest.mark.audio
def test_each_side_records_only_its_own_sound_and_a_sound_heard_by_both_lines_up(null_sink, tmp_path):
    with call_sinks(null_sink) as sink:
        recorder = CallRecorder(tmp_path / "call.wav")
        recorder.start()
        try:
            time.sleep(0.3)
            play_into(sink, MIC_SINK, tone(tmp_path, 440)).wait(10)
            play_into(sink, CALL_SINK, tone(tmp_path, 1000)).wait(10)
            play_into(sink, BOTH_SINK, clicks(tmp_path)).wait(10)
        finally:
            result = recorder.stop()
    assert result.failure is None and result.channels == 2 and result.samplerate == RATE
    audio, _rate = read_recording(result.path)
    audio = audio[: len(audio) // 160 * 160]  # whole 10 ms blocks only
    power = (audio ** 2).reshape(-1, 160, 2).mean(axis=1)
    loud_mic, loud_call = power[:, 0] > 1e-3, power[:, 1] > 1e-3
    mic_only = loud_mic & (power[:, 1] < 1e-6)
    call_only = loud_call & (power[:, 0] < 1e-6)
    assert mic_only.sum() > 100 and call_only.sum() > 100  # each tone on its own side only
    assert loudest_frequency(audio[np.repeat(mic_only, 160)[:len(audio)], 0]) == pytest.approx(440, abs=5)
    assert loudest_frequency(audio[np.repeat(call_only, 160)[:len(audio)], 1]) == pytest.approx(1000, abs=5)
    starts = []
    for channel in (0, 1):
        loud = np.flatnonzero(np.abs(audio[:, channel]) > 0.6)
        starts.append(loud[np.r_[True, np.diff(loud) > RATE // 2]])
    assert len(starts[0]) == len(starts[1]) == 4
    offsets_ms = (starts[1] - starts[0]) / RATE * 1000
    print(f"\nclick heard by both sides: call minus microphone {offsets_ms} ms")
    # The target is 50 ms after an hour; here, seconds after the start, the clocks are still settling (some ms,
    # more on a loaded machine), so half the target is asked.
    assert np.abs(offsets_ms).max() < 25.0


@pytest.mark.audio
def test_the_call_check_warns_of_no_call_audio_and_of_the_call_leaking_into_the_microphone(null_sink, tmp_path):
    from call_conversation import conversation

    talk = conversation()
    mic_track, call_track = talk.write(tmp_path)
    backend = AudioBackend()
    with call_sinks(null_sink) as sink:
        player = play_into(sink, MIC_SINK, mic_track)
        try:
            only_mic = backend.listen(CALL_DEVICE, 2, 3.0)
        finally:
            player.kill()
            player.wait()
        assert only_mic.verdict == "no call audio", only_mic.message
        assert "is the call playing through this computer's default output?" in only_mic.message
        # Speakers instead of a headset: the call's sound reaches the microphone 60 ms later, 12 dB down.
        loopback = sink.pactl("load-module", "module-loopback", f"source={CALL_SINK}.monitor", f"sink={MIC_SINK}",
                              "latency_msec=60").strip()
        try:
            for block in sink.pactl("list", "sink-inputs").split("Sink Input #")[1:]:
                if f"Owner Module: {loopback}\n" in block:
                    sink.pactl("set-sink-input-volume", block.split()[0], "-12dB")
            players = [play_into(sink, CALL_SINK, call_track)]
            time.sleep(1.0)
            try:
                leaking = backend.listen(CALL_DEVICE, 2, 6.0)
            finally:
                for player in players:
                    player.kill()
                    player.wait()
        finally:
            sink.pactl("unload-module", loopback)
    print(f"\nleak: {leaking.leak}")
    assert leaking.verdict == "echo", leaking.message
    assert "use a headset" in leaking.message


@pytest.mark.audio
def test_kill_9_of_a_call_recording_leaves_all_but_the_last_second(null_sink, tmp_path):
    path = tmp_path / "killed.wav"
    with call_sinks(null_sink) as sink:
        player = play_into(sink, CALL_SINK, tone(tmp_path, 1000, seconds=12))
        recorder = subprocess.Popen(
            [sys.executable, "-m", "interviewer", "audio", "record", "--out", str(path), "--device", "call",
             "--seconds", "30"], env=sink.env, stderr=subprocess.PIPE, text=True)
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
    header_frames = soundfile.info(str(path)).frames
    repair(path)
    samples, rate = read_recording(path)
    print(f"\nkill -9 after 4.0 s: {len(samples) / rate:.2f} s on disk, header said {header_frames / rate:.2f} s")
    assert samples.shape[1] == 2
    assert len(samples) / rate >= 4.0 - 1.5 and header_frames / rate >= 4.0 - 1.5
    assert np.abs(samples[:, 1]).max() > 0.1  # the call side holds the tone
