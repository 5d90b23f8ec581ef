"""Tests for the numpy voice encoder against numbers from the original Resemblyzer 0.1.4 (torch).

The expected numbers were produced by scripts/voice_encoder_reference.py in a separate virtual
environment with torch 2.13.0 and librosa 0.11.0; see that script to regenerate them.
"""

import io
import pickle
import sys
import types
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from interviewer.speakers import voice_encoder as ve
from interviewer.speakers.torch_checkpoint import read_checkpoint

from conftest import SPEECH
CONVERSATION = SPEECH / "conversations" / "male-female.flac"
CLIPS = {"a_1688": (0.0, 4.0), "b_1998": (8.4, 12.4), "c_1688": (16.8, 20.8)}

EXPECTED = {
    "a_1688": {
        "mel_frame_10_first8": [2.43162e-4, 1.56978e-5, 3.60677e-8, 8.20777e-9, 6.81406e-9, 6.25999e-8, 3.99615e-7, 4.54882e-7],
        "embed_first8": [0.0, 0.0063437, 0.0838308, 0.0, 0.0, 0.1504537, 0.0, 0.0286764],
        "top8_index": [243, 21, 139, 166, 142, 103, 136, 67],
        "top8_value": [0.2797315, 0.1969948, 0.1733778, 0.1732152, 0.1680497, 0.1625554, 0.1611195, 0.1555044],
        "raw_mean_norm": 0.9030567,
    },
    "b_1998": {
        "mel_frame_10_first8": [5.53408e-3, 1.38634e-3, 1.45784e-4, 7.85967e-5, 2.85985e-5, 4.31876e-5, 2.05923e-5, 4.21199e-6],
        "embed_first8": [0.0, 0.0525387, 0.0, 0.0, 0.0, 0.0086607, 0.0, 0.0],
        "top8_index": [243, 25, 244, 18, 180, 183, 226, 190],
        "top8_value": [0.2308079, 0.2186461, 0.2026704, 0.200968, 0.2002665, 0.1816818, 0.1812467, 0.176713],
        "raw_mean_norm": 0.9236996,
    },
    "c_1688": {
        "mel_frame_10_first8": [5.67644e-2, 1.16193e-3, 2.27413e-5, 7.44521e-6, 5.29484e-7, 1.91772e-6, 2.58013e-6, 6.17035e-6],
        "embed_first8": [0.0, 0.0097477, 0.0910393, 0.0, 0.0, 0.1361765, 0.0, 0.0],
        "top8_index": [243, 134, 11, 34, 136, 177, 166, 151],
        "top8_value": [0.2433871, 0.2124525, 0.2047056, 0.2016256, 0.1915143, 0.1914103, 0.1797681, 0.1638943],
        "raw_mean_norm": 0.9301149,
    },
}
EXPECTED_COSINE_SAME = 0.88050997  # a_1688 with c_1688
EXPECTED_COSINE_DIFFERENT = 0.63878465  # a_1688 with b_1998


@pytest.fixture(scope="module")
def encoder():
    return ve.VoiceEncoder()


@pytest.fixture(scope="module")
def clips():
    wav, rate = sf.read(CONVERSATION, dtype="float32")
    assert rate == ve.SAMPLE_RATE
    return {name: ve.normalise_volume(wav[int(a * rate) : int(b * rate)]) for name, (a, b) in CLIPS.items()}


@pytest.fixture(scope="module")
def embeddings(encoder, clips):
    return {name: encoder.embed_utterance(wav, return_partials=True) for name, wav in clips.items()}


@pytest.mark.parametrize("name", list(CLIPS))
def test_mel_spectrogram_matches_librosa_front_end(clips, name):
    mel = ve.mel_spectrogram(clips[name])
    assert mel.shape == (401, 40)
    np.testing.assert_allclose(mel[10, :8], EXPECTED[name]["mel_frame_10_first8"], rtol=1e-4)


@pytest.mark.parametrize("name", list(CLIPS))
def test_embedding_matches_original_resemblyzer(embeddings, name):
    embedding, partials, _ = embeddings[name]
    expected = EXPECTED[name]
    assert len(partials) == 4
    np.testing.assert_allclose(embedding[:8], expected["embed_first8"], atol=1e-4)
    assert list(np.argsort(embedding)[::-1][:8]) == expected["top8_index"]
    np.testing.assert_allclose(np.sort(embedding)[::-1][:8], expected["top8_value"], atol=1e-4)
    assert np.linalg.norm(partials.mean(axis=0)) == pytest.approx(expected["raw_mean_norm"], abs=1e-4)
    assert np.linalg.norm(embedding) == pytest.approx(1.0, abs=1e-5)
    assert embedding.min() >= 0


