"""Provides the words a found name takes in at its edges: a compass point before a place ('south London',
'North Belfast') and 'county' after one ('perry county'), the 'Big' or 'wee' of a nickname ('Big Tam', 'wee shaz'), the
'the' of a place's or organisation's name ('the Bluff', 'the Jubilee Surgery'), the parts a hyphen joins ('T-Boy') and
the last part speech recognition wrote apart in lower case ('Bally hackamore'); and after it, the rest of a
capitalised run that a head word closes ('Mangrove Creek' + 'Health Service'), or in lower case the words of its kind
that one closes ('city road maternity' + 'unit')."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import (
    CARE_ROLES, HEADS, KIN_NOUNS, LEGAL_HEADS, MONTHS, PERSON_NOUNS, SERVICE_WORDS, TITLES, WEEKDAYS,
)
from interviewer.anonymise.english import english
from interviewer.anonymise.gazetteers import Gazetteers, surface_key
from interviewer.anonymise.lower_case import GENERIC_MODIFIERS
from interviewer.anonymise.never_names import KIN_CALLS, loanwords
from interviewer.anonymise.words import content_word_after

Detection = TypeVar("Detection")
"""The Anonymiser's detection dataclass (start, end, entity_type, text), not imported: it imports this module."""

COMPASS_POINTS = frozenset("""north south east west central northern southern eastern western north-east north-west
south-east south-west northeast northwest southeast southwest""".split())
PLACE_WORDS_BEFORE = COMPASS_POINTS | {"greater"}
"""Words a place's name may open with that a gazetteer's name leaves out: 'north London', 'greater manchester'."""
NICKNAME_WORDS = frozenset("big wee little".split())
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]+$")
ARTICLE_TAKERS = frozenset({"LOCATION", "ORGANIZATION", "HOSPITAL", "WARD"})


def with_edges(text: str, detections: list[Detection]) -> list[Detection]:
    """`detections` (sorted, not overlapping) with a place's compass point, 'greater' or 'county', or a nickname's size
    word taken in; in a cased transcript the size word must be capitalised ('Big Tam', not 'a big Nor'easter')."""
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(text)
    edged, previous_end = [], 0
    for number, d in enumerate(detections):
        before = WORD_BEFORE.search(text, max(previous_end, d.start - 16), d.start)
        if before:
            word = before.group(1).lower()
            nickname = word in NICKNAME_WORDS and (lower_case_text or before.group(1)[0].isupper())
            if d.entity_type == "LOCATION" and word in PLACE_WORDS_BEFORE or d.entity_type == "PERSON" and nickname \
                    or word == "the" and d.entity_type in ARTICLE_TAKERS and not _modifies_a_noun(text, d.end):
                d = replace(d, start=before.start(1), text=text[before.start(1):d.end])
        joined = (LOWER_JOINED_BEFORE if lower_case_text else JOINED_BEFORE).search(
            text, max(previous_end, d.start - 32), d.start)
        if joined and d.entity_type in ("ORGANIZATION", "HOSPITAL") and joined.group(1).lower() not in NOT_JOINED \
                and not (lower_case_text and (_not_a_name_word(joined.group(1)) or d.text.startswith("the "))):
            d = replace(d, start=joined.start(1), text=text[joined.start(1):d.end])  # 'Cedar and Pine', 'Print and Pack'
        following = detections[number + 1].start if number + 1 < len(detections) else len(text)
        if lower_case_text:  # 'mangrove creek health' + 'service', 'silver thread' + 'day centre'
            if d.entity_type in KIND_RUN_TAKERS:  # trade words are kind words too: 'passaic valley' + 'electric'
                run_end = _end_of_kind_words(text, d.end, following)
            elif d.entity_type == "PERSON":  # only a trade word straight after: 'lucas' + 'motors', not 'sarah' + 'food'
                trade = TRADE_AFTER.match(text, d.end)
                run_end = trade.end() if trade and trade.end() <= following else None
            else:
                run_end = None
        else:  # 'Mangrove Creek' + 'Health Service', 'Bright Stars Nursery and Primary' + 'School'
            run_end = _end_of_named_run(text, d.end, following)
        if run_end is None and lower_case_text and d.entity_type in ("LOCATION", "PERSON") \
                and d.text.rsplit(None, 1)[-1] in TRADE_WORDS and " " in d.text:
            run_end = d.end  # the trade's word is in the name already: 'ironbark fitness', found from 'ironbark'
        if run_end is not None and d.entity_type in ("ORGANIZATION", "HOSPITAL"):
            d = replace(d, end=run_end, text=text[d.start:run_end])
        elif run_end is not None:  # a place or person named in a business's name is not that business
            name = text[d.start:run_end]
            d = replace(d, end=run_end, text=name, entity_type="ORGANIZATION",
                        group=f"ORGANIZATION:{surface_key(name.removeprefix('the ').removeprefix('The '))}")
        region = PLACE_WORD_AFTER.match(text, d.end)
        if region and d.entity_type == "LOCATION" and (number + 1 == len(detections)
                                                      or detections[number + 1].start >= region.end()):
            d = replace(d, end=region.end(), text=text[d.start:region.end()])  # 'perry county', 'st martin parish'
        edged.append(d)
        previous_end = d.end
    return edged


