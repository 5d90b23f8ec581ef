"""Provides the recognizer for identity numbers other than the NHS number: health-card, insurance, hospital, social
security and national insurance numbers of any country, found by what they are called or by their own shape, and codes
speech recognition wrote digit by digit or in groups between commas."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.cues import POSSESSIVES
from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import DIGIT_WORD, SPOKEN_DIGIT, SPOKEN_PAIR, spoken_digits

I = re.IGNORECASE

NUMBER_NOUN = re.compile(r"\b(?:number|no\.|num|id|card|mrn|ssn)\b(?:['’]s)?", I)
"""A number's name: what it is the number of stands before it ('OHIP number', 'Medicare card', 'member ID')."""
SYSTEM_NAMES = ("nhi", "ohip", "ppsn", "pps", "ihi", "medicaid", "medicare", "ramq", "nino", "chi", "mcp", "ndis")
NUMBER_SYSTEM = re.compile(rf"\b(?:{'|'.join(SYSTEM_NAMES)})\b(?:['’]s)?", I)
"""Health and insurance numbers named by their system alone ('my NHI, ZAC 4471', 'the OHIP, I know it by heart')."""
WORD_BEFORE = re.compile(r"([\w'’-]+)\s+(?:card\s+)?$")
NOT_IDENTITY = frozenset("""phone telephone mobile cell cellphone landline contact home work office fax direct emergency
extension text whatsapp my your his her our their its the a an this that these those new old same other whose what which
any every each one two big long right wrong different right bus room bed ward bay house flat door page table step track
lottery gift birthday christmas sympathy business greeting report playing loyalty library nhs""".split())
"""Words before 'number' or 'card' that say it is no identity number ('phone number', 'my number', 'bed number');
an NHS number has its own recognizer."""
NUMBER_ON_CARD = re.compile(r"\bnumber\s+on\s+(?:my|his|her|their|the|your)\s+(?:[\w-]+\s+)?card\b", I)
LINK = re.compile(r"(?:['’]s)?(?:[\s,:]+(?:is|was|it['’]s|it\s+is|being|reads|were|of|under\s+it|on\s+it|then|my\s+one|mine))*[\s,:]*", I)
"""What may stand between a number's name and the number ('OHIP number is', 'Medicare card, it's')."""
FURTHEST = 60
"""Characters after a number's name within which its number is looked for, in the same sentence."""
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
WORD_AND_GAP = re.compile(r"[\w'’-]+[\s,:]*")
CODE_PART = r"[A-Za-z]{0,3}\d[\dA-Za-z]*"
WRITTEN_CODE = re.compile(rf"(?<![\w@.])(?:[A-Z]{{1,4}}\s|[A-Za-z]{{1,4}}-)?{CODE_PART}(?:[\s\-/]{CODE_PART})*"
                          rf"(?:\s(?!I\b|A\s+[a-z])[A-Z]{{1,2}}\b)?")
"""A code written with digits: '2123 45670 1', 'XJ4471902', '1234567TA', 'ABC-221-9987', '5584 213 907 KT' (never the
pronoun 'I' or the article 'A' after it)."""
SAID_LETTER = r"(?:[b-hj-z]|(?<=\b[a-z] )[ai]|[ai](?=[\s,]+[b-hj-z](?![\w'’])))(?![\w'’])"
"""A letter said alone in a code ('w a', 'a k'): 'a' and 'i' only beside another letter, since alone they are words."""
SAID_PART = rf"(?:{SPOKEN_DIGIT}|{SPOKEN_PAIR}|\d+|{SAID_LETTER})"
SPOKEN_CODE = re.compile(rf"{SAID_PART}(?:[\s,.\-]+(?:(?:dash|hyphen|slash)\s+)?{SAID_PART})+", I)
"""A code said aloud digit by digit, in pairs, or with letters, its parts perhaps said apart: 'two one two three',
'k l four eight two nine one m', 'six three dash two four one seven'."""
NAMED_AFTER = re.compile(
    r"[\s,]+(?:that['’]s|that\s+is|it['’]s|which\s+is|is|was)\s+(?:my|his|her|their|the|your)\s+([\w-]+)\s+"
    r"(?:card\s+)?(?:number|no\b|id\b)", I)
