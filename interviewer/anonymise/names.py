"""Provides the recognizer for people and places the statistical NER misses in transcribed speech: titles,
gazetteer first names (lower-case too), common-word names in name positions, unknown capitalised words
mid-sentence, the names read from kin and role words beside them (`kin_names`), and the place rules of `places`."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import (
    ABBREVIATED_TITLES, CLAUSE_OPENERS, DETERMINERS, FILLERS, GENERIC_CAPITALISED, KIN_NOUNS, MONTHS,
    MONTH_PREPOSITIONS, PARENTS, PERSONAL_TITLES, PERSON_VERBS, PLACE_PREPOSITIONS, SPEECH_VERBS, STRONG_SPEECH_VERBS,
    NOT_AFTER_A_TITLE, SUBJECT_PRONOUNS, SURNAME_PARTICLES, TITLES, WEEKDAYS, WORK_VERBS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.kin_names import (
    find_names_after_a_person, find_names_after_kin_nouns, find_names_after_our, find_names_before_a_description,
    find_names_before_kin, find_names_before_kin_said_after, find_names_set_apart_after_kin,
)
from interviewer.anonymise.lower_case import find_lower_case_institutions, find_lower_case_people, find_lower_case_streets
from interviewer.anonymise.lower_case_districts import (
    find_lower_case_areas_and_estates, find_lower_case_districts, find_lower_case_prefixed_places,
)
from interviewer.anonymise.lower_case_people import (
    find_kin_named_before_a_deed, find_kin_named_by_a_modal, find_names_after_where_a_person_is, find_names_beside_a_role,
    find_names_spoken_to, find_people_called,
)
from interviewer.anonymise.nicknames import find_nicknames
from interviewer.anonymise.never_names import DISCOURSE_WORDS, KIN_CALLS, loanwords
from interviewer.anonymise.organisations import find_brands_at_work, find_organisations
from interviewer.anonymise.place_kinds import find_places_by_kind
from interviewer.anonymise.places import (
    find_named_venues, find_places, find_places_after_prepositions, find_saint_named_places, one_edit_place,
    place_position,
)
from interviewer.anonymise.words import (
    CONTRACTION, INSTITUTION_HEADS, POSSESSIVES, TokenView, did_to_someone, is_capitalised, is_word,
)

_LAST_VIEW: list = [None, None]


def token_view(doc, allow_words: frozenset[str]) -> TokenView:
    """The TokenView of a doc, built once for all the recognizers that read the same doc."""
    if _LAST_VIEW[0] is not doc:
        _LAST_VIEW[:] = [doc, TokenView(doc, load_gazetteers(), allow_words)]
    return _LAST_VIEW[1]


def find_possible_identifiers(doc, allow_words: frozenset[str]) -> list[Found]:
    """Suggestions for the reviewer, as Found spans of type POSSIBLE_IDENTIFIER (split off by the Anonymiser)."""
    from interviewer.anonymise.propagation import is_lower_case_text
    from interviewer.anonymise.suggestions import as_found, find_suggestions

    view = token_view(doc, allow_words)
    return [as_found(s) for s in find_suggestions(view, is_lower_case_text(view.text))]


def find_people_and_places(doc, allow_words: frozenset[str]) -> list[Found]:
    from interviewer.anonymise.propagation import is_lower_case_text

    view = token_view(doc, allow_words)
    found: list[Found] = []
    # Whisper writes a name it does not know in lower case, even in a cased transcript ('went into the riverside
    # medical clinic'), so the lower-case rules for places and institutions run on every transcript. Those for
    # people stay with lower-case ones: in cased text, a lower-case word before 'she's' is seldom a name.
    finders = [_titled, _first_names, _unknown_capitalised, find_places, find_places_after_prepositions,
               find_saint_named_places, find_names_after_kin_nouns, find_nicknames, find_named_venues,
               find_names_after_our, find_names_before_kin_said_after, find_names_after_a_person,
               find_names_set_apart_after_kin, find_names_before_a_description, find_names_before_kin, _workplace,
               _whose_day, _named_alone, find_lower_case_institutions, find_lower_case_streets,
               find_lower_case_prefixed_places, find_lower_case_districts, find_lower_case_areas_and_estates]
    if is_lower_case_text(view.text):
        finders += [find_lower_case_people, find_people_called, find_kin_named_before_a_deed,
                    find_names_beside_a_role, find_names_spoken_to, find_kin_named_by_a_modal,
                    find_names_after_where_a_person_is]
    for finder in finders:
        found.extend(finder(view))
    found.extend(find_places_by_kind(view, is_lower_case_text(view.text)))
    return found + _organisations_by_context(view)


def _organisations_by_context(v: TokenView) -> list[Found]:
    """Organisations named by context (see `organisations`), in cased transcripts only, as they read capitals; in
    lower-case ones, only the brands named as a workplace or provider ('a job with tesla'), which word lists tell."""
    from interviewer.anonymise.propagation import is_lower_case_text

    return list(find_brands_at_work(v)) if is_lower_case_text(v.text) else find_organisations(v)


ROLE_TITLES = frozenset("doctor nurse professor".split())
ROLE_DETERMINERS = frozenset("the a an my his her our their your that this".split())
"""Words that make a title written out a role ('the doctor', 'my nurse') rather than part of a name."""


MISSING_SUBJECTS = SUBJECT_PRONOUNS | frozenset("""do does did don't doesn't didn't really still will would i'll we'll
gonna to n't""".split())
"""Words before 'miss' that make it the verb ('do you miss', 'I really miss'), not the title."""


