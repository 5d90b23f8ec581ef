"""Provides recasing: a copy of a lower-case transcript with capitals restored where English writes them (sentence
starts, 'I', known acronyms, words that are no English word, name-list words in name positions, known places in
place positions, organisation names before their head word), letter for letter the same length, so the cased
detection path can read it and its offsets hold for the original."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import (
    ABBREVIATED_TITLES, DETERMINERS, FILLERS, KIN_NOUNS, MONTH_PREPOSITIONS, MONTHS, MOTION_WORDS, NOT_AFTER_A_TITLE,
    PERSONAL_TITLES, PERSON_VERBS, PERSON_WORDS, PLACE_POSITION_BEFORE, STRONG_SPEECH_VERBS, TITLES, TO_WORDS, WEEKDAYS,
    WORK_VERBS,
)
from interviewer.anonymise.employers import NOT_EMPLOYERS
from interviewer.anonymise.english import CONTRACTED, english
from interviewer.anonymise.gazetteers import Gazetteers, default_allow_terms, load_gazetteers
from interviewer.anonymise.institution_heads import STRONG, WEAK
from interviewer.anonymise.lower_case import (
    GENERIC_MODIFIERS, HEADS as HEADS_BY_TYPE, LEGAL_HEADS, STREET_HEADS, WEAK_STREET_HEADS,
)
from interviewer.anonymise.places import STATES_LIVED_IN
from interviewer.anonymise.deed_words import a_deed_or_its_where
from interviewer.anonymise.never_names import DISCOURSE_WORDS, GROUP_WORDS, loanwords, singular

WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|:\s+|[\"“(]\s*)$")
CLINICAL = re.compile(r"(?:amide|mycin|cillin|azole|pril|sartan|olol|statin|mab|nib|vir|cycline|oxacin|profen|parin|azepam|"
                      r"azolam|oxetine|triptan|tidine|prazole|lukast|olone|dronate|gliptin|gliflozin|glutide|formin|caine|thiazide|"
                      r"ipine|itis|osis|aemia|emia|ectomy|scopy|ia|lysis|oma|ol|ine|ide|ate|ase)$")
"""Endings of medicines and conditions: no English word in the lists, yet written in lower case."""
SHORT_TITLES = ABBREVIATED_TITLES | {"st"}
HEADS = frozenset().union(*HEADS_BY_TYPE.values()) | frozenset(
    head.lower() for pattern in (*STRONG.values(), *WEAK.values()) for head in pattern.split("|") if head.isalpha()) - {"house"}
"""Head words of organisations, in both the lower-case and the cased rules ('college', 'partnership', 'met'); a
lower-case 'house' has its own rule there (lower_case_organisations)."""
NAMED_AFTER_PLACE_HEADS = frozenset("regional state base memorial general".split())
"""Heads that follow a place's or a person's name to name a hospital or university ('Dubbo Base', 'Wayne State')."""
VOWELS = frozenset("aeiouy")
HOUSE_NUMBER_BEFORE = re.compile(r"\b\d+[a-z]?,?\s+$")
DIRECTIONS = frozenset("north south east west".split())
BUILDINGS = frozenset("house court lodge mill buildings building".split())
ROLE_NOUNS = frozenset("""worker workers carer teacher coordinator co-ordinator physio therapist counsellor keyworker officer
adviser advisor consultant midwife gp psychiatrist psychologist nurse matron manager""".split())
"""Roles a first name follows in apposition ('my support worker jade', 'our physio ruby')."""
NAME_PREFIX = re.compile(r"^[od]['’][a-z]{2,}")
"""Irish and Norman surnames: "o'hare", "d'arcy"."""
CALLED = frozenset("called named name's".split())


def _allow_casing(gaz: Gazetteers) -> dict[str, str]:
    """Lower-case allow-list term of one word that is no English word -> its written form ('nhs' -> 'NHS')."""
    casing: dict[str, str] = {}
    for term in default_allow_terms():
        if term.isalpha() and any(ch.isupper() for ch in term) and not gaz.is_common(term) and term.lower() not in STOP_WORDS:
            casing.setdefault(term.lower(), term)
    return casing


_ALLOW_CASING: dict[str, str] | None = None


def recased(text: str, gaz: Gazetteers | None = None) -> str:
    """`text` with capitals restored; only the case of letters changes, so every offset holds."""
    global _ALLOW_CASING
    gaz = gaz or load_gazetteers()
    if _ALLOW_CASING is None:
        _ALLOW_CASING = _allow_casing(gaz)
    words = list(WORD.finditer(text))
    lowers = [m.group().lower() for m in words]
    cased = [m.group() for m in words]
    starts = [bool(SENTENCE_START.search(text, max(0, m.start() - 3), m.start())) for m in words]

    def low(i: int) -> str:
        return lowers[i] if 0 <= i < len(lowers) else ""

    def base(word: str) -> str:
        return re.sub(r"['’]s$", "", word)

    def proper(i: int) -> bool:
        """A word that is no English word (nor a filler, medicine, condition or word for a person: 'physio'): a name."""
        word = base(lowers[i])
        parts = re.split(r"['’-]", word)
        return (len(word) >= 2 and not english(word, gaz) and not all(english(p, gaz) or len(p) < 2 for p in parts)
                and word not in PERSON_WORDS
                and not english(word.replace("-", ""), gaz)  # 'co-ordinator', 're-referred'
                and singular(word) not in FILLERS and word not in DISCOURSE_WORDS
                and (word not in loanwords() or word in gaz.places)  # 'kai', 'hui', though given names; not 'kent'
                and not (word not in gaz.first_names
                and word not in gaz.surnames and word not in gaz.places and CLINICAL.search(word)))

    capital = [False] * len(words)
    named = [False] * len(words)
    """Capitalised as a name (not merely as a sentence start)."""
    for i, lower in enumerate(lowers):
        word = base(lower)
        if NAME_PREFIX.match(lower):
            cased[i] = lower[0].upper() + lower[1] + lower[2].upper() + lower[3:]  # "o'hare" -> "O'Hare"
            named[i] = True
        elif word in SHORT_TITLES:
            capital[i] = True  # 'dr', 'mrs', 'st'
        elif lower in ("i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"):
            capital[i] = lower != "i" or not (len(low(i - 1)) == 1 and _adjacent(words, i - 1, 2)
                                              or len(low(i + 1)) == 1 and _adjacent(words, i, 2))  # not 'p i', 'i t'
        elif starts[i] or word in MONTHS and (word not in ("may", "march") or _month_position(lowers, i, text, words)) \
                or word in WEEKDAYS or word in GROUP_WORDS:
            capital[i] = True
        elif word in _ALLOW_CASING:
            cased[i] = _ALLOW_CASING[word] + lower[len(word):]
        elif proper(i) and len(word) <= 5 and not VOWELS & set(word):
            cased[i] = word.upper() + lower[len(word):]  # 'ncr', 'cpn': letters without a vowel are an acronym
            named[i] = True
        elif proper(i) and len(word) <= 4 and word not in gaz.first_names and word not in gaz.surnames \
                and word not in gaz.places and not _name_cue(lowers, i, lower != word):
            pass  # 'fifo', 'copd': a short word in no list may as well be an acronym or slang as a name
        elif proper(i) and (low(i - 1) in ("a", "an") or low(i - 2) in ("a", "an") and english(low(i - 1), gaz)) \
                and word not in gaz.first_names and word not in gaz.surnames:
            pass  # 'a lovely fella', 'an ology': after 'a' a word names a kind of thing
        elif proper(i):
            capital[i] = named[i] = True
        elif low(i - 1).rstrip(".") in PERSONAL_TITLES and (word in gaz.surnames or word in gaz.first_names) \
                and word not in NOT_AFTER_A_TITLE:
            capital[i] = named[i] = True  # 'mrs christian'; not 'a doctor in red deer'
        elif word in gaz.first_names and word not in STOP_WORDS and (
                low(i - 1) in CALLED or low(i - 1) in KIN_NOUNS or low(i - 1) in ROLE_NOUNS or low(i - 1).rstrip(".") in TITLES
                or (low(i + 1) in STRONG_SPEECH_VERBS or lower != word) and low(i - 1) not in DETERMINERS
                or _in_apposition(text, words, lowers, i)):
            capital[i] = named[i] = True  # 'called grace', 'my sister grace', "grace's mum"
        elif word in gaz.places and word not in NOT_PLACES and not _a_state_lived_in(word, low(i - 1), low(i - 2)) and (
                _place_position(lowers, i, text, words, gaz, named) or low(i - 1) == "county" or low(i + 1) == "county"):
            capital[i] = named[i] = True  # 'from cork', 'county mayo'
            if low(i - 1) == "county" or low(i + 1) == "county":
                capital[i - 1 if low(i - 1) == "county" else i + 1] = True
    _places(lowers, capital, named, words, gaz, low)
    _employers(lowers, capital, named, words)
    _institutions(lowers, capital, named, text, words, gaz)
    for i in range(len(words)):
        if capital[i] and cased[i] == words[i].group():
            cased[i] = "I" + cased[i][1:] if lowers[i] == "i" or lowers[i].startswith(("i'", "i’")) \
                else cased[i][:1].upper() + cased[i][1:]
    out = list(text)
    for m, word in zip(words, cased):
        out[m.start():m.end()] = word
    return "".join(out)


PLACE_VERBS = frozenset("""live lives lived living born grew raised based settled stay stayed staying moved""".split())
NOT_PLACES = frozenset(BUILDINGS | STREET_HEADS | WEAK_STREET_HEADS) | frozenset(
    "hospital church chapel school college home work town city village country centre center".split())
"""Nouns that are also some village's name ('in hospital', 'to church'): places only when capitalised."""


