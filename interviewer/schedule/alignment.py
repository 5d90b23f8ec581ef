"""Provides alignment of transcript segments to schedule items: from the interview's timeline, or by matching questions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.schedule.model import Schedule
from interviewer.store import Recording, Segment, TimelineEvent

QUESTION_MATCH_THRESHOLD = 0.7
"""Lowest similarity (0–1) at which a spoken question is taken to be a schedule item's question."""
MIN_QUESTION_WORDS = 4
"""Shorter utterances ("Yes, of course.") are never taken for a question."""
LEAD_IN = 1.0
"""Seconds a segment may start before the item event and still belong to it (the key is pressed late)."""


@dataclass(frozen=True)
class ItemLabel:
    item_id: str | None
    confidence: float
    source: str


def align_from_timeline(segments: list[Segment], events: list[TimelineEvent],
                        recordings: list[Recording]) -> dict[int, ItemLabel]:
    """Each segment belongs to the item under discussion when it was spoken, per the stored `item` events.

    Event offsets count from the start of their recording part; a `part` event (text `part N`) opens part N.
    An item carries over into the next part, as an interrupted interview resumes where it stopped.
    """
    marks_by_part: dict[int, list[tuple[float, str]]] = {}
    part = 1
    for event in events:
        if event.kind == "part" and event.text:
            number = re.search(r"\d+", event.text)
            part = int(number.group()) if number else part + 1
        elif event.kind == "item" and event.item_id:
            marks_by_part.setdefault(part, []).append((event.offset or 0.0, event.item_id))
    part_of_recording = {r.id: r.part for r in recordings}
    carried: dict[int, str | None] = {}
    current = None
    for number in sorted(set(marks_by_part) | set(part_of_recording.values())):
        carried[number] = current
        if marks_by_part.get(number):
            current = marks_by_part[number][-1][1]
    labels = {}
    for segment in segments:
        number = part_of_recording.get(segment.recording_id, 1)
        item = carried.get(number)
        for offset, item_id in marks_by_part.get(number, []):
            if offset <= segment.start + LEAD_IN:
                item = item_id
        labels[segment.id] = ItemLabel(item, 1.0 if item else 0.0, "timeline")
    return labels


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " ")).split())


def question_similarity(spoken: str, question: str) -> float:
    """0–1: how closely a spoken sentence matches a written question (word order and fillers tolerated)."""
    from rapidfuzz import fuzz

    spoken_words, question_words = _words(spoken), _words(question)
    if len(spoken_words.split()) < MIN_QUESTION_WORDS or not question_words:
        return 0.0
    return max(fuzz.token_sort_ratio(spoken_words, question_words), fuzz.ratio(spoken_words, question_words)) / 100


def align_by_questions(segments: list[Segment], schedule: Schedule, interviewer: str | None = None,
                       threshold: float = QUESTION_MATCH_THRESHOLD) -> dict[int, ItemLabel]:
    """For recordings made elsewhere: find where the interviewer asks each schedule question.

    A segment (or a segment and the next, when Whisper split a question mid-sentence) that matches an item's
    question starts that item; the segments after it belong to it until the next question. With speakers
    known, only the interviewer's segments are considered as questions.
    """
    items = schedule.items
    labels: dict[int, ItemLabel] = {}
    current = ItemLabel(None, 0.0, "matched")
    for index, segment in enumerate(segments):
        candidates = [segment.text]
        split_mid_sentence = not segment.text.rstrip().endswith((".", "?", "!"))
        if split_mid_sentence and index + 1 < len(segments) and segments[index + 1].speaker == segment.speaker:
            candidates.append(f"{segment.text} {segments[index + 1].text}")
        if interviewer is None or segment.speaker == interviewer:
            best_item, best_score = None, 0.0
            for item in items:
                score = max(question_similarity(text, item.question) for text in candidates)
                if score > best_score:
                    best_item, best_score = item, score
            if best_item is not None and best_score >= threshold and best_item.id != current.item_id:
                current = ItemLabel(best_item.id, round(best_score, 3), "matched")
        labels[segment.id] = current
    return labels
