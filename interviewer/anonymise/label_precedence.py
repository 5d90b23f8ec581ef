"""Provides label precedence across the mentions of one name: a name that stands where a place stands ('at
Sprotbrough', 'in Fenbridge', 'Camelford, Altarnun') and nowhere where a person does is a place, whatever rule or
further mention first labelled it a person or an organisation."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import (
    KIN_NOUNS, MOTION_WORDS, NEAR_BY, PERSON_VERBS, PLACE_KIND_AFTER, PLACE_POSITION_BEFORE, STRONG_SPEECH_VERBS, TITLES, TO_WORDS,
)
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.place_mentions import person_position, places_by_mention
from interviewer.anonymise.propagation import is_lower_case_text, surface_key
from interviewer.anonymise.words import INSTITUTION_HEADS, OBJECT_PRONOUNS

Detection = Any
"""An anonymiser Detection (not imported: the anonymiser imports this module)."""

WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\.?[ \t]+$")
TWO_WORDS_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+([A-Za-z][\w'’-]*)[ \t]+$")
WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
LIST_JOIN_BEFORE = re.compile(r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$")
LIST_JOIN_AFTER = re.compile(r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")
PERSON_REASONS = ("name after the title", "first name", "name after '", "name set apart after", "known identifier", "deny term",
                  "lower-case first name", "name after", "second model (GIVEN_NAME)", "second model (name)")
DONE_WITH_SOMEONE = re.compile(rf"[ \t]+[a-z]+ed[ \t]+(?:with[ \t]+)?(?:{'|'.join(OBJECT_PRONOUNS)})\b")
"""A deed done to or with someone after the name ('Jordan stayed with me', 'Georgia hugged me'): a person's."""
PERSON_NOT_AFTER = frozenset("at above below beyond".split())
"""Where a person seldom stands: 'at Sprotbrough', 'just above Askrigg' (not an organisation's place: 'work at Tesco')."""
AT_SOMEONE = frozenset("""look looked looking looks laugh laughed laughing shout shouted shouting yell yelled stare stared
staring smile smiled smiling point pointed glance glanced angry mad cross furious annoyed swear swore swearing throw threw
wave waved waving aimed directed""".split())
"""Words before 'at' that make what follows a person ('shouted at Kev')."""
NAME_LIST_REASONS = ("first name", "lower-case first name", "second model (GIVEN_NAME)", "second model (name)")
"""Reasons that only say the word is on a name list: no cue at all when the word is also a well-known place."""
PLACE_NOUNS = frozenset("""town city village place suburb hamlet neighborhood neighbourhood area estate county state
island street road avenue lane""".split())
"""Nouns before 'called' or 'named' that make the name a place ('a little town called Glendive')."""
AREA_AFTER = frozenset("area region metro suburbs valley neighborhood neighbourhood".split())
"""Lower-case words after a name that make it a place ('the Dallas area', 'the phillips neighborhood')."""
PLACE_NAME_FIRST = frozenset("fort mount mt lake camp cape port county co glen loch lough isle".split())
PLACE_NAME_LAST = frozenset("""bay lake springs falls beach heights valley island islands isle coast river creek mountains
peninsula county canyon harbor harbour street road avenue lane boulevard blvd terrace crescent gully flat flats vale ridge
plains downs gap hollow crossing""".split())
"""First and last words that shape a name of two or more words as a place's ('Fort Hood', 'Tampa Bay', 'County
Mayo', 'Catherine Street', 'Long Gully', 'Kangaroo Flat'), whatever rule found it."""
INSTITUTION_REASONS = ("name before", "'", "saint", "named prison", "named or numbered", "a place within a capitalised name",
                       "an employer's name", "an organisation's name")
"""Reasons whose span is an organisation's whole name (head word and all): never relabelled."""
CONTEXT_ORGANISATION = "an organisation's name"
"""Reason prefix of names that context alone makes an organisation's: even one shaped like a place's stays one."""


DIRECTIONS = frozenset("""north south east west northeast northwest southeast southwest north-east north-west south-east
south-west northwards southwards outside""".split())


