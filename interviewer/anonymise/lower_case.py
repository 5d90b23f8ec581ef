"""Provides the rules for names written in lower case, as Whisper writes a whole transcript at times and names it does
not know always: full names and surnames from the name lists, words that are no English word, and organisations named
before a head word ('northside wellbeing partnership', 'bradford college', 'hope cic')."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import (
    CALLING, DETERMINERS, EMBLEMS, FILLERS, HEADS, KIN_NOUNS, LEGAL_HEADS, MONTHS, PERSON_NOUNS, PERSON_WORDS, PLAYING,
    SERVICE_KIND_WORDS, SERVICE_WORDS, SPEECH_VERBS, TITLES, WEEKDAYS,
)
from interviewer.anonymise.english import english
from interviewer.anonymise.found import Found
from interviewer.anonymise.deed_words import a_deed_or_its_where
from interviewer.anonymise.never_names import DISCOURSE_WORDS, dialect_words, is_medicine, loanwords, singular
from interviewer.anonymise.places import PLACES_ONE_GOES, one_edit_place, place_position
from interviewer.anonymise.suggestions import possible_identifier
from interviewer.anonymise.words import INSTITUTION_HEADS, TokenView, is_word

ORDINARY_WORDS_RISK = 0.4
"""The risk of ordinary words before an organisation's head word in lower case ('safe harbour housing')."""
NAMED_FOR_PEOPLE = frozenset("church chapel fellowship school academy college centre center hall lodge manor".split())
"""Heads of places often named with a first name that is also a word ('grace community church')."""
GENERIC_MODIFIERS = frozenset("""local support community primary secondary high junior infant nursery day care health mental
social youth parents parent carers carer mums dads women's men's women men children's kids family families peer self help
drop walk walking running book art arts music craft knit lunch breakfast coffee toddler baby bereavement recovery sixth
form further adult general private public new old big little main same other whole""".split()) | SERVICE_WORDS
VOWELS = set("aeiouy")
DRUG_STEM = re.compile(r"(?:amide|mycin|micin|cillin|azole|pril|sartan|olol|statin|mab|nib|vir|cycline|oxacin|profen|parin|"
                       r"azepam|oxetine|triptan|tidine|prazole|lukast|olone|dronate|gliptin|gliflozin|glutide|formin|"
                       r"caine|thiazide|azid|ipine|amine|physio|itis|osis|emia|aemia|ation|ial|ular|ectomy|gram|scopy|calcidol|lamer)$")
"""Word endings of medicines (the WHO's stems for international non-proprietary names) and clinical terms:
never a person's name, though in no word list."""


