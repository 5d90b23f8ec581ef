"""Provides the readings of a schedule's prompts (each prompt's own words and each phrase to listen for with it),
embedded word by word with their usual match over interview talk; for the bundled model, kept in the cache folder."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

import numpy as np

from interviewer.coverage.baseline import Baseline, Encoder, kept_in_cache, source_digest

LIGHT_WORDS = frozenset(
    "a an the of and or to in on for with as at by is it its what how who which whether when their your you own"
    " people".split())
"""Words of a prompt that say nothing of its topic; the rest must find their match in what was said."""
CACHE_VERSION = "1"
"""Part of the cache key: change it when what is stored, or how it is computed, changes."""


@dataclass(frozen=True)
class Readings:
    """Every reading's topic word pieces (`words`, rows; reading `i` starts at row `word_starts[i]`), its embedding
    as a whole (`whole`), and the mean and spread of its match with the sentences of interview talk."""

    words: np.ndarray
    word_starts: np.ndarray
    whole: np.ndarray
    mean: np.ndarray
    spread: np.ndarray


FIELDS = tuple(field.name for field in dataclasses.fields(Readings))
"""What a cache file holds, by name."""


def matches(readings_words: np.ndarray, word_starts: np.ndarray, tokens: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each reading's (rows) match with each text (columns) whose word pieces are `tokens`, text `i` starting at row
    `starts[i]`: the mean over the reading's words of the closest word piece's similarity."""
    closest = np.maximum.reduceat(readings_words @ tokens.T, starts, axis=1)
    return np.add.reduceat(closest, word_starts, axis=0) / np.diff(np.r_[word_starts, len(readings_words)])[:, None]


def read_prompts(encoder: Encoder, texts: list[str], baseline: Baseline) -> Readings:
    """Embed `texts` word by word and measure them against `baseline` (seconds for a schedule's few hundred)."""
    read = encoder.encode_tokens(texts)
    rows = [[row for row, token in enumerate(r.tokens) if token.isalpha() and token not in LIGHT_WORDS]
            or list(range(len(r.tokens))) for r in read]
    words = np.concatenate([r.vectors[kept] for r, kept in zip(read, rows)]).astype(np.float32)
    word_starts = np.cumsum([0] + [len(kept) for kept in rows[:-1]])
    whole = np.array([r.pooled for r in read], dtype=np.float32)
    mean, spread = baseline.spread_of(lambda tokens, starts: matches(words, word_starts, tokens, starts))
    return Readings(words, word_starts, whole, mean, spread)


def load_readings(encoder: Encoder, texts: list[str], baseline: Baseline) -> Readings:
    """`read_prompts`, kept in the cache folder for the bundled model, so a schedule is read once per machine."""
    from interviewer.coverage.encoder import SentenceEncoder

    if not isinstance(encoder, SentenceEncoder):
        return read_prompts(encoder, texts, baseline)
    return _cached_readings(encoder, texts, baseline)


def _cached_readings(encoder: Encoder, texts: list[str], baseline: Baseline) -> Readings:
    from interviewer.locations import cache_dir

    digest = hashlib.sha256("\n".join([CACHE_VERSION, source_digest(), *texts]).encode("utf-8")).hexdigest()[:16]
    return kept_in_cache(cache_dir() / f"coverage-prompts-{digest}.npz", "the schedule's coverage readings",
                         build=lambda: read_prompts(encoder, texts, baseline),
                         stored=lambda readings: {name: getattr(readings, name) for name in FIELDS},
                         restore=lambda arrays: Readings(*(arrays[name] for name in FIELDS)))