def _a_state_lived_in(word: str, before: str, before2: str) -> bool:
    """'living in hope', 'lived in peace': what one lives in that is no place, though a town's name too."""
    return word in STATES_LIVED_IN and before == "in" and before2 in ("live", "lives", "lived", "living")


def _place_position(lowers: list[str], i: int, text: str, words: list, gaz: Gazetteers, named: list[bool]) -> bool:
    """Where a known place stands: after 'from', 'near', 'moved to', 'live in', after a name and 'in' ('Westpac in
    orange'), or after 'in' before a pause (a common word only when it names a region or a large place: 'in reading.'
    but not 'good at reading')."""
    before = lowers[i - 1] if i > 0 else ""
    before2 = lowers[i - 2] if i > 1 else ""
    word = lowers[i]
    if not gaz.is_common(word):
        return before in PLACE_POSITION_BEFORE or before in TO_WORDS and before2 in MOTION_WORDS
    if word.endswith("ing") or word in STOP_WORDS:
        return False
    if before2 == "back" and word in gaz.world_places:
        return False  # 'back to normal': an English word, though Normal is a town in Illinois
    if before in ("from", "near", "outside") or before in TO_WORDS and before2 in MOTION_WORDS \
            or before == "in" and (before2 in PLACE_VERBS or i > 1 and named[i - 2]):
        return True
    pause = re.match(r"\s*(?:[,.?!;]|$)", text[words[i].end():words[i].end() + 3])
    return before == "in" and bool(pause) and (word in gaz.regions or word in gaz.large_places)


