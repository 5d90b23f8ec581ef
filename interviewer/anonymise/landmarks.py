"""Provides the landmarks and venues a cased transcript names with 'the' after a word saying where: 'walk along the
waterfront to the Old Signal Tower', 'they meet in the Copper Kettle', 'everybody in the North End'. A transcriber
capitalises such words only when they are a name, and where they stand only a place or a venue stands."""

from __future__ import annotations

import functools
from typing import Iterator

from interviewer.anonymise.cues import (
    GENERIC_CAPITALISED, HEADS, MONTHS, PLACE_PREPOSITIONS, SERVICE_KIND_WORDS, TITLES, VENUE_PREPOSITIONS, WEEKDAYS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.lower_case import KIND_WORDS
from interviewer.anonymise.never_names import FESTIVALS, SEASONS
from interviewer.anonymise.venues import EVERYDAY_PLACES
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_capitalised, is_word

REASON = "capitalised words after 'the' where a place or venue stands"
WHERE_BEFORE_THE = PLACE_PREPOSITIONS | VENUE_PREPOSITIONS | frozenset("by along above below behind opposite".split())
"""Words before 'the' that say where: 'to the', 'along the', 'above in the'."""
NOT_A_PLACE_LAST = frozenset("""war wars games olympics cup league party show awards prize lottery army navy force
forces government act bill mail times news post gazette echo guardian telegraph herald express mirror star sun
series season programme program chart charts album film movie book budget roast dinner lunch breakfast supper brunch
mass morning afternoon evening night""".split())
"""Last words of capitalised names that are events, papers, programmes, bodies, meals or times, not somewhere ('the
Second World War', 'in the Daily Mail', 'on the Great British Bake Off', 'to the Sunday Roast')."""
PLACE_LAST = frozenset("""end belt tower towers kiln track quay bridge cross gate green common wharf pier point steps
valley bay beach falls hill hills park walk way row square mount heights flats fields moor marsh woods shore front
quarter dock docks basin lock""".split())
"""Last words that make such a name a place's rather than a venue's ('the North End', 'the Old Signal Tower')."""
PLACE_FIRST = frozenset("river mount lake loch lough fort port glen isle cape".split())
"""First words that make it a place's ('the River Tay')."""
MOST_WORDS = 3


def _name_word(v: TokenView, k: int, first: bool = False) -> bool:
    """A capitalised word that may stand in a landmark's name; the first may be a weekday ('the Wednesday
    Wanderers')."""
    word, weekday = v.word(k), v.lower(k) in WEEKDAYS
    return len(word) >= 2 and is_word(word) and is_capitalised(word) and not v.tokens[k].is_stop \
        and (not v.allowed(k) or first and weekday) and not v.group_word(k) and v.lower(k).rstrip(".") not in TITLES \
        and v.lower(k) not in MONTHS and (first or not weekday) and v.lower(k) not in SEASONS and v.lower(k) not in FESTIVALS


@functools.lru_cache(maxsize=1)
def _kind_heads() -> frozenset[str]:
    return (INSTITUTION_HEADS | EVERYDAY_PLACES | HEADS["HOSPITAL"] | HEADS["ORGANIZATION"] | KIND_WORDS
            | SERVICE_KIND_WORDS | GENERIC_CAPITALISED) - PLACE_LAST


def _names_a_kind(v: TokenView, first: int, last: int) -> bool:
    """Words closed by a word for a kind of place, service or group, which the rules for institutions read ('the
    Swimming Pool', 'the Dental Practice', 'the Community Choir'), or all words for a kind ('the New Year')."""
    lowers = [v.lower(k) for k in range(first, last + 1)]
    return lowers[-1] in _kind_heads() or all(w in _kind_heads() or w in ("new", "old", "big", "little") for w in lowers)


def find_capitalised_landmarks(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """Two or three capitalised words after 'the' and a word saying where, in a cased transcript, that are no
    allowed term, kind of service, event or paper."""
    if lower_case_text:
        return
    n = len(v.tokens)
    for i in range(2, n - 1):
        if v.lower(i - 1) != "the" or v.lower(i - 2) not in WHERE_BEFORE_THE or not _name_word(v, i, first=True):
            continue
        last = i
        while last + 1 < n and last + 1 - i < MOST_WORDS and _name_word(v, last + 1):
            last += 1
        if last == i or _name_word(v, last + 1) or v.word(last + 1) in ("'s", "’s") \
                or "\n" in v.text[v.tokens[i].idx:v.tokens[last].idx]:
            continue  # one word ('the Shed'), or a longer name some other rule reads
        if v.lower(last) in NOT_A_PLACE_LAST or _names_a_kind(v, i, last):
            continue
        kind = "LOCATION" if v.lower(last) in PLACE_LAST or v.lower(i) in PLACE_FIRST else "ORGANIZATION"
        yield v.span(i, last, kind, 0.5, REASON)
