"""Provides the rules that find people named with ordinary words in a transcript written in lower case, by what is
said around the word: 'a lady called joy', 'the boss col backed me up', 'i said to joy', 'mark the specialist nurse
rings back', 'me nan may comes'."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import (
    CARE_ROLES, DETERMINERS, HEADS, KIN_NOUNS, PERSON_NOUNS, PERSON_VERBS, STRONG_SPEECH_VERBS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.lower_case import GOES_ON_ABOUT, is_lower_word, is_plain_word, is_surname_like, unknown_word
from interviewer.anonymise.never_names import KIN_CALLS, SEASONS
from interviewer.anonymise.words import POSSESSIVES, TokenView, did_to_someone


def _a_persons_deed(v: TokenView, k: int) -> bool:
    """Token k is a verb only a person does ('comes', 'said', 'backed me up')."""
    return v.lower(k) in PERSON_VERBS or v.lower(k) in STRONG_SPEECH_VERBS or did_to_someone(v, k)


CALLED_AFTER_PERSON = PERSON_NOUNS | frozenset("""someone somebody nurse doctor worker specialist counsellor therapist
midwife teacher coach friend neighbour volunteer mentor physio carer""".split())
"""Words for a person before 'called' or 'named': what follows is that person's name ('a lady called joy')."""


NAME_IS = frozenset("is was 's ’s".split())
"""The verbs of 'her name is', "his name's": what follows is the name."""


def find_people_called(v: TokenView) -> Iterator[Found]:
    """'a lady called joy prosser', 'a peer support specialist named sky': in lower case, the word after a person's
    noun and 'called' or 'named' is their name, even a word like 'sky' or 'joy' (not 'a group called hope'); so is a
    given name, or a surname that is no word, after 'name is' ('his actual name is porter', "her name's joy"; not 'the
    name was grand')."""
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) in NAME_IS and v.lower(i - 2) == "name" and is_plain_word(v, i) \
                and (v.lower(i) in v.gaz.first_names or v.lower(i) in v.gaz.surnames and not v.common(i)) \
                and not any(v.lower(i + 1) in heads for heads in HEADS.values()):  # 'the name was hope house'
            last = i + 1 if is_surname_like(v, i + 1) else i
            yield v.span(i, last, "PERSON", 0.55, f"lower-case name after 'name {v.word(i - 1)}'")
            continue
        if v.lower(i - 1) not in ("called", "named") or v.lower(i - 2) not in CALLED_AFTER_PERSON:
            continue
        if not (is_plain_word(v, i) or v.lower(i) in ("will", "may") and v.lower(i) in v.gaz.first_names):
            continue  # 'a physio called will ran it': a given name on the stop list still names someone
        last = i + 1 if is_surname_like(v, i + 1) else i
        yield v.span(i, last, "PERSON", 0.55, f"lower-case name after '{v.word(i - 2)} {v.word(i - 1)}'")


def find_kin_named_before_a_deed(v: TokenView) -> Iterator[Found]:
    """'my buddy tank comes over', 'the boss col backed me up', 'the owner bec has been amazing': in lower case, any word
    between a kin, colleague or care noun (after 'my', 'the' ...) and a person's verb is that person's name, though a
    word like 'tank'; so is a name-list word after 'my sponsor is' that goes on about someone ('my sponsor is hope
    she's got fifteen years'), and a name-list word or one in no word list between 'our' and 'she's' ('our ffion
    she's seventeen')."""
    for i in range(2, len(v.tokens)):
        if not is_plain_word(v, i):
            continue
        if v.lower(i - 1) in ROLE_BEFORE_A_NAME and v.lower(i - 2) in POSSESSIVES | {"the"} and (
                _a_persons_deed(v, i + 1) or v.lower(i + 1) in ("has", "had") and v.lower(i + 2) in ("been", "got", "done", "helped")):
            yield v.span(i, i, "PERSON", 0.5, f"lower-case word between '{v.word(i - 1)}' and a person's verb")
        elif v.lower(i - 1) in KIN_NOUNS and v.lower(i - 2) in POSSESSIVES | {"me"} and _said_again_as_a_pronoun(v, i + 1) \
                and not v.lower(i).endswith("ly"):
            yield v.span(i, i, "PERSON", 0.5, f"lower-case word between '{v.word(i - 1)}' and 'she's' or 'he's'")
        elif v.lower(i - 1) in ("our", "me") and (v.lower(i) in v.gaz.first_names or unknown_word(v, i)) \
                and v.lower(i) not in KIN_NOUNS and v.lower(i) not in PERSON_NOUNS and _said_again_as_a_pronoun(v, i + 1):
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(i - 1)}' and before 'she's' or 'he's'")
        elif v.lower(i - 1) == "is" and v.lower(i - 2) in ROLE_BEFORE_A_NAME and v.lower(i - 3) in POSSESSIVES \
                and v.lower(i) in v.gaz.first_names and v.lower(i + 1) in GOES_ON_ABOUT | {"who"}:
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(i - 2)} is'")