"""What a number is, said after it: '4417 2290 88, that's my Medicare number'."""
MIXED_CODE = re.compile(r"(?<![\w@./-])(?=[A-Za-z\d-]*\d)(?=[A-Za-z\d-]*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+)*(?![\w@/-]|\.\w)")
"""A single run of letters and digits ('8246173TA', '4TQ9-HJ2-WA61'): with enough of both, no word and no phone."""
NATIONAL_INSURANCE = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", I)
"""The shape of a UK national insurance number: 'JK 12 34 56 C'."""
SOCIAL_SECURITY = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
"""The shape of a US social security number: '078-05-1120' (a phone number groups its digits 3-3-4)."""
FEWEST_DIGITS = 6
FEWEST_CHARACTERS = 8
"""A code needs FEWEST_DIGITS digits, or else FEWEST_CHARACTERS letters and digits with three digits at least (one
fewer after its name: 'NHI number ZKC4276')."""


def _long_enough(code: str, fewest_characters: int = FEWEST_CHARACTERS) -> bool:
    digits = len(spoken_digits(code))
    if any(c.isdigit() for c in code):
        characters = sum(c.isalnum() for c in code)
    else:  # said aloud: its digits and its letters said alone
        characters = digits + sum(len(word) == 1 for word in re.findall(r"[a-z]+", code.lower()))
    return digits >= FEWEST_DIGITS or (digits >= 3 and characters >= fewest_characters)


def _trimmed_end(match: re.Match) -> int:
    return match.end() - (len(match.group()) - len(match.group().rstrip(" ,.-/")))


def _names(text: str) -> Iterator[re.Match]:
    lower = text.lower()
    if any(name in lower for name in SYSTEM_NAMES):
        yield from NUMBER_SYSTEM.finditer(text)
    for match in NUMBER_NOUN.finditer(text):
        if match.group().lower().startswith(("mrn", "ssn")) or re.search(r"\bcard\s+$", text[max(0, match.start() - 6):match.start()], I):
            yield match  # 'my card number was MS 4400 7129 3'
            continue
        before = WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if match.group().lower() == "id" and before and before.group(1).lower() in POSSESSIVES:
            yield match  # 'your ID, my one is ...': an ID is never a phone's
            continue
        if before and before.group(1).lower() not in NOT_IDENTITY and not before.group(1).endswith(("'s", "’s")) \
                and not (match.group().lower() == "card" and before.group(1).lower() in ("id", "number")):
            yield match
    yield from NUMBER_ON_CARD.finditer(text)


def _code_after(text: str, at: int) -> tuple[re.Match, str] | None:
    """The first code long enough after `at`, within reach and before the sentence ends."""
    stop = min(len(text), at + FURTHEST)
    end_of_sentence = SENTENCE_END.search(text[at:stop])
    if end_of_sentence:
        stop = at + end_of_sentence.start()
    at = LINK.match(text, at).end()
    while at < stop:
        for code, how in ((WRITTEN_CODE, "written"), (SPOKEN_CODE, "said aloud")):
            match = code.match(text, at)
            if match and _long_enough(match.group(), FEWEST_CHARACTERS - 1):
                return match, how
        word = WORD_AND_GAP.match(text, at)
        if not word:
            return None
        at = word.end()
    return None


WORD_BEFORE_A_YEAR = re.compile(r"(?i:mid|pre|post|early|late)-(?:19|20)\d\d")
"""A year with a word joined on: a date, not a code of letters and digits."""


def find_id_numbers(text: str) -> Iterator[Found]:
    """Identity numbers after what they are called ('my OHIP number is 5584 213 907 KT'), named after it, and in the
    shapes that are identity numbers wherever they stand."""
    for named in _names(text):
        found = _code_after(text, named.end())
        if found:
            match, how = found
            yield Found(match.start(), check_letters_end(text, _trimmed_end(match)), "ID_NUMBER", 0.92,
                        f"identity number ({how}, after '{named.group().strip()}')")
    for match in WRITTEN_CODE.finditer(text):
        named_after = NAMED_AFTER.match(text, _trimmed_end(match))
        if named_after and named_after.group(1).lower() not in NOT_IDENTITY and _long_enough(match.group()):
            yield Found(match.start(), _trimmed_end(match), "ID_NUMBER", 0.92, "identity number (named after it)")
    for match in MIXED_CODE.finditer(text):
        code = match.group()
        if WORD_BEFORE_A_YEAR.fullmatch(code):
            continue  # 'mid-2018', 'pre-2020': a year, see dates.YEAR_ROUGHLY
        digits, letters = sum(c.isdigit() for c in code), sum(c.isalpha() for c in code)
        if letters and (digits >= 3 and digits + letters >= FEWEST_CHARACTERS
                        or digits >= 4 and letters >= 2 and digits + letters >= FEWEST_CHARACTERS - 1):  # 'KL4821M'
            yield Found(match.start(), match.end(), "ID_NUMBER", 0.75, "a code of letters and digits")
    for shape, reason in ((NATIONAL_INSURANCE, "national insurance number shape"),
                          (SOCIAL_SECURITY, "social security number shape")):
        for match in shape.finditer(text):
            if shape is NATIONAL_INSURANCE and match.group().islower() and " " not in match.group():
                continue
            yield Found(match.start(), match.end(), "ID_NUMBER", 0.9, reason)
    yield from find_digits_said_apart(text)


