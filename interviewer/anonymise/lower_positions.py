"""Provides the lower-case rules that read where a word stands: a first name that is also a word joined to 'me' or
'i' ('me and faith', 'faith and i'), a nickname after 'called him', a word in no list after 'a lad' or opening a
sentence before a verb, a venue after 'go to the', a place of two words after a place preposition ('in balsall
heath', 'in st james'), and a place named before 'estate' or 'area'; weaker cases become suggestions."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import (
    DETERMINERS, FILLERS, KIN_NOUNS, MOTION_WORDS, PERSON_VERBS, PLACE_POSITION_BEFORE, SERVICE_WORDS, STRONG_SPEECH_VERBS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.lower_case import (
    CLINICAL_ENDING, DRUG_STEM, GENERIC_MODIFIERS, GENERIC_STREET, _plain_word, _unknown,
)
from interviewer.anonymise.places import PLACES_ONE_GOES, PREMISES, RESIDENCE_WORDS
from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_word

SELF = frozenset("me i myself".split())
CLAUSE_EDGE = frozenset(", . ? ! with so then but because cos when and".split())
"""What may stand before 'X and i' when X is also a word ('so hope and i went'; not 'we have hope and i think')."""
ABOUT_SOMEONE = frozenset("she he she's he's she'd he'd who".split())
CALL_VERBS = frozenset("call calls called calling nicknamed".split())
CALLED_PARTICLES = frozenset("back up over out round in on off again later twice".split())
PERSON_NOUNS = frozenset("""lad lass girl boy fella feller bloke guy chap woman man lady gentleman kid""".split())
"""Nouns for a person that a name may follow in apposition ('there was a lad fionn from ...')."""
PERSON_NOUN_OPENERS = frozenset("a an this that the one my his her our their your".split())
"""Words that open 'a lad', 'an older woman', 'my man' before a name."""
SUBJECT_VERBS = frozenset("""is was has had wants wanted said says lives lived works worked goes went came comes got gets
does did told rang reckons loves hates""".split())
VENUE_BEFORE = frozenset("to at down in near round from into outside inside past".split())
DIMINUTIVE = re.compile(r"(?:y|ie|ies|ys)$")
"""Endings of dialect nouns for places one goes ('the chippy', 'the offie', 'the bookies'), no venue's name."""
PLACE_NAME_ENDING = re.compile(r"(?:gate|dale|hall|field|fields|ford|ley|ton|ham|bury|borough|wick|thorpe|mouth|moor|"
                               r"wood|well|brook|bridge|green|park|centre|center|point|link|land|lands|side|quay|cross|"
                               r"court|croft|mere|holme|hurst|stead|worth|by|combe|den|haven|heath|hill|mount|minster)$")
"""Endings of English place names and of shopping centres named like them ('arndale', 'kirkgate', 'metrocentre')."""
VENUE_RISK = 0.55
PLACE_HEADS = frozenset("""heath park green hill hills city town vale valley grove bridge cross end field fields moor wood
woods gate bay beach creek point heights village springs falls junction lea side well wells brook common dale mount
head haven port ford bank farm rise""".split())
"""Last words of neighbourhoods' and small towns' names ('balsall heath', 'polo park', 'cannons creek')."""
DIRECTIONS = frozenset("north south east west northern southern eastern western central upper lower".split())
"""Words that open a region's own name ('north wales'), not a place before it."""
HOME_PREPOSITIONS = frozenset("in near from outside around round".split())
"""Before a place and its region ('near swift current saskatchewan'), unlike 'into' ('got her into focus ireland')."""
NEIGHBOURHOOD_HEADS = frozenset("estate area".split())
GENERIC_AREA_WORDS = frozenset("""whole surrounding catchment same wider rural urban grey play waiting seating reception
smoking dining living sitting dodgy rough nice posh quiet safe deprived poor affluent residential industrial trading
business retail council housing social private new old main general greater local nearby entire other different
estate big small little this that""".split()) | GENERIC_MODIFIERS | GENERIC_STREET
PLACE_RISK = 0.5
"""The risk of ordinary words named like a place where a place stands ('near polo park', 'the meadow well estate')."""


