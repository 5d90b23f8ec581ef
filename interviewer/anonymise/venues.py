"""Provides the venues a lower-case transcript names just before where they are: 'she works at crumbs on clive
street', 'at back in action at bald hills', 'at barker and vale down middleport'. Only a venue is both somewhere one
is at and somewhere with an address, so the words between are its name, though they are ordinary words."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import HEADS, MONTHS, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.never_names import FESTIVALS, KIN_CALLS
from interviewer.anonymise.words import INSTITUTION_HEADS

REASON = "an organisation's name: words where a venue stands, just before where it is"
VENUE_BEFORE_PLACE = re.compile(
    r"\b(?:at|from|for|with)[ \t]+(?:the[ \t]+)?((?:[a-z][a-z'’-]*[ \t]+){1,4}?)"
    r"(?:on|in|down|up|off|over[ \t]+on|over[ \t]+in|out[ \t]+in|by|near)[ \t]+(?:the[ \t]+)?$")
"""'at crumbs on ', 'for the zion mission on ': a venue's words, then where it stands, then the place."""
PLACE_TYPES = ("LOCATION", "ADDRESS")
NAME_JOINS = frozenset("and & of the in me not".split())
"""Little words inside a venue's name ('barker and vale', 'back in action', 'forget me not')."""
EVERYDAY_PLACES = frozenset("""toilet loo bathroom kitchen bedroom lounge house flat home work job school uni college church
chapel hospital doctors doctor's dentist dentists gp surgery clinic pharmacy chemist chemists shop shops supermarket
market pub club gym pool park beach library station bus stop office centre center hall garden cafe café restaurant bar
hotel airport gate gates car road street corner end top bottom back front side door window table bed couch sofa chair
floor ward unit bay hospice meeting match game party wedding funeral service mass appointment scan night day weekend
weekends morning evening afternoon lunch dinner tea breakfast time moment minute point first last start beginning races
bingo paper pictures cinema theatre movies zoo farm field yard yards pit mill factory plant site warehouse depot docks
dockyard mine mines sea coast seaside lake river canal hills mountains woods forest town city village estate area place
country countryside allotment garage drive driveway shift shifts weekend course class classes group session sessions
mum's mam's nan's gran's dad's mom's sister's brother's auntie's friend's house's family lads girls kids boys others
people everyone everybody team staff nurses doctors carers way bottom rest""".split())
"""Where anyone is, not a venue's name ('at the shops in leeds', 'at work in town', 'at my nan's in bramley')."""


def _venue_words(words: list[str], gaz: Gazetteers) -> bool:
    if words[0] in STOP_WORDS or words[-1] in STOP_WORDS or words[-1] in ("and", "&"):
        return False
    if any(w in STOP_WORDS and w not in NAME_JOINS for w in words):
        return False  # 'at lockheed for thirty years in marietta': a name's words, then what is said of it
    if any(w in KIN_CALLS or w in MONTHS or w in WEEKDAYS or w in FESTIVALS or w.isdigit() for w in words):
        return False
    generic = EVERYDAY_PLACES | INSTITUTION_HEADS | HEADS["ORGANIZATION"] | HEADS["HOSPITAL"]
    if all(w in generic or w in STOP_WORDS for w in words):
        return False
    if words[0].endswith(("'s", "’s")) and all(w in generic for w in words[1:]):
        return False  # 'at sione's family in', "at kev's place on": someone's home, not a venue's name
    return " ".join(words) not in gaz.places and not (len(words) == 1 and words[0] in gaz.places)


def find_venues_before_places(text: str, found: Iterable[Found], gaz: Gazetteers) -> Iterator[Found]:
    """Venues named in lower case just before a place found in the text."""
    for place in found:
        if place.entity_type not in PLACE_TYPES:
            continue
        match = VENUE_BEFORE_PLACE.search(text, max(0, place.start - 90), place.start)
        if not match:
            continue
        words = match.group(1).split()
        if _venue_words(words, gaz):
            yield Found(match.start(1), match.start(1) + len(match.group(1).rstrip()), "ORGANIZATION", 0.55, REASON)


VENUE_AFTER_AT = re.compile(r"\b(?:at|from)[ \t]+(the[ \t]+)?([a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,3}?)(?=[ \t]*(?:[.,?!]|$)"
                            r"|[ \t]+(?:after|for|and|with|so|but|because|cos|every|once|twice|then|where|which|when|they|we"
                            r"|i|she|he|nobody|is|was|has|had|asks|said)\b)")
"""'at the little wren after', 'nobody at green shoots asks': words where a venue stands, closed by a little word."""
SUGGESTED_VENUE_RISK = 0.3


def suggest_venues_after_at(text: str, gaz: Gazetteers) -> Iterator[Found]:
    """Possible venues in a lower-case transcript: ordinary words after 'at' or 'from' that are no everyday place
    ('at the little wren after', 'at forget me not.'), for the reviewer to judge."""
    from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER

    for match in VENUE_AFTER_AT.finditer(text):
        words = match.group(2).split()
        if _venue_words(words, gaz) and not all(gaz.is_common(w) and w in EVERYDAY_PLACES for w in words):
            yield Found(match.start(2) if not match.group(1) else match.start(1), match.end(2), POSSIBLE_IDENTIFIER,
                        SUGGESTED_VENUE_RISK, "ORGANIZATION|ordinary words where a venue stands, after 'at' or 'from'")

