"""Provides organisations said to be one just after their name ('the puffins, it's a parents group', 'told me about
Turning Tide. It's a wee recovery group', 'works at kilmore aggregates the quarry'), in cased and lower-case
transcripts; ordinary words that say a kind of place, pastime or person go to the reviewer instead."""

from __future__ import annotations

from typing import Iterator

from interviewer.anonymise.cues import DETERMINERS, FILLERS, MONTHS, PERSON_WORDS, PLACE_PREPOSITIONS, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.lower_case_organisations import (NAME_JOINS, ORDINALS, REASON, SPORTS, _generic,
                                                            lower_name_word)
from interviewer.anonymise.never_names import DISCOURSE_WORDS
from interviewer.anonymise.suggestions import possible_identifier
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_word, singular

DESCRIBED_AS = frozenset("""charity group bakery shop cafe café pub company firm business centre center service organisation
organization practice clinic club agency trust project network scheme gym salon garage nursery outfit crowd society
association foundation restaurant bar store hostel home mob team league pantry larder bank choir hardware creamery
mart factory supermarket chippy takeaway diner quarry mill nonprofit enterprise cooperative collective""".split())
"""What a name is said to be just after it ('second wind, it's a peer society', 'c r g, an insurance company', 'the
birches it's a nursing home', 'clear head which is a counselling mob', 'harvest table that's a food bank',
'Brehony and Daly, the hardware')."""
SAYING_WHAT_IT_IS = (("it", "'s"), ("it", "is"), ("they", "'re"), ("they", "are"), ("that", "'s"), ("that", "is"),
                     ("which", "is"), ("which", "are"), ("who", "are"), ())
"""The words (spaCy's tokens) that may say what a name is before 'a'/'an': 'it's', 'they're', or, after a comma,
none."""
BUSINESS_NOUNS = frozenset("""salon bakery bakers mechanic mechanics diner cafe café shop pub bar chippy takeaway garage
hairdresser hairdressers barber barbers butcher butchers newsagent newsagents chemist florist restaurant quarry builders
joiners plumbers""".split())
"""What a business is said to be after its name ("Lang's, the bakery", "tracy's the salon", 'kilmore aggregates the
quarry')."""
HEDGES = frozenset("like just basically really more".split())
"""Words between saying what a name is and the article ('it's like a community pantry')."""
KINDS_SAID_BARE = frozenset("""work school church chapel college uni university mass bingo yoga pilates zumba swimming
football rugby darts bowls boxing dancing singing physio chemo dialysis rehab hospital prison jail court home town
shed""".split())
"""Ordinary words for an institution or pastime said without an article ('at work, it's a big company', 'to yoga,
it's a nice class'): a kind, not one organisation's name."""
WEEKDAYS_PLURAL = frozenset(f"{day}s" for day in WEEKDAYS)
TIME_SAID = (("as", "well"), ("now",), ("too",), ("then",), ("every", "week"), ("on", "a", WEEKDAYS), ("on", WEEKDAYS),
             ("on", "a", WEEKDAYS_PLURAL), ("on", WEEKDAYS_PLURAL))
"""What may stand between a name and what it is said to be ('the fermanagh otters on a saturday which is a club',
'the bellows as well that's a singing group')."""


def _said_to_be_an_organisation(v: TokenView, at: int, bare: bool) -> bool:
    """From token `at`: '(it's|they're|which is|…) [like] a/an/the' ('a/an' alone when `bare`) and up to three
    describing words before an organisation noun, other than the word before `at` ('the shops, it's a big shop' says
    nothing)."""
    named = singular(v.lower(at - 2 if v.word(at - 1) == "," else at - 1))
    for opening in SAYING_WHAT_IT_IS if bare else SAYING_WHAT_IT_IS[:-1]:
        if all(v.lower(at + n).replace("’", "'") == word for n, word in enumerate(opening)):
            k = at + len(opening)
            k += v.lower(k) in HEDGES and bool(opening)
            if v.lower(k) not in ("a", "an", "the"):
                continue
            noun = next((n for n in range(1, 5) if v.lower(k + n) in DESCRIBED_AS), None)
            return noun is not None and all(is_word(v.word(k + n)) or v.word(k + n) in ("'", "’")
                                            for n in range(1, noun)) \
                and (v.lower(k + noun) != "home" or v.lower(k + noun - 1) in CARE_HOMES) \
                and (v.lower(k + noun) != "bank" or v.lower(k + noun - 1) == "food") \
                and v.lower(k + noun) != named and singular(v.lower(k + noun + 1)) not in ROLES_AFTER
    return False