def _place_position(text: str, d: Detection, locations: list[tuple[int, int]], gaz: Gazetteers) -> bool:
    window = text[max(0, d.start - 40):d.start]
    two = TWO_WORDS_BEFORE.search(window)
    before = WORD_BEFORE.search(window)
    word = before.group(1).lower() if before else ""
    if text[d.end:d.end + 2] in ("'s", "’s"):
        return False
    if word in PLACE_POSITION_BEFORE or (word in TO_WORDS and two and two.group(1).lower() in MOTION_WORDS):
        return True
    if _from_place_to(text, d, locations):
        return True
    if d.entity_type == "PERSON" and word == "the" and two and two.group(1).lower() in PLACE_POSITION_BEFORE | {"to", "up"} \
            and re.fullmatch(r"[A-Z][a-z]+[^s'’]s", d.text) \
            and not any(d.text[:cut].lower() in gaz.surnames or d.text[:cut].lower() in gaz.first_names for cut in (-1, -2)):
        return True  # 'went to the Ozarks', 'in the Rockies' (not 'to the Hendersons'): a range or region
    if two and (word in ("called", "named") and two.group(1).lower() in PLACE_NOUNS
                or word == "by" and two.group(1).lower() in NEAR_BY
                or word == "of" and two.group(1).lower() in DIRECTIONS | {"out"}):  # 'south of McCamey', 'out of Golden Meadow'
        return True
    if re.match(r"(?:[ \t]+(?:is|was|'s|’s)[ \t]+where\b|[ \t]+(?:" + "|".join(AREA_AFTER) + r")\b)", text[d.end:d.end + 16]):
        return True  # 'Virginia is where I met my wife', 'the Dallas area'
    if d.entity_type == "PERSON" and (word in PERSON_NOT_AFTER and not (two and two.group(1).lower() in AT_SOMEONE)
                                      or word == "as" and two and two.group(1).lower() == "far"):
        return True
    after = WORD_AFTER.match(text, d.end)
    if after and after.group(1).lower() in PLACE_KIND_AFTER and after.group(1)[:1].isupper():
        return True
    # One of a list of places: 'Camelford, Altarnun, North Petherwin', 'Hoyland and Goldthorpe'.
    for start, end in locations:
        if end <= d.start and LIST_JOIN_BEFORE.fullmatch(text, end, d.start):
            return True
        if start >= d.end and LIST_JOIN_AFTER.fullmatch(text, d.end, start):
            return True
    return False


PLACED_BY_TWO_WORDS = {
    "in": frozenset("""live lives living lived grew raised born based settled stay stays staying stayed up out down over back
                    i'm i’m we're we’re he's he’s she's she’s they're they’re""".split()),
    "past": frozenset("out up down over just".split()),
    "beyond": frozenset("out up down over just".split()),
    "from": frozenset("i'm i’m we're we’re he's he’s she's she’s they're they’re originally".split()),
}
"""Two words before a name where only a place stands: 'grew up in', 'live in', 'out past', "I'm from" (not 'a card from',
'in', alone, which people are confided in)."""


def _where_no_one_stands(text: str, d: Detection) -> bool:
    """Whether this mention stands after two words that only a place follows (see PLACED_BY_TWO_WORDS)."""
    two = TWO_WORDS_BEFORE.search(text, max(0, d.start - 40), d.start)
    return bool(two) and two.group(1).lower() in PLACED_BY_TWO_WORDS.get(two.group(2).lower(), ()) \
        and text[d.end:d.end + 2] not in ("'s", "’s")


