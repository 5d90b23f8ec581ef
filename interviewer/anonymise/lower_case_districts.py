"""Provides places named in lower case by their kind: after a place word ('fort campbell'), before a district's head
('island bay'), and before 'area' or 'estate' ('the grange hill area', 'on the brook farm estate')."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import KIND_OF_PLACE
from interviewer.anonymise.found import Found
from interviewer.anonymise.lower_case import (
    GENERIC_MODIFIERS, GENERIC_STREET, is_lower_word, is_plain_word, unknown_word,
)
from interviewer.anonymise.numbers import number_value
from interviewer.anonymise.words import TokenView


PLACE_PREFIXES = frozenset("fort mount mt lake camp cape port".split())
"""Words that open a place's name ('fort campbell', 'lake tahoe', 'mount isa')."""


def find_lower_case_prefixed_places(v: TokenView) -> Iterator[Found]:
    """'stationed at fort campbell', 'up at lake tahoe' in lower case: a place word, then a name-list word or a word
    in no word list."""
    for i in range(len(v.tokens) - 1):
        if v.lower(i) not in PLACE_PREFIXES or not is_lower_word(v, i) or not is_plain_word(v, i + 1):
            continue
        lower = v.lower(i + 1)
        if unknown_word(v, i + 1) or lower in v.gaz.first_names or lower in v.gaz.surnames or lower in v.gaz.places:
            yield v.span(i, i + 1, "LOCATION", 0.55, f"lower-case place name after '{v.word(i)}'")


GEO_HEADS = frozenset("""bay park lakes lake hills hill point lawn corner heights beach vale valley falls springs ridge
woods wood green common cross end fields mount""".split())
"""Words that close the name of a district named with ordinary words ('island bay', 'college park', 'tile hill')."""
GEO_PREPOSITIONS = frozenset("in at from near outside round around up down to into past".split())
GEO_GENERIC = GENERIC_MODIFIERS | GENERIC_STREET | KIND_OF_PLACE


def find_lower_case_districts(v: TokenView) -> Iterator[Found]:
    """'i live out in island bay', 'most of it in east point and college park', 'walked round east park': in lower
    case, one or two ordinary words closed by a district's word straight after a word saying where (no 'the') name a
    district; not a kind of place ('to skate park') nor a number ('down to seven point two')."""
    for i in range(1, len(v.tokens) - 1):
        listed = v.lower(i - 1) == "and" and v.lower(i - 2) in GEO_HEADS  # 'in east point and college park'
        if v.lower(i - 1) not in GEO_PREPOSITIONS and not listed:
            continue
        for head in (i + 1, i + 2):
            if v.lower(head) not in GEO_HEADS or not is_lower_word(v, head):
                continue
            words = range(i, head)
            if all(is_plain_word(v, k) and v.lower(k) not in GEO_GENERIC and v.lower(k) not in GEO_HEADS
                   and number_value(v.lower(k)) is None for k in words) \
                    and not is_plain_word(v, head + 1):
                yield v.span(i, head, "LOCATION", 0.5, f"lower-case district name before '{v.word(head)}'")
                break


NAMED_STRETCHES = frozenset({"area", "estate"})
"""Words after 'the' and one or two words that name a district or housing estate ('the low hill area', 'on the
heath park estate')."""
STRETCH_GENERIC = GEO_GENERIC | frozenset("""industrial council housing trading business retail country real rural
urban catchment surrounding waiting play seating dining living reception smoking grey general wider greater whole
deprived posh rough nice poor quiet leafy residential commercial private public north south east west northern southern
eastern western central inner outer upper lower""".split())
"""Words that say what kind of area or estate it is, not which one ('the industrial estate', 'the catchment area')."""
STRETCH_BEFORE = GEO_PREPOSITIONS | frozenset({"on", "off", "of"})
"""Words saying where before 'the' and a named area or estate ('up on the', 'round the', 'off the')."""


def find_lower_case_areas_and_estates(v: TokenView) -> Iterator[Found]:
    """'she's in the low hill area', 'we're up on the heath park estate', 'in the Heath Town area': one or two words,
    in lower case or capitalised, between 'the' and a lower-case 'area' or 'estate' after a word saying where name the
    district or estate; in lower case, an area needs a place's or a name's word or a district's head among them ('the
    low hill area'; not 'the waiting area')."""
    for i in range(2, len(v.tokens)):
        if v.lower(i) not in NAMED_STRETCHES or not is_lower_word(v, i):
            continue
        for first in (i - 1, i - 2):
            if v.lower(first - 1) != "the" or v.lower(first - 2) not in STRETCH_BEFORE:
                continue
            words = range(first, i)
            capitalised = all(v.capitalised_word(k) and not v.initial(k) and v.lower(k) not in STRETCH_GENERIC
                              for k in words)  # 'in the Heath Town area'
            if not capitalised and not all(is_plain_word(v, k) and v.lower(k) not in STRETCH_GENERIC
                                           and number_value(v.lower(k)) is None and not v.tokens[k].is_stop for k in words):
                break
            named = capitalised or any(v.lower(k) in v.gaz.places or v.lower(k) in v.gaz.first_names
                                       or v.lower(k) in v.gaz.surnames or not v.common(k) for k in words) \
                or v.lower(i - 1) in GEO_HEADS and len(words) == 2
            if v.lower(i) == "estate":  # the estate's name holds 'estate' ('brackenfield estate')
                yield v.span(first, i, "LOCATION", 0.55, "lower-case name before 'estate'")
            elif named:
                yield v.span(first, i - 1, "LOCATION", 0.55, "lower-case name before 'area'")
            break