ONE_DIGIT = rf"(?:\d|{DIGIT_WORD})"
DIGITS_ONE_BY_ONE = re.compile(
    rf"(?<![\w$£€.,-]){ONE_DIGIT}(?:(?:,\s*|\s+(?:(?:dash|hyphen)\s+)?|-){ONE_DIGIT}\b){{4,}}(?![\w-]|[.,]\d)", I)
"""Five or more digits said one at a time, as speech recognition writes them: '8, 2, 4, 6, 1, 7, 3, 8', '7-9-7-5-2',
'9 5 9 6 5', 'five four four six one', 'one two dash oh five one three'. No amount, year or count is said so."""
GROUPED_DIGITS = re.compile(r"(?<![\w$£€.,-])(?:[A-Z]{1,3}\d{1,4}|\d{1,4})(?:,\s+\d{1,4}){2,}(?![\w-]|[.,]\d)")
"""A number written by speech recognition in groups set apart by commas, as it was said: '021, 555, 014, 7',
'MP22, 064, 3, 9, 1'."""
POSTCODE_CUE = re.compile(r"\b(?:zip|postcode|post\s*code|postal\s+code|pin\s*code|eircode)\b[^.?!\n]{0,25}$", I)
A_YEAR = re.compile(r"(?:19|20)\d\d")


CLAUSE_GOES_ON = r"(?=\s*(?:[,.;:!?]|$)|\s+(?:and|or|but|so|then)\b)"
CHECK_LETTERS = re.compile(
    rf"(?:(?:,?[ \t]+|-)(?:[B-HJ-Z][A-Z]?|A[B-HJ-Z]|[b-hj-z]|[aA]{CLAUSE_GOES_ON})(?![\w'’])){{1,2}}")
"""One or two check letters said or written after a code's digits, on its line ('four seven one one nine two six k',
'nine one two three four five six seven a and', '5584 211 097 MK'): 'a' only where the clause goes on, since alone it
is a word, and never 'I'."""


def check_letters_end(text: str, end: int) -> int:
    """Where a code ending at `end` ends once the check letters after its digits are taken in."""
    letters = CHECK_LETTERS.match(text, end)
    return letters.end() if letters else end


def _counted(digits: str) -> bool:
    """A count up or down ('1, 2, 3, 4, 5', 'five four three two one'), or one digit said over and over."""
    steps = {int(b) - int(a) for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {-1}, {0})


def find_digits_said_apart(text: str) -> Iterator[Found]:
    """Codes speech recognition wrote as they were said, digit by digit or in groups between commas: a postcode
    after its name, otherwise an identity or phone number of unknown kind."""
    for pattern in (DIGITS_ONE_BY_ONE, GROUPED_DIGITS):
        for match in pattern.finditer(text):
            groups = re.findall(r"\d+", match.group())
            digits = spoken_digits(match.group())
            if _counted(digits) or pattern is GROUPED_DIGITS and (
                    len(digits) < 7 or any(A_YEAR.fullmatch(g) for g in groups) or all(g.endswith("0") for g in groups)):
                continue
            if POSTCODE_CUE.search(text, max(0, match.start() - 40), match.start()):
                yield Found(match.start(), match.end(), "POSTCODE", 0.7, "postal code said digit by digit")
            else:
                yield Found(match.start(), check_letters_end(text, match.end()), "ID_NUMBER", 0.6,
                            "a number said digit by digit or in groups")