def _titled(v: TokenView) -> Iterator[Found]:
    for i in range(len(v.tokens) - 1):
        title = v.lower(i).rstrip(".")  # the tokenizer keeps 'Dr.' and 'Mrs.' whole
        if title not in TITLES or len(v.word(i)) > 1 and v.word(i).rstrip(".").isupper():
            continue  # 'I've got MS. I was': a title in capitals is an acronym
        if v.word(i + 1) == "." and title not in ABBREVIATED_TITLES:
            continue  # 'he knew my father. He asked me': a title written out before a full stop ends the sentence
        j = i + 2 if v.word(i + 1) == "." else i + 1
        w = v.word(j)
        if v.word(i) == "miss" and v.lower(i - 1) in MISSING_SUBJECTS or w.lower() in v.gaz.regions:
            continue  # 'do you miss ohio', 'I miss Sarah': the verb; 'Miss Georgia' is no one's name here
        # After Mr, Mrs, Dr... a capitalised word is a name even when it is English ("Mrs Begun"); after a title
        # that is also a role, only a word the name lists know is ("Nurse Black", not "Nurse Practitioner").
        known_name = w.lower() in v.gaz.surnames or w.lower() in v.gaz.first_names
        if (v.allowed(j) or v.common(j)) and not known_name and not w.islower() and title not in PERSONAL_TITLES:
            continue
        if title in ROLE_TITLES and v.lower(i - 1) in ROLE_DETERMINERS and v.common(j) \
                and w.lower() not in v.gaz.first_names:
            continue  # 'the doctor Said it was', as a recased transcript writes it: a role, then its verb
        if not w or not is_word(w) or w.lower() in MONTHS or (w.lower() in INSTITUTION_HEADS and title not in PERSONAL_TITLES):
            continue
        if (w.islower() or w == "I") and w.lower() in NOT_AFTER_A_TITLE:
            continue  # 'a doctor in red deer', 'the nurse and me', "i've got ms i was": a role or a word, then the sentence
        if title in ABBREVIATED_TITLES and w.islower() and _split_surname(v, j):
            # 'Dr van der merwe', 'Mr papa dopoulos', 'Dr nee breen': a surname speech recognition split in lower case
            last = j
            while last - j < 3 and _split_surname(v, last):
                last += 1
            yield v.span(j, last, "PERSON", 0.85, f"name after the title '{v.word(i)}'")
            continue
        # 'dr brown' in lower case, but not 'the doctor said': after a title written out, a lower-case word that is
        # also English is the verb or noun it reads as
        personal_lower = (w.islower() and title in PERSONAL_TITLES and w.lower() in v.gaz.surnames and len(w) >= 3
                          and (title in ABBREVIATED_TITLES or not v.common(j)))
        if is_capitalised(w) or (w.islower() and not v.common(j) and len(w) >= 3) or personal_lower:
            yield v.span(j, v.extend_surname(j), "PERSON", 0.85, f"name after the title '{v.word(i)}'")


