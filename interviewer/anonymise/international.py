"""Provides the structured identifiers of other English-speaking countries: North American and international
phone numbers, US ZIP codes, Canadian postal codes, Irish Eircodes and Australian postcodes, and dates that
name a holiday or season with a year."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.windows import matches_within, windows_around
from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import NUMBER_WORD

I = re.IGNORECASE
NANP = re.compile(r"(?<![\w+])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]\d{4}(?![\w-])")
"""A North American number: '(214) 555-0143', '214-555-0143', '+1 214 555 0143'."""
INTERNATIONAL = re.compile(r"(?<![\w+])\+\s?(?:353|61|64|27|1|91|234|63)[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?![\w-])")
"""A number written with its country code: Ireland, Australia, New Zealand, South Africa, ..."""
LOCAL_SEVEN = re.compile(r"(?<![\w-])[2-9]\d{2}-\d{4}(?![\w-])")
LOCAL_EIGHT = re.compile(r"(?<![\w-])(?!(?:19|20)\d\d[\s-](?:19|20)\d\d)[2-9]\d{3}[\s-]\d{4}(?![\w-])")
"""Eight digits in two fours, as Singapore, Hong Kong and Australian local numbers are written: '9176 3208' (not two
years, '2019 2020')."""
IDENTITY_NUMBER_NAME = re.compile(
    r"\b(?:(?:nhs|chi|medicare|medicaid|ohip|mcp|nhi|pps|ppsn|ndis|sin)(?:\s+(?:card\s+)?(?:number|no\.?|id))?"
    r"|(?:health(?:\s+(?:and|&)\s+care|\s+care)?|health\s+card|insurance|member|patient|hospital|medical\s+record"
    r"|social\s+security)\s+(?:card\s+)?(?:number|no\.?|id))\b", I)
PHONE_NAME = re.compile(r"\b(?:phone|mobile|cell|landline|ring|call|text|whatsapp|dial|reach|extension)\b", I)
NAMED_WITHIN = 60
"""Characters before a number, on its line, within which what it is may be said."""


def identity_number_named_before(text: str, start: int) -> bool:
    """An identity number's name before a number on its line, and no phone's after it ('my NHS number, 485 201 7734',
    'Her NHS number? 943 476 5919'): the number is none of a phone's ('my NHS number is on the card, ring me on ...'
    is)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - NAMED_WITHIN):start]
    names = [match.end() for match in IDENTITY_NUMBER_NAME.finditer(before)]
    phones = [match.end() for match in PHONE_NAME.finditer(before)]
    return bool(names) and (not phones or phones[-1] < names[-1])


PHONE_CUE = re.compile(r"\b(?:phone|number|call|ring|cell|mobile|text|reach|dial|contact|extension|line)\b", I)

US_STATE_CODES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
                  "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
AU_STATES = "NSW VIC QLD WA SA TAS ACT NT Victoria Queensland Tasmania".split()
ZIP_AFTER_STATE = re.compile(rf"\b(?:{'|'.join(US_STATE_CODES)}),?\s+(\d{{5}}(?:-\d{{4}})?)\b")
ZIP_CUE = re.compile(r"\b(?:zip(?:\s*code)?|postal\s+code|post\s*code|pin\s*code)\s*(?:is|was|of|:|,)?\s*(\d{4,6}(?:-\d{4})?)\b", I)
ZIP_BEFORE_CUE = re.compile(r"\b(\d{4,5}(?:-\d{4})?)\s+(?:zip(?:\s*code)?|postal\s+code|post\s*code)\b", I)
"""A code said before its name: 'the 77036 zip code', 'in the 2148 postcode area'."""
ZIP_AFTER_PLACE = re.compile(r"\b(?:in|at|to|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+(\d{5}(?:-\d{4})?)(?![\d,.]\d)"
                             r"(?!\s+(?:people|persons|pounds|dollars|bucks|quid|miles|steps|times)\b)")
"""A ZIP code after a town and a comma: 'the PO box in Cut Off, 70345'."""
ZIP_WHERE = re.compile(r"(?<![\d,.])\b(?:in|(?<!up\s)(?<!\d\s)to|from|says)\s+(?!\d\d000\b)(\d{5}|0[89]\d\d)(?![\d,.]\d|\s*(?:-|to|and|or)\s*\d)"
                       r"(?!\s+(?:people|persons|pounds|dollars|bucks|quid|miles|steps|times|calories|feet|ft|km|metres"
                       r"|meters|words|cases|units|of)\b)")