def _person_cue(text: str, d: Detection, gaz: Gazetteers, name_lists: bool = True) -> bool:
    """Whether this mention reads as a person's; with name_lists False, being on a name list is no cue."""
    if d.reason.startswith(PERSON_REASONS) and (name_lists or not d.reason.startswith(NAME_LIST_REASONS)):
        return True
    window = text[max(0, d.start - 40):d.start]
    two = TWO_WORDS_BEFORE.search(window)
    before = WORD_BEFORE.search(window)
    word = before.group(1).lower().rstrip(".") if before else ""
    if word in ("called", "named") and two and two.group(1).lower() in PLACE_NOUNS:
        return False  # 'a town called Glendive'
    if word in TITLES or (word in KIN_NOUNS and two is not None) or word in ("called", "named", "with"):
        return True
    if person_position(text, d):
        return True
    if word == "and" and two is not None and two.group(1)[:1].isupper() and two.group(1) != "I" \
            and two.group(1).lower() not in gaz.places:
        return True  # 'Tom and Denver' (not 'too humid for us, and Denver', 'Omaha and Denver')
    after = WORD_AFTER.match(text, d.end)
    following = after.group(1).lower() if after else ""
    if following in STRONG_SPEECH_VERBS or following in PERSON_VERBS \
            or re.match(r"(?:[ \t]+and[ \t]+(?:I|i|me)\b|,?[ \t]+who\b)", text[d.end:d.end + 10]) \
            or DONE_WITH_SOMEONE.match(text, d.end):
        return True  # 'Virginia said', 'Virginia and I', 'Ferguson, who was our director', 'Jordan stayed with me'

    key = surface_key(d.text)
    words = key.split()
    if not words or key in gaz.places:
        return False
    # 'Cerys Bevan': a first name, or a surname closing a longer name ('Catriona, Catriona McLeish' restated).
    return name_lists and (words[0] in gaz.first_names or (len(words) > 1 and words[-1] in gaz.surnames))


