"""Provides suggestions for the reviewer: possible identifiers the anonymiser did not redact, each with a reason
and a risk, highest risk first, few enough to read (about one in a hundred words at most)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.found import Found
from interviewer.anonymise.cues import (
    DETERMINERS, FILLERS, KIN_NOUNS, KIND_OF_PLACE, MONTHS, PERSON_NOUNS, PERSON_WORDS, PLACE_POSITION_BEFORE, POSSESSIVES,
    SPEECH_VERBS, TITLES, WEEKDAYS, WORK_VERBS,
)
from interviewer.anonymise.deed_words import a_deed_word
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.never_names import (
    DISCOURSE_WORDS, KIN_AFTER_A_NAME, KIN_CALLS, SEASONS, dialect_words, is_turn_opener, loanwords, singular,
)
from interviewer.anonymise.numbers import NUMBER_WORD
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_acronym, is_capitalised, is_word

POSSIBLE_IDENTIFIER = "POSSIBLE_IDENTIFIER"
"""The type under which the recognizer pass reports suggestions (entity type and reason packed in the reason)."""
PER_THOUSAND_WORDS = 12
"""At most this many suggestions per 1,000 words (and at least MIN_SUGGESTIONS), the riskiest kept."""
MIN_SUGGESTIONS = 3
CONNECTORS = frozenset("and of for in on & the".split())
"""Small words inside a name ('Brimble and Hart', 'Sisters of the Quay', 'Out in Stockport')."""
SPOKEN_YEAR = re.compile(rf"\b(?:(?:19|20)\d\d|(?:nineteen|twenty)[\s-](?:oh[\s-])?(?:{NUMBER_WORD})|two thousand(?: and \w+)?)\b",
                         re.IGNORECASE)
LANDMARK_HEADS = frozenset("""park bridge monument memorial ground gardens pier common square market point heights
fields meadows woods quay wharf town corner mountain river estate flat concourse""".split())
"""Words that close a landmark's or a district's name ('war memorial park', 'the peace bridge', 'east point')."""
UNSPOKEN_ACRONYM = re.compile(r"[b-df-hj-np-tv-z]{3,5}")
"""A lower-case 'word' with no vowel ('uhg' has one, so only the likes of 'hcmc', 'rvh'): letters said one by one."""
CODE = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{3,8}\b")
"""Letters and digits mixed ('B21', 'K9X2'): a reference, registration or postcode part."""


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    entity_type: str
    text: str
    reason: str
    risk: float
    """0–1: how likely the words identify someone; the review queue shows the riskiest first."""


def _calendar(lower: str) -> bool:
    return lower in MONTHS or lower in WEEKDAYS or lower.removesuffix("s") in WEEKDAYS or lower in SEASONS


def _ordinary(v: TokenView, i: int) -> bool:
    lower = v.lower(i)
    return (v.tokens[i].is_stop or lower in FILLERS or lower in DISCOURSE_WORDS or _calendar(lower)
            or lower.rstrip(".") in TITLES or v.allowed(i) or v.group_word(i) or lower == "i"
            or lower in PERSON_NOUNS and v.word(i).islower()
            or (lower in loanwords() and lower not in v.gaz.first_names))


def _capitalised_run(v: TokenView, i: int) -> int:
    """The last token of a run of capitalised words starting at i ('Copper Kettle', 'Safe Harbour')."""
    last = i
    while True:
        step = 2 if v.lower(last + 1) in CONNECTORS and not v.initial(last + 2) else 1
        if step == 2 and v.lower(last + 2) == "the":
            step = 3
        nxt = last + step
        if nxt >= len(v.tokens) or not (is_capitalised(v.word(nxt)) and is_word(v.word(nxt))) or v.initial(nxt) \
                or (_ordinary(v, nxt) and not v.allowed(nxt)) or _calendar(v.lower(nxt)):
            return last
        last = nxt


def find_suggestions(v: TokenView, lower_case_text: bool) -> Iterator[Suggestion]:
    """Every possible identifier, redacted or not; `select` keeps those the detections do not cover. Lower-case
    words are suggested as names at a useful risk only in a transcript written in lower case."""
    gaz = v.gaz
    damp = 1.0 if lower_case_text else 0.3
    n = len(v.tokens)
    for i in range(n):
        w = v.word(i)
        lower = v.lower(i)
        if not is_word(w) or _ordinary(v, i) or len(w) < 2:
            continue
        before = v.lower(i - 1)
        if is_capitalised(w) and not is_turn_opener(v.text, v.tokens[i].idx, w):
            last = _capitalised_run(v, i)
            guess = "ORGANIZATION" if v.lower(last) in INSTITUTION_HEADS or before == "the" else "PERSON"
            if before in ("called", "named"):
                yield _make(v, i, last, guess, f"a proper-noun run after '{v.word(i - 1)}'", 0.8)
            elif before in PLACE_POSITION_BEFORE and not v.initial(i):
                yield _make(v, i, last, "LOCATION", f"a capitalised word in a place position, after '{v.word(i - 1)}'", 0.7)
            elif before in ("at", "for", "with") and not v.initial(i):
                kind = "ORGANIZATION" if v.lower(i - 2) in WORK_VERBS else "LOCATION"
                yield _make(v, i, last, kind, f"a capitalised word in a workplace or place position, after '{v.word(i - 1)}'", 0.65)
            elif not v.common(i):
                yield _make(v, i, last, guess, "an unknown capitalised word", 0.6 if not v.initial(i) else 0.5)
            elif not v.initial(i):
                yield _make(v, i, last, guess, "a capitalised word mid-sentence", 0.45 if last > i else 0.35)
        elif is_acronym(w) and len(w) <= 5 and before in ("at", "for", "with") and v.lower(i - 2) in WORK_VERBS:
            yield _make(v, i, i, "ORGANIZATION", f"an acronym in a workplace position, after '{v.word(i - 1)}'", 0.55)
        elif w.islower():
            if before in ("called", "named"):
                last = i + 1 if v.word(i + 1).islower() and is_word(v.word(i + 1)) and not _ordinary(v, i + 1) else i
                yield _make(v, i, last, "PERSON", f"a proper-noun run after '{v.word(i - 1)}'", 0.7 * damp)
            elif lower in gaz.first_names and before not in DETERMINERS and len(w) >= 3:
                cue = before in KIN_NOUNS or v.lower(i + 1) in SPEECH_VERBS or before in ("and", "with", "me", "told", "asked")
                if cue or lower not in loanwords():  # 'fae' (from), 'hui' (a meeting): words unless cued as names
                    yield _make(v, i, i, "PERSON", "a name-list word in lower case", (0.55 if cue else 0.3) * damp)
            elif lower_case_text and _after_whose_kin(v, i):
                yield _make(v, i, i, "PERSON", f"a word where a name goes, after '{v.word(i - 1)}'", 0.35)
            elif not v.common(i) and len(w) >= 4 and lower not in gaz.surnames and lower not in loanwords() \
                    and lower not in dialect_words() and singular(lower) not in PERSON_WORDS:  # 'physio', 'blokes'
                kind = "LOCATION" if before in PLACE_POSITION_BEFORE else "PERSON"
                yield _make(v, i, i, kind, "a lower-case word in no word list", (0.4 if before in PLACE_POSITION_BEFORE else 0.25) * damp)
            elif before in PLACE_POSITION_BEFORE and lower in gaz.places and len(w) >= 4:
                yield _make(v, i, i, "LOCATION", f"a place name in a place position, after '{v.word(i - 1)}'", 0.45 * damp)
            elif lower_case_text and lower in LANDMARK_HEADS and before not in DETERMINERS:
                first = i
                while i - first < 3 and v.word(first - 1).islower() and is_word(v.word(first - 1)) \
                        and not _ordinary(v, first - 1) and v.lower(first - 1) not in KIND_OF_PLACE:
                    first -= 1
                if first < i and v.lower(first - 1) in DETERMINERS | PLACE_POSITION_BEFORE | {"to", "at"}:
                    yield _make(v, first, i, "LOCATION", f"ordinary words before the landmark word '{w}'", 0.35)
            elif lower_case_text and UNSPOKEN_ACRONYM.fullmatch(lower) and before in ("at", "to", "in", "from") \
                    and not v.allowed(i):
                yield _make(v, i, i, "ORGANIZATION", f"letters said as a word after '{v.word(i - 1)}', perhaps an acronym", 0.35)
    if lower_case_text:
        yield from _names_after_a_kind(v)
    yield from _numbers(v.text)


KINDS_OF_GROUP = frozenset("""group charity club choir team project organisation organization outfit crowd mob cafe café
pantry gym shop place service programme program""".split())
SIZES = frozenset("wee small little local new".split())
NAME_INSIDE = frozenset("and of in".split())
ENDS_A_NAME = frozenset("""a an the that which who whom whose where when while it it's its is are was were be been am has
have had do does did will would can could should for to with at on by from up down out over i we you they he she my our your
their his her me us them there here this these those so then because but or if as than called named""".split())
"""Words after which a group's name said after its kind ('a group sing again for people') has ended."""
WHAT_A_GROUP_DOES = frozenset("""meets met meeting run runs ran said says started starts helped helps matters chat chats
user users leader leaders member members""".split())
"""Words after 'a group' that say what it does or who is in it ('a group run by mates', 'a service user'), no name."""


