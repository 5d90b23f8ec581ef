"""Provides speaker embeddings: a numpy port of Resemblyzer 0.1.4's voice encoder (no torch at run time).

The weights come from the Resemblyzer wheel (installed with `pip install --no-deps Resemblyzer==0.1.4`);
the front end and network follow that package exactly, so embeddings agree with it to float precision.
The original's webrtcvad silence trimming is left out: callers choose the speech they embed.
"""

from __future__ import annotations

import importlib.metadata
from functools import lru_cache
from pathlib import Path

import numpy as np

from interviewer.speakers.torch_checkpoint import read_checkpoint

SAMPLE_RATE = 16_000
WINDOW_SAMPLES = 400  # 25 ms
HOP_SAMPLES = 160  # 10 ms
N_MELS = 40
PARTIAL_FRAMES = 160  # 1.6 s, the utterance length the encoder was trained on
TARGET_DBFS = -30.0
EMBEDDING_SIZE = 256
INT16_MAX = 2**15 - 1


class WeightsMissing(RuntimeError):
    """The Resemblyzer package (which carries the weights) is not installed."""


def weights_path() -> Path:
    """Where the installed Resemblyzer package keeps pretrained.pt."""
    try:
        dist = importlib.metadata.distribution("Resemblyzer")
    except importlib.metadata.PackageNotFoundError as exc:
        raise WeightsMissing(
            "speaker weights not found: install them with `pip install --no-deps Resemblyzer==0.1.4`"
        ) from exc
    path = Path(dist.locate_file("resemblyzer/pretrained.pt"))
    if not path.is_file():
        raise WeightsMissing(f"the Resemblyzer package is installed but {path} is missing")
    return path


def normalise_volume(wav: np.ndarray, target_dbfs: float = TARGET_DBFS, increase_only: bool = True,
                     in_place: bool = False) -> np.ndarray:
    """Scale audio to the target RMS level in dBFS (by default only ever louder, as Resemblyzer does).

    `in_place` scales a float32 array where it is, for callers done with the original (hours of audio).
    """
    if len(wav) == 0:
        return wav
    # Summed in float64 blocks, so an hour of audio needs no float64 copy.
    block = 1 << 20
    energy = 0.0
    for i in range(0, len(wav), block):
        part = wav[i : i + block].astype(np.float64)
        energy += float(part @ part)
    rms = np.sqrt(energy / len(wav)) * INT16_MAX
    if rms == 0:
        return wav
    change_db = target_dbfs - 20 * np.log10(rms / INT16_MAX)
    if change_db < 0 and increase_only:
        return wav
    if in_place and wav.dtype == np.float32:
        wav *= np.float32(10 ** (change_db / 20))
        return wav
    return (wav * 10 ** (change_db / 20)).astype(np.float32)


def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    # Slaney's scale: linear to 1 kHz, logarithmic above (librosa's default, htk=False).
    hz = np.asarray(hz, dtype=np.float64)
    linear_step = 200.0 / 3
    log_start_mel = 1000.0 / linear_step
    log_step = np.log(6.4) / 27.0
    mel = hz / linear_step
    above = hz >= 1000.0
    mel[above] = log_start_mel + np.log(hz[above] / 1000.0) / log_step
    return mel


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    mel = np.asarray(mel, dtype=np.float64)
    linear_step = 200.0 / 3
    log_start_mel = 1000.0 / linear_step
    log_step = np.log(6.4) / 27.0
    hz = mel * linear_step
    above = mel >= log_start_mel
    hz[above] = 1000.0 * np.exp(log_step * (mel[above] - log_start_mel))
    return hz