def _name_word(v: TokenView, i: int) -> bool:
    return _plain_word(v, i) and v.lower(i) in v.gaz.first_names and v.lower(i) not in PLACES_ONE_GOES


def _no_word(v: TokenView, i: int) -> bool:
    """A word in no list, nor a medicine's or condition's name."""
    lower = v.lower(i)
    return _unknown(v, i) and not DRUG_STEM.search(lower) and not CLINICAL_ENDING.search(lower)


def find_people_by_position(v: TokenView) -> Iterator[Found]:
    """People in lower-case text named by where they stand (see the module's docstring)."""
    for i in range(len(v.tokens)):
        before, after = v.lower(i - 1), v.lower(i + 1)
        named = _name_word(v, i) or _unknown(v, i) and not DRUG_STEM.search(v.lower(i)) and v.lower(i) not in v.gaz.places
        if not named:
            if before in CALL_VERBS or v.lower(i - 2) in CALL_VERBS and before in ("him", "her", "me", "them", "us"):
                yield from _nickname(v, i)
            continue
        if before == "and" and v.lower(i - 2) in SELF:
            yield v.span(i, i, "PERSON", 0.55, f"a name joined to '{v.word(i - 2)} and'")
        elif after == "and" and v.lower(i + 2) in SELF and (v.lower(i - 1) in CLAUSE_EDGE or i == 0 or _no_word(v, i)):
            yield v.span(i, i, "PERSON", 0.55, f"a name joined to 'and {v.word(i + 2)}'")
        elif before in ("and", ",") and after == "," and v.lower(i + 2) in ABOUT_SOMEONE:
            yield v.span(i, i, "PERSON", 0.5, f"a name set apart before '{v.word(i + 2)}'")
        elif before in CALL_VERBS or v.lower(i - 2) in CALL_VERBS and before in ("him", "her", "me", "them", "us"):
            yield v.span(i, i, "PERSON", 0.55, f"a name after '{v.word(i - 2)} {v.word(i - 1)}'")
        elif _no_word(v, i) and before in PERSON_NOUNS and (v.lower(i - 2) in PERSON_NOUN_OPENERS
                                                            or v.lower(i - 3) in PERSON_NOUN_OPENERS and _plain_word(v, i - 2)):
            yield v.span(i, i, "PERSON", 0.5, f"a word in no word list after '{v.word(i - 1)}'")
        elif _no_word(v, i) and v.initial(i) and i > 0 and after in SUBJECT_VERBS:
            yield v.span(i, i, "PERSON", 0.45, f"a word in no word list opening a sentence before '{v.word(i + 1)}'")
        elif after in ("she", "he") and _run_on(v, i) and v.lower(i + 2) not in ("and", "or"):
            yield v.span(i, i, "PERSON", 0.5, f"a name before '{v.word(i + 1)}', in speech without commas")
        elif _unknown(v, i) and not DRUG_STEM.search(v.lower(i)) and (after in PERSON_VERBS or after in STRONG_SPEECH_VERBS) \
                and (before not in DETERMINERS or before == "that") and before not in PLACE_POSITION_BEFORE:
            yield v.span(i, i, "PERSON", 0.45, f"a word in no word list before '{v.word(i + 1)}'")


def _run_on(v: TokenView, i: int) -> bool:
    """'the lady from the church joy she drove us', 'my man hamish he had': a name straight after a noun for a
    person or for premises and before 'she' or 'he', where speech recognition left out the commas (not 'i hope
    she', 'the electric bill he sorts')."""
    gap = v.text[v.tokens[i - 1].idx + len(v.word(i - 1)):v.tokens[i].idx] if i > 0 else ""
    return i > 0 and not gap.strip() and v.word(i - 1).islower() \
        and (v.lower(i - 1) in PERSON_NOUNS or v.lower(i - 1) in KIN_NOUNS or v.lower(i - 1) in PREMISES)