def test_cosine_similarities_match_original(embeddings):
    a, b, c = (embeddings[n][0] for n in ("a_1688", "b_1998", "c_1688"))
    assert a @ c == pytest.approx(EXPECTED_COSINE_SAME, abs=1e-4)
    assert a @ b == pytest.approx(EXPECTED_COSINE_DIFFERENT, abs=1e-4)


def test_same_speaker_is_more_similar_than_different_speakers(encoder):
    def embed(name):
        wav, rate = sf.read(SPEECH / "harvard" / name, dtype="float32")
        return encoder.embed_utterance(ve.prepare_audio(wav, rate))

    one = [embed(f"spk1_snt{i}.wav") for i in (1, 2)]
    two = [embed(f"spk2_snt{i}.wav") for i in (1, 2)]
    same = min(one[0] @ one[1], two[0] @ two[1])
    different = max(x @ y for x in one for y in two)
    assert same > different + 0.05


def test_mel_filterbank_has_slaney_area_normalised_triangles():
    filters = ve.mel_filterbank()
    assert filters.shape == (40, 201)
    assert (filters >= 0).all()
    assert (filters.max(axis=1) > 0).all()
    # Slaney normalisation gives each filter (roughly) equal area in Hz: weight * bin width summed.
    areas = filters.sum(axis=1) * (8000 / 200)
    np.testing.assert_allclose(areas[5:], 1.0, rtol=0.2)


def test_partial_slices_follow_resemblyzer_placement():
    assert ve.partial_slices(64_000) == [slice(0, 160), slice(77, 237), slice(154, 314), slice(231, 391)]
    assert ve.partial_slices(1_000) == [slice(0, 160)]


def test_volume_is_raised_to_minus_30_dbfs_and_never_lowered():
    quiet = 0.001 * np.sin(np.linspace(0, 100, 16_000)).astype(np.float32)
    louder = ve.normalise_volume(quiet)
    dbfs = 20 * np.log10(np.sqrt(np.mean(louder.astype(np.float64) ** 2)))
    assert dbfs == pytest.approx(-30.0, abs=0.01)
    loud = 0.5 * np.ones(100, np.float32)
    assert ve.normalise_volume(loud) is loud


def test_resample_to_16k_keeps_duration():
    tone = np.sin(2 * np.pi * 440 * np.arange(44_100) / 44_100).astype(np.float32)
    out = ve.resample(tone, 44_100)
    assert abs(len(out) - 16_000) < 100


def test_checkpoint_reader_reads_zip_format(tmp_path, monkeypatch):
    # A minimal torch.save zip archive, written with stand-ins registered as the torch names.
    torch_module = types.ModuleType("torch")
    utils_module = types.ModuleType("torch._utils")

    class FloatStorage:
        pass

    FloatStorage.__module__, FloatStorage.__qualname__ = "torch", "FloatStorage"

    def _rebuild_tensor_v2(*args):
        raise AssertionError("never called while pickling")

    _rebuild_tensor_v2.__module__, _rebuild_tensor_v2.__qualname__ = "torch._utils", "_rebuild_tensor_v2"
    torch_module.FloatStorage = FloatStorage
    utils_module._rebuild_tensor_v2 = _rebuild_tensor_v2
    torch_module._utils = utils_module
    monkeypatch.setitem(sys.modules, "torch", torch_module)
    monkeypatch.setitem(sys.modules, "torch._utils", utils_module)

    class StorageRef:
        def __init__(self, key, numel):
            self.key, self.numel = key, numel

    class Tensor:
        def __init__(self, storage, offset, shape, stride):
            self.args = (storage, offset, shape, stride, False, OrderedDict())

        def __reduce__(self):
            return _rebuild_tensor_v2, self.args

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, StorageRef):
                return ("storage", FloatStorage, obj.key, "cpu", obj.numel)
            return None

    data = np.arange(12, dtype="<f4")
    state = {"model_state": OrderedDict(w=Tensor(StorageRef("0", 12), 2, (2, 3), (1, 2)))}
    buffer = io.BytesIO()
    Pickler(buffer, protocol=2).dump(state)
    path = tmp_path / "tiny.pt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("tiny/data.pkl", buffer.getvalue())
        archive.writestr("tiny/data/0", data.tobytes())
    monkeypatch.delitem(sys.modules, "torch")
    monkeypatch.delitem(sys.modules, "torch._utils")

    loaded = read_checkpoint(path)["model_state"]["w"]
    expected = np.lib.stride_tricks.as_strided(data[2:], shape=(2, 3), strides=(4, 8))
    np.testing.assert_array_equal(loaded, expected)


def test_checkpoint_reader_reads_the_shipped_weights():
    state = read_checkpoint(ve.weights_path())["model_state"]
    assert state["lstm.weight_ih_l0"].shape == (1024, 40)
    assert state["lstm.weight_hh_l2"].shape == (1024, 256)
    assert state["linear.weight"].shape == (256, 256)
    assert state["lstm.weight_ih_l0"].dtype == np.float32
