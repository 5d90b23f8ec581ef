"""Provides places named by their kind: areas and parks after a word saying where ('in KBR Park'), a place before its
region ('past Crane, Texas'), numbered roads ('off the M62', 'I-40', 'Highway 401'), ring roads ('the
North Circular'), names ending in a place word ('Gull Lake', 'Grand Forks', 'Crossroads Plaza', 'the Ravensthorpe
estate'), names after a place noun and 'called' ('a farm called Hill Top'), and, in lower case, a word in no word
list where someone lives ('grew up in shawlands')."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import FILLERS, KIN_NOUNS, MONTHS, PLACE_PREPOSITIONS, TITLES, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import DIGIT_WORD, NUMBER_WORD, number_value
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_capitalised, is_word

ROAD_CODE = re.compile(r"[AMN]\d{1,4}(?:\(M\))?", re.IGNORECASE)
INTERSTATE = re.compile(r"I-\d{1,3}", re.IGNORECASE)
ROAD_WORDS_BEFORE_CODE = frozenset("the off on onto via down up along near by from to take took taking join joined junction".split())
ROAD_NAMING_WORDS = frozenset("interstate highway hwy route".split())
NOT_A_ROAD_AFTER = frozenset("paper sheet sheets size envelope envelopes page pages form forms format grade grades level levels mask masks respirator".split())
"""A road by its number after a road word ('the A6', 'off the M62', 'the N7'), or named as one ('I-40', 'Highway
401', 'Route 66'); not a paper size, a mask or a grade ('the A4 sheet', 'the N95 mask')."""
LOCAL_ROAD_KINDS = frozenset("county state farm ranch forest township provincial range rural concession".split())
"""Words before 'road' that number a road of the countryside ('County Road 49', 'county road forty nine')."""
RING_ROAD_WORDS = frozenset("circular bypass by-pass distributor".split())
SIDES = frozenset("north south east west inner outer northern southern eastern western".split())
PLACE_HEADS = frozenset("""lake lakes loch lough forks falls mountains hills plaza mall bay creek springs heights canyon
valley river beach island islands estate circular""".split())
"""Last words that make a capitalised name a place's ('Gull Lake', 'Blue Mountains', 'Crossroads Plaza')."""
AREA_HEADS = frozenset("park city town".split())
"""Last words that make a name an area's or a park's ('KBR Park', 'HITEC City', 'Kentish Town'), taken only after a word
saying where ('in', 'near', 'past') and when the name opens with no given name ('Linda Park' is a person)."""
WHERE_BEFORE = frozenset("in near past outside around round by from to at into through behind opposite over".split())
LOWER_HEADS = frozenset("lake lakes forks mountains plaza mall creek canyon".split())
"""Last words that, in lower case after a place word, make the words before them a place's name ('out to gull lake')."""
LOWER_HEADS_UNKNOWN = frozenset("estate falls bay springs hills valley river beach island loch lough".split())
"""Last words that need a word in no word list before them in lower case ('the ravensthorpe estate', not 'the housing
estate', 'the baby falls')."""
GENERIC_MODIFIERS = frozenset("""big little small large huge tiny local nearest nearby main new old same other shopping strip
outlet indoor outdoor boating fishing frozen artificial private public council housing next first second last whole nice
lovely beautiful great good bad dead quiet busy massive north south east west northern southern eastern western upper lower
top bottom far near back front one two three few many some any every real proper usual nearer bigger biggest closest
favourite favorite""".split())
"""Words before a place word that describe it rather than name it ('the big lake', 'the shopping mall')."""
LOWER_CUE = PLACE_PREPOSITIONS | frozenset("the and or by on at to".split())
RESIDENCE_BEFORE = re.compile(
    r"\b(?:live|lives|lived|living|grew[ \t]+up|growing[ \t]+up|born(?:[ \t]+and[ \t]+(?:bred|raised))?|raised|based|settled"
    r"|stay|stays|stayed|staying"
    r"|moved|move|moving|brought[ \t]+up)(?:[ \t]+(?:out|up|down|over|back|here|there))?[ \t]+(?:in|to|at)[ \t]+$"
    r"|\b(?:i'm|i’m|im|he's|he’s|she's|she’s|we're|we’re|they're|they’re|originally|comes|come|came|is|was|are)"
    r"[ \t]+from[ \t]+$")
"""Words before a place someone lives in or comes from ('grew up in', 'born and bred in', 'moved out to', 'she's
from')."""
NOT_PLACES = frozenset("there here home town bed care hospital work school church the a an my our".split())


def find_places_by_kind(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    yield from _numbered_roads(v)
    yield from _spoken_roads(v)
    yield from _ring_roads(v)
    yield from _headed_names(v, lower_case_text)
    yield from _places_of(v, lower_case_text)
    if not lower_case_text:
        yield from _listed_with_places(v)
        yield from _prefixed_names(v)
        yield from _answers_to_where(v)
    yield from _called_places(v, lower_case_text)
    if lower_case_text:
        yield from _lower_case_residence(v)
        yield from _lower_case_settlements(v)
        yield from _lower_case_along_the(v)
        yield from _lower_case_rivers(v)


def _numbered_roads(v: TokenView) -> Iterator[Found]:
    for i, token in enumerate(v.tokens):
        w = token.text
        if not w[-1:].isdigit() or v.lower(i + 1) in NOT_A_ROAD_AFTER or v.word(i + 1)[:1].isdigit():
            continue
        if ROAD_CODE.fullmatch(w) and v.lower(i - 1) in ROAD_WORDS_BEFORE_CODE or INTERSTATE.fullmatch(w):
            yield v.span(i, i, "LOCATION", 0.6, "a numbered road")
        elif w.isdigit() and len(w) <= 4 and v.lower(i - 1) in ROAD_NAMING_WORDS:
            first = i - 2 if v.lower(i - 1) == "route" and v.lower(i - 2) == "state" else i - 1
            yield v.span(first, i, "LOCATION", 0.6, "a numbered road")
        elif w.isdigit() and len(w) <= 3 and v.word(i - 1) == "-" and v.lower(i - 2) == "i":
            yield v.span(i - 2, i, "LOCATION", 0.6, "a numbered road")
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) != "road" or v.lower(i - 2) not in LOCAL_ROAD_KINDS or not number_value(v.word(i)):
            continue  # 'down the farm road and they': 'and' alone is no number
        said = (end for end in (min(i + 1, len(v.tokens) - 1), i)
                if number_value(" ".join(v.word(k) for k in range(i, end + 1))) is not None)
        last = i if v.word(i).isdigit() else next(said, None)  # '49', or 'forty nine' / 'six'
        if last is not None:
            yield v.span(i - 2, last, "LOCATION", 0.6, "a numbered country road")


SPOKEN_ROAD = re.compile(
    rf"\b(?:the|off|onto|via|along)\s+([amn]\s+(?:{DIGIT_WORD}|{NUMBER_WORD})(?:\s+(?:{DIGIT_WORD}|{NUMBER_WORD})){{0,2}})\b"
    rf"|\b((?:interstate|highway|route)\s+(?:{NUMBER_WORD})(?:\s+(?:{NUMBER_WORD}))?)\b"
    rf"(?!\s+(?:{'|'.join(NOT_A_ROAD_AFTER)})\b)", re.IGNORECASE)
"""A road by its number said aloud: 'the a nine six', 'off the m six', 'interstate ten', 'route sixty six'."""
ROAD_SAID = re.compile(r"\b(?:[amn]|interstate|highway|route)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                       r"|thirt|fourt|fift|sixt|sevent|eight|ninet|twenty|forty)", re.IGNORECASE)
"""The cheap test before SPOKEN_ROAD."""


def _spoken_roads(v: TokenView) -> Iterator[Found]:
    if not ROAD_SAID.search(v.text):
        return
    for match in SPOKEN_ROAD.finditer(v.text):
        road = 1 if match.group(1) else 2
        yield Found(match.start(road), match.end(road), "LOCATION", 0.6, "a numbered road said aloud")


def _ring_roads(v: TokenView) -> Iterator[Found]:
    for i in range(1, len(v.tokens)):
        lower = v.lower(i)
        first = i - 1
        if lower == "road" and v.lower(i - 1) in ("ring", "relief"):
            first = i - 2
        elif lower not in RING_ROAD_WORDS:
            continue
        if v.lower(first) in SIDES:
            yield v.span(first, i, "LOCATION", 0.55, "a ring road named by its side")


def _headed_names(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    for i in range(1, len(v.tokens)):
        head = v.lower(i)
        if head not in PLACE_HEADS:
            continue
        first = i
        if is_capitalised(v.word(i)) or head == "estate" and v.word(i).islower():
            while first - 1 >= 0 and i - first < 3 and _name_word(v, first - 1) and not v.initial(first):
                first -= 1
            if first < i and (is_capitalised(v.word(i)) or v.namelike(first)) \
                    and not (first == i - 1 and v.initial(first) and v.tokens[first].is_stop):
                yield v.span(first, i, "LOCATION", 0.55, f"a name ending in the place word '{v.word(i)}'")
                continue
        if lower_case_text and v.word(i).islower() and (head in LOWER_HEADS or head in LOWER_HEADS_UNKNOWN):
            yield from _lower_headed(v, i)
    if not lower_case_text:
        yield from _named_areas(v)
    yield from _places_before_regions(v)


def _named_areas(v: TokenView) -> Iterator[Found]:
    """'in KBR Park', 'works in HITEC City', 'near Kentish Town': one or two capitalised words or acronyms before an
    area head, straight after a word saying where."""
    for i in range(2, len(v.tokens)):
        if v.lower(i) not in AREA_HEADS or not is_capitalised(v.word(i)):
            continue
        for first in (i - 1, i - 2):
            if first < 1 or not all(_area_name_word(v, k) for k in range(first, i)):
                break
            if v.lower(first - 1) in WHERE_BEFORE and (v.lower(first) not in v.gaz.first_names or v.lower(i) == "town"):
                # a first name opens a town's name ('from over Campbell Town', 'George Town'), not a park's
                yield v.span(first, i, "LOCATION", 0.55, f"a name before the area word '{v.word(i)}'")
                break


PLACE_NOUNS = frozenset("""place farm property station village town suburb estate street road lane area hamlet island
township ranch homestead croft""".split())
"""Nouns before 'called' that make the name a place's ('a farm called Hill Top', 'Place is called Windy Ridge')."""


def _called_places(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """A place noun, then 'called' or 'named' (perhaps after 'is' or 'was'), then capitalised words (in a lower-case
    transcript, one or two plain words): a place."""
    if "called" not in v.text and "named" not in v.text:
        return
    for i in range(1, len(v.tokens) - 1):
        if v.tokens[i].lower_ not in ("called", "named") or v.initial(i + 1):
            continue
        noun = i - 2 if v.lower(i - 1) in ("is", "was", "'s", "’s") else i - 1
        if v.lower(noun) not in PLACE_NOUNS:
            continue
        if is_capitalised(v.word(i + 1)):
            last = i + 1
            while last + 1 < len(v.tokens) and last - i < 3 and is_capitalised(v.word(last + 1)) and not v.initial(last + 1):
                last += 1
        elif lower_case_text and _plain_lower(v, i + 1):
            last = i + 1  # 'place is called windy ridge' in a lower-case transcript: up to two plain words
            if _plain_lower(v, i + 2):
                last = i + 2
        else:
            continue
        yield v.span(i + 1, last, "LOCATION", 0.75, f"a name after '{v.word(noun)} {v.word(i)}'")


def _plain_lower(v: TokenView, k: int) -> bool:
    """A lower-case word that may stand in a place's name: no stop word, calendar or group word."""
    word = v.word(k)
    return word.islower() and is_word(word) and len(word) >= 3 and not v.tokens[k].is_stop and not v.allowed(k) \
        and not v.group_word(k) and v.lower(k) not in MONTHS and v.lower(k) not in WEEKDAYS


AFTER_A_REGION = frozenset("""and for in at on with by near originally now then last before when where but so or till
until since back way area just right which there too as like""".split())
"""Words that may follow 'town, region' when the region ends the place ('in loyal, wisconsin for years'), unlike a
verb ('in work, ireland was different')."""
TOWN_JOINS = frozenset("'s ’s of on upon".split())
"""Little words inside a town's name ('little heart's ease', 'stratford upon avon')."""


def _places_before_regions(v: TokenView) -> Iterator[Found]:
    """'past Crane, Texas', 'from Sydney, Nova Scotia', 'i grew up in wheeling, west virginia, and': up to four words
    after a word saying where and before a comma and a region are a place there, even when they are English words,
    when written in the region's case; in lower case the region must end the place ('from loyal, wisconsin on gravel',
    not 'in work, ireland was different')."""
    for comma in range(2, len(v.tokens) - 1):
        if v.word(comma) != "," or not (size := v.region_words(comma + 1)):
            continue
        lower = v.word(comma + 1).islower()
        after = comma + 1 + size
        if lower and not (v.lower(after) in AFTER_A_REGION or not is_word(v.word(after))):
            continue
        cue = next((k for k in range(comma - 1, max(-1, comma - 6), -1) if v.lower(k) in WHERE_BEFORE
                    and (v.lower(k + 1) not in TOWN_JOINS or v.lower(k) == "outside")), None)
        first = None if cue is None else cue + 2 if v.lower(cue + 1) == "of" else cue + 1
        if first is None or first >= comma or v.allowed(first):
            continue  # 'outside of sundown, texas'
        if all(_town_word(v, k, lower) for k in range(first, comma)) and _town_word(v, first, lower, join=False) \
                and _town_word(v, comma - 1, lower, join=False):
            yield v.span(first, comma - 1, "LOCATION", 0.6, "a place before its region")


def _town_word(v: TokenView, k: int, lower: bool, join: bool = True) -> bool:
    """A word that may stand in a town's name written in lower case (`lower`) or capitalised: no stop word, calendar
    word or determiner, or a little joining word ('of', "'s") inside the name."""
    word, key = v.word(k), v.lower(k)
    if join and key in TOWN_JOINS:
        return True
    return is_word(word) and (word.islower() if lower else is_capitalised(word)) and key not in STOP_WORDS \
        and key not in MONTHS and key not in WEEKDAYS


WHERE_QUESTION = re.compile(r"\bwhere\b[^\n?]*\?[ \t]*$", re.IGNORECASE)
PLACE_ANSWER = re.compile(
    r"^[ \t]*(?:[A-Z][\w ]{0,30}:[ \t]*)?(?:(?:Oh|Um|Erm|Uh|Well|So|Yeah|Yes|In|Near|Outside|Just outside),?[ \t]+)?"
    r"([A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'-]+){0,2})(?=[ \t]*[.,!]|[ \t]*$)", re.MULTILINE)
"""A turn that opens with a name and stops ('P: Harehills.', 'Pollokshields, twenty year now')."""


def _answers_to_where(v: TokenView) -> Iterator[Found]:
    """A name given as the answer to a question asking where: a place, though no list holds it."""
    for match in PLACE_ANSWER.finditer(v.text):
        before = v.text[max(0, match.start() - 300):match.start()].rstrip()
        question = before.rsplit("\n", 1)[-1]
        if not WHERE_QUESTION.search(question):
            continue
        words = match.group(1).split()
        lowered = [w.lower() for w in words]
        if all(v.gaz.is_common(w) and w not in v.gaz.places for w in lowered) or " ".join(lowered) in v.gaz.first_names \
                or any(w in MONTHS or w in WEEKDAYS or w in STOP_WORDS for w in lowered):
            continue
        yield Found(match.start(1), match.end(1), "LOCATION", 0.6, "the answer to a 'where' question (place position)")


OF_PLACE_KINDS = frozenset("""bridge mains kyle isle bay port mull braes falls kirkton mouth head point sound firth loch
lochs vale glen strath water rhinns howe cross burn haugh milton muir moor links ness holm""".split())
"""Words that open a place named '<kind> of <name>', as Scotland names so many ('Bridge of Alford', 'Kyle of
Lochalsh', 'Mains of Corse')."""


def _places_of(v: TokenView, lower_case_text: bool) -> Iterator[Found]:
    """'Bridge of Alford', 'Mains of Corse', 'Isle of Whithorn': a place word, 'of', and a name that is a place or
    no English word; in lower case only after a word saying where ('out to bridge of alford')."""
    for i in range(len(v.tokens) - 2):
        if v.lower(i) not in OF_PLACE_KINDS or v.lower(i + 1) != "of":
            continue
        name = i + 2
        two_words = name + 1 < len(v.tokens) and f"{v.lower(name)} {v.lower(name + 1)}" in v.gaz.places
        last = name + 1 if two_words else name
        key = " ".join(v.lower(k) for k in range(name, last + 1))
        known = key in v.gaz.places or f"{v.lower(i)} of {key}" in v.gaz.places
        if not known and v.common(name) or v.tokens[name].is_stop or not is_word(v.word(name)):
            continue
        if lower_case_text:
            if v.lower(i - 1) not in WHERE_BEFORE:
                continue
        elif not (is_capitalised(v.word(i)) and is_capitalised(v.word(name))):
            continue
        yield v.span(i, last, "LOCATION", 0.65, f"a place named '{v.word(i)} of' a name")


def _area_name_word(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return (_name_word(v, i) or (w.isupper() and w.isalpha() and 2 <= len(w) <= 6)) and not v.allowed(i)


def _name_word(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return is_capitalised(w) and is_word(w) and v.lower(i) not in MONTHS and v.lower(i) not in WEEKDAYS \
        and not v.tokens[i].is_stop


def _lower_headed(v: TokenView, i: int) -> Iterator[Found]:
    """'out to gull lake', 'fargo and grand forks', 'the walthamstow mall': one or two words before the place word,
    straight after a place word or 'the', none of them a describing word."""
    head = v.lower(i)
    for size in (1, 2):
        first = i - size
        words = [v.lower(k) for k in range(first, i)]
        if first < 1 or not all(is_word(v.word(k)) and v.word(k).islower() for k in range(first, i)) \
                or any(w in STOP_WORDS or w in GENERIC_MODIFIERS or w in PLACE_HEADS for w in words):
            return
        if v.lower(first - 1) not in LOWER_CUE:
            continue
        if head in LOWER_HEADS_UNKNOWN and v.common(first) and not _an_estate_lived_on(v, first, i):
            return
        yield v.span(first, i, "LOCATION", 0.5, f"lower-case name before the place word '{v.word(i)}'")
        return


ESTATE_KINDS = frozenset("""housing council industrial trading business retail enterprise science country real private
sink posh rough social""".split())
"""Words that say what kind of estate it is ('the council estate', 'the industrial estate', 'real estate')."""
ON_AN_ESTATE = frozenset("on off from round near".split())


def _an_estate_lived_on(v: TokenView, first: int, head: int) -> bool:
    """'people on the bluebell estate', 'she's from the manor estate': one word, even an English one, names an estate
    said to be lived on, unless it says what kind of estate it is."""
    return v.lower(head) == "estate" and head - first == 1 and v.lower(first - 1) == "the" \
        and v.lower(first - 2) in ON_AN_ESTATE and v.lower(first) not in ESTATE_KINDS


def _lower_case_residence(v: TokenView) -> Iterator[Found]:
    """'grew up in shawlands', 'she's from esterhazy': a lower-case word in no word list or name list where
    someone lives or comes from (a gazetteer place there is found by the gazetteer rules)."""
    for i in range(1, len(v.tokens)):
        w = v.word(i)
        if not (w.islower() and is_word(w) and len(w) >= 4) or v.common(i) or v.lower(i) in NOT_PLACES \
                or v.lower(i) in v.gaz.first_names or v.lower(i) in v.gaz.places or v.tokens[i].is_stop:
            continue
        start = v.tokens[i].idx
        if not RESIDENCE_BEFORE.search(v.text, max(0, start - 40), start):
            continue
        last = i
        if v.word(i + 1).islower() and is_word(v.word(i + 1)) and not v.common(i + 1) and len(v.word(i + 1)) >= 4 \
                and v.lower(i + 1) not in v.gaz.first_names and not v.tokens[i + 1].is_stop:
            last = i + 1
        yield v.span(i, last, "LOCATION", 0.55, "lower-case word in no word list, in a place position where someone lives")


SETTLEMENT_WORDS = frozenset("""heath gully flat flats meadow meadows hill hills end bay creek vale green cross bridge wood
woods moor field fields brook dale ridge springs falls heights valley beach""".split())
"""Last words of the names of suburbs, villages and towns ('long gully', 'kangaroo flat', 'small heath')."""
KINDS_OF_SETTLEMENT = frozenset("""council granny studio basement ground top bottom upstairs downstairs garden caravan trailer
mobile holiday retirement business industrial car theme national village tidal dead far deep high low open same""".split())
"""Words that say what kind of flat, park or end it is ('a council flat', 'the village green'): no name."""


def _lower_case_settlements(v: TokenView) -> Iterator[Found]:
    """'grew up in long gully', 'live in kangaroo flat now', 'born and bred in small heath': in lower case, one or two
    ordinary words and a settlement's last word, with no article, where someone lives or comes from."""
    for i in range(2, len(v.tokens)):
        if v.lower(i) not in SETTLEMENT_WORDS or not v.word(i).islower():
            continue
        for first in (i - 1, i - 2):
            words = [v.lower(k) for k in range(first, i)]
            if first < 1 or not all(is_word(v.word(k)) and v.word(k).islower() for k in range(first, i)) \
                    or any(w in STOP_WORDS or w in KINDS_OF_SETTLEMENT or w in NOT_PLACES for w in words):
                break
            start = v.tokens[first].idx
            if RESIDENCE_BEFORE.search(v.text, max(0, start - 40), start):
                yield v.span(first, i, "LOCATION", 0.5, f"lower-case name before the settlement word '{v.word(i)}', "
                                                        "where someone lives")
                break


ALONG_THE = frozenset("along alongside across beside".split())
"""Words before 'the' that, in lower case, make a word in no word list after them a river, road or landmark ('along
the wharfe', 'across the taff'; not 'past the chippy')."""


def _lower_case_along_the(v: TokenView) -> Iterator[Found]:
    for i in range(2, len(v.tokens)):
        w = v.word(i)
        if v.lower(i - 1) == "the" and v.lower(i - 2) in ALONG_THE and w.islower() and is_word(w) and len(w) >= 4 \
                and not v.common(i) and not v.tokens[i].is_stop and v.lower(i) not in v.gaz.first_names \
                and v.word(i + 1) not in ("'s", "’s"):
            yield v.span(i, i, "LOCATION", 0.5, f"lower-case word in no word list after '{v.word(i - 2)} the'")


NOT_A_RIVERS_NAME = frozenset("""bank banks side bed path walk walks boat boats trip trips view valley mouth water level
levels front crossing bridge edge runs ran flows flowed""".split())


def _lower_case_rivers(v: TokenView) -> Iterator[Found]:
    """In lower case, a river by its name after 'the river' ('across the river tay') or before 'river' after a word
    saying where ('by the bow river'); not 'the river bank', 'the big river'."""
    for i in range(1, len(v.tokens)):
        if v.lower(i) != "river":
            continue
        name = i + 1
        if v.lower(i - 1) == "the" and v.word(name).islower() and is_word(v.word(name)) and not v.tokens[name].is_stop \
                and v.lower(name) not in NOT_A_RIVERS_NAME and not v.allowed(name) \
                and (not v.common(name) or v.lower(name) in v.gaz.first_names or v.lower(name) in v.gaz.surnames):
            yield v.span(i, name, "LOCATION", 0.55, "a river by its name after 'the river'")
        name = i - 1
        if v.lower(i - 2) == "the" and v.lower(i - 3) in WHERE_BEFORE | ALONG_THE | {"on", "up", "down"} \
                and v.word(name).islower() and is_word(v.word(name)) and not v.tokens[name].is_stop \
                and v.lower(name) not in GENERIC_MODIFIERS and not v.allowed(name) and len(v.word(name)) >= 3:
            yield v.span(name, i, "LOCATION", 0.55, "a river by its name before 'river'")


LIST_JOINS = frozenset("and or , & then maybe even also".split())
LIST_END_WORDS = frozenset("at in on for and or but so then now too as where with to from every each last this".split())
"""Words after the last of a list of places ('Boone and Hickory at different times'), not verbs ('Leeds and Mum came')."""


def _listed_with_places(v: TokenView) -> Iterator[Found]:
    """'Asheville, Boone and Hickory', 'Leeds or Sandal': a capitalised English word listed straight after a known
    place is a place (a word in no list there is left to the rules for unknown words: 'Oxford, Ilsabet, Ilsabet
    Crowther')."""
    from interviewer.anonymise.places import _after_a_place_and

    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) not in LIST_JOINS or not v.capitalised_word(i) or v.initial(i) or v.lower(i) in INSTITUTION_HEADS or v.lower(i) in v.gaz.places \
                or v.lower(i) in v.gaz.first_names or v.word(i + 1) in ("'s", "’s") or is_capitalised(v.word(i + 1)):
            continue
        after = v.word(i + 1)
        if v.common(i) and _after_a_place_and(v, i) and v.lower(i) not in FILLERS and v.lower(i) not in TITLES and v.lower(i) not in KIN_NOUNS \
                and (not after or not is_word(after) or after.lower() in LIST_END_WORDS):
            yield v.span(i, i, "LOCATION", 0.5, "capitalised English word listed after a known place")


PLACE_PREFIXES = frozenset("mount mt fort ft lake port cape glen loch lough isle".split())


def _prefixed_names(v: TokenView) -> Iterator[Found]:
    """'Mount Olive', 'Fort Hood', 'Lake Louise': a place word opening a capitalised name, though the next word is
    a first name."""
    for i in range(len(v.tokens) - 1):
        if v.lower(i).rstrip(".") in PLACE_PREFIXES and is_capitalised(v.word(i)) and _name_word(v, i + 1) \
                and v.lower(i + 1) not in INSTITUTION_HEADS and v.word(i + 2) not in ("'s", "’s"):
            yield v.span(i, i + 1, "LOCATION", 0.55, f"a name opened by the place word '{v.word(i)}'")