def is_lower_word(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return 0 <= i < len(v.tokens) and w.islower() and is_word(w)


def is_plain_word(v: TokenView, i: int) -> bool:
    """A lower-case word that could be part of a name: no stop word, filler, calendar or allowed word."""
    lower = v.lower(i)
    return (is_lower_word(v, i) and not v.tokens[i].is_stop and lower not in FILLERS and lower not in DISCOURSE_WORDS
            and lower not in MONTHS and lower not in WEEKDAYS and lower.rstrip(".") not in TITLES and not v.allowed(i)
            and not v.group_word(i))


def unknown_word(v: TokenView, i: int) -> bool:
    """A lower-case word that is in no word list, English or dialect, nor a word for a person ('blokes', 'physio'): in
    speech recognised as words, most likely a proper noun ('mithered' and 'munted' are words)."""
    lower = v.lower(i)
    return (is_plain_word(v, i) and len(lower) >= 4 and not v.common(i) and not english(lower, v.gaz) and bool(VOWELS & set(lower))
            and lower not in loanwords() and lower not in dialect_words() and singular(lower) not in PERSON_WORDS
            and lower.replace("-", "").isalpha() and not all(v.gaz.is_common(part) for part in lower.split("-")))


def is_surname_like(v: TokenView, i: int) -> bool:
    lower = v.lower(i)
    return is_plain_word(v, i) and len(lower) >= 3 and not v.common(i) and (lower in v.gaz.surnames or unknown_word(v, i))



def find_lower_case_people(v: TokenView) -> Iterator[Found]:
    """People in a transcript written in lower case (where a capital letter cannot mark a name)."""
    from interviewer.anonymise.propagation import is_lower_case_text

    if not is_lower_case_text(v.text):
        return
    gaz = v.gaz
    i = 0
    while i < len(v.tokens):
        lower = v.lower(i)
        if not is_plain_word(v, i) or len(lower) < 2:
            i += 1
            continue
        known_first = lower in gaz.first_names and lower not in KIN_NOUNS and lower.rstrip(".") not in TITLES \
            and lower not in loanwords()  # 'fae mains' (from Mains): a Scots word, though 'Fae' is a given name
        home_place = lower in gaz.places and lower not in gaz.world_places
        next_surname = is_surname_like(v, i + 1) or (not v.common(i) and not home_place and is_plain_word(v, i + 1)
                                                   and v.lower(i + 1) in gaz.surnames and len(v.lower(i + 1)) >= 3
                                                   and v.lower(i + 1) not in SPEECH_VERBS  # 'jo said', not 'jo bird'
                                                   and v.lower(i + 1) not in INSTITUTION_HEADS)  # 'rowan house', 'grace ward'
        in_a_place = lower in gaz.regions or v.lower(i + 1) in gaz.regions or f"{v.lower(i - 1)} {lower}" in gaz.places \
            or f"{lower} {v.lower(i + 1)}" in gaz.places  # 'grew up in prince george': a place, not a first name and surname
        if known_first and next_surname and (not home_place or is_surname_like(v, i + 1)) and not in_a_place:
            # 'sarah thompson', 'graham bird' (a surname that is also a word after a first name that is not),
            # 'florence adeyemi' (a first name that is also a place, before a surname that is no word)
            last = i + 2 if is_surname_like(v, i + 2) and v.lower(i + 2) in gaz.surnames else i + 1
            yield v.span(i, last, "PERSON", 0.6, "lower-case first name and surname")
            i = last + 1
            continue
        if unknown_word(v, i) and is_surname_like(v, i + 1) and not v.common(i + 1) and lower not in gaz.places \
                and not place_position(v, i, i) and not unknown_word(v, i - 1) and not unknown_word(v, i + 2) \
                and not DRUG_STEM.search(lower) and not DRUG_STEM.search(v.lower(i + 1)):
            # 'ffion maddox', 'lindiwe mahlangu': a word in no list before a surname or another such word
            yield v.span(i, i + 1, "PERSON", 0.5, "lower-case words in no word list, a name and surname")
            i += 2
            continue
        if not v.common(i) and lower not in gaz.places and not known_first:
            if lower in gaz.surnames and len(lower) >= 4:
                yield v.span(i, i, "PERSON", 0.5, "lower-case surname from the name lists")
            elif unknown_word(v, i):
                misheard = one_edit_place(lower) if len(lower) >= 5 and not CLINICAL_ENDING.search(lower) else None
                if misheard and misheard not in gaz.large_places and place_position(v, i, i):
                    # 'in wiggan' for Wigan; not 'handover' for Hannover, nor 'she's bostin' (great) for Boston
                    yield v.span(i, i, "LOCATION", 0.5, f"lower-case word one letter from the place '{misheard}'")
                elif place_position(v, i, i) or v.lower(i - 1) in ("down", "up") and not unknown_word(v, i + 1):
                    # and 'down pallion', 'up kunanyi': where one goes down or up to, as speakers put it
                    yield v.span(i, i, "LOCATION", 0.5, "lower-case word that is no English word, in a place position")
                elif v.lower(i - 1) in KIN_NOUNS or v.lower(i - 1) in ("called", "named") or v.lower(i - 1).rstrip(".") in TITLES \
                        or v.lower(i - 1) in PERSON_NOUNS and v.lower(i + 1) in GOES_ON_ABOUT:
                    yield v.span(i, i, "PERSON", 0.5, f"lower-case word that is no English word after '{v.word(i - 1)}'")
                elif _set_apart(v, i) and not DRUG_STEM.search(lower) and not CLINICAL_ENDING.search(lower) \
                        and lower not in gaz.world_places and not unknown_word(v, i - 2) and not unknown_word(v, i + 2):
                    yield v.span(i, i, "PERSON", 0.45, "lower-case word that is no English word, set apart by commas")
        i += 1


GOES_ON_ABOUT = frozenset("he she who he's she's he'd she'd was is had came said".split())
"""Words after 'a boy sipho' that go on about that person: the word between is their name."""
CLINICAL_ENDING = re.compile(r"(?:ia|lysis|oma|ol|ine|ide|ate|ase|copd)$")
"""Endings of conditions and medicines ('chlamydia', 'thrombolysis', 'ethambutol'), whose names in lists between
commas look like a person named in apposition."""
APPOSITION_AFTER = frozenset("""a an one another who he she he'd she'd he's she's they our my his her the from at for
with""".split())


def _set_apart(v: TokenView, i: int) -> bool:
    """Named in apposition: 'the rehab nurse, siân at queen elizabeth', 'overdose, jonjo, he'd', 'florin, another lad'
    (a word between a comma and a comma, a sentence end or a word that goes on about someone)."""
    after = v.word(i + 1)
    if v.word(i - 1) == ",":
        return after in (",", ".", "?", "!") or v.lower(i + 1) in APPOSITION_AFTER
    return after == "," and v.lower(i + 2) in APPOSITION_AFTER and v.lower(i - 1) in ("end", "then", "and", "but", "so")


HEADS_SPLIT_OFF = frozenset("""hospital clinic surgery practice primary school academy college centre center
pharmacy""".split())
"""Heads that speech recognition may set off by a comma from the name before them, where the speaker paused ('broad
lane, hospital'): heads that never start a list's next item with no word of their own."""


def _head_kind(word: str) -> str | None:
    """The type of what a lower-case head word closes the name of ('clinic' -> HOSPITAL), or None."""
    return next((kind for kind, heads in HEADS.items() if word in heads), None)


def _first_modifier(v: TokenView, head: int) -> int:
    """The first of the lower-case words that may name the institution before `head` (up to five, no stop word),
    across one comma before a head speech recognition may set off ('broad lane, hospital')."""
    first, crossed = head, v.lower(head) not in HEADS_SPLIT_OFF
    while first - 1 >= 0 and head - first < 5:
        before = first - 1
        if v.word(before) == "," and not crossed and is_lower_word(v, before - 1) \
                and _head_kind(v.lower(before - 1)) is None:  # 'the clinic, west court clinic'
            crossed = True
        elif not (v.word(before) in ("'s", "’s") or (
                is_lower_word(v, before) and not v.tokens[before].is_stop and v.lower(before) not in DETERMINERS
                and v.lower(before) not in FILLERS and v.lower(before) not in DISCOURSE_WORDS
                and v.lower(before) not in GOING_CUES)):
            break
        first -= 1
    while v.word(first) in ("'s", "’s", ","):
        first += 1
    if v.lower(first - 1) in ("st", "saint") or v.word(first - 1) == "st.":
        first -= 1
    return first


def _first_modifier_before_and(v: TokenView, first: int, head: str, cased: bool) -> int:
    """Where an institution's name opens that joins two kinds of what it does with 'and' ('east taieri bowls and
    petanque club', 'st kizito day and boarding primary school'): before the 'and' when the words there hold a name
    or place of their own, else at `first`."""
    joined = first - 2
    if not is_lower_word(v, joined) or v.tokens[joined].is_stop or _head_kind(v.lower(joined)) is not None:
        return first  # 'the hospice and day centre': two places, each with its head
    start = _first_modifier(v, joined)
    if any(_proper_modifier(v, k, head) and not (cased and v.lower(k) in v.gaz.places) for k in range(start, joined)):
        return start
    return first


def find_lower_case_institutions(v: TokenView) -> Iterator[Found]:
    """Institutions named in lower case before a head word. In a cased transcript, where a lower-case name is one
    Whisper did not know, ordinary words where one goes and a place that is also a word name none: there 'went to the
    leisure centre' and 'the rugby club' are what they say."""
    from interviewer.anonymise.propagation import is_lower_case_text

    cased = not is_lower_case_text(v.text)
    for i, token in enumerate(v.tokens):
        head = v.lower(i)
        kind = _head_kind(head)
        if kind is None or not is_lower_word(v, i):
            continue
        first = _first_modifier(v, i)
        if first < i and v.lower(first - 1) == "and":
            first = _first_modifier_before_and(v, first, head, cased)
        modifiers = [k for k in range(first, i) if v.word(k) not in ("'s", "’s", ",", "and")]
        if not modifiers:
            continue
        paused = any(v.word(k) == "," for k in range(first, i))
        if paused and any(v.lower(k) in GENERIC_MODIFIERS or v.lower(k) in KIND_WORDS for k in modifiers):
            continue  # 'the shop, local clinic': a list, not one name
        proper = [k for k in modifiers if _proper_modifier(v, k, head)
                  and not (cased and v.lower(k) in v.gaz.places and v.common(k))]
        if not proper and head in NAMED_FOR_PEOPLE and v.lower(first) in v.gaz.first_names \
                and v.lower(first) not in v.gaz.places and v.lower(first) not in GENERIC_MODIFIERS and not v.group_word(first):
            proper = [first]  # 'grace community church', 'joy fellowship hall': a first name that is also a word
        if not proper and head not in ("general", "royal"):
            # 'quay road surgery', 'hamlet court pharmacy': named after its street, though every word is English
            proper = [k for k in modifiers[:-1] if v.lower(k + 1) in STREET_HEADS | WEAK_STREET_HEADS and k + 1 in modifiers
                      and v.lower(k) not in GENERIC_MODIFIERS and v.lower(k) not in GENERIC_STREET and not v.allowed(k)][:1]
        emblems = [k for k in modifiers if v.lower(k) in EMBLEMS and not v.allowed(k)]
        if not proper and emblems:
            proper = [_chain_start(v, modifiers, emblems[0])]  # 'iron thistle gym', 'the kestrel group'
        if head in LEGAL_HEADS or proper:
            start = min(proper) if proper and head not in LEGAL_HEADS else first
            if head not in LEGAL_HEADS and all(v.lower(k) in GENERIC_MODIFIERS for k in range(start, i) if k not in proper):
                start = min(proper)
            if start > first and v.lower(start - 1) == "royal":
                start -= 1  # 'the royal rochdale infirmary': 'royal' opens the name
            yield v.span(start, i, kind, 0.55, f"lower-case name before the head word '{v.word(i)}'")
        elif not paused and not cased and _named_where_one_goes(v, modifiers, i):
            yield v.span(modifiers[0], i, kind, 0.5, f"lower-case words before the head word '{v.word(i)}' where one goes")
        elif not paused and any(v.lower(k) not in GENERIC_MODIFIERS and not v.allowed(k) for k in modifiers):
            # 'safe harbour housing', 'first step trust': ordinary words may name one; the reviewer decides.
            yield possible_identifier(v, modifiers[0], i, kind, f"ordinary words before the head word '{v.word(i)}'",
                                      ORDINARY_WORDS_RISK)


GOING_CUES = frozenset("at to tae in into for with from rang ring joined join joining".split())
"""Words before an institution's name that say someone goes, works, rings or gets something there ('at the mariner
centre', 'buys it from grace mercy pharmacy')."""
KIND_WORDS = frozenset("""foot feet heart skin gout brain injury eye eyes ear ears chest lung lungs kidney liver bone bones
joint joints back knee hip spine breast bowel stomach cancer covid long diabetes diabetic asthma stroke memory pain sleep
weight fertility antenatal postnatal sexual wound dressing dressings blood plaster fracture falls dementia autism adhd
epilepsy arthritis copd dialysis renal cardiac physio orthopaedic orthopedic hearing sight free county voluntary state
city district regional walk-in urgent drop-in choir band bingo job baby toddler mums dads nearest closest next same usual
proper big small new old other special main local whole good bad right wrong left eating disorder disorders addiction
addictions gambling alcohol drug drugs smoking vaccination vaccine flu travel minor injuries planning contraception gender
wellbeing wellness occupational student students staff woman women young people youth sports well chronic tb hiv aids
sti std mnd senior seniors""".split())
"""Words that say what kind of place or service follows, not which one ('the foot clinic', 'the free clinic', 'choir
practice', 'the county hospital')."""


def _chain_start(v: TokenView, modifiers: list[int], emblem: int) -> int:
    """The first word of an emblem's name: the emblem and the one describing word just before it ('iron thistle',
    'little otter'), not a word saying what kind of place it is ('the local kestrel group') or a verb ('you ring
    willow bank surgery')."""
    before = emblem - 1
    lower = v.lower(before)
    if before in modifiers and lower not in KIND_WORDS and lower not in SERVICE_WORDS and lower not in CALLING \
            and lower not in PLAYING and lower not in ("local", "community", "support", "nearest", "usual") \
            and not lower.endswith(("ing", "ed")):
        return before
    return emblem


def _named_where_one_goes(v: TokenView, modifiers: list[int], head: int) -> bool:
    """Ordinary words before a head name one institution where someone goes, works or rings ('works at the sierra
    pacific mill', 'a guard for steadfast security', 'rang the park surgery'), unless a word says only what kind it
    is or the head is a kind of meeting."""
    before = modifiers[0] - 1
    if v.lower(before) == "the":
        before -= 1
    if v.lower(before) not in GOING_CUES:
        return False
    if v.lower(head) in ("group", "groups", "team", "club", "practice", "service") \
            and len([k for k in modifiers if v.word(k) not in ("'s", "’s")]) < 2:
        return False  # 'the book club', 'the stroke group': one word says what kind; 'the golden age club' names one
    return all(len(v.lower(k)) >= 3 and v.lower(k) not in GENERIC_MODIFIERS and v.lower(k) not in KIND_WORDS
               and v.lower(k) not in SERVICE_KIND_WORDS
               and not _plural_noun(v, k)
               and not v.allowed(k) and v.lower(k) not in loanwords() and not DRUG_STEM.search(v.lower(k))
               and not CLINICAL_ENDING.search(v.lower(k)) and not v.tokens[k].is_stop
               for k in modifiers if v.word(k) not in ("'s", "’s"))


def _plural_noun(v: TokenView, k: int) -> bool:
    """A common noun in the plural ('disorders', 'bones'): what a clinic treats, seldom part of its name."""
    lower = v.lower(k)
    return lower.endswith("s") and not lower.endswith(("ss", "'s", "’s")) and v.common(k) and v.gaz.is_common(lower[:-1])


OF_PLACE = re.compile(r"\b(university|college|hospital|infirmary|borough|city|port|county|bank|museum|isle|island)( hospital)? of "
                      r"([a-z]+(?: [a-z]+)?)\b")
SAINTS = re.compile(r"\b(?:st\.?|saint) ([a-z]+)['’]s\b(?: (church|hospital|hospice|school|primary|academy|surgery|practice|college|"
                    r"centre|center|ward|unit|home|hall|parish))?")
OUR_LADY = re.compile(r"\bour lady(?:['’]s| of(?: the)?(?: (?!(?:and|but|so|the|in|at|on|for|with|i|we|she|he|they)\b)[a-z]+){1,3})"
                      r"(?: (?:church|school|primary|hospital|hospice|college|parish))?\b")
"""A Catholic church, school or hospital named for Mary: 'our lady of good counsel', 'our lady's primary'."""


def find_lower_case_named_of(text: str) -> Iterator[Found]:
    """'university of bradford', 'university hospital of wales', 'the isle of skye', 'st luke's hospital', 'st andrew's'
    in lower case."""
    from interviewer.anonymise.gazetteers import load_gazetteers

    gaz = load_gazetteers()
    for match in OF_PLACE.finditer(text):
        words = match.group(3).split()
        while words and words[-1] not in gaz.places and gaz.is_common(words[-1]):
            words.pop()
        place = " ".join(words)
        if words and (place in gaz.places or not gaz.is_common(words[0])):
            kind = "HOSPITAL" if "hospital" in match.group(0) or match.group(1) == "infirmary" else \
                "LOCATION" if match.group(1) in ("isle", "island") else "ORGANIZATION"
            yield Found(match.start(), match.start(3) + len(place), kind, 0.6, f"lower-case '{match.group(1)} of' a place")
    for match in SAINTS.finditer(text):
        kind = "HOSPITAL" if match.group(2) in ("hospital", "hospice", "surgery", "practice") else \
            "WARD" if match.group(2) in ("ward", "unit") else "ORGANIZATION"
        yield Found(match.start(), match.end(), kind, 0.55, "saint's name in lower case (church, hospital or school)")
    for match in OUR_LADY.finditer(text):
        yield Found(match.start(), match.end(), "ORGANIZATION", 0.6,
                    "'our lady' in lower case (a Catholic church, school or hospital)")


def _proper_modifier(v: TokenView, k: int, head: str) -> bool:
    lower = v.lower(k)
    if lower in WEEKDAYS:
        return head in ("group", "club", "cafe", "café")
    if lower in GENERIC_MODIFIERS or lower in KIND_WORDS or v.allowed(k) or v.group_word(k) or lower in loanwords() \
            or is_medicine(lower, v.gaz):
        return False  # 'local', 'community', 'tb', 'polish', 'catholic', 'pākehā', 'naloxone': no name
    if lower in v.gaz.places and lower not in v.gaz.world_places and lower not in PLACES_ONE_GOES and len(lower) >= 4 \
            and lower not in INSTITUTION_HEADS and lower not in STREET_HEADS:
        return True  # 'concord centre', 'wigan college': a place's name, though also a word
    return (not v.common(k) or lower in ("st", "saint")) and len(lower) >= 2


STREET_HEADS = frozenset("street road lane avenue crescent terrace drive grove gardens mews parade boulevard".split())
WEAK_STREET_HEADS = frozenset("""close way place view court walk row rise green hill park vale fold croft meadows chase square quay
wharf hall circus""".split())
GENERIC_STREET = frozenset("""high main back side long busy same other old new big little ring bypass slip dual country
private public top bottom end right left wrong hour hours minute minutes wheel""".split())
COUNTRY_ROAD_KINDS = frozenset("county state farm ranch forest township rural".split())
"""Kinds of country road said with 'the' and no number ('the farm road'): no road's name."""
PLAIN_STREET_NAMES = frozenset("long old new big little".split())
ON_A_STREET = frozenset("on off along down up onto into".split())
"""A street named plainly after 'on', 'off', 'along' with no article is that street ('on long lane', 'off old road'),
where 'a long road' or 'the old road' is any road."""
GENERIC_WARD_WORDS = frozenset("""acute mental psychiatric elderly older children's childrens kids maternity labour postnatal
antenatal surgical medical stroke cardiac cancer oncology general assessment admissions admission rehab rehabilitation
locked open male female mixed day night side isolation covid respite dementia renal orthopaedic ortho psych""".split())
WARD_BEFORE = frozenset("on to onto from in at off".split())


FLAT_WORDS = frozenset("flat apartment apt unit number no".split())


def _house_number(v: TokenView, i: int) -> bool:
    w = v.word(i)
    return bool(w) and (w[:1].isdigit() and len(w) <= 4)


def find_lower_case_streets(v: TokenView) -> Iterator[Found]:
    """'cawdor street', '14 alder grove', 'on kingfisher ward', 'the cedar unit' in lower case."""
    for i in range(1, len(v.tokens)):
        head = v.lower(i)
        if not is_lower_word(v, i):
            continue
        if head == "ward" and v.lower(i - 2) in WARD_BEFORE and is_plain_word(v, i - 1) \
                and v.lower(i - 1) not in GENERIC_WARD_WORDS and v.lower(i - 1) not in SERVICE_WORDS:
            yield v.span(i - 1, i, "WARD", 0.6, "lower-case name before 'ward'")
            continue
        if head == "unit" and v.lower(i - 2) in ("the", *WARD_BEFORE) and v.lower(i - 1) in EMBLEMS:
            yield v.span(i - 1, i, "WARD", 0.6, "an emblem's name before 'unit'")  # 'on the cedar unit'
            continue
        strong = head in STREET_HEADS
        if not strong and head not in WEAK_STREET_HEADS:
            continue
        first = i
        while first - 1 >= 0 and i - first < 3 and is_plain_word(v, first - 1) and v.lower(first - 1) not in DETERMINERS \
                and not a_deed_or_its_where(v.lower(first - 1), v.lower(first - 2), v.gaz):
            first -= 1
        if first == i:
            continue
        numbered = _house_number(v, first - 1)
        words = [v.lower(k) for k in range(first, i)]
        proper = any(not v.common(k) for k in range(first, i))
        named_plainly = strong and v.lower(first - 1) in ON_A_STREET and all(w in PLAIN_STREET_NAMES for w in words)
        if not numbered and not named_plainly and (all(w in GENERIC_STREET for w in words) or not (proper or strong)):
            continue
        if head == "road" and v.lower(first - 1) == "the" and all(w in COUNTRY_ROAD_KINDS for w in words):
            continue  # 'down the farm road', 'on the county road': a kind of road (numbered, one is a place: place_kinds)
        if numbered:
            start = first - 1
            if v.lower(start - 2) in FLAT_WORDS and _house_number(v, start - 1):
                start -= 2
            elif v.word(start - 1) == "," and v.lower(start - 3) in FLAT_WORDS and _house_number(v, start - 2):
                start -= 3  # 'flat 4, 112 marton road'
            yield v.span(start, i, "ADDRESS", 0.6, f"lower-case street name before '{v.word(i)}' with a house number")
        else:
            yield v.span(first, i, "LOCATION", 0.55, f"lower-case street name before '{v.word(i)}'")
