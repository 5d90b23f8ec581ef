"""Provides the place and venue rules for transcribed speech: UK places from the gazetteer (also misspelt by one
letter), places inside capitalised names, capitalised words after 'in'/'at', and venues such as 'the Hive'."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import (
    GENERIC_CAPITALISED, LEADING_NOISE, MONTHS, MOTION_WORDS, NEAR_BY, PLACE_KIND_AFTER, PLACE_POSITION_BEFORE, PLACE_PREPOSITIONS,
    SERVICE_WORDS, TITLES, TO_WORDS, VENUE_PREPOSITIONS, WEEKDAYS, WHERE_PREPOSITIONS, WORK_VERBS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.international import AU_STATES, US_STATE_CODES
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.never_names import FESTIVALS
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_capitalised, is_word, one_edit


@functools.lru_cache(maxsize=1)
def place_deletion_index() -> dict[str, set[str]]:
    """Single-word, uncommon place names by every one-letter deletion, for one-edit look-ups."""
    gaz = load_gazetteers()
    index: dict[str, set[str]] = {}
    for place in gaz.places:
        if " " in place or len(place) < 5 or not place.isalpha() or gaz.is_common(place) or place in gaz.world_places:
            continue  # misheard spellings are looked for among UK and Irish places and regions only
        for key in {place} | {place[:i] + place[i + 1:] for i in range(len(place))}:
            index.setdefault(key, set()).add(place)
    return index


def one_edit_place(word: str) -> str | None:
    """A gazetteer place one substitution, insertion or deletion away from `word`, if any."""
    lower = word.lower()
    index = place_deletion_index()
    # In a fixed order, so the same word always names the same place in its reason.
    for key in dict.fromkeys([lower] + [lower[:i] + lower[i + 1:] for i in range(len(lower))]):
        for place in sorted(index.get(key, ())):
            if place[0] == lower[0] and one_edit(lower, place):
                return place
    return None


PLACES_ONE_GOES = frozenset("""church chapel mass school college work home town hospital bath bed market pool bowling
grange valley bridge hill stone sale reading""".split())
"""Ordinary words that are also a UK place's name, after 'from' or 'near' in lower case the word, not the place
('back from church', 'near hospital')."""
STATE_CODES = frozenset(US_STATE_CODES) | frozenset(AU_STATES)
RESIDENCE_WORDS = frozenset("""live lives lived living born grew raised based stay stays stayed settled moved work works
worked working up over out down back here there""".split())
"""Words before 'in'/'at' that make what follows where someone lives or works ('lived in bury', 'over in bury', 'out here
in phoenix')."""
NEAR_OR_FROM = frozenset("from near around round outside towards via".split())
"""Words before a place that is also a word, in lower case, that make it the place ('near paisley', 'the soup run around
limerick'), where 'in' and 'at' need who lives or works there ('lived in bury')."""
STATES_LIVED_IN = frozenset("""hope fear peace harmony comfort luxury poverty denial misery sin pain limbo dread terror
shame silence freedom squalor isolation exile retirement recovery remission""".split())
"""What one lives in that is no place, though some are a town's name too ('living in hope', 'lived in peace')."""


OF_A_PLACE = frozenset("outside north south east west northeast northwest southeast southwest".split())
"""Words before 'of' and a place ('outside of Bowling Green', 'south of Dundee')."""


def place_position(v: TokenView, first: int, last: int) -> bool:
    """Whether words first..last stand where a place stands: after 'in', 'from', 'near', 'outside of' ..., after 'moved to',
    'back to' ..., before ', Texas' or 'County', or after 'Dallas,'."""
    before = v.lower(first - 1)
    if v.word(last + 1) in ("'s", "’s"):
        return False  # 'in Hope's name'
    if before in PLACE_POSITION_BEFORE or (before in TO_WORDS and v.lower(first - 2) in MOTION_WORDS):
        return True
    if before == "of" and v.lower(first - 2) in OF_A_PLACE:
        return True  # 'outside of Bowling Green', 'just north of Inverness'
    if before == "to" and is_capitalised(v.word(first - 2)) and (
            v.lower(first - 3) == "from" and v.lower(first - 2) in v.gaz.places
            or v.lower(first - 4) == "from" and f"{v.lower(first - 3)} {v.lower(first - 2)}" in v.gaz.places):
        return True  # 'from Toowoomba to Roma', 'from Glasgow to Fort William'
    if before in ("county", "co.", "co") and is_capitalised(v.word(first - 1)):
        return True  # 'County Kerry', 'Co. Mayo'
    if v.lower(last + 1) in PLACE_KIND_AFTER and is_capitalised(v.word(last + 1)):
        return True
    if v.lower(last + 1) in ("is", "was", "'s", "’s") and v.lower(last + 2) == "where" or v.lower(last + 1) == "area" \
            or before in ("by", "at") and v.lower(first - 2) in NEAR_BY:
        return True  # 'Savannah is where I met him', 'the Tulsa area', 'out by Kearney', 'out at inveralmond'
    if v.word(last + 1) == "," and _region_at(v, last + 2):
        return True
    if v.lower(first) in v.gaz.places and _after_a_place_and(v, first):
        return True  # 'Tampa or Orlando', 'El Paso and then Lubbock', 'Georgia, Savannah'
    # 'Dallas, Texas', 'Hoyland, Goldthorpe': a known place after a known place (not 'Mark, Mark Tennant')
    return before == "," and first >= 2 and v.lower(first - 2) in v.gaz.places and is_capitalised(v.word(first - 2)) \
        and v.lower(first) in v.gaz.places and v.lower(first) not in v.gaz.first_names \
        and v.lower(first - 2) not in v.gaz.first_names


COORDINATION = frozenset("and or , & then maybe even also".split())


def _after_a_place_and(v: TokenView, first: int) -> bool:
    """A known place, then 'and', 'or', a comma (perhaps with 'then', 'maybe'), then this word."""
    k = first - 1
    if v.lower(k) not in COORDINATION:
        return False
    while k > 0 and v.lower(k) in COORDINATION and first - k <= 3:
        k -= 1
    for size in (1, 2):
        start = k - size + 1
        key = " ".join(v.lower(j) for j in range(start, k + 1))
        if start >= 0 and key in v.gaz.places and all(is_capitalised(v.word(j)) for j in range(start, k + 1)) \
                and key not in v.gaz.first_names:
            return True
    return False


def _region_at(v: TokenView, i: int) -> bool:
    """A capitalised country or region (one or two words), or a US or Australian state code, starts at token i."""
    if v.word(i) in STATE_CODES:
        return True
    return is_capitalised(v.word(i)) and v.region_words(i) > 0


def common_words_only(gaz, key: str) -> bool:
    return all(gaz.is_common(part) for part in key.replace("-", " ").split())


def _person_named_like(v: TokenView, i: int, key: str) -> bool:
    """A region named like a person where it stands: a first name ('Virginia', 'Georgia'), or a surname said with a
    title or a given name before it ('Mrs Durham', 'Denzel Washington'). A surname alone is seldom how a speaker names
    a person, so 'all over Liverpool' and 'to Oldham' stay the places."""
    if key in v.gaz.first_names:
        return True
    before = v.lower(i - 1).rstrip(".")
    return key in v.gaz.surnames and is_capitalised(v.word(i - 1)) and (before in TITLES or before in v.gaz.first_names)


@functools.lru_cache(maxsize=1)
def place_word_prefixes() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """Every leading run of words of a gazetteer place, and the places themselves, as lower-case word tuples:
    a token run that is no prefix of a place ends the look-up at once."""
    from interviewer.anonymise.gazetteers import place_words

    prefixes, whole = set(), set()
    for place in load_gazetteers().places:
        words = tuple(place_words(place))
        whole.add(words)
        prefixes.update(words[:k] for k in range(1, len(words) + 1))
    return frozenset(prefixes), frozenset(whole)


def find_places(v: TokenView) -> Iterator[Found]:
    """UK places from the gazetteer, capitalised or (when no English word) lower-case, and the capitalised names
    that hold them."""
    from interviewer.anonymise.propagation import is_lower_case_text

    gaz = v.gaz
    n = len(v.tokens)
    prefixes, whole = place_word_prefixes()
    # In a cased transcript an English word written in lower case is that word, even where a place stands ('I live
    # in hope'); in a lower-case one it may be the place ('lived in bury').
    lower_case_text = is_lower_case_text(v.text)
    for i in range(n):
        if v.lower(i) not in gaz.place_first_words or not is_word(v.word(i)):
            continue
        sizes, run = [], ()
        for k in range(i, min(n, i + gaz.place_max_words)):
            run = run + (v.word(k).lower(),)
            if run not in prefixes:
                break
            if run in whole:
                sizes.append(len(run))
        for size in reversed(sizes):
            words = [v.word(k) for k in range(i, i + size)]
            key = " ".join(re.sub(r"\s+", " ", v.text[v.tokens[i].idx:v.tokens[i + size - 1].idx + len(words[-1])]).split()).lower()
            if key not in gaz.places or any(v.allowed(k) for k in range(i, i + size)) and size == 1 \
                    or size == 1 and key in MONTHS:
                continue  # a town called March loses to the month
            capitalised = all(is_capitalised(x) or x.lower() in ("upon", "on", "under", "le", "in", "the", "de", "-")
                              for x in words)
            common = size == 1 and v.common(i)
            positioned = place_position(v, i, i + size - 1)
            if capitalised:
                if common and v.lower(i - 1) not in PLACE_PREPOSITIONS and not positioned:
                    break
                if size == 1 and key in gaz.first_names and v.word(i + 1) in ("'s", "’s"):
                    break  # 'we stayed at Mary's': a person's home, though Mary is also a town
                if not positioned and (key in gaz.world_places and (size == 1 or common_words_only(gaz, key))
                                       or size == 1 and key in gaz.regions and _person_named_like(v, i, key)):
                    break  # 'Ngozi', 'Virginia', 'Tyler': a person's name unless it stands where a place stands
                where = "region or country" if key in gaz.regions else "world place" if key in gaz.world_places else "place"
                yield v.span(i, i + size - 1, "LOCATION", 0.75,
                             f"{where} from the gazetteer" + (" in a place position" if positioned else ""))
                named = _name_round_place(v, i, i + size - 1)
                if named and place_position(v, *named) and v.lower(named[1]) not in INSTITUTION_HEADS:
                    # 'from County Mayo', 'in Kirkby Stainton': a longer place name where a place stands
                    yield v.span(*named, "LOCATION", 0.6, "a place within a capitalised name in a place position")
                elif named:
                    yield v.span(*named, "ORGANIZATION", 0.6, "a place within a capitalised name")
            elif all(x.islower() for x in words) and (key not in gaz.world_places or positioned) \
                    and (lower_case_text or positioned or v.lower(i - 1) not in ARTICLE_LIKE) \
                    and (size > 1 or (not common and len(key) >= 4 and (key not in gaz.first_names or positioned))):
                yield v.span(_county_start(v, i), i + size - 1, "LOCATION", 0.55, "lower-case place from the gazetteer")
            elif size == 1 and words[0].islower() and len(key) >= 4 and key not in gaz.world_places and key not in MONTHS \
                    and not v.tokens[i].is_stop and positioned and (not common or lower_case_text and (
                        v.lower(i - 1) in NEAR_OR_FROM or v.lower(i - 2) in RESIDENCE_WORDS
                        or _moved_to(v, i) and key not in gaz.first_names or _workplace_in(v, i))
                        and key not in PLACES_ONE_GOES and key not in STATES_LIVED_IN and key not in INSTITUTION_HEADS):
                # 'in kent', 'near paisley', 'lived in bury': a place that is also a name or a word, where a place stands
                yield v.span(_county_start(v, i), i, "LOCATION", 0.55, "lower-case place from the gazetteer in a place position")
            break


def _workplace_in(v: TokenView, i: int) -> bool:
    """'worked at westpac in orange': where a workplace named after 'worked at' is."""
    return v.lower(i - 1) == "in" and v.lower(i - 3) in ("at", "for", "with") and v.lower(i - 4) in WORK_VERBS


def _moved_to(v: TokenView, i: int) -> bool:
    """'moved over to paisley', 'went back to wells': a destination after a motion word and 'to'."""
    return v.lower(i - 1) in TO_WORDS and v.lower(i - 2) in MOTION_WORDS


def _county_start(v: TokenView, i: int) -> int:
    """'county mayo' in lower case: the county word is part of the place's name."""
    return i - 1 if v.lower(i - 1) in ("county", "co", "co.") and v.word(i - 1).islower() else i


def _name_round_place(v: TokenView, first: int, last: int) -> tuple[int, int] | None:
    """The token range of a capitalised name holding the place first..last ('Pontypridd Panthers', 'Little
    Stars Tower Hamlets', 'West Midlands Travel'), or None when the place stands alone."""
    if v.lower(first - 1) in v.gaz.first_names or v.lower(first - 1).rstrip(".") in TITLES:
        return None  # "Hector Abernethy", "Mr Abernethy": a person named like a place
    start, end = first, last
    while v.capitalised_word(start - 1) and not v.initial(start):
        start -= 1
    if start < first and v.initial(start) and v.lower(start) in LEADING_NOISE:
        start += 1
    while v.capitalised_word(end + 1, acronym=True) and not v.initial(end + 1) and v.lower(end + 1).rstrip(".") not in TITLES:
        end += 1  # a title opens the next name: 'Longford Medical Dr Sharma'
    if start == first and first == last and v.lower(first) in v.gaz.first_names \
            and all(v.lower(k) in v.gaz.surnames for k in range(last + 1, end + 1)):
        return None  # "Bradford Smith" is a person
    return (start, end) if (start, end) != (first, last) else None


def find_places_after_prepositions(v: TokenView) -> Iterator[Found]:
    """Two or more capitalised words mid-sentence after 'in', 'at', 'from'...: a place or venue named with
    ordinary words ('at Stepping Hill', 'in South Shore', 'at Low Gill Farm')."""
    n = len(v.tokens)
    i = 1
    while i < n:
        if v.lower(i - 1) not in WHERE_PREPOSITIONS and not (v.lower(i - 1) == "of" and v.lower(i - 2) == "outside"):
            i += 1
            continue
        last = i
        while last < n and _title_word(v, last) and not (last > i and v.initial(last)):
            last += 1  # a word opening the next line opens a sentence or a turn ('from Salford\nInterviewer')
        words = [v.lower(k) for k in range(i, last)]
        if v.word(last) in ("'s", "’s") and v.lower(last + 1) in HOME_WORDS:
            first = i + 1 if words[0].rstrip(".") in TITLES else i  # a kin call is trimmed as from any person's name
            if first < last:  # 'at Mma Mokoena's house', "at Bev Atkins's place": whose home, not where
                yield v.span(first, last - 1, "PERSON", 0.55, f"a name before \"'s {v.word(last + 1)}\"")
        elif last - i >= 2 and not any(w in MONTHS or w in WEEKDAYS or w in SERVICE_WORDS or w in FESTIVALS for w in words) \
                and not all(v.allowed(k) for k in range(i, last)):
            yield v.span(i, last - 1, "LOCATION", 0.5, f"capitalised words after '{v.word(i - 1)}'")
        elif last - i == 1 and _a_place_word_alone(v, i):
            yield v.span(i, i, "LOCATION", 0.45, f"a capitalised word after '{v.word(i - 1)}'")
        i = max(last, i + 1)


ARTICLE_LIKE = frozenset("the a an no some any for like of".split())
"""Words before which a lower-case word in a cased transcript is that word, not a place ('no kota', 'for kaya
toast')."""
HOME_WORDS = frozenset("house home flat place bungalow caravan".split())
"""What is someone's after "'s": 'at Mma Mokoena's house' names its owner."""
NOT_PLACES_ALONE = frozenset("""maths math science history geography art music drama biology chemistry physics english
heaven hell lockdown theatre resus triage reception admissions school work college uni hospital bed first second
third fourth fifth last next""".split())
"""Words capitalised after 'in' or 'from' that are subjects, departments or states, not places ('in Maths', 'in Resus')."""


def _a_place_word_alone(v: TokenView, i: int) -> bool:
    """One English word capitalised mid-sentence after 'in', 'from', 'near' or 'outside (of)' names a small place
    ('outside of Hazard', 'twenty minutes from Loyal', 'a clinic in Outlook'), unless it is a calendar, service,
    subject or group word, a given name, or describes a noun after it ('in Maths class')."""
    before = v.lower(i - 1)
    if not (before in ("in", "from", "near", "outside") or before == "of" and v.lower(i - 2) in ("outside", "north", "south",
                                                                                                  "east", "west")):
        return False
    lower = v.lower(i)
    nxt = v.word(i + 1)
    return v.common(i) and len(lower) >= 4 and not v.initial(i) and lower not in MONTHS and lower not in WEEKDAYS \
        and lower not in SERVICE_WORDS and lower not in GENERIC_CAPITALISED and lower not in NOT_PLACES_ALONE \
        and lower.rstrip(".") not in TITLES and lower not in v.gaz.first_names and not v.allowed(i) \
        and not v.group_word(i) and not (nxt[:1].isdigit() or nxt.islower() and nxt.lower() not in STOP_WORDS) \
        and nxt not in ("'s", "’s")


def _title_word(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return is_word(w) and w[:1].isupper() and not w.isupper() and w.lower() not in INSTITUTION_HEADS


def find_named_venues(v: TokenView) -> Iterator[Found]:
    """'at the Hive', 'down the Anchor', 'a cafe called the Plough': an English word capitalised mid-sentence
    after 'the' names a place people go to (a pub, cafe, club, group)."""
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) != "the" or v.lower(i - 2) not in VENUE_PREPOSITIONS or v.initial(i) \
                or not v.capitalised_word(i) or len(v.word(i)) < 3 or not v.common(i):
            continue
        lower = v.lower(i)
        if lower in INSTITUTION_HEADS or lower in SERVICE_WORDS or lower in GENERIC_CAPITALISED or is_capitalised(v.word(i + 1)):
            continue
        yield v.span(i, i, "ORGANIZATION", 0.45, f"capitalised word after '{v.word(i - 2)} the'")


SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte"})
"""'St', 'Saint' and the French 'Ste', as a name opens with them."""


def find_saint_named_places(v: TokenView) -> Iterator[Found]:
    """A place named for a saint, where a place stands, though in no gazetteer ('in St. Vital', 'from St Boniface', 'near
    Ste. Anne', lower-case 'in st. vital'), and another said with it ('in St. Vital and St. Boniface'): not a saint's
    church or school ('St Patrick's', 'St Boniface Hospital'), which the institution rules find, nor the saint ('prayed to
    St Jude')."""
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    last_end = -1
    for i in range(1, len(v.tokens) - 1):
        if v.lower(i) not in SAINT_WORDS:
            continue
        name = i + 2 if v.word(i + 1) == "." else i + 1
        word = v.word(name)
        if not is_word(word) or len(word) < 3 or word.lower() in STOP_WORDS \
                or not (is_capitalised(word) or lower_case_text and word.islower()):
            continue
        if v.word(name + 1) in ("'s", "’s") or word.endswith(("'s", "’s")) or v.lower(name + 1) in INSTITUTION_HEADS:
            continue
        if place_position(v, i, name) or last_end > 0 and i - last_end <= 3 \
                and all(v.lower(k) in COORDINATION for k in range(last_end + 1, i)):
            last_end = name
            yield v.span(i, name, "LOCATION", 0.6, "a saint's name in a place position")