def _said_again_as_a_pronoun(v: TokenView, k: int) -> bool:
    """Token k opens 'she's', 'he'd', 'she was', 'he works': speech names someone, then says 'she' ('my girlfriend sky
    she's a nurse', 'me mate will he'd been going')."""
    return v.lower(k) in ("she", "he") and (v.word(k + 1) in ("'s", "’s", "'d", "’d")
                                            or v.lower(k + 1) in ("is", "was", "has", "had", "works", "worked", "does", "did"))


SPOKEN_TO = frozenset("said says say spoke speak speaking talked talking talk explained mentioned moaned complained".split())
TOLD = frozenset("told tell tells asked asks rang rings phoned phones texted texts messaged thanked".split())
AFTER_ONE_TOLD = frozenset("""i i'd i'm i've that to about if how what she he she's he's we it it's and but so because
cos""".split())
"""Words that go on after 'told grace', 'said to joy': the one told is a person, named by a word."""


def find_names_spoken_to(v: TokenView) -> Iterator[Found]:
    """In lower case, a name-list word after 'said to' or 'told', 'rang', 'asked' that the clause goes on after ('i said
    to joy i could sue them', 'i told grace that', 'rang pat about it') names the person spoken to."""
    for i in range(2, len(v.tokens) - 1):
        if not is_plain_word(v, i) or v.lower(i) not in v.gaz.first_names or v.lower(i + 1) not in AFTER_ONE_TOLD | {",", "."}:
            continue
        if v.lower(i - 1) == "to" and v.lower(i - 2) in SPOKEN_TO:
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(i - 2)} to'")
        elif v.lower(i - 1) in TOLD:
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(i - 1)}'")


def find_kin_named_by_a_modal(v: TokenView) -> Iterator[Found]:
    """'me nan may comes on the train', 'my brother will went': in lower case, a given name that is also a modal verb
    (may, will) is a name after a kin word when the verb after it is no infinitive ('comes', 'went'), as after a modal."""
    for i in range(1, len(v.tokens) - 1):
        lower = v.lower(i)
        if lower not in ("may", "will") or lower not in v.gaz.first_names:
            continue
        if (v.lower(i - 1) in KIN_CALLS or v.lower(i - 1) in KIN_NOUNS) and v.word(i + 1).islower() \
                and (_a_persons_deed(v, i + 1) or _said_again_as_a_pronoun(v, i + 1)):
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(i - 1)}' before a verb no modal takes")


PERSON_BEFORE_A_NAME = PERSON_NOUNS | CARE_ROLES | KIN_NOUNS
WHERE_SOMEONE_IS = frozenset("at from on in of with down up".split())
"""What opens a phrase saying where a person is before their name ('the nurse at the surgery joy rings')."""
NOT_IN_A_WHERE_PHRASE = frozenset("""i you he she it we they me him her us them is was are were has had 's ’s and but so
then who that which when if because cos said says end meantime time morning evening night day week year beginning
moment""".split())