def _split_surname(v: TokenView, k: int) -> bool:
    """A particle or a short word opening a surname the recogniser split, before a lower-case word in no word list."""
    w, after = v.lower(k), v.word(k + 1)
    short_part = len(w) <= 4 and not v.tokens[k].is_stop and w not in SPEECH_VERBS and w not in PERSON_VERBS and is_word(w)
    return (w in SURNAME_PARTICLES or short_part) and v.word(k).islower() and after.islower() and is_word(after) \
        and (v.lower(k + 1) in SURNAME_PARTICLES or not v.common(k + 1) and len(after) >= 3)


BEING_FROM = frozenset("""am is are was were 'm 's 're ’m ’s ’re come comes came originally moved born""".split())
"""Words before 'from' that make what follows where someone is from ('she's from skye'), not a sender ('a letter from
sarah')."""


def _where_a_place_stands(v: TokenView, i: int) -> bool:
    """'the box in broderick', 'a farm near wade', 'he's from skye originally': after 'in', 'near' or 'outside', or
    'from' where someone is from, a name is a place, unless someone is believed or confided in, or the name owns what
    follows ('in jack's room')."""
    before = v.lower(i - 1)
    from_a_place = before == "from" and (v.lower(i - 2) in BEING_FROM or v.lower(i + 1) == "originally")
    return (before in ("in", "near", "outside") or from_a_place) and v.word(i + 1) not in ("'s", "’s") \
        and v.lower(i - 2) not in ("believe", "believed", "believes", "confide", "confided", "trust", "interested") \
        and not v.surname_word(i + 1)


def _kin_before(v: TokenView, i: int) -> bool:
    """'her sister peg', 'my daughter joy', 'my grandmom dot', 'me mam sheila', 'my brother-in-law naveed': a possessive
    and a kin noun, or one of an in-law, just before the word."""
    kin = i - 1
    if v.lower(kin) == "law" and v.lower(kin - 2) == "in" and v.word(kin - 1) == v.word(kin - 3) == "-":
        kin -= 4  # spaCy splits 'brother-in-law' at its hyphens
    if v.lower(kin - 1) not in POSSESSIVES | {"me"}:
        return False
    # A parent is as often the subject of a verb that is also a name ('my mum rose early'): there, set apart only.
    return v.lower(kin) in KIN_NOUNS or v.lower(kin) in PARENTS and (
        v.word(i + 1) in (",", ".", "?", "!", "'s", "’s") or v.lower(i + 1) in ("she", "he", "who"))


def _kin_after(v: TokenView, i: int) -> bool:
    """'joy my daughter', 'wade that's our son': the word set before a possessive and a kin noun."""
    k = i + 1
    if v.lower(k) in ("that", "he", "she") and v.word(k + 1) in ("'s", "’s"):
        k += 2  # spaCy splits "that's"
    return v.lower(k) in POSSESSIVES and v.lower(k + 1) in KIN_NOUNS and v.word(i - 1) not in ("'s", "’s") \
        and v.lower(i - 1) not in SUBJECT_PRONOUNS  # 'i miss my sister': after 'i', the word is its verb


