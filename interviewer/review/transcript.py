"""Provides corrections of a transcript in review: speakers renamed, swapped or set per turn, schedule items set,
text corrected (the model's text kept), unsure words listed; every change audited and marked 'review' so that
automatic alignment never overwrites it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from interviewer.store import Segment, Study, StoreError

REVIEW = "review"
UNSURE_BELOW = 0.5
"""Words the model gave a lower probability than this are marked for review."""
ANONYMISED = ("anonymised", "reviewed", "exported")
_PUNCTUATION = re.compile(r"[^\w'’]+")


@dataclass(frozen=True)
class UnsureWord:
    segment_id: int
    position: int
    """The segment's place in the transcript."""
    index: int
    """The word's place in the segment's words."""
    word: str
    probability: float
    start: float
    end: float


# -- reading -----------------------------------------------------------------------------------------

def segment(study: Study, segment_id: int) -> Segment:
    return study.segment(segment_id)


def speakers(study: Study, interview_id: int) -> list[str]:
    """The interview's speaker labels, most speaking time first, then Interviewer and the participant's code."""
    from interviewer.speakers.roles import INTERVIEWER_SPEAKER

    time: dict[str, float] = {}
    for each in study.segments(interview_id):
        if each.speaker:
            time[each.speaker] = time.get(each.speaker, 0.0) + (each.end - each.start)
    labels = sorted(time, key=lambda label: -time[label])
    for label in (INTERVIEWER_SPEAKER, study.interview(interview_id).participant_code):
        if label not in labels:
            labels.append(label)
    return labels


def unsure_words(study: Study, interview_id: int, below: float = UNSURE_BELOW) -> list[UnsureWord]:
    """Every word whose probability is under `below`, in transcript order (corrected words are certain)."""
    found = []
    for each in study.segments(interview_id):
        for index, word in enumerate(each.words):
            probability = word.get("probability")
            if probability is not None and probability < below and not word.get("corrected"):
                found.append(UnsureWord(each.id, each.position, index, word.get("word", "").strip(),
                                        float(probability), word.get("start", each.start), word.get("end", each.end)))
    return found


def corrections(study: Study, interview_id: int) -> list[Segment]:
    """The segments a reviewer changed (speaker, item or text): what a re-transcription would discard."""
    return [each for each in study.segments(interview_id)
            if REVIEW in (each.speaker_source, each.item_source) or each.original_text is not None]


# -- speakers ----------------------------------------------------------------------------------------

def rename_speaker(study: Study, interview_id: int, old: str, new: str) -> int:
    """Call speaker `old` `new` throughout the interview; returns how many segments changed."""
    new = _label(new)
    changed = {each.id: {old: new} for each in study.segments(interview_id) if each.speaker == old}
    if not changed:
        raise StoreError(f"No segment of interview #{interview_id} is spoken by '{old}'.")
    _relabel(study, interview_id, changed, "review rename speaker", {"from": old, "to": new})
    return len(changed)


def swap_speakers(study: Study, interview_id: int, first: str, second: str) -> int:
    """Exchange two speakers throughout the interview (diarisation mixed them up); returns segments changed."""
    if first == second:
        raise StoreError("Choose two different speakers to swap.")
    mapping = {first: second, second: first}
    changed = {each.id: mapping for each in study.segments(interview_id) if each.speaker in mapping}
    if not changed:
        raise StoreError(f"Neither '{first}' nor '{second}' speaks in interview #{interview_id}.")
    _relabel(study, interview_id, changed, "review swap speakers", {"speakers": [first, second]})
    return len(changed)


def set_speaker(study: Study, segment_id: int, speaker: str) -> None:
    """One segment (a turn, or part of one) was spoken by `speaker`."""
    found = segment(study, segment_id)
    speaker = _label(speaker)
    _relabel(study, found.interview_id, {found.id: {found.speaker: speaker}}, "review set speaker",
             {"segment": found.id, "from": found.speaker, "to": speaker})


def _label(text: str) -> str:
    label = " ".join((text or "").split())
    if not label:
        raise StoreError("A speaker needs a name, such as Interviewer or the participant's code.")
    return label


def _relabel(study: Study, interview_id: int, changes: dict[int, dict[str | None, str]], action: str,
             details: dict[str, Any]) -> None:
    """Apply speaker mappings per segment, to the segment and to each of its words, as one audited change."""
    speakers = {}
    for segment_id, mapping in changes.items():
        found = study.segment(segment_id)
        words = found.words
        for word in words:
            if word.get("speaker", found.speaker) in mapping:
                word["speaker"] = mapping[word.get("speaker", found.speaker)]
        speakers[segment_id] = (mapping[found.speaker], words)
    study.set_speakers(interview_id, speakers, source=REVIEW, action=action,
                       details={**details, "segments": sorted(changes)})


# -- schedule items ----------------------------------------------------------------------------------

def schedule_items(study: Study, interview_id: int) -> list:
    """The items of the schedule the interview followed (empty when it has none, or it cannot be found)."""
    from interviewer.schedule.study import followed_schedule

    schedule = followed_schedule(study, study.interview(interview_id))
    return list(schedule.items) if schedule else []


def set_item(study: Study, segment_id: int, item_id: str | None) -> None:
    """The segment belongs to schedule item `item_id` (None: to no item), as decided by the reviewer."""
    found = segment(study, segment_id)
    if item_id is not None:
        known = [item.id for item in schedule_items(study, found.interview_id)]
        if known and item_id not in known:
            raise StoreError(f"'{item_id}' is not an item of the interview's schedule ({', '.join(known)}).")
    study.label_segment(found.id, {"item_id": item_id, "item_confidence": 1.0, "item_source": REVIEW},
                        action="review set item",
                        details={"interview": found.interview_id, "from": found.item_id, "to": item_id})


