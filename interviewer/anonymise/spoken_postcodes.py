"""Provides postal codes as people say them: ZIP codes and four-digit postcodes in digit words after their cue or
a state, Canadian postal codes, Irish Eircodes and UK inward codes said as letters and digit words, and a UK
outward code said alone before or after 'postcode' or where a place stands ('we live in s e six')."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.windows import matches_within, windows_around
from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import DIGIT_WORD, NUMBER_WORD, spoken_digits

I = re.IGNORECASE
CODE_DIGIT = rf"(?:(?:double|triple|treble)\s+)?{DIGIT_WORD}"
DIGITS_SAID = rf"{CODE_DIGIT}(?:[\s,-]+{CODE_DIGIT}){{1,8}}"
CODE = rf"(?:{DIGITS_SAID}|\d{{4,5}}(?:-\d{{4}})?)"
"""A ZIP or postcode of digits, said or written ('four four one three four', '55901', '55901-1234')."""
POSTCODE_CUE = (r"\b(?:zip(?:\s*code)?|postal\s+code|post\s*code|postcode|post\s+office|box)(?:\s+(?:down|up|out|over|round)\s+(?:here|there))?"
                r"(?:['’]s|\s+is|\s+was|\s+of|\s*[:,]|\s+there)?\s+")
CODE_AFTER_CUE = re.compile(
    rf"{POSTCODE_CUE}(?:it['’]s\s+|(?:(?!{DIGIT_WORD}\b)[a-z'’]+\s+){{1,4}}(?=(?:as|is|was|were|be|to|at)\s+\S))?(?:(?:as|is|was|were|be|to|at)\s+)?"
    rf"({CODE})(?![\w-])", I)
"""'her zip is four four one three four', 'zip's 55901', 'the postcode down here is nine eight one zero', 'the zip
they had as 54446'."""
STATES = (r"queensland|victoria|tasmania|new south wales|western australia|south australia|northern territory|"
          r"nsw|vic|qld|tas|act")
NOT_A_CODE_AFTER = r"people|pounds|dollars|bucks|quid|times|minutes|hours|days|weeks|years|percent|steps|miles|metres|kilos"
CODE_AFTER_STATE = re.compile(rf"\b(?:{STATES}),?\s+({DIGITS_SAID})(?![\w-])", I)
"""An Australian postcode said after its state: 'Victoria, three oh five eight'."""
CA_LETTER = r"[abceghj-nprstvxy]"
CA_SPOKEN = re.compile(
    rf"(?<![\w'’]){CA_LETTER}[\s-]+{DIGIT_WORD}[\s-]+{CA_LETTER},?[\s-]+{DIGIT_WORD}[\s-]+{CA_LETTER}[\s-]+{DIGIT_WORD}(?![\w-])", I)
"""A Canadian postal code said letter by letter: 'R two M, three X nine', 'A-zero-E, two-J-zero'."""
ANOTHER_CODE = re.compile(rf"[\s,]+(?:instead\s+of|not|or|rather\s+than|and)\s+({CODE})(?![\w-])", I)
"""A second code set against the first ('the wrong zip, 02124 instead of 02125')."""
INWARD_LETTER = r"[abd-hjlnp-uw-z]"
UK_WRITTEN_OUTWARD_SPOKEN_INWARD = re.compile(
    rf"\b[a-z]{{1,2}}\d[a-z\d]?,?\s+(?:{DIGIT_WORD}|\d)\s+{INWARD_LETTER}\s*{INWARD_LETTER}\b", I)
"""'BS3 four H T', 'bs3 four h t': the outward code written, the inward code said."""
EIRCODE_CHARACTER = rf"(?:{DIGIT_WORD}|\d|[ac-fhknprtv-y])"
ROUTING_KEY = rf"(?:d\s+six\s+w|[ac-fhknprtv-y]\s*(?:{DIGIT_WORD}\s+{DIGIT_WORD}|{NUMBER_WORD}|\d\d))"
"""An Eircode's routing key: a letter and two digits, said one by one ('f five six') before as a number ('d twenty-four')."""
SPOKEN_EIRCODE = re.compile(
    rf"\beircode(?:['’]s|\s+is|\s+was|\s*:)?\s+(?:it['’]s\s+)?({ROUTING_KEY},?(?:\s+{EIRCODE_CHARACTER}){{4}})(?![\w'’])", I)
