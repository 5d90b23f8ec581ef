"""Provides the recognizer for people and places the statistical NER misses in transcribed speech:
titles, gazetteer first names (lower-case too), common-word names in name positions, unknown
capitalised words mid-sentence, UK places (also misspelt by one letter)."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterator

from interviewer.anonymise.cues import (
    CLAUSE_OPENERS, DETERMINERS, KIN_NOUNS, FILLERS, LEADING_NOISE, MONTH_PREPOSITIONS, MONTHS, PLACE_PREPOSITIONS, SERVICE_WORDS,
    GENERIC_CAPITALISED, PERSONAL_TITLES, PERSON_VERBS, SPEECH_VERBS, STRONG_SPEECH_VERBS, TITLES, VENUE_PREPOSITIONS,
    WEEKDAYS, WHERE_PREPOSITIONS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers, load_gazetteers

SENTENCE_END = ".!?:;\"“”[(\n"
ACRONYM = re.compile(r"[A-Z]{2,}(?:s|['’]s)?")
INNER_CAPITAL = re.compile(r"^.+[a-z][A-Z]")
NAME_PREFIX = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z][a-z]")
POSSESSIVES = frozenset("my his her our their your".split())
CONTRACTION = re.compile(r"['’](?:ll|d|ve|re|m)$")
"""A verb run into the word before it: "Rosie'll", "Taff'd"."""
INSTITUTION_HEADS = frozenset("""ward road street lane avenue grove close drive way crescent place terrace gardens park square
hill court walk row mews rise view green clough hospital infirmary general clinic hospice surgery practice centre
center unit trust ccg college university uni school network service services housing voices cvs council
partnership association society forum alliance charity foundation group house""".split())


def is_word(text: str) -> bool:
    return text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def is_acronym(text: str) -> bool:
    """All capitals, perhaps with a plural or possessive ending: 'CPN', 'HCAs', 'GP's'."""
    return bool(ACRONYM.fullmatch(text))


def is_brand_case(text: str) -> bool:
    """A capital inside the word, as products write themselves ('TikTok', 'NxStage', 'EpiPens', 'IgA'), but
    not as surnames do ('McDonald', 'MacLeod', 'O'Brien', 'DeSouza', 'FitzGerald')."""
    return bool(INNER_CAPITAL.search(text)) and not NAME_PREFIX.match(text)


def is_capitalised(text: str) -> bool:
    return text[:1].isupper() and not (len(text) > 1 and text.isupper()) and not is_acronym(text)