def places_first(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """Detections with every mention of a person- or organisation-labelled name relabelled a place when some
    mention stands in a place position and none has a person's cue."""
    detections = [_place_alone(d, gaz) for d in detections]
    locations = [(d.start, d.end) for d in detections if d.entity_type in ("LOCATION", "ADDRESS")]
    postcodes = [d.start for d in detections if d.entity_type == "POSTCODE"]
    place_keys = {surface_key(d.text) for d in detections if d.entity_type == "LOCATION"}
    # Mentions are taken together when they share a surface or an identity group ('Cerys', 'Cerys Bevan').
    owner: dict[str, str] = {}
    by_key: dict[str, list[int]] = {}
    for index, d in enumerate(detections):
        if d.entity_type in ("PERSON", "ORGANIZATION"):
            key = surface_key(d.text)
            root = owner.setdefault(d.group, owner.get(key, key))
            owner.setdefault(key, root)
            by_key.setdefault(root, []).append(index)
    relabel: set[int] = set()
    for indexes in by_key.values():
        mentions = [detections[i] for i in indexes]
        keys = {surface_key(m.text) for m in mentions}
        named_by_context = any(m.reason.startswith(CONTEXT_ORGANISATION) for m in mentions)  # 'run by Safe Harbour'
        if any(_shaped_like_a_place(k) for k in keys) and not any(_titled(text, m) for m in mentions) \
                and not named_by_context:
            relabel.update(indexes)
            continue
        if not all(keys) or any(len(k.split()) > 3 or any(w in INSTITUTION_HEADS for w in k.split()) for k in keys):
            continue
        listed = any(_listed_with_a_place(text, m, locations) for m in mentions)
        restated = any(_restating_a_place(text, m, locations) for m in mentions)
        if not (listed or restated) \
                and any(len(k.split()) > 1 and k not in gaz.places and gaz.is_common(k.split()[-1]) for k in keys):
            continue  # 'Brenzett Haulage', 'Hollings Foods': a business named by its trade, though 'at Brenzett
        if any(m.reason.startswith(INSTITUTION_REASONS) for m in mentions):
            continue
        well_known = _well_known_place(keys, gaz, place_keys)
        journey = listed or any(_from_place_to(text, m, locations) or _before_a_postcode(text, m, postcodes)
                                or PLACE_WAY.match(text, m.end) and _place_position(text, m, locations, gaz) for m in mentions)
        positioned = any(_place_position(text, m, locations, gaz) for m in mentions)
        known_place_placed = positioned and all(k in gaz.places for k in keys)  # 'in marietta': a name list is no cue
        # 'grew up in Long Gully', 'out past Ross', 'in Albany. Well, Troy': where no one stands, a name list is no
        # cue either
        strongly_placed = restated or any(_where_no_one_stands(text, m) for m in mentions)
        if any(_person_cue(text, m, gaz, name_lists=not (well_known or journey or known_place_placed or strongly_placed))
               for m in mentions):
            continue
        if well_known or positioned or journey or restated:
            relabel.update(indexes)
    if relabel:
        detections = [replace(d, entity_type="LOCATION", group=f"LOCATION:{surface_key(d.text)}") if i in relabel else d
                      for i, d in enumerate(detections)]
    return places_by_mention(text, detections, gaz)


RESTATED_AFTER = re.compile(r"(?:,[ \t]*born[ \t]+and[ \t]+(?:bred|raised))?[ \t]*[.,;:!?]?\s*[Ww]ell,?[ \t]+")
"""Between a place and a name that says more exactly where: "I'm in Albany, New York. Well, Troy", 'born and bred in
mildura well merbein actually'."""
RESTATED_NAME_ENDS = re.compile(r"[ \t]*(?:[,.;:!?]|$|[ \t](?:really|actually|though|now|mind|just|right)\b)", re.MULTILINE)
"""What closes a place said again more exactly ('Well, Heald Moss really', 'Well, Troy, right across the river'); not a
verb ('in Leeds, well, Sandy did')."""


def _restating_a_place(text: str, d: Detection, locations: list[tuple[int, int]]) -> bool:
    """A name just after a found place and 'well' is where the speaker is, said more exactly: a place."""
    return RESTATED_NAME_ENDS.match(text, d.end) is not None \
        and any(end <= d.start and RESTATED_AFTER.fullmatch(text, end, d.start) for _, end in locations)


POSTCODE_JOIN = re.compile(r",?[ \t]+")


def _before_a_postcode(text: str, d: Detection, postcodes: list[int]) -> bool:
    """'the box in Broderick, S0H 0L0', 'Macon, Georgia 31201': a name just before a postcode is a place."""
    return any(start >= d.end and POSTCODE_JOIN.fullmatch(text, d.end, start) for start in postcodes)


AND_JOIN = re.compile(r",?[ \t]+(?:and|or)[ \t]+")
PLACE_WAY = re.compile(r"[ \t]+way\b")
"""'from Katherine way', 'up Preston way': the idiom of a place's surroundings."""


def _listed_with_a_place(text: str, d: Detection, locations: list[tuple[int, int]]) -> bool:
    """'in Kingston and May Pen': a name joined by 'and' or 'or' to a found place after a place's preposition is a
    place too, though on a name list (a comma may set a person beside it: 'in Oxford, Ilsabet, she rang')."""
    for start, end in locations:
        if end <= d.start and AND_JOIN.fullmatch(text, end, d.start):
            before = WORD_BEFORE.search(text, max(0, start - 20), start)
            return bool(before) and before.group(1).lower() in PLACE_POSITION_BEFORE
    return False


FROM_PLACE_TO = re.compile(r"\bfrom[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?,?[ \t]+to[ \t]+$")


def _from_place_to(text: str, d: Detection, locations: list[tuple[int, int]]) -> bool:
    """'drove from Toowoomba to Roma': the end of a journey from a found place is a place, name list or not."""
    match = FROM_PLACE_TO.search(text, max(0, d.start - 50), d.start)
    return bool(match) and any(match.start() < start and end < d.start for start, end in locations)


def _place_alone(d: Detection, gaz: Gazetteers) -> Detection:
    """A known place standing alone that took an organisation's label from a longer name holding it ('Salford' after
    'Salford CVS') is a place."""
    key = surface_key(d.text)
    if d.entity_type != "ORGANIZATION" or " " in key or key not in gaz.places or key in gaz.world_places \
            or d.group.partition(":")[2] == key:
        return d
    return replace(d, entity_type="LOCATION", group=f"LOCATION:{key}")


def _shaped_like_a_place(key: str) -> bool:
    words = key.split()
    return len(words) in (2, 3) and (words[0] in PLACE_NAME_FIRST or words[-1] in PLACE_NAME_LAST) \
        and not any(w in INSTITUTION_HEADS and w not in PLACE_NAME_LAST for w in words)


def _titled(text: str, d: Detection) -> bool:
    before = WORD_BEFORE.search(text[max(0, d.start - 20):d.start])
    return bool(before) and before.group(1).lower().rstrip(".") in TITLES


def _well_known_place(keys: set[str], gaz: Gazetteers, place_keys: set[str]) -> bool:
    """A name that is a country or first-level region ('Georgia', 'Virginia'), or, where the talk names other
    places, a city of 100,000+ or a place no first name shares ('Houston', 'Kearney'): a place unless a
    mention reads as a person's."""
    if not all(k in gaz.places for k in keys):
        return False
    if any(k in gaz.regions for k in keys):
        return True
    talks_of_places = bool(place_keys - keys)
    return talks_of_places and all(k in gaz.large_places or k not in gaz.first_names for k in keys)


NICKNAME_WORDS = frozenset("big little old young wee lil baby uncle auntie aunty nana nan grandma grandad".split())
"""Words that open a person's nickname ('Big Mick', 'Little Jo', 'Young Tom') though no name."""
CONNECTORS = frozenset("of the for".split())


def _organisation_shaped(text: str, d: Detection, gaz: Gazetteers) -> bool:
    """Two or more words ending in an English word no name list holds ('Aire Valley Roofing', 'Rose and Crown'), or
    with one inside ('Sing Steady Linthorpe') or a connector ('Friends of the Park'); not 'Sarah Thompson', 'Sky
    Robinson' (a first name that is a word, then a surname) or 'Big Mick'."""
    words = [re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[\w'’&-]+", d.text) if w not in ("'s", "’s")]
    if len(words) < 2:
        return False

    def plain_word(word: str) -> bool:
        return (len(word) >= 3 and gaz.is_common(word) and word not in gaz.first_names and word not in gaz.surnames
                and word not in TITLES and word not in NICKNAME_WORDS and word not in CONNECTORS and word not in STOP_WORDS)

    inner = words[1:-1]
    # 'Ardan House', 'Kelso Group': a head word closing a name not opened by a first name ('Sarah House')
    headed = words[-1] in INSTITUTION_HEADS and words[0] not in gaz.first_names
    return plain_word(words[-1]) or headed or any(w in CONNECTORS or plain_word(w) for w in inner)


CARE_CLOSERS = frozenset("medical royal general infirmary hospital hospice clinic surgery practice".split())
WORKPLACE_CLOSERS = CARE_CLOSERS | frozenset("""colliery pit mine works mill factory plant poultry foods farms dairy
dairies baptist methodist presbyterian catholic trinity memorial college university school academy primary elementary
church chapel""".split())
"""Last words that make a capitalised name a workplace, care place, church or school, though it stands where a place
stands ('at Dawdon Colliery', 'in Sunderland Royal', 'at First Baptist')."""


PLACE_OPENERS = frozenset("""port mount mt fort glen lake cape point st saint north south east west new upper lower
great little old""".split())


def _workplace_named(d: Detection, gaz: Gazetteers) -> str | None:
    """The type a place-labelled name closed by a workplace's word should have, or None."""
    words = surface_key(d.text).split()
    if d.entity_type != "LOCATION" or len(words) < 2 or words[-1] not in WORKPLACE_CLOSERS:
        return None
    if " ".join(words) in gaz.places or words[0] in PLACE_OPENERS or not all(w[:1].isupper() for w in d.text.split()):
        return None  # 'Port Royal', 'Mount Royal': a place's own name
    return "HOSPITAL" if words[-1] in CARE_CLOSERS else "ORGANIZATION"


def organisations_first(text: str, detections: list[Detection], gaz: Gazetteers) -> list[Detection]:
    """Every mention of a person-labelled name relabelled an organisation when one of its mentions is shaped like an
    organisation's name and none is a person named with a cue ('Mr', 'my son', 'said'); a place-labelled name closed
    by a workplace's word ('Dawdon Colliery') relabelled too."""
    if is_lower_case_text(text):
        return detections  # without capitals a name's extent is a guess ('tomasz flew'), so its shape says little
    detections = [_relabelled(d, kind) if (kind := _workplace_named(d, gaz)) else d for d in detections]
    groups: dict[str, list[int]] = {}
    for index, d in enumerate(detections):
        if d.entity_type == "PERSON":
            groups.setdefault(d.group, []).append(index)
    relabel: set[int] = set()
    for group, indexes in groups.items():
        mentions = [detections[i] for i in indexes]
        if any(m.reason.startswith(PERSON_REASONS) for m in mentions):
            continue
        if any(_organisation_shaped(text, m, gaz) for m in mentions):
            relabel.update(indexes)
    if not relabel:
        return detections
    return [_relabelled(d, "ORGANIZATION") if i in relabel else d for i, d in enumerate(detections)]


def _relabelled(d: Detection, kind: str) -> Detection:
    """The detection under another type, its identity group kept."""
    return replace(d, entity_type=kind, group=f"{kind}:" + d.group.partition(":")[2])