"""Five digits (or a Northern Territory code) alone where a place stands: 'we're in 85204', 'sends my mail to 21229',
'somebody from 55454', 'my mailbox says 56531', 'we're in 0810'; not a range or an amount ('from 12000 to 15000',
'up to 52000')."""
AU_POSTCODE = re.compile(rf"\b(?:{'|'.join(AU_STATES)}),?\s+(\d{{4}})\b")
CANADIAN = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", I)
EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?(?=[0-9AC-FHKNPRTV-Y]{4}\b)(?=\w*\d)[0-9AC-FHKNPRTV-Y]{4}\b", I)

YEAR = rf"(?:(?:19|20)\d{{2}}|['’]\d{{2}}|(?:nineteen|twenty)[\s-](?:oh[\s-])?(?:{NUMBER_WORD})\b|two thousand(?:(?: and)? (?:{NUMBER_WORD}))?\b)"
"""A year written or said; said, only number words follow 'twenty' (not 'twenty twenty he')."""
SEASON_YEAR = re.compile(rf"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{YEAR}\b", I)


DIGITS = re.compile(r"\d+")
NEAR_DIGITS = 40
"""Characters before and after written digits within which a phone number, ZIP or postal code is looked for."""
YEAR_SAID = re.compile(r"(?:19|20)\d\d|['’]\d\d\b|\b(?:nineteen|twenty|two thousand)\b", I)
NEAR_A_YEAR = 40
"""Characters before a year, and after its first word, within which a holiday or season and the year are looked for."""


def find_phones(text: str, windows: list[tuple[int, int]]) -> Iterator[Found]:
    for match in matches_within(NANP, text, windows):
        if identity_number_named_before(text, match.start()):
            continue  # 'my NHS number, 485 201 7734', 'health card number 604 821 4437': no phone
        cue = bool(PHONE_CUE.search(text, max(0, match.start() - 60), match.start()))
        yield Found(match.start(), match.end(), "PHONE", 0.96 if cue else 0.85, "North American phone number")
    for match in matches_within(INTERNATIONAL, text, windows):
        yield Found(match.start(), match.end(), "PHONE", 0.9, "phone number with a country code")
    for pattern, digits in ((LOCAL_SEVEN, "seven"), (LOCAL_EIGHT, "eight")):
        for match in matches_within(pattern, text, windows):
            if PHONE_CUE.search(text, max(0, match.start() - 60), match.start()):
                yield Found(match.start(), match.end(), "PHONE", 0.8, f"{digits}-digit phone number after a phone cue")


def find_postal_codes(text: str, windows: list[tuple[int, int]]) -> Iterator[Found]:
    for pattern, reason in ((ZIP_AFTER_STATE, "US ZIP code after a state"), (ZIP_CUE, "ZIP code or postcode after its name"),
                            (ZIP_BEFORE_CUE, "ZIP code or postcode before its name"),
                            (ZIP_AFTER_PLACE, "US ZIP code after a town"), (ZIP_WHERE, "a ZIP code where a place stands"),
                            (AU_POSTCODE, "Australian postcode after a state")):
        for match in matches_within(pattern, text, windows):
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.85, reason)
    for match in matches_within(CANADIAN, text, windows):
        if not match.group().islower() or " " in match.group():
            yield Found(match.start(), match.end(), "POSTCODE", 0.85, "Canadian postal code")
    for match in matches_within(EIRCODE, text, windows):
        yield Found(match.start(), match.end(), "POSTCODE", 0.8, "Irish Eircode")


def find_named_dates(text: str) -> Iterator[Found]:
    windows = windows_around(YEAR_SAID, text, NEAR_A_YEAR, NEAR_A_YEAR)
    for match in matches_within(SEASON_YEAR, text, windows):  # a holiday and its year: see dates
        yield Found(match.start(), match.end(), "DATE", 0.8, "specific date (season and year)")


def find_international(text: str) -> list[Found]:
    """Phone numbers, postal codes and dates of the English-speaking world outside the UK, each kind searched only
    near what it must hold (written digits, a year)."""
    near_digits = windows_around(DIGITS, text, NEAR_DIGITS, NEAR_DIGITS)
    return [*find_phones(text, near_digits), *find_postal_codes(text, near_digits), *find_named_dates(text)]
