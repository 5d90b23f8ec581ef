"""Provides the rules that read a person's name from the kin, role or person words said beside it: 'my
granddaughter Sky', 'the physio, Florence,', 'Spud, a fella I went to school with', 'Sarah, my sister', "our Kelly"."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import (
    CARE_ROLES, FILLERS, KIN_NOUNS, MONTHS, PERSON_NOUNS, PERSON_VERBS, SPEECH_VERBS, TITLES, WEEKDAYS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.never_names import CALENDAR_WORDS, DISCOURSE_WORDS, KIN_AFTER_A_NAME, KIN_CALLS
from interviewer.anonymise.places import place_position
from interviewer.anonymise.words import INSTITUTION_HEADS, POSSESSIVES, TokenView, is_capitalised, is_word

def find_names_after_kin_nouns(v: TokenView) -> Iterator[Found]:
    """A capitalised word straight after 'my granddaughter', 'her husband', 'our neighbour': a name even when it
    is also a word ('Sky', 'Frank') or missing from the name lists."""
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) not in KIN_NOUNS or v.lower(i - 2) not in POSSESSIVES or not v.capitalised_word(i) \
                or v.lower(i) in INSTITUTION_HEADS or "\n" in v.text[v.tokens[i - 1].idx:v.tokens[i].idx]:
            continue  # not across a line: 'looking after your wife\nB: oh ...' is the next speaker's label
        yield v.span(i, v.extend_surname(i), "PERSON", 0.7, f"name after '{v.word(i - 2)} {v.word(i - 1)}'")


def find_names_set_apart_after_kin(v: TokenView) -> Iterator[Found]:
    """'my manager, will, says', 'her husband, frank, was': a name-list word set between commas after a kin,
    colleague or care noun names that person, even a word like 'will' in lower case; so does any capitalised word set
    apart after 'a mate', 'the wife' or 'the physio' ('it was a mate, Blue.', 'the wife, Bride, she was after nagging
    me', 'my roommate, Jordan, drove me')."""
    for i in range(3, len(v.tokens) - 1):
        if v.word(i - 1) != "," or v.lower(i - 2) not in KIN_NOUNS | CARE_ROLES or not is_word(v.word(i)):
            continue
        # 'my husband', 'my late husband', 'the physio'
        owner = i - 3 if v.lower(i - 3) in POSSESSIVES | {"a", "the"} or i < 4 else i - 4
        # Spoken of next ('my first son, Sunday, he is fifteen'), even a day's or a month's name is theirs.
        spoken_of = v.word(i + 1) == "," and v.lower(i + 2) in SPOKEN_OF_NEXT and v.lower(owner) in POSSESSIVES
        reason = f"{'name set apart and spoken of, after' if spoken_of else 'name set apart after'} " \
                 f"'{v.word(owner)} {v.word(i - 2)}'"
        if v.word(i + 1) == "," and v.lower(owner) in POSSESSIVES and v.lower(i) in v.gaz.first_names:
            yield v.span(i, i, "PERSON", 0.65, reason)
        elif v.word(i + 1) in (",", ".", "!", "?") and v.lower(owner) in POSSESSIVES | {"a", "the"} \
                and v.capitalised_word(i) and not v.initial(i) and v.lower(i) not in TITLES and not v.group_word(i) \
                and v.lower(i) not in DISCOURSE_WORDS and v.lower(i) not in KIN_CALLS:
            yield v.span(i, i, "PERSON", 0.65, reason)


DESCRIBED_AS = frozenset("old young wee little big lovely nice good great lad's local".split())
"""Words that may stand between 'a' and the noun of an apposition that says who someone is ('Spud, an old mate')."""


def find_names_before_a_description(v: TokenView) -> Iterator[Found]:
    """A capitalised word set mid-sentence before an apposition that says what person it is ('it was Spud, a fella I
    went to school with', 'Blessing, a nurse from the ward'); not a place ('from Leeds, a lad'), a calendar word, a
    group's word, or the end of a longer name ('from the Northern Peninsula, a woman from Placentia'). In lower case,
    where any word may stand there ('it was grim, a bloke told me'), no such word is read as a name."""
    from interviewer.anonymise.propagation import is_lower_case_text

    if is_lower_case_text(v.text):
        return  # and the recased pass weighs its finds as capitals a guess gave (recased_pass.CAPITALS_ONLY)
    for i in range(1, len(v.tokens) - 3):
        if v.word(i + 1) != "," or v.lower(i + 2) not in ("a", "an", "this", "one", "my", "our"):
            continue
        noun = i + 4 if v.lower(i + 3) in DESCRIBED_AS else i + 3
        if v.lower(noun) not in PERSON_NOUNS | KIN_NOUNS | CARE_ROLES:
            continue
        lower = v.lower(i)
        if v.lower(i - 1) == "the" or v.capitalised_word(i - 1) and not v.initial(i - 1):
            continue  # 'fellas from the Northern Peninsula, a woman from Placentia': the end of a longer name
        if v.capitalised_word(i) and not v.initial(i) and lower not in TITLES and lower not in DISCOURSE_WORDS \
                and lower not in KIN_CALLS and lower not in MONTHS and lower not in WEEKDAYS and not v.group_word(i) \
                and not v.allowed(i) and not (lower in v.gaz.places and lower not in v.gaz.first_names) \
                and not place_position(v, i, i):
            yield v.span(i, i, "PERSON", 0.6, f"a name before ', {v.word(i + 2)} {v.word(noun)}'")


SPOKEN_OF_NEXT = frozenset("he she who".split())
"""Words after a name set apart that go on about the person named ('my son, Sunday, he is fifteen')."""


PERSON_PHRASE_WORDS = frozenset("a an the this one old young big little other".split())
"""Words before a person's noun in a phrase for someone whose name is set apart next: 'one old fella, Skipper,'."""


def _names_no_one(v: TokenView, i: int) -> bool:
    """An allowed term, a group word, a title, a kin call or a calendar word: whatever stands around it, no name."""
    lower = v.lower(i)
    return v.allowed(i) or v.group_word(i) or lower in TITLES or lower in KIN_CALLS or lower in CALENDAR_WORDS


def _an_adverb(v: TokenView, i: int) -> bool:
    """'Honestly', 'Apparently': an English word in -ly that is no given name ('Holly', 'Kelly' are)."""
    return v.lower(i).endswith("ly") and v.common(i) and v.lower(i) not in v.gaz.first_names


def find_names_after_a_person(v: TokenView) -> Iterator[Found]:
    """'one old fella, Skipper, that's all anyone called him', 'one of them, Blue, big red-headed bloke': a capitalised
    word set apart by commas straight after a phrase for a person ('one of them', 'a fella', 'the old man') names
    them, though it is an English word."""
    for i in range(2, len(v.tokens) - 1):
        if v.word(i - 1) != "," or v.word(i + 1) not in (",", ".", "!", "?") or not v.capitalised_word(i) \
                or v.initial(i) or _names_no_one(v, i) or v.lower(i) in DISCOURSE_WORDS or _an_adverb(v, i):
            continue
        noun = i - 2
        if v.lower(noun) in ("them", "us") and v.lower(noun - 1) == "of" and v.lower(noun - 2) == "one":
            yield v.span(i, i, "PERSON", 0.6, f"name set apart after 'one of {v.word(noun)}'")
        elif v.lower(noun) in PERSON_NOUNS and v.lower(noun - 1) in PERSON_PHRASE_WORDS:
            yield v.span(i, i, "PERSON", 0.6, f"name set apart after '{v.word(noun - 1)} {v.word(noun)}'")


TIME_ADVERBS = frozenset("""yesterday today tonight tomorrow later eventually afterwards meanwhile anyway now then
once twice recently sometimes often""".split())
APPOSITION_CLOSERS = frozenset({",", "—", "–", ".", "!", "?"})


def find_names_before_kin(v: TokenView) -> Iterator[Found]:
    """'Col, my husband, had to stay home': a capitalised word set before 'my husband' between commas names him,
    though it is a word or in no list; an adverb or a day opening the sentence ('Sadly, my husband, ...') is none."""
    kin = [k for k, token in enumerate(v.tokens) if token.lower_ in KIN_NOUNS]
    for i in (k - 3 for k in kin if 3 <= k < len(v.tokens) - 1):
        lower = v.lower(i)
        if v.word(i + 1) != "," or v.lower(i + 2) not in POSSESSIVES or v.word(i + 4) not in APPOSITION_CLOSERS \
                or not v.capitalised_word(i):
            continue
        if v.tokens[i].is_stop or lower in DISCOURSE_WORDS or lower in FILLERS or lower in MONTHS or lower in WEEKDAYS \
                or lower in TIME_ADVERBS or lower.endswith("ly") or lower.rstrip(".") in TITLES or v.allowed(i) \
                or v.group_word(i):
            continue
        yield v.span(i, i, "PERSON", 0.7, f"name set before '{v.word(i + 2)} {v.word(i + 3)}'")


BIRTH_ORDER = frozenset("youngest eldest oldest middle baby little big".split())
"""Words after 'our dean, the …' that say which child is meant: the word before is that child's name."""


def find_names_before_kin_said_after(v: TokenView) -> Iterator[Found]:
    """'Ramesh Kaka told me', 'Jyoti Masi runs it', 'Meena Aunty': a capitalised word before a kin word said after a
    name is that person's name, with a given name before it when there is one."""
    for i in range(1, len(v.tokens)):
        if v.lower(i) not in KIN_AFTER_A_NAME or not (v.capitalised_word(i - 1) or v.word(i - 1).istitle()) \
                or v.common(i - 1) or _names_no_one(v, i - 1):
            continue
        first = i - 2 if v.lower(i - 2) in v.gaz.first_names and v.word(i - 2).istitle() and not v.common(i - 2) else i - 1
        yield v.span(first, i - 1, "PERSON", 0.65, f"name before '{v.word(i)}'")


def find_names_after_our(v: TokenView) -> Iterator[Found]:
    """'our Kelly', 'our Dawn were poorly', 'me and our Will': in northern English and Irish speech 'our' before a
    first name marks family, so the name counts even when it is also a word; in lower case, a verb must follow."""
    for i in range(1, len(v.tokens)):
        unknown_lower = v.word(i).islower() and not v.common(i) and len(v.word(i)) >= 3  # 'our ffion, she's'
        if v.lower(i - 1) != "our" or not (v.lower(i) in v.gaz.first_names or unknown_lower) or not is_word(v.word(i)) \
                or v.allowed(i) or v.lower(i) in INSTITUTION_HEADS \
                or v.lower(i) in ("lord", "lady", "father", "saviour", "mother"):
            continue
        nxt = v.lower(i + 1)
        if is_capitalised(v.word(i)) and not v.initial(i):
            yield v.span(i, v.extend_surname(i), "PERSON", 0.7, "first name after 'our' (a family name cue)")
        elif v.word(i).islower() and (nxt in SPEECH_VERBS or nxt in PERSON_VERBS or nxt in ("were", "and", "'s", "’s")
                                      or nxt == "," and v.lower(i + 2) in ("he's", "she's", "he", "she", "they")
                                      or nxt == "," and v.lower(i + 2) == "the" and v.lower(i + 3) in BIRTH_ORDER):
            yield v.span(i, i, "PERSON", 0.6, "lower-case first name after 'our' before a verb")
