"""Provides the talk a prompt's similarity is measured against: interview talk and small talk, embedded."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
BACKGROUND = HERE / "background.txt"
"""Everyday things people say in an interview that cover no prompt (small talk)."""
INTERVIEW_TALK = HERE / "interview_talk.txt"
"""What participants say in health-service interviews, on topic and off."""
EMBEDDED = HERE / "baseline.npz"
"""Both files embedded by the bundled model (scripts/build_coverage_baseline.py), so no detector has to."""
SPREAD_FLOOR = 0.02


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


def lines_of(path: Path) -> list[str]:
    """The non-blank, non-comment lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def background_sentences() -> list[str]:
    return lines_of(BACKGROUND)


def source_digest() -> str:
    """A fingerprint of the two text files, to tell whether baseline.npz was built from them as they are."""
    digest = hashlib.sha256()
    for path in (BACKGROUND, INTERVIEW_TALK):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Baseline:
    """Embedded talk: `talk` (interview talk and small talk) and `small_talk` alone, one row per sentence."""

    talk: np.ndarray
    small_talk: np.ndarray

    def spread_of(self, prompts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each prompt's (row of `prompts`) mean similarity to the talk, and its standard deviation."""
        similarity = self.talk @ prompts.T
        return similarity.mean(axis=0), np.maximum(similarity.std(axis=0), SPREAD_FLOOR)


def encode_baseline(encoder: Encoder) -> Baseline:
    """Embed the two text files with `encoder` (about 400 sentences: several seconds)."""
    small_talk = np.asarray(encoder.encode(background_sentences()), dtype=np.float32)
    talk = np.asarray(encoder.encode(lines_of(INTERVIEW_TALK)), dtype=np.float32)
    return Baseline(np.concatenate([talk, small_talk]), small_talk)


def save_baseline(baseline: Baseline, path: Path = EMBEDDED) -> None:
    np.savez_compressed(path, talk=baseline.talk.astype(np.float16), small_talk=baseline.small_talk.astype(np.float16),
                        source=np.array(source_digest()))


def load_baseline(encoder: Encoder) -> Baseline:
    """The shipped embeddings when `encoder` is the bundled model and they match the text files; otherwise
    the text files embedded now."""
    from interviewer.coverage.encoder import SentenceEncoder

    if isinstance(encoder, SentenceEncoder) and EMBEDDED.is_file():
        with np.load(EMBEDDED) as stored:
            if str(stored["source"]) == source_digest():
                return Baseline(stored["talk"].astype(np.float32), stored["small_talk"].astype(np.float32))
        log.warning("%s is older than the talk it embeds; embedding it now (rebuild it with"
                    " scripts/build_coverage_baseline.py)", EMBEDDED)
    return encode_baseline(encoder)