@functools.lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """Lower case without accents, for word-list look-ups: 'Siobhán' -> 'siobhan'."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def place_deletion_index() -> dict[str, set[str]]:
    """Single-word, uncommon place names by every one-letter deletion, for one-edit look-ups."""
    gaz = load_gazetteers()
    index: dict[str, set[str]] = {}
    for place in gaz.places:
        if " " in place or len(place) < 5 or not place.isalpha() or gaz.is_common(place):
            continue
        for key in {place} | {place[:i] + place[i + 1:] for i in range(len(place))}:
            index.setdefault(key, set()).add(place)
    return index


def one_edit_place(word: str) -> str | None:
    """A gazetteer place one substitution, insertion or deletion away from `word`, if any."""
    lower = word.lower()
    index = place_deletion_index()
    for key in {lower} | {lower[:i] + lower[i + 1:] for i in range(len(lower))}:
        for place in index.get(key, ()):
            if place[0] == lower[0] and _one_edit(lower, place):
                return place
    return None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


class TokenView:
    """The non-space tokens of a spaCy Doc with the cues the rules ask about."""

    def __init__(self, doc, gaz: Gazetteers, allow_words: frozenset[str]):
        self.tokens = [t for t in doc if not t.is_space]
        self.text = doc.text
        self.gaz = gaz
        self.allow_words = allow_words

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def lower(self, i: int) -> str:
        return plain(self.word(i))

    def initial(self, i: int) -> bool:
        start = self.tokens[i].idx
        before = self.text[max(0, start - 12):start].rstrip(" \t")
        return start == 0 or (before[-1] in SENTENCE_END if before else self.initial_far(start))

    def initial_far(self, start: int) -> bool:
        before = self.text[:start].rstrip(" \t")
        return not before or before[-1] in SENTENCE_END

    def common(self, i: int) -> bool:
        return self.gaz.is_common(self.word(i))

    def allowed(self, i: int) -> bool:
        return self.lower(i) in self.allow_words

    def namelike(self, i: int) -> bool:
        """A capitalised word that is not an English word, an allowed term or an institution head."""
        w = self.word(i)
        return (is_capitalised(w) and is_word(w) and len(w) >= 2 and not self.common(i) and not self.allowed(i)
                and w.lower() not in INSTITUTION_HEADS and self.lower(i) not in MONTHS and self.lower(i) not in WEEKDAYS
                and not is_brand_case(w))

    def span(self, first: int, last: int, entity_type: str, score: float, reason: str) -> Found:
        start = self.tokens[first].idx
        end = self.tokens[last].idx + len(self.tokens[last].text)
        return Found(start, end, entity_type, score, reason)

    def surname_word(self, i: int) -> bool:
        """A capitalised surname from the word list, even an English word ('Fisher', 'Wood')."""
        w = self.word(i)
        return (is_capitalised(w) and is_word(w) and self.lower(i) in self.gaz.surnames and not self.allowed(i)
                and self.lower(i) not in INSTITUTION_HEADS and self.lower(i) not in MONTHS)

    def extend_surname(self, i: int, limit: int = 2) -> int:
        last = i
        while last + 1 < len(self.tokens) and last - i < limit and (self.namelike(last + 1) or self.surname_word(last + 1)) \
                and not self.initial(last + 1):
            last += 1
        return last


def find_people_and_places(doc, allow_words: frozenset[str]) -> list[Found]:
    view = TokenView(doc, load_gazetteers(), allow_words)
    found: list[Found] = []
    for finder in (_titled, _first_names, _unknown_capitalised, _places, _capitalised_after_preposition, _after_kin_noun,
                   _named_venue):
        found.extend(finder(view))
    return found


def _titled(v: TokenView) -> Iterator[Found]:
    for i in range(len(v.tokens) - 1):
        if v.lower(i) not in TITLES:
            continue
        j = i + 2 if v.word(i + 1) == "." else i + 1
        w = v.word(j)
        # After Mr, Mrs, Dr... a capitalised word is a name even when it is English ("Mrs Begun"); after a title
        # that is also a role, only a word the name lists know is ("Nurse Black", not "Nurse Practitioner").
        known_name = w.lower() in v.gaz.surnames or w.lower() in v.gaz.first_names
        if (v.allowed(j) or v.common(j)) and not known_name and not w.islower() and v.lower(i) not in PERSONAL_TITLES:
            continue
        if not w or not is_word(w) or w.lower() in MONTHS or w.lower() in INSTITUTION_HEADS:
            continue
        if is_capitalised(w) or (w.islower() and not v.common(j) and len(w) >= 3):
            yield v.span(j, v.extend_surname(j), "PERSON", 0.85, f"name after the title '{v.word(i)}'")


def _month_context(v: TokenView, i: int) -> bool:
    nxt = v.word(i + 1)
    return v.lower(i - 1) in MONTH_PREPOSITIONS or nxt[:1].isdigit() or bool(re.match(r"(?:the|\d)", nxt))


def _first_names(v: TokenView) -> Iterator[Found]:
    gaz = v.gaz
    for i, token in enumerate(v.tokens):
        w = token.text
        lower = CONTRACTION.sub("", v.lower(i))
        if lower not in gaz.first_names or not is_word(w) or v.allowed(i) or len(w) < 2:
            continue
        common = v.common(i) or lower in MONTHS
        if lower in gaz.places and v.lower(i - 1) in PLACE_PREPOSITIONS and not (v.namelike(i + 1) or v.surname_word(i + 1)):
            continue  # "went to Bradford": the place, not the first name
        if is_capitalised(w):
            if not common:
                yield v.span(i, v.extend_surname(i), "PERSON", 0.8, "first name from the gazetteer")
            elif lower in MONTHS and _month_context(v, i):
                continue
            elif not v.initial(i):
                if v.lower(i - 1) in DETERMINERS and not v.namelike(i + 1):
                    continue
                yield v.span(i, v.extend_surname(i), "PERSON", 0.7, "first name that is also a word, capitalised mid-sentence")
            elif token.is_stop and lower not in ("will", "may"):
                continue  # "So Leeds was fine": a sentence opening with a little word that is also a name
            elif v.namelike(i + 1) or v.lower(i + 1) in STRONG_SPEECH_VERBS or v.word(i + 1) in (",", "'s", "’s") \
                    or (v.lower(i + 1) in ("in", "from", "at", "on") and v.lower(i + 2) in ("our", "my", "the")):
                yield v.span(i, v.extend_surname(i), "PERSON", 0.6, "first name opening a sentence, followed by a name cue")
        elif w.islower() and len(w) >= 3:
            if not common and lower not in FILLERS and not token.is_stop:
                yield v.span(i, i, "PERSON", 0.6, "lower-case first name from the gazetteer")
            elif common and (v.lower(i - 1) in CLAUSE_OPENERS or v.lower(i - 1) in KIN_NOUNS or v.initial(i) or v.word(i - 1) == ",") \
                    and v.lower(i - 1) not in DETERMINERS and (v.lower(i + 1) in SPEECH_VERBS or v.lower(i - 1) in ("called", "named")):
                yield v.span(i, i, "PERSON", 0.5, "lower-case first name that is also a word, in a name position")
            elif common and not token.is_stop and _lower_case_name_position(v, i):
                yield v.span(i, i, "PERSON", 0.5, "lower-case first name that is also a word, where a name stands")


def _after_kin_noun(v: TokenView) -> Iterator[Found]:
    """A capitalised word straight after 'my granddaughter', 'her husband', 'our neighbour': a name even when it
    is also a word ('Sky', 'Frank') or missing from the name lists."""
    for i in range(2, len(v.tokens)):
        w = v.word(i)
        if v.lower(i - 1) not in KIN_NOUNS or v.lower(i - 2) not in POSSESSIVES or not is_capitalised(w) \
                or not is_word(w) or v.allowed(i) or v.lower(i) in MONTHS or v.lower(i) in WEEKDAYS \
                or v.lower(i) in INSTITUTION_HEADS or v.tokens[i].is_stop:
            continue
        yield v.span(i, v.extend_surname(i), "PERSON", 0.7, f"name after '{v.word(i - 2)} {v.word(i - 1)}'")


def _named_venue(v: TokenView) -> Iterator[Found]:
    """'at the Hive', 'down the Anchor', 'a cafe called the Plough': an English word capitalised mid-sentence
    after 'the' names a place people go to (a pub, cafe, club, group)."""
    for i in range(2, len(v.tokens)):
        w = v.word(i)
        if v.lower(i - 1) != "the" or v.lower(i - 2) not in VENUE_PREPOSITIONS or v.initial(i) or not is_capitalised(w) \
                or not is_word(w) or len(w) < 3 or not v.common(i) or v.allowed(i) or v.tokens[i].is_stop:
            continue
        lower = v.lower(i)
        if lower in INSTITUTION_HEADS or lower in SERVICE_WORDS or lower in GENERIC_CAPITALISED or lower in MONTHS \
                or lower in WEEKDAYS or is_capitalised(v.word(i + 1)):
            continue
        yield v.span(i, i, "ORGANIZATION", 0.45, f"capitalised word after '{v.word(i - 2)} the'")


def _lower_case_name_position(v: TokenView, i: int) -> bool:
    """Where only a name fits: opening a sentence in lower case (speech recognition capitalises sentence
    starts, not names it takes for words), after 'my friend', or joined by 'and' to a name."""
    if v.initial(i) and i > 0:
        return True
    if v.lower(i - 1) in KIN_NOUNS and v.lower(i - 2) in POSSESSIVES:
        return True
    for other in ((i - 2) if v.lower(i - 1) == "and" else None, (i + 2) if v.lower(i + 1) == "and" else None):
        if other is not None and 0 <= other < len(v.tokens) and is_capitalised(v.word(other)) and not v.initial(other) \
                and (v.lower(other) in v.gaz.first_names or v.namelike(other)):
            return True
    return False


def _unknown_capitalised(v: TokenView) -> Iterator[Found]:
    gaz = v.gaz
    i = 0
    while i < len(v.tokens):
        w = v.word(i)
        lower = CONTRACTION.sub("", w.lower())
        if not (v.namelike(i) and len(w) >= 3) or lower in gaz.places or lower in gaz.first_names or gaz.is_common(lower) \
                or lower in FILLERS:
            i += 1
            continue
        initial = v.initial(i)
        name_cue = v.lower(i + 1) in STRONG_SPEECH_VERBS or v.lower(i + 1) in PERSON_VERBS \
            or v.word(i + 1) in (",", "'s", "’s") or bool(CONTRACTION.search(w))
        if initial and not ((lower in gaz.surnames or len(w) >= 4) and name_cue):
            i += 1
            continue
        last = v.extend_surname(i)
        place = one_edit_place(w) if len(w) >= 5 and last == i else None
        if place:
            yield v.span(i, last, "LOCATION", 0.6, f"one letter from the place '{gaz.places[place]}'")
        else:
            yield v.span(i, last, "PERSON", 0.5, "capitalised word that is not an English word, mid-sentence")
        i = last + 1


def _places(v: TokenView) -> Iterator[Found]:
    gaz = v.gaz
    n = len(v.tokens)
    for i in range(n):
        if v.lower(i) not in gaz.place_first_words or not is_word(v.word(i)):
            continue
        for size in range(min(gaz.place_max_words, n - i), 0, -1):
            words = [v.word(k) for k in range(i, i + size)]
            key = " ".join(re.sub(r"\s+", " ", v.text[v.tokens[i].idx:v.tokens[i + size - 1].idx + len(words[-1])]).split()).lower()
            if key not in gaz.places or any(v.allowed(k) for k in range(i, i + size)) and size == 1 \
                    or size == 1 and key in MONTHS:
                continue  # a town called March loses to the month
            capitalised = all(is_capitalised(x) or x.lower() in ("upon", "on", "under", "le", "in", "the", "de", "-")
                              for x in words)
            common = size == 1 and v.common(i)
            if capitalised:
                if common and v.lower(i - 1) not in PLACE_PREPOSITIONS:
                    break
                yield v.span(i, i + size - 1, "LOCATION", 0.75, "UK place from the gazetteer")
                named = _name_round_place(v, i, i + size - 1)
                if named:
                    yield v.span(*named, "ORGANIZATION", 0.6, "a place within a capitalised name")
            elif all(x.islower() for x in words) and (size > 1 or (not common and len(key) >= 4 and key not in gaz.first_names)):
                yield v.span(i, i + size - 1, "LOCATION", 0.55, "lower-case UK place from the gazetteer")
            break


def _name_round_place(v: TokenView, first: int, last: int) -> tuple[int, int] | None:
    """The token range of a capitalised name holding the place first..last ('Pontypridd Panthers', 'Little
    Stars Tower Hamlets', 'West Midlands Travel'), or None when the place stands alone."""
    def name_word(k: int, after: bool = False) -> bool:
        w = v.word(k)
        return (0 <= k < len(v.tokens) and (is_capitalised(w) or after and is_acronym(w)) and is_word(w)
                and not v.tokens[k].is_stop and not v.allowed(k) and v.lower(k) not in MONTHS and v.lower(k) not in WEEKDAYS)

    if v.lower(first - 1) in v.gaz.first_names or v.lower(first - 1).rstrip(".") in TITLES:
        return None  # "Hector Abernethy", "Mr Abernethy": a person named like a place
    start, end = first, last
    while name_word(start - 1) and not v.initial(start):
        start -= 1
    if start < first and v.initial(start) and v.lower(start) in LEADING_NOISE:
        start += 1
    while name_word(end + 1, after=True) and not v.initial(end + 1):
        end += 1
    if start == first and first == last and v.lower(first) in v.gaz.first_names \
            and all(v.lower(k) in v.gaz.surnames for k in range(last + 1, end + 1)):
        return None  # "Bradford Smith" is a person
    return (start, end) if (start, end) != (first, last) else None


def _capitalised_after_preposition(v: TokenView) -> Iterator[Found]:
    """Two or more capitalised words mid-sentence after 'in', 'at', 'from'...: a place or venue named with
    ordinary words ('at Stepping Hill', 'in South Shore', 'at Low Gill Farm')."""
    n = len(v.tokens)
    i = 1
    while i < n:
        if v.lower(i - 1) not in WHERE_PREPOSITIONS:
            i += 1
            continue
        last = i
        while last < n and _title_word(v, last):
            last += 1
        words = [v.lower(k) for k in range(i, last)]
        if last - i >= 2 and not any(w in MONTHS or w in WEEKDAYS or w in SERVICE_WORDS for w in words) \
                and not all(v.allowed(k) for k in range(i, last)):
            yield v.span(i, last - 1, "LOCATION", 0.5, f"capitalised words after '{v.word(i - 1)}'")
        i = max(last, i + 1)


def _title_word(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return is_word(w) and w[:1].isupper() and not w.isupper() and w.lower() not in INSTITUTION_HEADS
