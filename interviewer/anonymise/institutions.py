"""Provides the recognizers for named institutions and addresses: hospitals, wards, practices, trusts,
universities, charities, streets and house addresses, found by their head words (see institution_heads)."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import LEADING_NOISE, MONTHS, SERVICE_KIND_WORDS, TITLES, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import load_gazetteers, national_organisations
from interviewer.anonymise.institution_heads import (
    DENOMINATION_HEADS, NATIONAL_WORDS, ORDINARY_NAME, ORDINARY_ONLY, ORDINARY_ONLY_HEADS, STRONG, WEAK,
    allowed_lower_terms, business_named, centre_named, describes_a_noun, has_proper, head_type, opens_sentence,
    ordinary_named, place_named,
)
from interviewer.anonymise.lower_case_organisations import DENOMINATION_QUALIFIERS, HOUSE_COMPOUNDS
from interviewer.anonymise.numbers import NUMBER_WORD, TEN_OR_MORE_ORDINAL

SP = r"[ \t]*\n?[ \t]*"
CAP = r"(?:St\.?|[A-Z](?=[a-zA-Z’'\-]*[a-z])[a-zA-Z’'\-]*+|[A-Z]{2,4}(?=\s+(?:NHS|Foundation|CIC|Ltd)))"
"""A capitalised word with a lower-case letter, matched possessively: the regex never retries shorter splits of it."""
CHAIN = rf"(?:{CAP}(?:{SP}(?:of|and|&|upon|on|under|the|y|yr){SP}{CAP})?{SP}){{1,4}}"
"""One to four capitalised words, joined by little words ('Heol y Graig', 'Stratford upon Avon')."""

STREET_STRONG = (r"Street|Road|Lane|Avenue|Grove|Drive|Crescent|Terrace|Gardens|Mews|Clough|Parade|Brow|Boulevard|"
                 r"Ave|Blvd|Rd|Ln|Pde|Cres|Hwy|Pkwy|Tce|Parkway|Highway|St(?![\w'’]|\.?\s+[A-Z][a-z]+['’]s)")
"""Street heads, and their written short forms ('Maple Ave', 'Elm St.', 'Wattle Pde'); 'St' only where no saint's name
follows ('St Luke's')."""
STREET_WEAK = r"Close|Way|Place|View|Court|Walk|Row|Rise|Green|Hill|Park|Vale|Fold|Estate|Square|Croft|Meadows|Mead|Chase|Wynd|Garth|Nook"
DIRECTION = rf"(?:{SP}(?:North|South|East|West))?"
HOUSE = rf"(?:(?:[Ff]lat|[Aa]partment|[Uu]nit|[Nn]umber){SP}\d+[A-Za-z]?,?{SP})?(?:{CAP}{SP}(?:House|Court|Lodge|Mill|Buildings?),?{SP})?"
NUMBERED_STREET = re.compile(
    rf"\b(?:(?:{TEN_OR_MORE_ORDINAL}|\d(?:st|nd|rd|th))\s+(?:street|avenue|st|ave|road|drive|boulevard|blvd)"
    r"|(?-i:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth)\s+(?:Street|Avenue|St|Ave|Road|Drive|Boulevard"
    r"|Blvd)))\b", re.IGNORECASE)
"""A street named by its number: 'Seventeenth Avenue', 'thirty-fifth avenue', '35th Street', 'First Street' (a lone
'first street' in lower case is one to turn into)."""
STREET = re.compile(rf"{HOUSE}(\d+[A-Za-z]?,?{SP})?({CHAIN})({STREET_STRONG}|{STREET_WEAK})\b{DIRECTION}")
WARD = re.compile(rf"\b({CAP}){SP}Ward\b|\b[Ww]ard{SP}(?:[A-Za-z]?\d+[A-Za-z]?|{NUMBER_WORD})\b(?!{SP}(?:rounds?|managers?|staff))")
FLOOR_WARD = re.compile(
    rf"\b(?:on|onto|off|to|from)[ \t]+(?:the[ \t]+)?((?:\d{{1,2}}|{NUMBER_WORD})[ \t]+(?:north|south|east|west))\b"
    rf"(?![ \t]+(?:street|st|road|rd|avenue|ave|drive|lane|way|side|end|coast|wing|of)\b)", re.IGNORECASE)
"""A ward named by its floor and wing, as North American hospitals name them: 'up on 6 West', 'moved to four north'."""
NAMED_HEAD = re.compile(rf"({CHAIN})((?:{'|'.join(STRONG.values())})|(?:{'|'.join(WEAK.values())}|{ORDINARY_ONLY}))\b")
OF_PLACE = re.compile(rf"\b(University|College|Hospital|Infirmary|Borough|City) of{SP}({CAP}(?:{SP}{CAP})?)")
OUR_LADY = re.compile(r"\bOur Lady(?:['’]s(?: (?:Church|School|Primary|Hospital|Hospice|College|Parish|Academy|High))?"
                      r"| of(?: the)? [A-Z][a-z]+(?:(?: of| the| of the)? [A-Z][a-z]+){0,4})")
"""A Catholic church, school or hospital named for Mary: 'Our Lady of the Bayou', 'Our Lady's Primary'."""
PRISON = re.compile(r"\b(?:HMP|HMYOI|HMP/YOI|HM Prison)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
SAINT = re.compile(r"\b(?:St\.?|Saint)\s+[A-Z][^\W\d_]+(?:['’]s?)(?:\s+(?:C of E|CofE|CE|RC|Catholic|Church of England|Primary|"
                   r"Junior|Infant|Infants|Secondary|High|Academy|School|College|Hospital|Hospice|Surgery|Practice|Church|"
                   r"National School|NS|Community School|Parish|Elementary|Middle School|Cathedral))*(?=\W)")
LOWER_KIND_WORDS = r"(?:medical|family|health|community|resource|primary|high|junior|infants?|middle|memorial|general|dental|" \
                   r"district|cottage|day|treatment|care|nursing|leisure|sports|youth|walk-in|elementary)"
LOWER_HEADS = {"HOSPITAL": r"hospital|infirmary|hospice|surgery|practice|clinic|health cent(?:re|er)|medical cent(?:re|er)",
               "ORGANIZATION": r"cent(?:re|er)|school|primary|elementary|academy|college|pharmacy|chemists?|church|chapel"}
NAME_BEFORE_LOWER_HEAD = re.compile(
    rf"({CHAIN})((?:{LOWER_KIND_WORDS}{SP})*(?:{'|'.join(LOWER_HEADS.values())}))\b")
"""A capitalised name before a head in lower case ('the Milton Park surgery', 'Oroville hospital', 'the Glenview
family resource center'), as transcripts and informal notes write the head."""
LOWER_HEAD = re.compile(rf"\b(?:{'|'.join(LOWER_HEADS.values())})\b")
CAPITAL_BEFORE_LOWER_HEAD = re.compile(rf"[A-Z][\w'’-]*{SP}(?:{LOWER_KIND_WORDS}{SP})*$")
"""A capitalised word just before a lower-case head, perhaps across kind words: the cheap test before the chain."""
LOWER_HOSPITAL = re.compile(r"\b([a-z]+(?: [a-z]+)?) (hospital|infirmary)\b")
GENERIC_LOWER = frozenset("""the a an general local district psychiatric mental children's childrens city royal private community
day cottage teaching big main new old same other that this nearest different another big other eye dental cancer heart
chest maternity women's womens military university veterans rehab orthopaedic orthopedic specialist field base county
regional state public""".split())
"""Words that say which kind of hospital it is ('the eye hospital', 'the maternity hospital'), not which one, though a
few are places too (Eye, in Suffolk)."""
FUNCTION_WORDS = frozenset("""a an and as at but by for from he her his i in into it its me my no not of on or our she so
that the their them they this to up was we were what when where which who with you your""".split())
HOSPITAL_REACHED_BEFORE = re.compile(r"\b(?:in|at|to|into|from)\s+$")
"""Where a hospital is reached or left, straight before its name ('brought in to holy well hospital')."""
GENERIC_WARD = frozenset("""the this that each every acute female male mental psychiatric elderly old new children's
admission admissions assessment rehab rehabilitation open locked older same other our my your their his her""".split())


STREET_HEAD = re.compile(rf"\b(?:{STREET_STRONG}|{STREET_WEAK})\b")
INSTITUTION_HEAD = re.compile(rf"\b(?:{'|'.join(STRONG.values())}|{'|'.join(WEAK.values())}|{ORDINARY_ONLY})\b")


def _anchored(pattern: re.Pattern, heads: re.Pattern, text: str, before: re.Pattern | None = None) -> Iterator[re.Match]:
    """Matches of `pattern` ending at a head word, searched only in a window before each head (fast on long text), and
    only where `before` (if given) matches just before the head."""
    seen = set()
    for head in heads.finditer(text):
        if before is not None and not before.search(text, max(0, head.start() - 60), head.start()):
            continue
        window_start = max(0, head.start() - 160)
        for match in pattern.finditer(text, window_start, min(len(text), head.end() + 40)):
            if match.end() >= head.end() and match.start() <= head.start() and match.span() not in seen:
                seen.add(match.span())
                yield match


PRONOUN_CONTRACTION = re.compile(r"(?:I|It|He|She|We|They|You|That|There|What|Who)['’](?:m|s|re|ve|d|ll)", re.IGNORECASE)
"""A pronoun run into its verb ("I'm", "We've"): the start of a clause, never a word of a name."""


def _trim_chain(text: str, start: int, chain: str) -> tuple[int, list[str]]:
    """Drop leading filler words ("So", "And", "The") and a pronoun's contraction ("I'm") that a capitalised chain
    may start with."""
    words = re.findall(r"\S+", chain)
    offset = start
    while words and (words[0].lower() in LEADING_NOISE or PRONOUN_CONTRACTION.fullmatch(words[0])):
        at = text.index(words[0], offset)
        if words[0] == "The" and len(words) > 1 and not opens_sentence(text, at):
            break  # "at The Hope Project": a capital "The" mid-sentence is part of the name
        offset = at + len(words[0])
        words = words[1:]
    offset = text.index(words[0], offset) if words else offset
    return offset, words


WHERE_BEFORE = re.compile(r"\b(?:by|at|near|in|on|off|past|along|round|around|opposite|behind|from|up|down)\s+$")
"""Words before a street named with ordinary words that make it a place ('by Aster Walk', 'at Terrace Green')."""
ANY_TOWNS = frozenset("central village town city main market high church station".split())
"""Words of a street or green that any town has ('Central Park', 'Market Square'): no place of anyone's alone."""


def find_institutions(text: str) -> Iterator[Found]:
    gaz = load_gazetteers()
    for match in _anchored(NAMED_HEAD, INSTITUTION_HEAD, text):
        kind, strong = head_type(re.sub(r"\s+", " ", match.group(2)))
        start, words = _trim_chain(text, match.start(1), match.group(1))
        if len(words) >= 2 and not strong:
            # The chain may have taken the first word of a two-word head ("Ling Lane Medical" + "Practice").
            wider_kind, wider_strong = head_type(f"{words[-1]} {match.group(2)}")
            if wider_strong:
                kind, strong = wider_kind, True
        head = match.group(2)
        if head in ORDINARY_ONLY_HEADS or not words or not (
                strong or has_proper(words) or place_named(head, words) or centre_named(head, words)
                or business_named(text, start, head, words)):
            if ordinary_named(text, start, head, words):  # 'the Sunbeam Centre', 'the Bower Pool': no clinic
                reason = f"name before the head word '{head}' {ORDINARY_NAME}"
                yield Found(start, match.end(), "ORGANIZATION", 0.7, reason)
            continue
        if all(w.lower() == match.group(2).lower() for w in words):
            continue  # 'physio, physio, physio': a word said over, no name
        if words[0] in NATIONAL_WORDS and kind == "ORGANIZATION":
            continue  # 'National Eczema Society', 'British Heart Foundation': national bodies identify no one
        if match.group(2) in ("Met", "Poly", "Uni") and not any(w.lower() in gaz.places for w in words):
            continue
        if match.group(2) in DENOMINATION_HEADS and all(w.lower() in DENOMINATION_QUALIFIERS for w in words):
            continue  # 'raised Southern Baptist', 'a Free Presbyterian': a denomination, not a congregation
        if match.group(2) in DENOMINATION_HEADS and describes_a_noun(text, match.end()):
            continue  # 'good Lutheran guilt': the denomination as an adjective
        if match.group(2) == "House" and (words[-1].lower() in HOUSE_COMPOUNDS or words[0] == "The" and len(words) == 1):
            continue  # 'a Council House', 'an Opera House': a kind of house
        yield Found(start, match.end(), kind, 0.8, f"name before the head word '{match.group(2)}'")
    yield from _names_before_lower_heads(text)
    for match in OF_PLACE.finditer(text):
        if has_proper(match.group(2).split()):
            kind = "HOSPITAL" if match.group(1) in ("Hospital", "Infirmary") else "ORGANIZATION"
            yield Found(match.start(), match.end(), kind, 0.8, f"'{match.group(1)} of' a place")
    for match in NUMBERED_STREET.finditer(text):
        yield Found(match.start(), match.end(), "LOCATION", 0.7, "a street named by its number")
    for match in OUR_LADY.finditer(text):
        yield Found(match.start(), match.end(), "ORGANIZATION", 0.7, "'Our Lady' (a Catholic church, school or hospital)")
    for match in PRISON.finditer(text):
        yield Found(match.start(), match.end(), "ORGANIZATION", 0.85, "named prison")
    for match in SAINT.finditer(text):
        school_or_church = re.search(r"(?:Primary|Junior|Infants?|Secondary|High|Academy|School|College|Church|NS|Parish|"
                                     r"Elementary|Cathedral)$", match.group())
        yield Found(match.start(), match.end(), "ORGANIZATION" if school_or_church else "HOSPITAL", 0.6,
                    "saint's name (hospital, practice, school or church)")
    for match in LOWER_HOSPITAL.finditer(text):
        words = match.group(1).split()
        if len(words) == 2 and not any(w in GENERIC_LOWER or w in FUNCTION_WORDS for w in words) \
                and HOSPITAL_REACHED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            # 'brought in to holy well hospital': two plain words with no article, where one is taken, name one
            yield Found(match.start(1), match.end(), "HOSPITAL", 0.55, "name before 'hospital' in lower-case speech")
            continue
        while words and (words[0] in GENERIC_LOWER or words[0] in STOP_WORDS):
            words = words[1:]
        if not words or any(w in GENERIC_LOWER or w in STOP_WORDS for w in words):
            continue
        if all(w in gaz.first_names or w in gaz.places or w in gaz.surnames or not gaz.is_common(w) for w in words):
            start = match.start(1) + match.group(1).index(words[0])
            yield Found(start, match.end(), "HOSPITAL", 0.6, "name before 'hospital' in lower-case speech")
    for match in WARD.finditer(text):
        name = match.group(1)
        if name and (name.lower() in GENERIC_WARD or name.lower() in STOP_WORDS):
            continue
        yield Found(match.start(), match.end(), "WARD", 0.8, "named or numbered ward")
    for match in FLOOR_WARD.finditer(text):
        yield Found(match.start(1), match.end(1), "WARD", 0.7, "ward named by its floor and wing")


def _names_before_lower_heads(text: str) -> Iterator[Found]:
    """Institutions whose head is written in lower case after a capitalised name. The name must be one on its own
    (a word in no dictionary, a known place, an owner's possessive) or, mid-sentence, ordinary words of the kind that
    name practices and schools ('Rose Month surgery'); 'Heart surgery' opening a sentence is neither."""
    for match in _anchored(NAME_BEFORE_LOWER_HEAD, LOWER_HEAD, text, CAPITAL_BEFORE_LOWER_HEAD):
        start, words = _trim_chain(text, match.start(1), match.group(1))
        head = re.sub(r"\s+", " ", match.group(2))
        last = head.split()[-1]
        kind = "HOSPITAL" if re.fullmatch(LOWER_HEADS["HOSPITAL"], head) or re.fullmatch(LOWER_HEADS["HOSPITAL"], last) \
            else "ORGANIZATION"
        if not words or words[0] in NATIONAL_WORDS or any(w.lower() in WEEKDAYS or w.lower() in MONTHS for w in words) \
                or " ".join(words).lower() in allowed_lower_terms():
            continue  # 'Sunday school', 'the Walmart clinic', 'the Long Covid clinic'
        gaz, place = load_gazetteers(), " ".join(words).lower()
        if place in gaz.places and (place not in gaz.world_places or place in gaz.large_places):
            continue  # 'the Kyle of Lochalsh surgery', 'the Houston hospital': the hospital in a known place
        ordinary_name = not opens_sentence(text, start) and place_named("Surgery", words) \
            and (len(words) > 1 or text[:start].rstrip().lower().endswith(" the")) \
            and any(w.lower() not in SERVICE_KIND_WORDS for w in words)
        if not (has_proper(words) or ordinary_name):
            continue  # 'Cancer surgery', 'the Memory clinic'
        yield Found(start, match.end(), kind, 0.75, f"name before the head word '{last}'")


@functools.lru_cache(maxsize=1)
def _national_pattern() -> re.Pattern:
    terms = sorted(national_organisations(), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w'’])")


PLACE_WORD = re.compile(r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?")


def find_local_branches(text: str) -> Iterator[Found]:
    """A national body or charity with a place beside it is its local branch, which identifies the place
    ('Wrenbury Mind', 'Age UK Leeds', 'Citizens Advice Brackford')."""
    gaz = load_gazetteers()
    for match in _national_pattern().finditer(text):
        after = re.match(r"[ \t]+(" + PLACE_WORD.pattern + r")", text[match.end():match.end() + 40])
        before = re.search(r"(" + PLACE_WORD.pattern + r")[ \t]+$", text[max(0, match.start() - 40):match.start()])
        for side, found in (("after", after), ("before", before)):
            if not found:
                continue
            words = found.group(1).split()
            if side == "after" and " ".join(words).lower() not in gaz.places:
                words = words[:1]  # 'Age UK Leeds Carers': the place is the first word
            elif side == "before" and " ".join(words).lower() not in gaz.places:
                words = words[-1:]  # 'at Wrenbury Mind': the place is the word before
            place = " ".join(words).lower()
            known = place in gaz.places or all(not gaz.is_common(w) and w.lower() not in gaz.surnames for w in words)
            if not known or place in gaz.first_names or (len(words) == 1 and gaz.is_common(place)):
                continue  # a known place, or a word in no list ('Wrenbury'), not a person
            if side == "after":
                yield Found(match.start(), match.end() + found.start(1) + len(found.group(1).split(words[-1])[0]) + len(words[-1]),
                            "ORGANIZATION", 0.75, f"name before the national body '{match.group()}' with a place")
            else:
                start = match.start() - len(found.group(0)) + found.group(0).index(words[0])
                yield Found(start, match.end(), "ORGANIZATION", 0.75, f"name before the national body '{match.group()}'")


def find_addresses(text: str) -> Iterator[Found]:
    for match in _anchored(STREET, STREET_HEAD, text):
        start, words = _trim_chain(text, match.start(2), match.group(2))
        cut = max((k for k, w in enumerate(words[:-1]) if w in ("on", "at")), default=None)
        if cut is not None and not match.group(1):
            # 'Parkfield Foundry on Cable Street': the street begins after 'on', and what stands on it is named before
            venue_start = match.start() if match.start() < match.start(2) else start
            on_at = re.search(rf"\b{words[cut]}\b", text[start:match.end()]).start() + start
            venue_end = len(text[:on_at].rstrip(" \t\n,"))
            capitalised = [re.split(r"['’]", w.lower())[0] for w in words[:cut] if w[:1].isupper()]
            if cut > 0 and venue_end > venue_start and any(w not in STOP_WORDS for w in capitalised):  # not "They're"
                yield Found(venue_start, venue_end, "ORGANIZATION", 0.7, f"name before '{words[cut]}' a street")
            start = text.index(words[cut + 1], on_at + len(words[cut]))
            words = words[cut + 1:]
        if len(words) == 1 and words[0].lower().rstrip(".") in TITLES:
            continue  # 'Dr Lane', 'Mrs Green': a person
        has_number = bool(match.group(1)) or (match.start() < match.start(2) and cut is None)
        if not words and not has_number:
            continue
        strong = bool(re.fullmatch(STREET_STRONG, match.group(3)))
        if not has_number and not strong and not has_proper(words) and not (
                WHERE_BEFORE.search(text, max(0, start - 12), start) and not any(w.lower() in ANY_TOWNS for w in words)):
            continue  # 'the Village Green', 'Sunset View' may be anything; 'by Aster Walk', 'at Terrace Green' are places
        begin = match.start() if has_number else start
        kind = "ADDRESS" if has_number else "LOCATION"
        yield Found(begin, match.end(), kind, 0.8, f"street name before '{match.group(3)}'" + (" with a house number" if has_number else ""))