def _names_after_a_kind(v: TokenView) -> Iterator[Suggestion]:
    """In lower case, the words after 'a group', 'this wee charity' and the like, up to a little word or a comma
    ('a group, seafarers mind, meets', 'this group bump and beyond that meets'): where a group's name often stands."""
    for i in range(2, len(v.tokens)):
        if v.lower(i) not in KINDS_OF_GROUP:
            continue
        article = i - 2 if v.lower(i - 1) in SIZES else i - 1
        if v.lower(article) not in ("a", "an", "this"):
            continue
        first = i + 2 if v.word(i + 1) == "," else i + 1
        first += v.lower(first) == "the"
        if v.lower(first) in WHAT_A_GROUP_DOES or v.lower(first).endswith("ly") or a_deed_word(v.lower(first), v.gaz):
            continue  # 'a little group meets', 'this group, honestly'
        last, k = None, first
        while k < len(v.tokens) and k - first < 4 and v.word(k).islower() and is_word(v.word(k)):
            lower = v.lower(k)
            if lower in ENDS_A_NAME or lower in NAME_INSIDE or lower in FILLERS or lower in DISCOURSE_WORDS:
                if not (lower in NAME_INSIDE and last is not None):
                    break
            else:
                last = k
            k += 1
        if last is not None:
            yield _make(v, first, last, "ORGANIZATION", f"words where a name goes, after '{v.word(i)}'", 0.4)