def mel_filterbank(sample_rate: int = SAMPLE_RATE, n_fft: int = WINDOW_SAMPLES, n_mels: int = N_MELS) -> np.ndarray:
    """Triangular mel filters on Slaney's scale with area normalisation, shape (n_mels, n_fft // 2 + 1)."""
    fft_hz = np.linspace(0, sample_rate / 2, n_fft // 2 + 1)
    edges_mel = np.linspace(_hz_to_mel(np.array([0.0]))[0], _hz_to_mel(np.array([sample_rate / 2]))[0], n_mels + 2)
    edges_hz = _mel_to_hz(edges_mel)
    widths = np.diff(edges_hz)
    distance = edges_hz[:, None] - fft_hz[None, :]
    rising = -distance[:-2] / widths[:-1, None]
    falling = distance[2:] / widths[1:, None]
    filters = np.maximum(0.0, np.minimum(rising, falling))
    filters *= (2.0 / (edges_hz[2:] - edges_hz[:-2]))[:, None]
    return filters.astype(np.float32)


@lru_cache(maxsize=1)
def _front_end_constants() -> tuple[np.ndarray, np.ndarray]:
    n = np.arange(WINDOW_SAMPLES)
    periodic_hann = (0.5 - 0.5 * np.cos(2 * np.pi * n / WINDOW_SAMPLES)).astype(np.float32)
    return periodic_hann, mel_filterbank()


def mel_spectrogram(wav: np.ndarray) -> np.ndarray:
    """Mel power spectrogram (not log) of 16 kHz audio, shape (frames, 40); frame i is centred at i*10 ms."""
    window, filters = _front_end_constants()
    wav = np.asarray(wav, dtype=np.float32)
    half = WINDOW_SAMPLES // 2  # librosa's centred frames, zero padded at both ends
    n_frames = 1 + (len(wav) + 2 * half - WINDOW_SAMPLES) // HOP_SAMPLES
    mel = np.empty((n_frames, N_MELS), np.float32)
    block = 10_000  # frames at a time: long recordings are never padded or framed whole
    for i in range(0, n_frames, block):
        count = min(block, n_frames - i)
        first = i * HOP_SAMPLES - half  # sample under the first frame's left edge
        last = first + (count - 1) * HOP_SAMPLES + WINDOW_SAMPLES
        piece = np.zeros(last - first, np.float32)
        source = wav[max(first, 0):min(last, len(wav))]
        piece[max(first, 0) - first:max(first, 0) - first + len(source)] = source
        frames = np.lib.stride_tricks.as_strided(
            piece, shape=(count, WINDOW_SAMPLES), strides=(piece.strides[0] * HOP_SAMPLES, piece.strides[0]),
            writeable=False,
        )
        spectrum = np.fft.rfft(frames * window, axis=1)
        mel[i:i + count] = (spectrum.real**2 + spectrum.imag**2).astype(np.float32) @ filters.T
    return mel


def partial_slices(n_samples: int, rate: float = 1.3, min_coverage: float = 0.75) -> list[slice]:
    """Frame ranges of the 160-frame partial utterances that cover an utterance, as Resemblyzer places them."""
    n_frames = int(np.ceil((n_samples + 1) / HOP_SAMPLES))
    frame_step = int(np.round((SAMPLE_RATE / rate) / HOP_SAMPLES))
    if not 0 < frame_step <= PARTIAL_FRAMES:
        raise ValueError(f"rate {rate} gives a step of {frame_step} frames; it must be 1..{PARTIAL_FRAMES}")
    steps = max(1, n_frames - PARTIAL_FRAMES + frame_step + 1)
    slices = [slice(i, i + PARTIAL_FRAMES) for i in range(0, steps, frame_step)]
    last = slices[-1]
    coverage = (n_samples - last.start * HOP_SAMPLES) / (PARTIAL_FRAMES * HOP_SAMPLES)
    if coverage < min_coverage and len(slices) > 1:
        slices.pop()
    return slices


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class VoiceEncoder:
    """Resemblyzer's speaker encoder: 3-layer LSTM (256) + linear + ReLU, giving L2-normalised 256-d vectors."""

    def __init__(self, weights: str | Path | None = None):
        state = read_checkpoint(weights or weights_path())["model_state"]
        self.layers = []
        for i in range(3):
            w_ih = state[f"lstm.weight_ih_l{i}"].astype(np.float32)
            w_hh = state[f"lstm.weight_hh_l{i}"].astype(np.float32)
            bias = (state[f"lstm.bias_ih_l{i}"] + state[f"lstm.bias_hh_l{i}"]).astype(np.float32)
            self.layers.append((np.ascontiguousarray(w_ih.T), np.ascontiguousarray(w_hh.T), bias))
        self.linear_w = np.ascontiguousarray(state["linear.weight"].T.astype(np.float32))
        self.linear_b = state["linear.bias"].astype(np.float32)

    def embed_frames(self, mels: np.ndarray) -> np.ndarray:
        """Embeddings of a batch of equal-length mel spectrograms, (batch, frames, 40) -> (batch, 256)."""
        x = np.asarray(mels, dtype=np.float32)
        batch, steps, _ = x.shape
        hidden_size = self.layers[0][1].shape[0]
        h = np.zeros((batch, hidden_size), np.float32)
        for w_ih, w_hh, bias in self.layers:
            # The input projection for all steps at once; only the recurrent part is sequential.
            gates_in = (x.reshape(batch * steps, -1) @ w_ih + bias).reshape(batch, steps, -1)
            h = np.zeros((batch, hidden_size), np.float32)
            c = np.zeros((batch, hidden_size), np.float32)
            outputs = np.empty((batch, steps, hidden_size), np.float32)
            for t in range(steps):
                gates = gates_in[:, t] + h @ w_hh
                i, f, g, o = np.split(gates, 4, axis=1)  # PyTorch's gate order
                c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
                h = _sigmoid(o) * np.tanh(c)
                outputs[:, t] = h
            x = outputs
        raw = np.maximum(h @ self.linear_w + self.linear_b, 0.0)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return raw / np.maximum(norms, 1e-12)

    def embed_mel_windows(self, mel: np.ndarray, starts: np.ndarray, length: int, batch_size: int = 64) -> np.ndarray:
        """Embeddings of windows mel[start:start+length] for each start (windows must lie inside mel)."""
        starts = np.asarray(starts, dtype=int)
        out = np.empty((len(starts), EMBEDDING_SIZE), np.float32)
        for b in range(0, len(starts), batch_size):
            chunk = starts[b : b + batch_size]
            out[b : b + len(chunk)] = self.embed_frames(np.stack([mel[s : s + length] for s in chunk]))
        return out

    def embed_utterance(
        self, wav: np.ndarray, rate: float = 1.3, min_coverage: float = 0.75, return_partials: bool = False
    ):
        """Embedding of one utterance (16 kHz float audio already loudness-normalised): the normalised mean of
        its partial-utterance embeddings. With return_partials, also the partial embeddings and their slices."""
        slices = partial_slices(len(wav), rate, min_coverage)
        needed = slices[-1].stop * HOP_SAMPLES
        if needed >= len(wav):
            wav = np.pad(wav, (0, needed - len(wav)))
        mel = mel_spectrogram(wav)
        partials = self.embed_frames(np.stack([mel[s] for s in slices]))
        mean = partials.mean(axis=0)
        embedding = mean / np.linalg.norm(mean)
        if return_partials:
            return embedding, partials, slices
        return embedding


def prepare_audio(wav: np.ndarray, sample_rate: int, in_place: bool = False) -> np.ndarray:
    """Mono float32 audio at 16 kHz, loudness-normalised for the encoder (`in_place`: may scale `wav` itself)."""
    original = wav
    wav = np.asarray(wav, dtype=np.float32)
    if wav.ndim == 2:
        wav = wav.mean(axis=1)
    if sample_rate != SAMPLE_RATE:
        wav = resample(wav, sample_rate)
    return normalise_volume(wav, in_place=in_place or wav is not original)


def resample(wav: np.ndarray, sample_rate: int) -> np.ndarray:
    """Resample mono float audio to 16 kHz with FFmpeg's resampler (through PyAV, as faster-whisper uses)."""
    import av  # a dependency of faster-whisper; imported here to keep this module light

    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    frame = av.AudioFrame.from_ndarray(np.asarray(wav, np.float32)[None, :], format="flt", layout="mono")
    frame.sample_rate = sample_rate
    chunks = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


@lru_cache(maxsize=1)
def default_encoder() -> VoiceEncoder:
    """One shared encoder per process (loading takes ~0.1 s)."""
    return VoiceEncoder()