"""An Irish Eircode said after its name: 'the eircode's d twenty-four, x y seven six'."""
EIRCODE_SHAPE = re.compile(rf"(?<![\w'’])(?=[a-z]\s)({ROUTING_KEY},?(?:\s+{EIRCODE_CHARACTER}){{4}})(?![\w'’])", I)
"""The same said without its name: taken when its last four hold two letters or more besides 'a' and 'i' (which are
words), as speech seldom does."""
STREET_HEAD = r"(?:street|st|road|rd|avenue|ave|lane|drive|way|boulevard|blvd|court|place|terrace|crescent|parkway|highway)"
CODE_AFTER_STREET = re.compile(
    rf"\b{STREET_HEAD}(?:,?\s+(?:now|then|there))?(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?,?\s+"
    rf"((?:{CODE_DIGIT}[\s,-]+){{3,4}}{CODE_DIGIT}(?![\w-])|\d{{4,6}}(?![\w-])(?=\s*[,.;:!?]|\s*$|\s+(?:and|so|but)\b))", I)
"""A ZIP, PIN or postcode said after the street, perhaps after its town ('on jewett avenue one zero three one four',
'1418 Lincoln Street now, 95965', 'Cole Road, Oroville, 95965, and'); written in digits, it closes its clause."""
SPOKEN_OUTWARD = rf"[a-z](?:\s+[a-z])?\s+(?:{DIGIT_WORD}(?:\s+{DIGIT_WORD})?|{NUMBER_WORD}|\d{{1,2}})(?:\s+[a-z](?![\w'’]))?"
OUTWARD_AFTER_CUE = re.compile(
    rf"\b(?:post\s*code|postcode)(?:['’]s|\s+is|\s+was|\s*:)?\s+(?:it['’]s\s+)?"
    rf"([a-z]{{1,2}}\d[a-z\d]?|{SPOKEN_OUTWARD})(?![\w'’])", I)
"""An outward code alone after its cue: 'postcode's bs3', 'the postcode is e c one a', 'postcode L S six'."""
UK_AREAS = ("ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy"
            " g gl gu ha hd hg hp hr hs hu hx ig ip iv ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw"
            " ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w"
            " wa wc wd wf wn wr ws wv yo ze").split()
"""The UK's postcode areas, the letters an outward code starts with."""
WORD_AREAS = {"me", "so", "ha", "st", "le", "de", "ox", "pe", "ng", "da"}
"""Areas that are also words when said as one ('to me two weeks'): taken only when said letter by letter."""
AREA_SAID = "|".join(sorted({" ".join(area) if len(area) == 2 else area for area in UK_AREAS}
                            | {area for area in UK_AREAS if len(area) == 2 and area not in WORD_AREAS}, key=len, reverse=True))
DISTRICT = rf"(?:{NUMBER_WORD}|{DIGIT_WORD}(?:\s+{DIGIT_WORD})?|\d{{1,2}}[a-z]?)"
AREA_WRITTEN = "|".join(sorted(UK_AREAS, key=len, reverse=True))
OUTWARD_AS_PLACE = re.compile(
    rf"\b(?:in|to|at|from|near)\s+(?:the\s+)?(?=[a-z][a-z]?(?:\s|\d))((?:{AREA_SAID}|d)(?:\s+|(?<=[a-z])(?=\d)){DISTRICT}"
    rf"|(?:{AREA_WRITTEN})\d[a-z\d]?(?![\w'’]))"
    rf"(?=\s*(?:[,.;:!?]|$|\s+(?:area|way|side|and|but|so|now|just|then|which|where|near|there)\b))", I)
OUTWARD_BEFORE_CUE = re.compile(
    rf"(?<![\w'’])((?:{AREA_SAID})\s+{DISTRICT}|(?:{AREA_WRITTEN})\d[a-z\d]?)\s+(?:post\s*code|postcode)s?\b", I)