OWNERS = POSSESSIVES | {"me"}
KIN_BEFORE = frozenset("young younger little older big eldest oldest baby wee kid step".split())
NOT_AFTER_KIN = frozenset("""yesterday today tomorrow tonight earlier later overseas abroad downstairs upstairs anyway
sometimes bless half negative positive got found set read went kept sent told gave took made came saw said had did put
let ran left brought bought thought felt heard paid lost won sat stood met rang translate""".split())
"""Words said after 'my sister' that are what she did, when or where, not her name."""


def _after_whose_kin(v: TokenView, i: int) -> bool:
    """'my young sister memory our home', 'my cousin mere helped': a word straight after someone's kin, where their
    name is often said (a virtue name such as memory, gift or precious is an English word); not a verb, an adverb or a
    plural by its ending."""
    kin = i - 1
    owner = kin - 2 if v.lower(kin - 1) in KIN_BEFORE else kin - 1
    lower = v.lower(i)
    return v.lower(kin) in KIN_NOUNS and v.lower(owner) in OWNERS and len(lower) >= 3 and lower not in NOT_AFTER_KIN \
        and lower not in KIN_NOUNS and not lower.endswith(("ly", "ing", "ed", "s", "'s", "’s")) and not v.tokens[i].is_stop


def _numbers(text: str) -> Iterator[Suggestion]:
    for match in SPOKEN_YEAR.finditer(text):
        yield Suggestion(match.start(), match.end(), "DATE", match.group(), "a number that may be a year", 0.3)
    for match in CODE.finditer(text):
        if not re.fullmatch(r"\d+(?:st|nd|rd|th|s|am|pm|k|m)", match.group(), re.IGNORECASE):
            yield Suggestion(match.start(), match.end(), "OTHER", match.group(), "letters and digits that may be a code", 0.4)