MONTHS_AND_WEEKDAYS = MONTHS | WEEKDAYS
TRADE_WORDS = frozenset("""motors auto autos seafood seafoods plumbing electrical electric electrics builders joinery
roofing haulage logistics staffing fitness veterinary vets rovers rangers harriers striders glazing fencing flooring
landscaping removals kennels cattery opticians tyres tires athletic athletics""".split())
"""A trade's or a club's word, which closes a business's or a club's name ('Lucas Motors', 'passaic valley electric')."""
RUN_WORD = re.compile(r"[ \t]+(?:(?:and|&|of)[ \t]+)?([A-Z][\w'’-]*)")
RUN_HEADS = HEADS["ORGANIZATION"] | HEADS["HOSPITAL"] | LEGAL_HEADS | TRADE_WORDS | frozenset(
    "program programme team servicing elevator".split())
"""Words that close an organisation's name: a capitalised run after a found name that ends in one is all that name."""


def _end_of_named_run(text: str, end: int, limit: int) -> int | None:
    """Where the capitalised run after a found name ends, when a head word closes it before `limit` (the next name)
    within five words ('Heart Lake Adult' + 'Day Program'); None when none does."""
    closed, position = None, end
    for _ in range(5):
        word = RUN_WORD.match(text, position)
        if not word or word.end() > limit or word.group(1).lower() in MONTHS_AND_WEEKDAYS:
            break
        position = word.end()
        if word.group(1).lower() in RUN_HEADS:
            closed = position
    return closed


LOWER_RUN_WORD = re.compile(r"[ \t]+(?:(?:and|&)[ \t]+)?([a-z][a-z'’-]*)")
KIND_HEADS = RUN_HEADS | frozenset("unit units home".split())
KIND_WORDS = KIND_HEADS | GENERIC_MODIFIERS | SERVICE_WORDS
"""Lower-case words that say what kind of place or body a name is ('day', 'care', 'maternity', 'service')."""
KIND_RUN_TAKERS = frozenset({"ORGANIZATION", "HOSPITAL", "LOCATION"})
TRADE_AFTER = re.compile(r"[ \t]+(%s)\b(?![-'’])" % "|".join(sorted(TRADE_WORDS)))
"""A trade's or a club's word right after a found person, which makes the two a business's or a club's name ('lucas
motors'); after a place or an organisation, trade words count among the kind words (KIND_HEADS)."""


def _end_of_kind_words(text: str, end: int, limit: int) -> int | None:
    """In a transcript written in lower case, where the words after a found name that say what kind it is end, when
    a head word closes them before `limit` within four words ('city road maternity' + 'unit', 'heart lake' + 'adult
    day program'); None when none does, or another word comes between."""
    closed, position = None, end
    for _ in range(4):
        word = LOWER_RUN_WORD.match(text, position)
        if not word or word.end() > limit or word.group(1) not in KIND_WORDS:
            break
        position = word.end()
        if word.group(1) in KIND_HEADS:
            closed = position
    return closed


