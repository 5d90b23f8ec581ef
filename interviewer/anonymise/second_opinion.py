"""Provides the second model's spans as Found candidates, people's given names and surnames joined."""

from __future__ import annotations

from interviewer.anonymise.found import Found
from interviewer.anonymise.second_model import LABEL_TYPES, find_spans

SCORE = 0.42


def second_opinion(text: str) -> list[Found]:
    spans = find_spans(text)
    found: list[Found] = []
    for span in spans:
        kind = LABEL_TYPES[span.label]
        last = found[-1] if found else None
        if last is not None and last.entity_type == kind == "PERSON" and not text[last.end:span.start].strip():
            found[-1] = Found(last.start, span.end, kind, SCORE, "second model (name)")
            continue
        found.append(Found(span.start, span.end, kind, SCORE, f"second model ({span.label})"))
    return found