def _make(v: TokenView, first: int, last: int, entity_type: str, reason: str, risk: float) -> Suggestion:
    span = v.span(first, last, entity_type, risk, reason)
    return Suggestion(span.start, span.end, entity_type, v.text[span.start:span.end], reason, risk)


def possible_identifier(v: TokenView, first: int, last: int, entity_type: str, reason: str, risk: float) -> Found:
    """Tokens `first` to `last` as a possible identifier for the reviewer, in the form recognizers return (a Found of
    type POSSIBLE_IDENTIFIER, split off by the Anonymiser)."""
    return as_found(_make(v, first, last, entity_type, reason, risk))


def as_found(suggestion: Suggestion) -> Found:
    return Found(suggestion.start, suggestion.end, POSSIBLE_IDENTIFIER, suggestion.risk,
                 f"{suggestion.entity_type}|{suggestion.reason}")


def from_found(found: Found, text: str) -> Suggestion:
    entity_type, _, reason = found.reason.partition("|")
    return Suggestion(found.start, found.end, entity_type, text[found.start:found.end], reason, found.score)


JOINING_WORDS = CONNECTORS | frozenset("or upon y".split())
NO_MISS_BESIDE_A_NAME = JOINING_WORDS | TITLES | KIN_CALLS | KIN_AFTER_A_NAME


def _covered_but_no_name_words(s: Suggestion, covered: bytearray) -> bool:
    """Whether redactions cover the suggestion's words but for joining words left between them ('Salford [and]
    Trafford'), titles and kin words beside them ('[Mzee] Kamau', 'Jyoti [Masi]'), words of the sentence a redacted
    name ran on into ('[ruth] come', '[lagos] originally') or a phrase a determiner opens after it ('[finglas] the odd
    day'): no possible miss."""
    uncovered = [i - s.start for i in range(s.start, min(s.end, len(covered))) if not covered[i] and s.text[i - s.start].isalnum()]
    if not uncovered:
        return True
    if len(uncovered) == sum(ch.isalnum() for ch in s.text):
        return False  # nothing of it is redacted
    words = [(m.group(), any(m.start() <= k < m.end() for k in uncovered)) for m in re.finditer(r"\w[\w'’]*", s.text)]
    for k, (word, left) in enumerate(words):
        if left and k > 0 and not words[k - 1][1] and word.lower() in DETERMINERS:
            words = words[:k]  # '[finglas] the odd day': a new phrase after the redacted name, no part of it
            break
    return all(_no_miss_beside_a_name(word) for word, left in words if left)


def _no_miss_beside_a_name(word: str) -> bool:
    """A word beside a redacted name that is no part of one: a joining word, title or kin word; in lower case, a little
    word or a word of what the person does ('come', 'helped', 'originally')."""
    lower = word.lower()
    if lower in NO_MISS_BESIDE_A_NAME:
        return True
    if not word.islower():
        return False
    return re.split(r"['’]", lower)[0] in STOP_WORDS or a_deed_word(word, load_gazetteers())


def select(suggestions: list[Suggestion], covered: bytearray, words: int) -> list[Suggestion]:
    """Suggestions whose words are not already redacted or allowed, one per place, riskiest first, capped."""
    kept: list[Suggestion] = []
    taken = bytearray(len(covered))
    for s in sorted(suggestions, key=lambda s: (-s.risk, s.start)):
        letters = [i for i in range(s.start, s.end) if i < len(covered) and s.text[i - s.start].isalnum()]
        if not letters or _covered_but_no_name_words(s, covered) or any(taken[i] for i in letters):
            continue
        for i in range(s.start, s.end):
            taken[i] = 1
        kept.append(s)
    limit = max(MIN_SUGGESTIONS, round(PER_THOUSAND_WORDS * words / 1000))
    return kept[:limit]
