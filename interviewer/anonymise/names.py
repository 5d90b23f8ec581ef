"""Provides the recognizer for people and places the statistical NER misses in transcribed speech: titles,
gazetteer first names (lower-case too), common-word names in name positions, unknown capitalised words
mid-sentence, and the place rules of `places`."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import (
    ABBREVIATED_TITLES, CARE_ROLES, CLAUSE_OPENERS, DETERMINERS, FILLERS, GENERIC_CAPITALISED, KIN_NOUNS, MONTHS,
    MONTH_PREPOSITIONS, PERSONAL_TITLES, PERSON_NOUNS, PERSON_VERBS, PLACE_PREPOSITIONS, SPEECH_VERBS, STRONG_SPEECH_VERBS,
    SURNAME_PARTICLES, TITLES, WEEKDAYS, WORK_VERBS,
)
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.lower_case import (
    find_lower_case_districts, find_lower_case_institutions, find_lower_case_people, find_lower_case_prefixed_places,
    find_lower_case_streets,
)
from interviewer.anonymise.lower_case_people import (
    find_kin_named_before_a_deed, find_kin_named_by_a_modal, find_names_after_where_a_person_is, find_names_beside_a_role,
    find_names_spoken_to, find_people_called,
)
from interviewer.anonymise.nicknames import find_nicknames
from interviewer.anonymise.never_names import CALENDAR_WORDS, DISCOURSE_WORDS, KIN_AFTER_A_NAME, KIN_CALLS, loanwords
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
               find_saint_named_places, _after_kin_noun, find_nicknames, find_named_venues, _after_our,
               _before_kin_said_after, _named_after_a_person, _kin_apposition, _named_before_a_description,
               _named_before_kin, _workplace, _whose_day, _named_alone, find_lower_case_institutions,
               find_lower_case_streets, find_lower_case_prefixed_places, find_lower_case_districts]
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


MISSING_SUBJECTS = frozenset("""i you we they he she do does did don't doesn't didn't really still will would i'll we'll
gonna to n't""".split())
"""Words before 'miss' that make it the verb ('do you miss', 'I really miss'), not the title."""


def _titled(v: TokenView) -> Iterator[Found]:
    for i in range(len(v.tokens) - 1):
        title = v.lower(i).rstrip(".")  # the tokenizer keeps 'Dr.' and 'Mrs.' whole
        if title not in TITLES:
            continue
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
    """'her sister peg', 'my daughter joy': a possessive and a kin noun just before the word."""
    return v.lower(i - 1) in KIN_NOUNS and v.lower(i - 2) in POSSESSIVES


def _kin_after(v: TokenView, i: int) -> bool:
    """'joy my daughter', 'wade that's our son': the word set before a possessive and a kin noun."""
    k = i + 1
    if v.lower(k) in ("that", "he", "she") and v.word(k + 1) in ("'s", "’s"):
        k += 2  # spaCy splits "that's"
    return v.lower(k) in POSSESSIVES and v.lower(k + 1) in KIN_NOUNS and v.word(i - 1) not in ("'s", "’s")


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


def _after_kin_noun(v: TokenView) -> Iterator[Found]:
    """A capitalised word straight after 'my granddaughter', 'her husband', 'our neighbour': a name even when it
    is also a word ('Sky', 'Frank') or missing from the name lists."""
    for i in range(2, len(v.tokens)):
        if v.lower(i - 1) not in KIN_NOUNS or v.lower(i - 2) not in POSSESSIVES or not v.capitalised_word(i) \
                or v.lower(i) in INSTITUTION_HEADS or "\n" in v.text[v.tokens[i - 1].idx:v.tokens[i].idx]:
            continue  # not across a line: 'looking after your wife\nB: oh ...' is the next speaker's label
        yield v.span(i, v.extend_surname(i), "PERSON", 0.7, f"name after '{v.word(i - 2)} {v.word(i - 1)}'")


def _kin_apposition(v: TokenView) -> Iterator[Found]:
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


def _named_before_a_description(v: TokenView) -> Iterator[Found]:
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


def _named_after_a_person(v: TokenView) -> Iterator[Found]:
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


def _named_before_kin(v: TokenView) -> Iterator[Found]:
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


def _before_kin_said_after(v: TokenView) -> Iterator[Found]:
    """'Ramesh Kaka told me', 'Jyoti Masi runs it', 'Meena Aunty': a capitalised word before a kin word said after a
    name is that person's name, with a given name before it when there is one."""
    for i in range(1, len(v.tokens)):
        if v.lower(i) not in KIN_AFTER_A_NAME or not (v.capitalised_word(i - 1) or v.word(i - 1).istitle()) \
                or v.common(i - 1) or _names_no_one(v, i - 1):
            continue
        first = i - 2 if v.lower(i - 2) in v.gaz.first_names and v.word(i - 2).istitle() and not v.common(i - 2) else i - 1
        yield v.span(first, i - 1, "PERSON", 0.65, f"name before '{v.word(i)}'")


def _after_our(v: TokenView) -> Iterator[Found]:
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