"""An outward code said before its cue: 'it's a BS5 postcode', 'an l s nine postcode'."""
WHERE_VERB_BEFORE = re.compile(
    r"(?:\b(?:live|living|lives|lived|moved|move|born|grew\s+up|based|out|over|up|down|round|are|am|house|flat|home|"
    r"place|estate)|['’](?:re|m))\s+$", I)
"""A UK outward code (or a Dublin district) where a place stands: 'we live in s e six', 'moved to ls6', 'we're in
cf ten, near the park', 'in d twelve', "we're in the NG7 area" (with WHERE_VERB_BEFORE just before the preposition;
written with its digits, an area that is also a word is a code: 'ST4')."""
CODE_AS_PLACE = re.compile(rf"\b(?:in|to|from|at)\s+({DIGITS_SAID}|\d{{4,5}})(?![\w-]|[.,:]\d)(?!\s+(?:{CODE_DIGIT}|{NOT_A_CODE_AFTER})\b)", I)
"""A ZIP or postcode said digit by digit or written where a place stands ('we're in four one seven eight', 'the house
in six two one oh', 'we live in eight five two oh four', 'we're out at two seven six seven', "I'm in 2250"), with
WHERE_VERB_BEFORE just before the preposition (before 'at', only a verb of where one lives: AT_A_PLACE_BEFORE)."""
LIVING_IN_BEFORE = re.compile(r"(?:\b(?:live|living|lives|lived|moved|based|born|are|am)|['’](?:re|m))\s+$", I)
"""Before 'in' and a code written in digits: where someone lives ("I'm in 2250"), not an amount ('went up to 52000')."""
AT_A_PLACE_BEFORE = re.compile(r"\b(?:live|living|lives|lived|based|out|over|up|down|round)\s+$", I)
NUMBER_START = r"(?:\d|o|t|f|s|e|n|z)"
"""How a number starts, said or written ('one', 'two', 'four', 'six', 'eight', 'nine', 'zero', '7'): a cheap test that
lets most words fail before the long alternations are tried."""
UK_SPOKEN_POSTCODE = re.compile(
    rf"\b(?=[a-z][a-z]?\s+(?:[a-z]\s+)?{NUMBER_START})(?:{AREA_SAID})\s+{DISTRICT},?\s+(?:{DIGIT_WORD}|\d)\s+"
    rf"{INWARD_LETTER}\s*{INWARD_LETTER}\b", I)
"""A whole UK postcode said with the area as one word: 'tr eighteen, two a b' (the lookahead lets every longer word
fail at once)."""


NUMBER_SAID = re.compile(r"\d|(?i:\b(?:oh|zero|nought|t(?:wo|hree|en|welve|wenty|hirt)|f(?:our|ive|ift|ort)|s(?:ix|even)"
                         r"|e(?:ight|leven)|nine|one|hundred))")
"""Where a digit or number may be said: every code holds one, so the code patterns are searched only near one."""
BEFORE_A_CODE, AFTER_A_CODE = 120, 80
"""Characters a code pattern may take before its first number (its cue and a few words) and after it."""


