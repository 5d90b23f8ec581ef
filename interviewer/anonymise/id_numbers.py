"""Provides the recognizer for identity numbers other than the NHS number: health-card, insurance, hospital, social
security and national insurance numbers of any country, found by what they are called or by their own shape."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import SPOKEN_DIGIT, SPOKEN_PAIR, spoken_digits

I = re.IGNORECASE

KIND = (r"medicare|medicaid|health(?:\s+(?:card|insurance|services?|plan|fund))?|(?:health\s+)?insurance|member(?:ship)?"
        r"|policy|hospital|patient|(?:medical\s+)?records?|case|unit|client|claim|chi|pps|social\s+security"
        r"|national\s+insurance|n\s?i|identity|id|medical\s+aid|veterans?|va|benefits?|pension|tax\s+file")
"""What an identity number is the number of, said before 'number', 'card number' or 'ID'."""
NAMED_NUMBER = re.compile(
    rf"\b(?:(?:{KIND})\s+(?:card\s+)?(?:number|no\.?|num|id|#)|mrn|ssn|ppsn|nhi|ohip(?:\s+number)?"
    rf"|number\s+on\s+(?:my|his|her|their|the|your)\s+(?:(?:{KIND})\s+)?card)"
    rf"(?:'s|’s)?(?:[\s,:]+(?:is|was|it's|it’s|it\s+is|being|reads|were|of))*[\s,:]*", I)
NAMED_AFTER = re.compile(
    rf"[\s,]+(?:that['’]s|that\s+is|it['’]s|which\s+is|is|was)\s+(?:my|his|her|their|the|your)\s+(?:{KIND})\s+"
    rf"(?:card\s+)?(?:number|no\b|id\b)", I)
"""What a number is, said after it: '4417 2290 88, that's my Medicare number'."""
CODE_PART = r"[A-Za-z]{0,3}\d[\dA-Za-z]*"
WRITTEN_CODE = re.compile(rf"(?:[A-Za-z]{{1,4}}[\-\s]?)?{CODE_PART}(?:[\s\-/]{CODE_PART})*")
"""A code written with digits: '2123 45670 1', 'XJ4471902', '1234567TA', 'ABC-221-9987'."""
SPOKEN_CODE = re.compile(rf"(?:{SPOKEN_DIGIT}|{SPOKEN_PAIR}|\d+)(?:[\s,.\-]+(?:{SPOKEN_DIGIT}|{SPOKEN_PAIR}|\d+))+", I)
"""A code said aloud digit by digit or in pairs: 'two one two three, four five six'."""
NATIONAL_INSURANCE = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", I)
"""The shape of a UK national insurance number: 'JK 12 34 56 C'."""
SOCIAL_SECURITY = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
"""The shape of a US social security number: '078-05-1120' (a phone number groups its digits 3-3-4)."""
FEWEST_DIGITS = 6
"""Digits a code needs, or else this many letters and digits with at least three digits ('1EG4-TE5-MK73')."""
FEWEST_CHARACTERS = 8


def _long_enough(code: str) -> bool:
    digits = len(spoken_digits(code))
    return digits >= FEWEST_DIGITS or (digits >= 3 and sum(c.isalnum() for c in code) >= FEWEST_CHARACTERS
                                       and not code.isalpha())


def _trimmed_end(match: re.Match) -> int:
    return match.end() - (len(match.group()) - len(match.group().rstrip(" ,.-/")))


def find_id_numbers(text: str) -> Iterator[Found]:
    """Identity numbers after what they are called ('my Medicare number is 2123 45670 1'), and in the shapes that
    are identity numbers wherever they stand."""
    for named in NAMED_NUMBER.finditer(text):
        for code, how in ((WRITTEN_CODE, "written"), (SPOKEN_CODE, "said aloud")):
            match = code.match(text, named.end())
            if match and _long_enough(match.group()):
                yield Found(match.start(), _trimmed_end(match), "ID_NUMBER", 0.92,
                            f"identity number ({how}, after '{named.group().strip()}')")
                break
    for match in WRITTEN_CODE.finditer(text):
        if (match.start() == 0 or not text[match.start() - 1].isalnum()) and _long_enough(match.group()) \
                and NAMED_AFTER.match(text, _trimmed_end(match)):
            yield Found(match.start(), _trimmed_end(match), "ID_NUMBER", 0.92, "identity number (named after it)")
    for shape, reason in ((NATIONAL_INSURANCE, "national insurance number shape"),
                          (SOCIAL_SECURITY, "social security number shape")):
        for match in shape.finditer(text):
            if shape is NATIONAL_INSURANCE and match.group().islower() and " " not in match.group():
                continue
            yield Found(match.start(), match.end(), "ID_NUMBER", 0.9, reason)