def _where_phrase_ends(v: TokenView, person: int, name: int) -> bool:
    """The tokens between a person's noun and a name say only where that person is: none, 'there', or a preposition
    and up to three words ('a mate on site', 'the nurse at the skin place', 'a girl there')."""
    between = range(person + 1, name)
    if not between or [v.lower(k) for k in between] in (["there"], ["here"]):
        return True
    # the phrase must hold its own noun before the name: in 'a doctor with a charity said', 'charity' is that noun
    return (len(between) <= 4 and v.lower(person + 1) in WHERE_SOMEONE_IS
            and any(v.lower(k) not in DETERMINERS for k in between[1:])
            and all(is_lower_word(v, k) and v.lower(k) not in NOT_IN_A_WHERE_PHRASE for k in between))


def _goes_on_as_a_person(v: TokenView, k: int) -> bool:
    """Token k goes on after a name as only a person's name does: a person's verb, 'she's', 'she explains', 'has been',
    'had it'."""
    if _a_persons_deed(v, k) or _said_again_as_a_pronoun(v, k):
        return True
    if v.lower(k) in ("she", "he"):
        return is_lower_word(v, k + 1) and v.lower(k + 1) not in ("and", "but", "or", "i", "you")
    return v.lower(k) in ("has", "had") and v.lower(k + 1) in ("been", "got", "done", "helped", "it", "to", "always", "never")


def find_names_after_where_a_person_is(v: TokenView) -> Iterator[Found]:
    """In lower case, a given name or a word in no list after a person's noun and where they are, followed by what
    only a person does, names that person though also a word: 'the nurse at the surgery joy rings', 'a mate on site
    jade she's sober', 'a girl there seren had been through it'; not 'the nurse in the summer she's off'."""
    for i in range(2, len(v.tokens) - 1):
        lower = v.lower(i)
        if not is_plain_word(v, i) or lower in ("will", "may") or lower in SEASONS:
            continue
        if not (lower in v.gaz.first_names or unknown_word(v, i)) or not _goes_on_as_a_person(v, i + 1):
            continue
        for person in range(i - 1, max(0, i - 6), -1):
            opened = v.lower(person - 1) in POSSESSIVES | DETERMINERS or (  # 'our helper', 'the support worker'
                is_lower_word(v, person - 1) and v.lower(person - 2) in POSSESSIVES | DETERMINERS)
            if v.lower(person) in PERSON_BEFORE_A_NAME and opened:
                if _where_phrase_ends(v, person, i):
                    yield v.span(i, i, "PERSON", 0.5, f"lower-case name after '{v.word(person)}' and where they are")
                break


ROLE_BEFORE_A_NAME = KIN_NOUNS | CARE_ROLES | frozenset({"owner"})
CLAUSE_EDGE = frozenset({"", ",", ".", "?", "!", "and", "but", "so", "then", "with"})
"""What stands before a name opening a clause ('and mark the specialist nurse rings back')."""


def find_names_beside_a_role(v: TokenView) -> Iterator[Found]:
    """In lower case, a name-list word opening a clause and followed by what the person is ('mark the specialist nurse
    rings back', 'our hamish the grandson') or by 'who' and a verb ('hope who runs it') names that person, though
    also a word; not 'i hope the nurse comes', 'the rose who'."""
    for i in range(1, len(v.tokens) - 2):
        if not is_plain_word(v, i) or v.lower(i) not in v.gaz.first_names:
            continue
        if v.lower(i - 1) not in CLAUSE_EDGE and v.lower(i - 1) not in POSSESSIVES:
            continue
        role = i + 2 if v.lower(i + 2) in ROLE_BEFORE_A_NAME else i + 3
        if v.lower(i + 1) == "the" and v.lower(role) in ROLE_BEFORE_A_NAME and (role == i + 2 or is_lower_word(v, i + 2)):
            yield v.span(i, i, "PERSON", 0.5, f"lower-case name before 'the {v.word(role)}'")
        elif v.lower(i + 1) == "who" and v.lower(i - 1) not in POSSESSIVES and is_lower_word(v, i + 2) \
                and v.lower(i + 2) not in ("is", "are", "was", "were"):
            yield v.span(i, i, "PERSON", 0.5, "lower-case name before 'who' and a verb")
