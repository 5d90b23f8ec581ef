"""Provides coder allocation: each transcript to N of the study's coders, balanced, deterministic and stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from interviewer.store import Study, StoreError


@dataclass(frozen=True)
class Allocation:
    interview_id: int
    participant_code: str
    coders: tuple[str, ...]


def parse_coders(text: str) -> list[str]:
    """'A, B,C' -> ['A', 'B', 'C']; refuses blanks and duplicates."""
    coders = [name.strip() for name in text.split(",")]
    if not coders or any(not name for name in coders):
        raise StoreError(f"'{text}' is not a list of coders: give names separated by commas, e.g. A,B,C.")
    duplicates = sorted(name for name, count in Counter(coders).items() if count > 1)
    if duplicates:
        raise StoreError(f"Coder {', '.join(duplicates)} is listed twice in '{text}'.")
    return coders


def allocatable_interviews(study: Study) -> list[int]:
    """Interviews with a transcript, in interview order: the ones coders can be given."""
    return study.transcribed_interview_ids()


def plan(interview_ids: list[int], coders: list[str], per_transcript: int,
         existing: dict[int, tuple[str, ...]] | None = None) -> dict[int, tuple[str, ...]]:
    """Give each interview `per_transcript` coders, always choosing the least loaded.

    Ties are broken by rotating the coder list with the interview's place in the order, so that pairs
    of coders also come round evenly (with A,B,C two at a time: AB, BC, CA, ...). The same inputs
    always give the same plan. Interviews already in `existing` keep their coders and count as load.
    """
    if per_transcript < 1:
        raise StoreError("--per-transcript must be at least 1.")
    if per_transcript > len(coders):
        raise StoreError(f"Cannot give each transcript to {per_transcript} coders when there are only {len(coders)}.")
    existing = dict(existing or {})
    load = Counter({coder: 0 for coder in coders})
    for assigned in existing.values():
        load.update(coder for coder in assigned if coder in load)
    result: dict[int, tuple[str, ...]] = {}
    new_count = 0
    for interview_id in interview_ids:
        if interview_id in existing:
            result[interview_id] = existing[interview_id]
            continue
        rotation = {coder: (index - new_count) % len(coders) for index, coder in enumerate(coders)}
        chosen = sorted(coders, key=lambda coder: (load[coder], rotation[coder]))[:per_transcript]
        chosen = [coder for coder in coders if coder in chosen]
        load.update(chosen)
        result[interview_id] = tuple(chosen)
        new_count += 1
    return result


def allocations(study: Study) -> list[Allocation]:
    """The stored allocation, one entry per allocated interview, in interview order."""
    by_interview: dict[int, list[str]] = {}
    for row in study.coder_allocations():
        by_interview.setdefault(row.interview_id, []).append(row.coder)
    return [
        Allocation(interview_id, study.interview(interview_id).participant_code, tuple(coders))
        for interview_id, coders in sorted(by_interview.items())
    ]


def coders_of(study: Study) -> dict[int, tuple[str, ...]]:
    """interview id -> its coders."""
    return {allocation.interview_id: allocation.coders for allocation in allocations(study)}


def allocate(study: Study, coders: list[str], per_transcript: int, *, redo: bool = False) -> list[Allocation]:
    """Allocate every transcribed interview not yet allocated (all of them with `redo`) and store the result."""
    interview_ids = allocatable_interviews(study)
    if not interview_ids:
        raise StoreError("No interview has a transcript yet, so there is nothing to allocate.")
    existing = {} if redo else coders_of(study)
    planned = plan(interview_ids, coders, per_transcript, existing)
    allocated = {k: v for k, v in planned.items() if k not in existing}
    study.save_coder_allocations(allocated, replace_all=redo,
                                 details={"coders": coders, "per_transcript": per_transcript, "redo": redo,
                                          "allocated": {str(k): list(v) for k, v in allocated.items()}})
    return allocations(study)


def coder_loads(allocated: list[Allocation]) -> Counter:
    return Counter(coder for allocation in allocated for coder in allocation.coders)