ROLES_AFTER = frozenset("manager worker lead leader coordinator owner staff nurse secretary receptionist".split())
"""Nouns that make the organisation noun before them a modifier ('deb, the practice manager'): a person is said."""
CARE_HOMES = frozenset("nursing care residential retirement funeral children's seniors' seniors rest".split())
"""What makes 'a … home' an organisation ('it's a nursing home'), not someone's ('it's a nice home')."""


PRONOUNS = frozenset("i me you he him she her it we us they them mine yours his hers ours theirs".split())


def _in_a_name(v: TokenView, k: int) -> bool:
    """A word that may stand in an organisation's name: no pronoun, determiner, filler or preposition of place."""
    lower = v.lower(k)
    return lower in NAME_JOINS or is_word(v.word(k)) and lower not in DETERMINERS and lower not in FILLERS \
        and lower not in PLACE_PREPOSITIONS and lower not in PRONOUNS and lower not in DISCOURSE_WORDS


def _before_time_said(v: TokenView, end: int) -> int:
    """The token before `end`, or before a time said just before it ('on a saturday', 'as well')."""
    for said in TIME_SAID:
        first = end - len(said)
        if first > 0 and all(v.lower(first + n) == w if isinstance(w, str) else v.lower(first + n) in w
                             for n, w in enumerate(said)):
            return first - 1
    return end - 1


def _name_ending(v: TokenView, last: int) -> int:
    """The first of up to five name words ending at `last` (little words only inside), or last + 1 if none."""
    first = last + 1
    while first - 1 >= 0 and last - first < 4 and _in_a_name(v, first - 1) \
            and (v.lower(first - 1) in NAME_JOINS or not v.tokens[first - 1].is_stop or v.lower(first - 1) in ORDINALS):
        first -= 1
    while first <= last and v.lower(first) in NAME_JOINS:
        first += 1
    return first


SIZE_AND_AGE = frozenset("little new old big".split())
"""Generic modifiers that still open a name ('little acorns'), though alone they name no one ('the new one')."""
KIND_MODIFIERS = frozenset("food soup".split())


def _names_a_kind(v: TokenView, words: range) -> bool:
    """Ordinary words that name a kind of place, pastime or person, or a time, rather than one organisation ('work',
    'the nurses', 'a saturday', 'the food bank', 'the walking group', 'the little one')."""
    named = [k for k in words if is_word(v.word(k)) and v.lower(k) not in NAME_JOINS]
    if all(v.lower(k) in SIZE_AND_AGE or v.tokens[k].is_stop for k in named):
        return True
    if len(named) > 1 and v.lower(named[-1]) in DESCRIBED_AS | INSTITUTION_HEADS \
            and any(v.lower(k) in KIND_MODIFIERS or v.lower(k).endswith("ing") for k in named[:-1]):
        return True
    return any(v.lower(k) in KINDS_SAID_BARE or v.lower(k) in SPORTS or singular(v.lower(k)) in PERSON_WORDS
               or singular(v.lower(k)) in ("week", "month", "year", "morning", "afternoon", "evening", "night")
               for k in words)


BEING = frozenset("is was are were 's ’s be been".split())
LOCATING = frozenset("in on near off by round around outside behind past like than or as".split())
"""Words before a name that make it where the organisation described is, or another one it is compared with ('a flat
in possilpark, it's a housing association one', 'the big guys like exxon or shell, it's a smaller outfit')."""
SUBJECTS = PRONOUNS | frozenset("who which that".split())


