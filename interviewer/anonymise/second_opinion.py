"""Provides the second model's spans as Found candidates: given names and surnames joined into people, and
spans made only of ordinary English words (the model's guesses at 'ashamed', 'trolley') dropped."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import CARE_ROLES, FILLERS, KIN_NOUNS, PERSON_NOUNS, PLACE_POSITION_BEFORE, TITLES, TO_WORDS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers, load_gazetteers
from interviewer.anonymise.never_names import KIN_CALLS, loanwords
from interviewer.anonymise.numbers import DIGIT_WORD
from interviewer.anonymise.second_model import LABEL_TYPES, find_spans
from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER

SCORE = 0.42
DOUBT_RISK = 0.62
"""The risk of a word the model thought second most likely a name or place: above a bare name-list word in lower case."""
"""Below the rules' scores: a rule's type and extent win where both found a span."""
ROLE_WORDS = TITLES | KIN_NOUNS | KIN_CALLS | frozenset("midwife physio counsellor therapist carer paramedic".split())
"""What someone is, said before their name ('midwife aroha', 'auntie rose'): never part of the name."""
PRONOUNS = frozenset("i i'm he she they we you it he's she's they're we're it's him them".split())
PERSON_WORDS = ROLE_WORDS | PERSON_NOUNS | CARE_ROLES
"""Words for a person, never their name, though in no word list ('one old fella, skipper')."""
WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _could_be_named(words: list[str], entity_type: str, gaz: Gazetteers) -> bool:
    """Some word is no English word, or one the name or place lists hold (the kind a name may be: 'ivy', 'bath')."""
    for word in words:
        lower = word.lower()
        if lower in STOP_WORDS or len(lower) < 2 or lower in FILLERS or lower in loanwords() or lower in PERSON_WORDS:
            continue  # 'gran', 'mam': what family are called, not their names; 'fae', 'whānau': words; 'fella' 
        if not gaz.is_common(lower):
            return True
        if entity_type == "PERSON" and (lower in gaz.first_names or lower in gaz.surnames):
            return True
        if entity_type == "LOCATION" and lower in gaz.places:
            return True
    return False


def second_opinion(text: str) -> list[Found]:
    """The model's people, places and postcodes in `text`."""
    gaz = load_gazetteers()
    found: list[Found] = []
    doubtful: list[Found] = []
    for span in find_spans(text):
        kind = LABEL_TYPES[span.label]
        if not span.sure:
            if kind != "POSTCODE" and _could_be_named(WORD.findall(text, span.start, span.end), kind, gaz):
                doubtful.append(Found(span.start, span.end, POSSIBLE_IDENTIFIER, DOUBT_RISK,
                                      f"{kind}|the second model's second guess ({span.label.lower().replace('_', ' ')})"))
            continue
        if kind == "PERSON" and re.search(r"\b(?:the|a|an)\s+$", text[max(0, span.start - 5):span.start], re.I) \
                and " " not in text[span.start:span.end].strip():
            continue  # 'the heather on the hill': a thing, not a person
        last = found[-1] if found else None
        gap = text[last.end:span.start] if last is not None else ""
        if last is not None and last.entity_type == kind == "PERSON" and not gap.strip() and "\n" not in gap:
            found[-1] = Found(last.start, span.end, kind, SCORE, "second model (name)")
            continue
        found.append(Found(span.start, span.end, kind, SCORE, f"second model ({span.label})"))
    trimmed = [_without_little_words(text, f) for f in found]
    return [f for f in trimmed if f is not None and (f.entity_type == "POSTCODE" and _has_a_number(text[f.start:f.end])
            or f.entity_type != "POSTCODE" and _could_be_named(WORD.findall(text, f.start, f.end), f.entity_type, gaz))] + doubtful


SAID_NUMBER = re.compile(rf"\d|\b(?:{DIGIT_WORD}|ten|double|treble|triple)\b", re.I)


def _has_a_number(code: str) -> bool:
    """A postcode holds a digit, written or said: 'mega jaya printing sdn bhd' is no postcode, whatever the model says."""
    return bool(SAID_NUMBER.search(code))


def _without_little_words(text: str, found: Found) -> Found | None:
    """The span without stop words at either end ('alder grove then' -> 'alder grove') or a preposition at its
    start, and cut before a pronoun
    inside it: the model's guess at a name's extent must not widen a rule's span it overlaps."""
    words = list(re.finditer(r"\S+", text[found.start:found.end]))
    for k, word in enumerate(words[1:], start=1):
        if word.group().lower() in PRONOUNS:
            words = words[:k]  # 'cleckheaton he drives': a pronoun is never inside a name
            break
    while words and words[-1].group().lower().strip(".,;:!?") in STOP_WORDS:
        words.pop()
    while words and (words[0].group().lower().strip(".,;:!?") in STOP_WORDS
                     or words[0].group().lower() in PLACE_POSITION_BEFORE | TO_WORDS | ROLE_WORDS):
        words.pop(0)  # 'fae kirriemuir', 'midwife aroha': a preposition or a role is no part of the name
    if not words:
        return None
    return Found(found.start + words[0].start(), found.start + words[-1].end(), found.entity_type, found.score, found.reason)
