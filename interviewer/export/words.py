"""Provides word timings for the text a document shows, without letting redacted words through."""

from __future__ import annotations

import difflib
from typing import Any

from interviewer.export.document import TranscriptDocument
from interviewer.store import Segment


def words_for(document: TranscriptDocument, segment: Segment) -> list[dict[str, Any]]:
    """The segment's words with timings, spelled as in the text the document shows.

    Whisper's words are those of the original speech, so they would leak every name the anonymiser
    replaced. Here the shown text's tokens are aligned to the original words: a token that is unchanged
    keeps its word's timing; tokens of a replaced stretch (a placeholder) share that stretch's timing.
    Every token of the result comes from the shown text, so nothing redacted can appear.
    """
    shown = document.text_of(segment).split()
    original = [
        (token, word) for word in segment.words for token in str(word.get("word", "")).split()
    ]
    if not document.anonymised:
        return [_word(token, word.get("start"), word.get("end"), word.get("probability")) for token, word in original]
    if not shown:
        return []
    matcher = difflib.SequenceMatcher(a=[token for token, _ in original], b=shown, autojunk=False)
    result: list[dict[str, Any]] = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            for offset in range(b_end - b_start):
                _, word = original[a_start + offset]
                result.append(_word(shown[b_start + offset], word.get("start"), word.get("end"), word.get("probability")))
        elif b_end > b_start:
            start, end = _span(original, a_start, a_end, segment, result)
            for token in shown[b_start:b_end]:
                result.append(_word(token, start, end, None))
    return result


def _span(original, a_start: int, a_end: int, segment: Segment, so_far: list[dict[str, Any]]) -> tuple[float, float]:
    """Timing for replaced tokens: the words they replace, or the gap where they were inserted."""
    if a_end > a_start:
        return original[a_start][1].get("start", segment.start), original[a_end - 1][1].get("end", segment.end)
    start = (so_far[-1]["end"] if so_far else None) or segment.start
    end = original[a_start][1].get("start", segment.end) if a_start < len(original) else segment.end
    return start, max(start, end)


def _word(text: str, start: Any, end: Any, probability: Any) -> dict[str, Any]:
    word = {"word": text, "start": start, "end": end}
    if probability is not None:
        word["probability"] = probability
    return word