PLACE_WORD_AFTER = re.compile(r"[ \t]+(?:county|parish|borough|township|city|island|islands|isles|water|monument|airport"
                              r"|farm)\b", re.IGNORECASE)
"""The word after a place that makes it a county's, a city's, an island's or a landmark's name, which speech recognised
in lower case leaves outside the place found ('over in perry county', 'trained in iloilo city', 'the tiwi islands')."""


JOINED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*)[ \t]+(?:and|&)[ \t]+$")
"""A capitalised word and 'and' just before an organisation's name, which it opens ('Cedar and Pine')."""
NOT_JOINED = frozenset("mum mam dad nan i me us them him her".split())
LOWER_JOINED_BEFORE = re.compile(r"(?<![\w'’-])(?:the|at|to|from|with|for)[ \t]+([a-z][a-z'’-]+)[ \t]+(?:and|&)[ \t]+$")
"""In lower case, a word and 'and' between 'the' (or 'at', 'to' ...) and an organisation's name, which it opens ('at
the cedar and sage clinic')."""


def _not_a_name_word(word: str) -> bool:
    """A word that joins no name with 'and': a little word, a word for a person or kin, a title, or one saying what
    kind of place it is ('the gp and rosebank surgery', 'the doctor and ...')."""
    return word in STOP_WORDS or word in KIN_NOUNS or word in PERSON_NOUNS or word in CARE_ROLES or word in TITLES \
        or word in KIND_WORDS or len(word) < 3


def _modifies_a_noun(text: str, end: int) -> bool:
    """Whether a lower-case word other than a little word or a title follows the name, which then describes it ('the
    Leeds branch', 'the Mater maternity'): the 'the' belongs to that noun, not to the name."""
    noun = content_word_after(text, end)
    return noun is not None and noun not in TITLES


HYPHEN_PART_AFTER = re.compile(r"(?:-[A-Za-z][\w'’]*)+")
HYPHEN_PART_BEFORE = re.compile(r"(?:[A-Z][\w'’]*-)+$")
LOWER_HYPHEN_PART_AFTER = re.compile(r"(?:-[a-z][a-z'’]*)+")
LOWER_HYPHEN_PART_BEFORE = re.compile(r"(?:[a-z][a-z'’]*-)+$")


def hyphened_span(text: str, start: int, end: int, lower_case: bool = False) -> tuple[int, int]:
    """The span widened over the parts a hyphen joins to it, which the tokenizer splits off: any after it ('Boy' of
    'T-Boy', 'op' of 'the Co-op'), only capitalised ones before it ('Jean' of 'Jean-Luc', not 'ex' of 'ex-Marine'); in
    a transcript written in lower case, over any part ('marie-claude', 'min-ji')."""
    after = (LOWER_HYPHEN_PART_AFTER if lower_case else HYPHEN_PART_AFTER).match(text, end)
    before = (LOWER_HYPHEN_PART_BEFORE if lower_case else HYPHEN_PART_BEFORE).search(text, max(0, start - 30), start)
    return (before.start() if before else start), (after.end() if after else end)


SPLIT_TAIL = re.compile(r"[ \t]+((?:mc|mac)[ \t]+)?([a-z][a-z'’]{2,})\b")


def split_tail_end(text: str, end: int, entity_type: str, gaz: Gazetteers) -> int:
    """Where a name in a cased transcript really ends when speech recognition wrote its last part apart in lower case
    ('Bally hackamore', 'Maeve mc keown', 'Bethan pritchard'): over a following lower-case word in no word list, or,
    after a person's name, a surname from the lists that is no English word."""
    tail = SPLIT_TAIL.match(text, end)
    if not tail or not text[end - 1:end].isalpha():
        return end
    word = tail.group(2).lower()
    if word in KIN_CALLS or word in loanwords():
        return end  # 'Lakshmi akka': what she is called as kin
    unknown = not english(word, gaz) and word not in gaz.first_names
    surname = entity_type == "PERSON" and word in gaz.surnames and not gaz.is_common(word)
    return tail.end() if unknown or surname or tail.group(1) else end