def find_spoken_postcodes(text: str) -> Iterator[Found]:
    windows = windows_around(NUMBER_SAID, text, BEFORE_A_CODE, AFTER_A_CODE)
    for pattern, reason in ((CODE_AFTER_CUE, "ZIP code or postcode said after its name"),
                            (CODE_AFTER_STATE, "postcode said after a state")):
        for match in matches_within(pattern, text, windows):
            digits = len(spoken_digits(match.group(1)))
            if digits in (4, 5):
                yield Found(match.start(1), match.end(1), "POSTCODE", 0.85, reason)
                other = ANOTHER_CODE.match(text, match.end(1))
                if other and len(spoken_digits(other.group(1))) == digits:
                    yield Found(other.start(1), other.end(1), "POSTCODE", 0.8, "a second ZIP code or postcode beside one")
    for match in matches_within(CA_SPOKEN, text, windows):
        yield Found(match.start(), match.end(), "POSTCODE", 0.85, "Canadian postal code (spoken letters and digits)")
    for match in matches_within(UK_WRITTEN_OUTWARD_SPOKEN_INWARD, text, windows):
        yield Found(match.start(), match.end(), "POSTCODE", 0.85, "UK postcode (outward code written, inward code said)")
    for match in matches_within(SPOKEN_EIRCODE, text, windows):
        yield Found(match.start(1), match.end(1), "POSTCODE", 0.85, "Irish Eircode (said)")
    for match in matches_within(OUTWARD_AFTER_CUE, text, windows):
        yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "UK outward code after 'postcode'")
    for match in matches_within(OUTWARD_BEFORE_CUE, text, windows):
        yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "UK outward code before 'postcode'")
    for match in matches_within(EIRCODE_SHAPE, text, windows):
        tail = re.findall(r"[a-z]+|\d", match.group(1).lower())[-4:]
        if sum(len(part) == 1 and part.isalpha() and part not in "ai" for part in tail) >= 2:  # 'a', 'i' are words
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "Irish Eircode (said, by its shape)")
    for match in matches_within(CODE_AFTER_STREET, text, windows):
        digits = spoken_digits(match.group(1))
        if 4 <= len(digits) <= 6 and not _a_year(digits):
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "ZIP code or postcode said after the street")
    yield from _codes_after_places(text, windows)
    for match in matches_within(UK_SPOKEN_POSTCODE, text, windows):
        yield Found(match.start(), match.end(), "POSTCODE", 0.85, "UK postcode (area said as a word, the rest said)")
    for match in matches_within(CODE_AS_PLACE, text, windows):
        digits = spoken_digits(match.group(1))
        before = AT_A_PLACE_BEFORE if match.group().lower().startswith("at") else WHERE_VERB_BEFORE
        if match.group(1).isdigit():  # written: 'up to 52000' is an amount; only where someone lives is it a code
            before = LIVING_IN_BEFORE if match.group().lower().startswith("in") else None
        if len(digits) in (4, 5) and not _a_year(digits) and before is not None \
                and before.search(text, max(0, match.start() - 20), match.start()):
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "ZIP code or postcode said where a place stands")
    for match in matches_within(OUTWARD_AS_PLACE, text, windows):
        if WHERE_VERB_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.8, "UK outward code where a place stands")


CODE_CLOSING_CLAUSE = re.compile(
    rf"(?<![\w-])(?=[\dotfsenz])({DIGITS_SAID}|\d{{4,5}})(?![\w-])(?=\s*[,.;:!?]|\s*$|\s+(?:and|so|but|we|i|now)\b)", I)
WORDS_BEFORE = re.compile(r"\b([A-Za-z][\w'’-]+(?:\s+[A-Za-z][\w'’-]+)?),?\s+$")


def _codes_after_places(text: str, windows: list[tuple[int, int]]) -> Iterator[Found]:
    """A ZIP or postcode closing a clause straight after a known town ('the post office box, Shaw, 38773.', 'we're in
    reservoir 3073 and'), or after a capitalised word no list holds, or any after a comma ('it's Wynnum, 4178,', 'out
    at Inala 4077.'); four digits that may be a year are left ('in Leeds, 2019')."""
    from interviewer.anonymise.gazetteers import load_gazetteers

    gaz = load_gazetteers()
    for match in matches_within(CODE_CLOSING_CLAUSE, text, windows):
        digits = spoken_digits(match.group(1))
        before = WORDS_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if not before or len(digits) not in (4, 5) or _a_year(digits):
            continue
        words = before.group(1).lower().split()
        last = before.group(1).split()[-1]
        named = last[:1].isupper() and last[1:].islower() and not gaz.is_common(last) \
            and ("," in before.group() or last.lower() not in gaz.first_names and last.lower() not in gaz.surnames)
        if " ".join(words) in gaz.places or words[-1] in gaz.places and len(words[-1]) >= 4 or named:
            yield Found(match.start(1), match.end(1), "POSTCODE", 0.75, "ZIP code or postcode after a town")


def _a_year(digits: str) -> bool:
    """Four digits that may as well be a year ('2019') as a postcode."""
    return len(digits) == 4 and digits[:2] in ("19", "20")
