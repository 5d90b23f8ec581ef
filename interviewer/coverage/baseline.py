"""Provides the talk a prompt's match is measured against: interview talk and small talk, read word by word."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Protocol, TypeVar

import numpy as np

from interviewer.coverage.encoder import TokenVectors

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
BACKGROUND = HERE / "background.txt"
"""Everyday things people say in an interview that cover no prompt (small talk)."""
INTERVIEW_TALK = HERE / "interview_talk.txt"
"""What participants say in health-service interviews, on topic and off."""
SPREAD_FLOOR = 0.02
T = TypeVar("T")


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...

    def encode_tokens(self, texts: list[str]) -> list[TokenVectors]: ...


def lines_of(path: Path) -> list[str]:
    """The non-blank, non-comment lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def background_sentences() -> list[str]:
    return lines_of(BACKGROUND)


def source_digest() -> str:
    """A fingerprint of the two text files, naming the cached embeddings built from them."""
    digest = hashlib.sha256()
    for path in (BACKGROUND, INTERVIEW_TALK):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Baseline:
    """The talk embedded: every word piece of every sentence (`tokens`, rows; sentence `i` starts at row
    `starts[i]`), and the small-talk sentences' embeddings (`small_talk`)."""

    tokens: np.ndarray
    starts: np.ndarray
    small_talk: np.ndarray

    def spread_of(self, match) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation over the talk's sentences of `match(similarity)`, where similarity is
        given for each sentence's word pieces (columns) and `match` reduces it to one value per prompt."""
        return _spread(match(self.tokens, self.starts))


def _spread(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return values.mean(axis=1), np.maximum(values.std(axis=1), SPREAD_FLOOR)


def encode_baseline(encoder: Encoder) -> Baseline:
    """Embed the two text files word by word (about 500 sentences: several seconds)."""
    small = background_sentences()
    read = encoder.encode_tokens(lines_of(INTERVIEW_TALK) + small)
    read = [r for r in read if len(r.vectors)]
    starts = np.cumsum([0] + [len(r.vectors) for r in read[:-1]])
    small_talk = np.array([r.pooled for r in read[-len(small):]], dtype=np.float32)
    return Baseline(np.concatenate([r.vectors for r in read]).astype(np.float32), starts, small_talk)


_loaded: dict[str, Baseline] = {}


def load_baseline(encoder: Encoder) -> Baseline:
    """The talk embedded by `encoder`: kept for the process, and for the bundled model in the cache folder."""
    from interviewer.coverage.encoder import SentenceEncoder

    if not isinstance(encoder, SentenceEncoder):
        return encode_baseline(encoder)
    digest = source_digest()
    if digest not in _loaded:
        _loaded[digest] = _cached_baseline(encoder, digest)
    return _loaded[digest]


def _cached_baseline(encoder: Encoder, digest: str) -> Baseline:
    from interviewer.locations import cache_dir

    return kept_in_cache(
        cache_dir() / f"coverage-talk-{digest}.npz", "the coverage baseline",
        build=lambda: encode_baseline(encoder),
        stored=lambda baseline: {"tokens": baseline.tokens.astype(np.float16), "starts": baseline.starts,
                                 "small_talk": baseline.small_talk},
        restore=lambda arrays: Baseline(arrays["tokens"].astype(np.float32), arrays["starts"], arrays["small_talk"]))


def kept_in_cache(path: Path, what: str, build: Callable[[], T], stored: Callable[[T], dict[str, np.ndarray]],
                  restore: Callable[[Mapping[str, np.ndarray]], T]) -> T:
    """What `path` holds, `restore`d; else `build` it and keep its `stored` arrays there for next time (written
    whole or not at all; a folder that cannot be written only costs the time)."""
    try:
        with np.load(path) as arrays:
            return restore(arrays)
    except (OSError, KeyError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npz")
        np.savez(partial, **stored(value))
        partial.replace(path)
    except OSError as error:
        log.warning("cannot cache %s in %s: %s", what, path, error)
    return value
