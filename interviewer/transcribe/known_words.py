"""Provides the names a study already knows for an interview and how a stretch Whisper heard again told them (as
hotwords) is put into its transcript: a name Whisper has never seen is often heard as other words ('Adaeze Okonkwo'
as 'Anima Kunk'), which the anonymiser's match of the study's known identifiers cannot catch."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.store import Interview, Study

MOST_HOTWORDS = 40
"""Whisper keeps about 220 tokens of hotwords; the participant's own names come first and are never cut."""


def interview_hotwords(study: Study, interview: Interview) -> str | None:
    """The participant's name and workplace, the interviewer's full name and the study's deny terms, joined for
    Whisper; None when the study records none of them."""
    participant = study.participant(interview.participant_code)
    interviewer = interview.interviewer if interview.interviewer and " " in interview.interviewer.strip() else None
    names = [participant.name, participant.workplace, interviewer]
    names += [term.term for term in study.anonymisation_terms("deny")]
    kept: dict[str, str] = {}
    for name in names:
        if name and name.strip():
            kept.setdefault(" ".join(name.split()).casefold(), " ".join(name.split()))
    return ", ".join(list(kept.values())[:MOST_HOTWORDS]) or None


KNOWN_NAMES_STRETCH = 28.0
"""Seconds of segments heard again with the known names at once (one 30-second window of Whisper)."""
LITTLE_WORDS = frozenset("and the for dr mrs mr ms miss".split())


def known_name_words(hotwords: str) -> set[str]:
    """The words of the known names that tell them apart (not 'and', 'Dr')."""
    return {w for w in re.findall(r"\w+", hotwords.lower()) if len(w) >= 3} - LITTLE_WORDS


DOUBTFUL = 0.6
"""A word Whisper gives less than this probability, capitalised mid-sentence, may be a name it does not know."""
VERY_DOUBTFUL = 0.2
"""Below this, any word may be a misheard name ('right water' for Brightwater). At 0.35, twice as many segments of
the shared real speech were heard again (20 against 10 of 78) for about as many names (scripts/bench_known_names.py:
0.71 against 0.70 of mentions spelled right, one of 70 left unredacted either way), and 'Neither did I' became 'Ni
Dhuibhir'."""
REPLACED_DOUBT = 0.4
"""A known name heard again replaces words only if Whisper gave one of them less than this: it was sure enough of
'Neither did I' (0.46) that 'Ni Dhuibhir' heard in its place is left out, and unsure of 'Anima Kunk' (0.31)."""


def doubtful_name(segment) -> bool:
    """Whether the segment has a word that may be a name Whisper misheard: doubtful and capitalised mid-sentence
    ('Anima Kanko' for Adaeze Okonkwo), or very doubtful whatever it is ('right water' for Brightwater)."""
    for k, word in enumerate(segment.words):
        text = word.word.strip()
        mid_sentence = k > 0 and segment.words[k - 1].word.strip()[-1:] not in (".", "?", "!")
        if word.probability < VERY_DOUBTFUL or word.probability < DOUBTFUL and mid_sentence and text[:1].isupper() \
                and text not in ("I", "I'm", "I've", "I'd", "I'll"):
            return True
    return False


def with_names_in_place_of_doubt(before: list, again: list, known: set[str]) -> list:
    """`before` (whisper.TranscriptSegment, with their words) with the words (whisper.Word) heard `again` put in where they hold a known name and replace words Whisper doubted
    ('Anima Kunk' -> 'Adaeze Okonkwo'); everything else as first heard, so a name heard in place of words Whisper
    was sure of, or added where nothing was said, is left out."""
    placed = [(k, word) for k, segment in enumerate(before) for word in segment.words]
    matcher = difflib.SequenceMatcher(None, [word_key(w) for _, w in placed], [word_key(w) for w in again],
                                      autojunk=False)
    words: list[list] = [[] for _ in before]
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "replace" and {word_key(w) for w in again[b0:b1]} & known \
                and min(w.probability for _, w in placed[a0:a1]) < REPLACED_DOUBT:
            words[placed[a0][0]].extend(again[b0:b1])
        else:
            for k, word in placed[a0:a1]:
                words[k].append(word)
    return [segment if kept == segment.words else
            replace(segment, words=kept, text="".join(w.word for w in kept).strip())
            for segment, kept in zip(before, words)]


def word_key(word) -> str:
    """A word as compared: lower case, no punctuation."""
    return re.sub(r"[^\w]", "", word.word.lower())
