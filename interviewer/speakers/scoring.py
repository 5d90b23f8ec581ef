"""Provides scoring of speaker turns against a reference RTTM file (who spoke when)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

RESOLUTION_S = 0.01


class Turn(Protocol):
    start: float
    end: float
    speaker: str


@dataclass(frozen=True)
class ReferenceTurn:
    start: float
    end: float
    speaker: str


def read_rttm(path: str | Path) -> list[ReferenceTurn]:
    """The SPEAKER lines of an RTTM file as turns (onset and duration are fields 4 and 5)."""
    turns = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0] != "SPEAKER":
            continue
        if len(fields) < 8:
            raise ValueError(f"{path}:{number}: an RTTM SPEAKER line needs at least 8 fields")
        start, duration = float(fields[3]), float(fields[4])
        turns.append(ReferenceTurn(start, start + duration, fields[7]))
    return turns


def _activity(turns: Sequence[Turn], names: list[str], n_frames: int) -> np.ndarray:
    active = np.zeros((len(names), n_frames), dtype=bool)
    index = {name: i for i, name in enumerate(names)}
    for turn in turns:
        a, b = int(round(turn.start / RESOLUTION_S)), int(round(turn.end / RESOLUTION_S))
        active[index[turn.speaker], max(a, 0) : max(b, 0)] = True
    return active


def speech_time_accuracy(hyp_turns: Sequence[Turn], reference: str | Path | Sequence[Turn]) -> float:
    """Fraction of reference speech time whose hypothesised speaker is right, under the best
    one-to-one mapping of hypothesis labels to reference speakers.

    Time counts once however many reference speakers talk in it (overlap); it is right when the
    hypothesis speaker there maps to any of them. Reference speech with no hypothesis turn is wrong.
    """
    ref_turns = read_rttm(reference) if isinstance(reference, (str, Path)) else list(reference)
    end = max([t.end for t in ref_turns] + [t.end for t in hyp_turns] + [0.0])
    n_frames = int(np.ceil(end / RESOLUTION_S)) + 1
    ref_names = sorted({t.speaker for t in ref_turns})
    hyp_names = sorted({t.speaker for t in hyp_turns})
    ref = _activity(ref_turns, ref_names, n_frames)
    hyp = _activity(hyp_turns, hyp_names, n_frames)
    speech = ref.any(axis=0)
    total = int(speech.sum())
    if total == 0:
        return 1.0
    best = 0
    if len(hyp_names) and len(ref_names):
        small, large = sorted((len(hyp_names), len(ref_names)))
        for chosen in itertools.permutations(range(large), small):
            if len(hyp_names) <= len(ref_names):
                pairs = list(zip(range(small), chosen))
            else:
                pairs = list(zip(chosen, range(small)))
            best = max(best, _correct_frames(hyp, ref, pairs))
    return best / total


def _correct_frames(hyp: np.ndarray, ref: np.ndarray, pairs: list[tuple[int, int]]) -> int:
    correct = np.zeros(hyp.shape[1], dtype=bool)
    for h, r in pairs:
        correct |= hyp[h] & ref[r]
    return int(correct.sum())