def _nickname(v: TokenView, i: int) -> Iterator[Found]:
    """'we called him sarge': an ordinary word after 'called him' may be a nickname; the reviewer decides."""
    if _plain_word(v, i) and v.lower(i) not in CALLED_PARTICLES and not v.lower(i).endswith("ly") \
            and v.lower(i - 1) in ("him", "her", "me", "them", "us"):
        span = v.span(i, i, "PERSON", 0.55, "")
        yield Found(span.start, span.end, POSSIBLE_IDENTIFIER, 0.55,
                    f"PERSON|a word after '{v.word(i - 2)} {v.word(i - 1)}', perhaps a nickname")


def _place_stands(v: TokenView, i: int) -> bool:
    before = v.lower(i - 1)
    return before in PLACE_POSITION_BEFORE or before == "to" and v.lower(i - 2) in MOTION_WORDS


def find_places_by_position(v: TokenView) -> Iterator[Found]:
    """Places in lower-case text named by where they stand (see the module's docstring)."""
    n = len(v.tokens)
    for i in range(n):
        lower = v.lower(i)
        venue = v.lower(i + 1)
        if lower == "the" and _venue_before(v, i) and _unknown(v, i + 1) and len(venue) >= 5 and not DRUG_STEM.search(venue) \
                and not DIMINUTIVE.search(venue) and v.lower(i + 2) not in INSTITUTION_HEADS:
            if PLACE_NAME_ENDING.search(venue):
                yield v.span(i + 1, i + 1, "LOCATION", 0.5, f"a place-shaped word in no word list after '{v.word(i - 1)} the'")
            else:  # 'the whitgift' and 'the gurdwara' alike: the reviewer tells a venue from a word the lists lack
                span = v.span(i + 1, i + 1, "LOCATION", VENUE_RISK, "")
                yield Found(span.start, span.end, POSSIBLE_IDENTIFIER, VENUE_RISK,
                            f"LOCATION|a word in no word list after '{v.word(i - 1)} the'")
        elif lower == "the" and i + 2 < n:
            yield from _neighbourhood(v, i + 1)
        elif _place_stands(v, i) and v.lower(i + 1) in PLACE_HEADS and v.word(i + 2) not in ("'s", "’s") \
                and v.lower(i + 2) not in INSTITUTION_HEADS and lower not in GENERIC_AREA_WORDS:
            if _no_word(v, i) and lower not in v.gaz.first_names:
                yield v.span(i, i + 1, "LOCATION", 0.55, f"a word in no word list before '{v.word(i + 1)}', where a place stands")
            elif (_plain_word(v, i) or v.group_word(i) and not v.tokens[i].is_stop) and _lives_or_moves(v, i) \
                    and lower not in SERVICE_WORDS:  # 'lives in kentish town'
                yield v.span(i, i + 1, "LOCATION", 0.5, f"a name before '{v.word(i + 1)}' after '{v.word(i - 2)} {v.word(i - 1)}'")
            elif _plain_word(v, i) and (lower in v.gaz.surnames or lower in v.gaz.first_names or lower in v.gaz.places):
                span = v.span(i, i + 1, "LOCATION", PLACE_RISK, "")
                yield Found(span.start, span.end, POSSIBLE_IDENTIFIER, PLACE_RISK,
                            f"LOCATION|a name before '{v.word(i + 1)}', where a place stands")
        elif _lives_or_moves(v, i) and _plain_word(v, i) and _plain_word(v, i + 1) and _ends_there(v, i + 2) \
                and not any(v.lower(k) in GENERIC_AREA_WORDS or v.lower(k) in SERVICE_WORDS for k in (i, i + 1)):
            span = v.span(i, i + 1, "LOCATION", PLACE_RISK, "")
            yield Found(span.start, span.end, POSSIBLE_IDENTIFIER, PLACE_RISK,
                        f"LOCATION|two words after '{v.word(i - 2)} {v.word(i - 1)}'")
        elif (v.lower(i - 1) in HOME_PREPOSITIONS or _lives_or_moves(v, i)) and _place_word(v, i) and _region_after(v, i):
            yield v.span(i, _region_after(v, i) - 1, "LOCATION", 0.55, "words before a region's name, where a place stands")
        elif lower in ("st", "saint") and _place_stands(v, i) and v.word(i + 2) not in ("'s", "’s") \
                and v.lower(i + 2) not in INSTITUTION_HEADS and (_name_word(v, i + 1) or _no_word(v, i + 1)):
            yield v.span(i, i + 1, "LOCATION", 0.55, f"a saint's name after '{v.word(i - 1)}'")