def _a_business_named_before(v: TokenView, last: int) -> bool:
    """Whether 'the' and up to two words before a business noun follow the name word `last`, with no comma, as Whisper
    writes 'works at kilmore aggregates the quarry', and 'at', 'with' or 'for' just before the name (not 'wants to
    reach the group')."""
    if v.lower(last + 1) != "the" or not lower_name_word(v, last):
        return False
    noun = next((n for n in range(2, 5) if v.lower(last + n) in DESCRIBED_AS | BUSINESS_NOUNS), None)
    if noun is None or not all(is_word(v.word(last + n)) for n in range(2, noun)) \
            or singular(v.lower(last + noun + 1)) in ROLES_AFTER or v.lower(last + noun) in ("home", "bank") \
            or v.lower(last).endswith("ing"):
        return False  # 'the in home supportive services', 'would look at funding the group'
    first = _name_ending(v, last)
    return v.lower(first - 1) in ("at", "with", "for") and first <= last \
        and all(lower_name_word(v, k) or v.lower(k) in NAME_JOINS for k in range(first, last + 1))


def find_names_said_to_be_organisations(v: TokenView) -> Iterator[Found]:
    """'dragged me along to hearts and minds lanarkshire, it's a recovery charity', 'what saved me was the puffins
    it's a parents group', 'a leaflet for bluebell, which is a carers' group', 'the curlews that's a walking group':
    up to five name words closed by what they are (after a comma, or straight after them from 'it's', 'which is' on,
    perhaps after when: 'on a saturday'); in a cased transcript, capitalised ones. Ordinary words are a name there
    too, unless they say a kind of place, pastime or person ('at work, it's a big company', 'the nurses, they're a
    good team'), which go to the reviewer; so do words of a service ('the food bank, it's a charity' names no one)."""
    from interviewer.anonymise.propagation import is_lower_case_text

    lower_case_text = is_lower_case_text(v.text)
    for end in range(2, len(v.tokens) - 3):
        comma = v.word(end) == ","
        if not (comma and _said_to_be_an_organisation(v, end + 1, bare=True)
                or lower_case_text and _a_business_named_before(v, end - 1)
                or v.word(end) == "." and v.word(end + 1) in ("It", "They", "That")
                and _said_to_be_an_organisation(v, end + 1, bare=False)
                or v.lower(end) in ("it", "they", "that", "which", "who") and is_word(v.word(end - 1))
                and _said_to_be_an_organisation(v, end, bare=False)):
            continue
        if comma and v.lower(end + 1) == "the" and v.lower(end - 1) in v.gaz.places:
            continue  # 'we went to Leeds, the centre': a place
        last = _before_time_said(v, end)
        first = _name_ending(v, last)
        if first < last and v.lower(first - 1) in SUBJECTS:
            first += 1  # 'the one who found sickle strong, a support group': a subject's verb opens no name
        if first > last or v.text[v.tokens[first].idx:v.tokens[last].idx].count("\n"):
            continue
        before = v.lower(first - 2) if v.lower(first - 1) == "the" else v.lower(first - 1)
        being = v.lower(first - 1) in BEING and (v.lower(first - 1) not in ("'s", "’s") or v.lower(first - 2) in SUBJECTS)
        if before in LOCATING or before == "," or being and v.lower(first - 2) != "there":
            continue  # 'it's grand, it's the company', 'the clinic is fine, the food bank …': what something is
        words = range(first, last + 1)
        if not lower_case_text and not all(v.word(k)[:1].isupper() or v.lower(k) in NAME_JOINS for k in words):
            continue
        if any(_generic(v, k) and v.lower(k) not in SIZE_AND_AGE for k in words) or first == last and v.allowed(first) \
                or any(v.lower(k) in WEEKDAYS or singular(v.lower(k)) in WEEKDAYS or v.lower(k) in MONTHS for k in words):
            continue
        if any(not v.common(k) or v.lower(k) in v.gaz.places for k in words if is_word(v.word(k))):
            yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} said to be an organisation after it")
        elif not _names_a_kind(v, words) and not (v.initial(first) and v.word(first)[:1].isupper()):
            yield v.span(first, last, "ORGANIZATION", 0.55, f"{REASON} of ordinary words said to be an organisation after it")
        elif last > first or v.lower(first - 1) == "the":  # 'the nurses, they're a good team', for the reviewer
            yield possible_identifier(v, first, last, "ORGANIZATION", "ordinary words said to be an organisation "
                                      "after them", 0.5)