def _month_position(lowers: list[str], i: int, text: str, words: list) -> bool:
    """'may' or 'march' naming the month: after 'in', 'last', 'of' ..., or next to a number ('the 4th of march', 'may 2015')."""
    before = lowers[i - 1] if i > 0 else ""
    near = text[max(0, words[i].start() - 8):words[i].end() + 6]
    return before in MONTH_PREPOSITIONS or bool(re.search(r"\d", near))


APPOSITION_AFTER = frozenset("""one who he she he's she's he'd she'd our his her their""".split())


def _in_apposition(text: str, words: list, lowers: list[str], i: int) -> bool:
    """Set apart by commas before words that go on about a person: ', grace, one of my nurses', ', joy, who ...'."""
    before = text[words[i - 1].end():words[i].start()] if i > 0 else ""
    after = text[words[i].end():words[i + 1].start()] if i + 1 < len(words) else ""
    return before.strip() == "," and after.strip() == "," and lowers[i] not in DISCOURSE_WORDS \
        and lowers[i] not in FILLERS and lowers[i + 1] in APPOSITION_AFTER


def name_cued(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands where only a name fits (see _name_cue) or is set apart as a name
    ('my mate lachie said', "ruairidh's van", ', wullie, he ...')."""
    words = list(WORD.finditer(text, max(0, start - 40), min(len(text), end + 40)))
    inside = [k for k, m in enumerate(words) if start <= m.start() < end]
    if not inside:
        return False
    lowers = [m.group().lower() for m in words]
    first, last = inside[0], inside[-1]
    before = lowers[first - 1] if first > 0 else ""
    after = lowers[last + 1] if last + 1 < len(lowers) else ""
    return _name_cue(lowers, first, lowers[last].endswith(("'s", "’s"))) or before in ROLE_NOUNS \
        or after in PERSON_VERBS or _in_apposition(text, words, lowers, first)


def _name_cue(lowers: list[str], i: int, possessive: bool) -> bool:
    """Only a name fits here: after 'called', after 'my sister', before 'said', or possessive."""
    before = lowers[i - 1] if i > 0 else ""
    after = lowers[i + 1] if i + 1 < len(lowers) else ""
    return possessive or before in CALLED or before in KIN_NOUNS or after in STRONG_SPEECH_VERBS \
        or before.rstrip(".") in TITLES


def _places(lowers: list[str], capital: list[bool], named: list[bool], words: list, gaz: Gazetteers, low) -> None:
    """Capitalise places of two or more words ('swift current', 'broughty ferry') where one word is no English word,
    one is already capitalised, or the place stands after a place preposition."""
    i = 0
    while i < len(lowers):
        matched = 0
        if lowers[i] in gaz.place_first_words:
            for n in range(min(gaz.place_max_words, len(lowers) - i), 1, -1):
                if " ".join(lowers[i:i + n]) in gaz.places and _adjacent(words, i, n):
                    matched = n
                    break
        if matched and (any(capital[i:i + matched]) or not all(gaz.is_common(w) for w in lowers[i:i + matched])
                        or low(i - 1) in PLACE_POSITION_BEFORE):
            for k in range(i, i + matched):
                capital[k] = named[k] = True
            i += matched
        else:
            i += 1


def _adjacent(words: list, i: int, n: int) -> bool:
    """Words i..i+n-1 follow one another with only spaces between them."""
    return all(words[k].end() < words[k + 1].start() and not words[k].string[words[k].end():words[k + 1].start()].strip()
               for k in range(i, i + n - 1))


def _institutions(lowers: list[str], capital: list[bool], named: list[bool], text: str, words: list,
                  gaz: Gazetteers) -> None:
    """Capitalise an organisation's or street's name before its head word ('mckinnon secondary', 'enable ireland
    centre', 'hope cic', '48 wellington road') when the words before the head hold a name, a house number stands
    before them, or the head is a legal one; and a head before 'of' and a name ('university of Bradford')."""
    for i, lower in enumerate(lowers):
        street = lower in STREET_HEADS or lower in WEAK_STREET_HEADS
        if lower not in HEADS and not street:
            continue
        first = i
        while first > 0 and i - first < 3 and _adjacent(words, first - 1, 2) and _name_word(lowers[first - 1]) \
                and not a_deed_or_its_where(lowers[first - 1], lowers[first - 2] if first > 1 else "", gaz):
            first -= 1  # 'roath park', not 'walked round roath park'
        if first == i:
            continue
        numbered = street and HOUSE_NUMBER_BEFORE.search(text, max(0, words[first].start() - 8), words[first].start())
        home_place = any(lowers[k] in gaz.places and lowers[k] not in gaz.world_places and lowers[k] not in NOT_PLACES
                         and len(lowers[k]) >= 4 and not lowers[k].endswith("ing") for k in range(first, i))  # 'derby school'
        if lower in LEGAL_HEADS or any(named[first:i]) or numbered or home_place and lower in HEADS:
            for k in range(first, i + 1):
                capital[k] = named[k] = True
            if numbered:
                _house_before(lowers, capital, text, words, first)
                if i + 1 < len(lowers) and lowers[i + 1] in DIRECTIONS and _adjacent(words, i, 2):
                    capital[i + 1] = True  # '48 Wellington Road North'
            if i + 2 < len(lowers) and lowers[i + 1] == "of" and lowers[i + 2] not in STOP_WORDS and _adjacent(words, i, 3):
                capital[i + 2] = True  # 'Bolton School of nursing'
    for i, lower in enumerate(lowers[:-2]):
        if lower in HEADS and lowers[i + 1] == "of" and named[i + 2]:
            capital[i] = True  # 'university of Bradford'
    for i, lower in enumerate(lowers[1:], start=1):
        if lower in NAMED_AFTER_PLACE_HEADS and named[i - 1] and _adjacent(words, i - 1, 2):
            capital[i] = True  # 'dubbo base', 'wayne state', 'cypress regional'


def _employers(lowers: list[str], capital: list[bool], named: list[bool], words: list) -> None:
    """Capitalise a name of two or three words where an employer stands ('works for first bus', 'a nurse at sacred
    heart'): one word there may be a time or a kind of place ('works at night', 'at home'), two name something."""
    for i in range(2, len(lowers)):
        if lowers[i - 1] not in ("at", "for") or lowers[i - 2] not in WORK_VERBS and lowers[i - 2] not in ROLE_NOUNS:
            continue
        last = i
        while last < len(lowers) and last - i < 3 and _name_word(lowers[last]) and lowers[last] not in NOT_EMPLOYERS \
                and _adjacent(words, last - 1, 2):
            last += 1
        after = lowers[last] if last < len(lowers) else ""
        ends = not after or not _adjacent(words, last - 1, 2) or after in STOP_WORDS or after in HEADS
        if last - i >= 2 and ends:
            for k in range(i, last):
                capital[k] = named[k] = True


def _house_before(lowers: list[str], capital: list[bool], text: str, words: list, first: int) -> None:
    """A building's name before a numbered street ('cedar house, 48 ...') is part of the address."""
    k = first - 1
    if k >= 1 and lowers[k] in BUILDINGS and re.fullmatch(r",?\s*\d+[a-z]?,?\s+", text[words[k].end():words[first].start()]) \
            and _name_word(lowers[k - 1]) and _adjacent(words, k - 1, 2):
        capital[k - 1] = capital[k] = True


def _name_word(lower: str) -> bool:
    return lower not in STOP_WORDS and lower not in DETERMINERS and lower not in FILLERS and lower not in DISCOURSE_WORDS \
        and lower not in GENERIC_MODIFIERS and lower not in MONTHS and lower not in WEEKDAYS and not CONTRACTED.match(lower) \
        and lower not in loanwords()  # 'drivers fae rowan house': 'fae' (from) is no part of a name