# -- text --------------------------------------------------------------------------------------------

def correct_text(study: Study, segment_id: int, text: str) -> Segment:
    """Replace a segment's text; the model's text is kept in `original_text` (from the first correction on).

    Words that survive keep their timing; new words share the time of those they replace and count as
    certain. When the transcript was anonymised, the segment's placeholders follow the words they cover
    (those whose words were edited go), and the segment is flagged for anonymisation again: its
    anonymised text is cleared until `reanonymise_segment` runs, so nothing identifying can slip out.
    """
    found = segment(study, segment_id)
    text = " ".join(text.split())
    if not text:
        raise StoreError("A segment cannot be empty; correct its text instead.")
    if text == found.text:
        return found
    moves = _moved_redactions(study, found, text)
    dropped = sum(1 for span in moves.values() if span is None)
    study.correct_segment_text(found.id, text, rederive_words(found, text), moves, action="review correct text",
                               details={"interview": found.interview_id, "from": found.text, "to": text,
                                        "placeholders_kept": len(moves) - dropped, "placeholders_dropped": dropped})
    return segment(study, found.id)


def needs_anonymisation(study: Study, interview_id: int) -> list[int]:
    """Segments whose text was corrected after the interview was anonymised, waiting to be anonymised again."""
    if study.interview(interview_id).status not in ANONYMISED:
        return []  # not anonymised yet: the whole interview waits for the pipeline
    return [each.id for each in study.segments(interview_id) if each.anonymised_text is None]


def reanonymise_segment(study: Study, segment_id: int, *, anonymiser=None, passphrase=None) -> int:
    """Anonymise one corrected segment again, keeping the decisions of its surviving placeholders.

    New detections are added as proposals for the anonymisation review (a reviewed interview goes back to
    'anonymised'); returns how many were added.
    """
    from interviewer.review import redactions as review
    from interviewer.anonymise.study.settings import study_anonymiser

    found = segment(study, segment_id)
    anonymiser = anonymiser or study_anonymiser(study)
    existing = study.segment_redactions(found.id)
    added = 0
    for detection in anonymiser.detect(found.text):
        if any(row.start < detection.end and detection.start < row.end for row in existing):
            continue
        review._add(study, found.interview_id, [(found.id, detection.start, detection.end)], detection.text,
                    detection.entity_type, "proposed", passphrase, {})
        added += 1
    study.refresh_anonymised_text(found.id, action="review reanonymise segment",
                                  details={"interview": found.interview_id, "added": added})
    if added and study.interview(found.interview_id).status in ("reviewed", "exported"):
        study.update_interview(found.interview_id, status="anonymised")
    return added


def _moved_redactions(study: Study, found: Segment, text: str) -> dict[int, tuple[int, int] | None]:
    """Where the segment's placeholders go on the corrected text (redaction id -> (start, end)), or None for
    those whose words were edited (they are dropped)."""
    rows = study.segment_redactions(found.id)
    if not rows:
        return {}
    blocks = difflib.SequenceMatcher(None, found.text, text, autojunk=False).get_matching_blocks()
    moves: dict[int, tuple[int, int] | None] = {}
    for row in rows:
        block = next((b for b in blocks if b.a <= row.start and row.end <= b.a + b.size), None)
        if block is None:
            moves[row.id] = None
        else:
            shift = block.b - block.a
            moves[row.id] = (row.start + shift, row.end + shift)
    return moves


def _plain(word: str) -> str:
    return _PUNCTUATION.sub("", word).casefold()


def rederive_words(found: Segment, text: str) -> list[dict[str, Any]]:
    """The corrected text's words: unchanged words keep their timing and probability; new ones share the
    time span of the words they replace (or the gap where they were inserted), marked corrected."""
    tokens = text.split()
    old = found.words
    if not old:
        return []
    matcher = difflib.SequenceMatcher(None, [_plain(w.get("word", "")) for w in old], [_plain(t) for t in tokens],
                                      autojunk=False)
    words: list[dict[str, Any]] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(b2 - b1):
                words.append({**old[a1 + offset], "word": " " + tokens[b1 + offset]})
            continue
        if tag == "delete":
            continue
        start = old[a1]["start"] if a1 < a2 else (old[a1 - 1]["end"] if a1 else found.start)
        end = old[a2 - 1]["end"] if a1 < a2 else (old[a1]["start"] if a1 < len(old) else found.end)
        end = max(end, start)
        step = (end - start) / (b2 - b1)
        neighbour = old[min(a1, len(old) - 1)]
        for n in range(b2 - b1):
            word = {"start": round(start + n * step, 3), "end": round(start + (n + 1) * step, 3),
                    "word": " " + tokens[b1 + n], "probability": 1.0, "corrected": True}
            if "speaker" in neighbour:
                word["speaker"] = neighbour["speaker"]
            words.append(word)
    return words


# -- re-transcription --------------------------------------------------------------------------------

def release_corrections(study: Study, interview_id: int) -> int:
    """Before transcribing again: copy every correction into the audit log, then unmark it, so that a new
    transcript may replace it. Returns how many segments carried corrections."""
    corrected = corrections(study, interview_id)
    if not corrected:
        return 0
    study.release_corrections(
        interview_id,
        {each.id: (None if each.speaker_source == REVIEW else each.speaker_source,
                   None if each.item_source == REVIEW else each.item_source) for each in corrected},
        action="discard corrections",
        details={"segments": [
            {"start": each.start, "end": each.end, "speaker": each.speaker, "speaker_source": each.speaker_source,
             "item_id": each.item_id, "item_source": each.item_source, "text": each.text,
             "original_text": each.original_text} for each in corrected]})
    return len(corrected)