def _month_context(v: TokenView, i: int) -> bool:
    nxt = v.word(i + 1)
    return v.lower(i - 1) in MONTH_PREPOSITIONS or nxt[:1].isdigit() or bool(re.match(r"(?:the|\d)", nxt))


def _first_names(v: TokenView) -> Iterator[Found]:
    gaz = v.gaz
    for i, token in enumerate(v.tokens):
        w = token.text
        lower = CONTRACTION.sub("", v.lower(i))
        if lower not in gaz.first_names or not is_word(w) or v.allowed(i) or len(w) < 2 \
                or (lower in PERSONAL_TITLES and v.namelike(i + 1)):
            continue  # 'Miss Darlene': the title stays outside the name found after it
        # A first name written in lower case that is also a loanword is the word ('a hui at our place', 'is kai').
        common = v.common(i) or lower in MONTHS or (w.islower() and lower in loanwords())
        if lower in gaz.places and (v.lower(i - 1) in PLACE_PREPOSITIONS or place_position(v, i, i)) \
                and not (v.namelike(i + 1) or v.surname_word(i + 1)):
            continue  # "went to Bradford", "near Savannah": the place, not the first name
        if lower in gaz.places and lower not in gaz.world_places and v.lower(i - 1) in ("the", "a", "an") \
                and not (v.namelike(i + 1) or v.surname_word(i + 1)):
            continue  # "the Sydney office": people take no article
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
                    or (v.lower(i + 1) in ("in", "from", "at", "on") and v.lower(i + 2) in ("our", "my", "the")) \
                    or (v.lower(i + 1) == "and" and v.word(i + 2) in ("I", "me")):
                yield v.span(i, v.extend_surname(i), "PERSON", 0.6, "first name opening a sentence, followed by a name cue")
        elif w.islower() and len(w) >= 3:
            if not common and lower not in FILLERS and not token.is_stop and _where_a_place_stands(v, i):
                yield v.span(i, i, "LOCATION", 0.55, f"lower-case first name where a place stands, after '{v.word(i - 1)}'")
            elif not common and lower not in FILLERS and not token.is_stop:
                yield v.span(i, i, "PERSON", 0.6, "lower-case first name from the gazetteer")
            elif common and (v.lower(i - 1) in CLAUSE_OPENERS or v.lower(i - 1) in KIN_NOUNS or v.initial(i) or v.word(i - 1) == ",") \
                    and v.lower(i - 1) not in DETERMINERS and (v.lower(i + 1) in SPEECH_VERBS or v.lower(i - 1) in ("called", "named")):
                yield v.span(i, i, "PERSON", 0.5, "lower-case first name that is also a word, in a name position")
            elif common and not token.is_stop and (_kin_before(v, i) or _kin_after(v, i)):
                yield v.span(i, i, "PERSON", 0.5, "lower-case first name that is also a word, beside 'my sister'")
            elif common and not token.is_stop and _lower_case_name_position(v, i):
                yield v.span(i, i, "PERSON", 0.5, "lower-case first name that is also a word, where a name stands")



SAID_OF_THE_NAMED = frozenset("he she his her him that".split())
"""How the sentence after a name said alone goes on about them ('Dean. He took his own life', 'Dale. That's him')."""


def _named_alone(v: TokenView) -> Iterator[Found]:
    """A first name said as a sentence of its own, the next one about them: 'Mine's my brother. Dean. He took his own
    life.' A given name that is also a word ('Dale', 'Grace') counts there, being all the sentence says."""
    for i in range(1, len(v.tokens) - 2):
        if v.word(i + 1) != "." or v.lower(i + 2) not in SAID_OF_THE_NAMED or not is_capitalised(v.word(i)) \
                or v.word(i - 1) not in (".", "!", "?") or v.lower(i) not in v.gaz.first_names or v.allowed(i) \
                or v.lower(i) in MONTHS or v.lower(i) in WEEKDAYS or v.lower(i) in DISCOURSE_WORDS:
            continue
        yield v.span(i, i, "PERSON", 0.6, "a first name said alone, the next sentence about them")