def _place_word(v: TokenView, i: int) -> bool:
    """A lower-case word that may stand in a place's name: no little word, direction, region or generic word."""
    lower = v.lower(i)
    return v.word(i).islower() and is_word(v.word(i)) and not v.tokens[i].is_stop and lower not in DIRECTIONS \
        and lower not in v.gaz.regions and lower not in FILLERS and lower not in GENERIC_AREA_WORDS


def _region_after(v: TokenView, i: int) -> int:
    """'near swift current, saskatchewan', 'up in moose jaw saskatchewan': where the region after one or two words
    at i starts (0 when none does)."""
    for k in (i + 1, i + 2):
        at = k + 1 if v.word(k) == "," else k
        region = v.lower(at) in v.gaz.regions or f"{v.lower(at)} {v.lower(at + 1)}" in v.gaz.regions
        if region and v.word(at).islower() and (k == i + 1 or _place_word(v, i + 1)):
            return k
    return 0


def _lives_or_moves(v: TokenView, i: int) -> bool:
    """After 'lives in', 'grew up in', 'over in', 'moved to', 'born in': where only a place stands."""
    before, verb = v.lower(i - 1), v.lower(i - 2)
    return before == "in" and verb in RESIDENCE_WORDS or before == "to" and verb in MOTION_WORDS


def _ends_there(v: TokenView, i: int) -> bool:
    """The name ends before token i: a pause, a little word, or the end of the text."""
    return i >= len(v.tokens) or not is_word(v.word(i)) or v.tokens[i].is_stop


def _venue_before(v: TokenView, i: int) -> bool:
    """'go to the', 'down the', or 'or the' after such a venue ('the metrocentre or the silverlink')."""
    before = v.lower(i - 1)
    return before in VENUE_BEFORE or before in ("or", "and") and v.lower(i - 3) == "the" and _unknown(v, i - 2)


def _neighbourhood(v: TokenView, first: int) -> Iterator[Found]:
    """'on the boggart hill estate', 'the moss side area': words between 'the' and 'estate' or 'area'."""
    last = first
    while last < first + 3 and v.word(last).islower() and is_word(v.word(last)) and v.lower(last) not in DETERMINERS \
            and v.lower(last) not in NEIGHBOURHOOD_HEADS:
        last += 1
    if last == first or v.lower(last) not in NEIGHBOURHOOD_HEADS:
        return
    words = range(first, last)
    if any(v.lower(k) in GENERIC_AREA_WORDS for k in words) or all(v.tokens[k].is_stop for k in words):
        return
    if any(_no_word(v, k) or v.lower(k) in v.gaz.places and not v.common(k) for k in words):
        yield v.span(first, last, "LOCATION", 0.55, f"a name before '{v.word(last)}'")
    elif last - first >= 2 or any(v.lower(k) in v.gaz.first_names or v.lower(k) in v.gaz.places for k in words):
        span = v.span(first, last, "LOCATION", PLACE_RISK, "")
        yield Found(span.start, span.end, POSSIBLE_IDENTIFIER, PLACE_RISK, f"LOCATION|words named before '{v.word(last)}'")