PERSONAL_DAYS = frozenset("birthday funeral wedding christening".split())
NOT_WHOSE = frozenset("dog dogs cat cats baby kids family friend year week day".split())


def _whose_day(v: TokenView) -> Iterator[Found]:
    """'the day before Summer's birthday', 'at nan's funeral' aside: the word before "'s birthday" (funeral, wedding,
    christening) is a person's name, even a word ('summer's birthday' in lower case), unless it says who they are."""
    if "birthday" not in v.text and "funeral" not in v.text and "wedding" not in v.text and "christening" not in v.text:
        return
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    for i in range(len(v.tokens) - 2):
        if v.word(i + 1) not in ("'s", "’s") or v.lower(i + 2) not in PERSONAL_DAYS:
            continue
        lower = v.lower(i)
        if not is_word(v.word(i)) or len(lower) < 3 or v.tokens[i].is_stop or lower in KIN_NOUNS or lower in KIN_CALLS \
                or lower.rstrip(".") in TITLES or lower in NOT_WHOSE or lower in INSTITUTION_HEADS or v.allowed(i) \
                or v.group_word(i) or lower in GENERIC_CAPITALISED or lower in MONTHS or lower in WEEKDAYS:
            continue
        if is_capitalised(v.word(i)) and not v.initial(i) or lower_case_text and v.word(i).islower():
            yield v.span(i, i, "PERSON", 0.75, f"whose {v.lower(i + 2)} it was")


def _workplace(v: TokenView) -> Iterator[Found]:
    from interviewer.anonymise.employers import find_employers, find_venues_in_places
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    yield from find_employers(v, lower_case_text)
    yield from find_venues_in_places(v, lower_case_text)


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
        if not (v.namelike(i) and len(w) >= 3) or (lower in gaz.places and lower not in gaz.world_places) \
                or lower in gaz.first_names or gaz.is_common(lower) or lower in FILLERS:
            i += 1
            continue
        if lower in gaz.world_places and place_position(v, i, i):
            i += 1
            continue  # find_places has it as a place
        initial = v.initial(i)
        verb_after = v.lower(i + 1) in STRONG_SPEECH_VERBS or v.lower(i + 1) in PERSON_VERBS or did_to_someone(v, i + 1)
        name_cue = verb_after or v.word(i + 1) in (",", "'s", "’s") or bool(CONTRACTION.search(w))
        if initial and not ((lower in gaz.surnames or len(w) >= 4) and name_cue or verb_after):  # 'Kaz runs it'
            i += 1
            continue
        last = v.extend_surname(i)
        # 'Wigan' misheard as 'Wiggan' is a place; 'aunty, Padma, she' or 'Padma said' (a letter from 'Palma') is someone
        spoken_of = verb_after or (v.word(i + 1) == "," and v.lower(i + 2) in ("she", "he", "who")) \
            or (v.word(i - 1) == "," and v.lower(i - 2) in KIN_NOUNS)
        place = one_edit_place(w) if len(w) >= 5 and last == i and not spoken_of else None
        if place:
            yield v.span(i, last, "LOCATION", 0.6, f"one letter from the place '{gaz.places[place]}'")
        elif not initial and v.word(last + 1) not in ("'s", "’s") and place_position(v, i, last):
            yield v.span(i, last, "LOCATION", 0.6, "capitalised word that is not an English word, in a place position")
        elif not initial and v.lower(i - 1) in ("at", "for") and v.lower(i - 2) in WORK_VERBS:
            yield v.span(i, last, "ORGANIZATION", 0.6, f"capitalised word that is not an English word, a workplace after '{v.word(i - 1)}'")
        else:
            yield v.span(i, last, "PERSON", 0.5, "capitalised word that is not an English word, mid-sentence")
        i = last + 1
