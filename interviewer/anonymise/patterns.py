"""Provides the recognizers for structured identifiers: NHS numbers, phones, postcodes, emails, web
addresses (written and spoken) and spelled-out names, gathered with exact ages (ages.py), specific dates and the rest in
`find_structured`."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import allowed_acronyms, find_spelled_acronyms
from interviewer.anonymise.ages import find_ages
from interviewer.anonymise.dates import find_dates
from interviewer.anonymise.found import Found
from interviewer.anonymise.international import find_international, identity_number_named_before
from interviewer.anonymise.spoken_postcodes import UK_AREAS, find_spoken_postcodes
from interviewer.anonymise.id_numbers import check_letters_end, find_id_numbers
from interviewer.anonymise.numbers import (
    DIGIT_WORD, NUMBER_WORD, SPOKEN_DIGIT, SPOKEN_PAIR, spoken_digits, valid_nhs_number,
)
from interviewer.anonymise.windows import matches_within, windows_around

I = re.IGNORECASE

# ---- numbers: phones and NHS numbers -------------------------------------------------------------
WRITTEN_NUMBER = re.compile(r"(?<![\w£$€.,])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)?\d[\d \-()]{5,16}\d(?![\w%]|,\d|\.\d)")
"""Seven characters or more of digits, spaces, hyphens and brackets: a number as long as a phone's may be."""
SPOKEN_NUMBER = re.compile(rf"\b(?:\d+|{SPOKEN_DIGIT})(?:[\s,.\-]+(?:\d+|{SPOKEN_PAIR}|{SPOKEN_DIGIT})){{6,}}\b", I)
"""Digits said one by one, some perhaps in pairs after the first ('two five four, five five five, twelve thirty-four')."""
PHONE_CUES = ("phone", "number", "ring", "call", "mobile", "landline", "extension", "text", "contact", "reach")
PHONE_WORD = re.compile(r"\b(?:phone|mobile|cell|landline|ring|call|text|whatsapp)\b")
"""A word before a long number that says it is a phone number, whatever its length ('her phone is 718550173')."""


SHORT_PHONE_CUE = re.compile(r"\b(?:phone|mobile|cell|landline|hotline|helpline|number|whatsapp)\b(?:\s+(?:is|was|'s|it's))?"
                             r"[\s,:]*$", I)
"""A phone's name just before a number of seven or eight digits, as many countries' numbers are ('the hotline, 6123
0480', 'my number is 555 0134')."""


HEALTH_NUMBER_NAME = re.compile(r"\b(?:nhs|chi|health and care|health & care|h and c|h&c)\b")
"""The names of the UK's ten-digit health numbers: England's and Wales's NHS number, Scotland's CHI number, Northern
Ireland's health and care number."""


NORTH_AMERICAN_DIGITS = re.compile(r"1?[2-9]\d\d[2-9]\d{6}")
"""Ten digits as a North American phone number has them, an area code and an exchange that open with 2 to 9."""


def _phone_said_before(text: str, start: int, digits: str) -> bool:
    """A phone's name just before a long number ('my cell is five oh nine ...'), or 'number' before ten digits shaped
    as a North American phone ('my home number is six one three, five five five, ...'), and no identity number's."""
    if len(digits) < 9 or identity_number_named_before(text, start):
        return False
    before = text[max(0, start - 40):start].lower()
    return bool(PHONE_WORD.search(before)) or "number" in before and bool(NORTH_AMERICAN_DIGITS.fullmatch(digits))


def find_numbers(text: str) -> Iterator[Found]:
    for pattern, how in ((WRITTEN_NUMBER, "digits"), (SPOKEN_NUMBER, "spoken digits")):
        for match in pattern.finditer(text):
            digits = spoken_digits(match.group())
            if 7 <= len(digits) < 9 and SHORT_PHONE_CUE.search(text, max(0, match.start() - 30), match.start()):
                yield Found(match.start(), match.end(), "PHONE", 0.7, f"phone number of seven or eight digits ({how})")
                continue
            if len(digits) < 9:
                continue
            before = text[max(0, match.start() - 60):match.start()].lower()
            if len(digits) == 10 and valid_nhs_number(digits) and not (digits.startswith("0") and any(c in before for c in PHONE_CUES)):
                yield Found(match.start(), match.end(), "NHS_NUMBER", 0.95, f"NHS number ({how}, checksum valid)")
            elif len(digits) == 10 and not digits.startswith("0") \
                    and HEALTH_NUMBER_NAME.search(text[max(0, match.start() - 120):match.start()].lower()):
                yield Found(match.start(), match.end(), "NHS_NUMBER", 0.8, f"NHS number ({how}; checksum fails: misheard?)")
            elif digits.startswith(("0", "44")) and 10 <= len(digits) <= 12:
                yield Found(match.start(), match.end(), "PHONE", 0.9, f"UK phone number ({how})")
            elif (end := check_letters_end(text, match.end())) > match.end():
                yield Found(match.start(), end, "ID_NUMBER", 0.6, f"long number with check letters ({how})")
            elif _phone_said_before(text, match.start(), digits):
                yield Found(match.start(), match.end(), "PHONE", 0.7, f"phone number after a phone's name ({how})")
            elif len(digits) >= 9 and ("number" in before or how == "spoken digits" or PHONE_WORD.search(before[-40:])):
                yield Found(match.start(), match.end(), "PHONE", 0.6, f"long number ({how})")
            elif not digits.endswith("000"):
                # No amount or year runs to nine digits unpunctuated: 'the Medicare card. It's 253718461'.
                yield Found(match.start(), match.end(), "ID_NUMBER", 0.5, f"long number of unknown kind ({how})")


# ---- postcodes ------------------------------------------------------------------------------------
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)(?: ?|, |-)\d[ABD-HJLNP-UW-Z]{2}\b", I)
"""A UK postcode written, its two halves perhaps set apart by a comma or a hyphen as speech recognition writes them
('LS6, 4AB', 'WV10-6QP')."""
HYPHEN_SPELLED = re.compile(r"(?<![\w-])[A-Za-z0-9]{1,4}(?:-[A-Za-z0-9]{1,2}){2,}(?:,?[ \t]+[A-Za-z0-9]{1,2}(?:-[A-Za-z0-9]{1,2})+)?(?![\w-])")
"""Letters and digits speech recognition wrote one by one between hyphens, the first few perhaps run together
('L-S-6-4-A-B', 'W-V-10, 6-Q-P', 'F23K-7-P4')."""
POSTCODE_SHAPES = (
    (re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}"), "UK postcode"),
    (re.compile(r"[ABCEGHJ-NPRSTVXY]\d[A-Z]\d[A-Z]\d"), "Canadian postal code"),
    (re.compile(r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)(?=[0-9AC-FHKNPRTV-Y]*\d)[0-9AC-FHKNPRTV-Y]{4}"), "Irish Eircode"),
)
"""What letters and digits spelled out between hyphens make, run together ('LS64AB', 'E1C4M3')."""
SPOKEN_OUTWARD_NUMBER = rf"(?i:{DIGIT_WORD}(?:\s+{DIGIT_WORD})?|{NUMBER_WORD})|\d{{1,2}}"
SPOKEN_POSTCODE = re.compile(
    rf"\b[A-Z](?:\s+[A-Z])?\s+(?:{SPOKEN_OUTWARD_NUMBER})(?:\s+[A-Z])?,?\s+(?:(?i:{DIGIT_WORD})|\d)\s+[A-Z]\s*[A-Z]\b")
"""Letters said one by one, numbers as words: 'C F two four, two Q X', 'S E thirteen, six T J'."""
LOWER_SPOKEN_POSTCODE = re.compile(
    rf"(?<![\w'’])[a-z](?:\s+[a-z])?\s+(?:{SPOKEN_OUTWARD_NUMBER})(?:\s+[a-z])?,?\s+(?:{DIGIT_WORD}|\d)\s+[a-z]\s+[a-z]\b")
"""The same in a transcript written in lower case: 'b d eight, nine r t'."""


def find_postcodes(text: str) -> Iterator[Found]:
    for match in POSTCODE.finditer(text):
        value = match.group()
        if value.islower() and " " not in value:
            continue
        yield Found(match.start(), match.end(), "POSTCODE", 0.9, "UK postcode pattern")
    for match in HYPHEN_SPELLED.finditer(text):
        run_together = re.sub(r"[\s,-]", "", match.group()).upper()
        shape = next((kind for pattern, kind in POSTCODE_SHAPES if pattern.fullmatch(run_together)), None)
        if shape:  # the area may be misheard ('UV-10-6-Q-P' for WV10 6QP): the shape alone is a postcode's
            yield Found(match.start(), match.end(), "POSTCODE", 0.85, f"{shape} spelled out between hyphens")
    for match in SPOKEN_POSTCODE.finditer(text):
        if _uk_area(match.group()):
            yield Found(match.start(), match.end(), "POSTCODE", 0.85, "UK postcode (spoken letters and numbers)")
    for match in LOWER_SPOKEN_POSTCODE.finditer(text):
        if _uk_area(match.group()):
            yield Found(match.start(), match.end(), "POSTCODE", 0.8, "UK postcode (spoken letters and numbers, lower case)")


def _uk_area(said: str) -> bool:
    """Whether the letters a spoken postcode opens with are a UK postcode area ('s e', not 'a')."""
    letters = re.match(r"[a-z](?:\s+[a-z](?![a-z]))?", said, re.IGNORECASE)
    return bool(letters) and re.sub(r"\s+", "", letters.group()).lower() in UK_AREAS


# ---- emails and web addresses ---------------------------------------------------------------------
TLD = r"(?:uk|com|org|net|ac|gov|nhs|co|edu|io|info|ie|eu|me|au|nz|ca|scot)"
SPOKEN_TLD = rf"(?:{TLD}|us|za|sch|i\s+e|u\s+k|c\s+a|n\s+z|a\s+u)"
"""Said after 'dot': also the endings too short or too common to trust after a written full stop, and endings
spelled out ('dot i e')."""
EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
WEBMAIL = r"(?:gmail|googlemail|hotmail|yahoo|outlook|live|icloud|aol|btinternet|sky|talktalk|virginmedia|eircom|proton|protonmail|bigpond|shaw|rogers)"
EMAIL_WITH_AT_SAID = re.compile(
    rf"(?<![\w@.])(?:[\w+\-]*[._\d][\w.+\-]*[\w\d]|[\w+\-]+(?=\s+at\s+{WEBMAIL}\.))\s+at\s+[\w\-]+(?:\.[\w\-]+)*\.{TLD}\b", I)
"""An email speech recognition wrote with 'at' said and its domain written ('jo.bloggs at gmail.com', 'kevin at
outlook.com'): the local part holds a dot, an underscore or a digit, or the domain is a webmail's."""
NOT_AN_EMAILS_NAME = frozenset("email e-mail mail message account address inbox work home".split())
"""Words before 'at' and a webmail's domain that name no mailbox ('sent an email at gmail.com')."""
URL = re.compile(rf"(?:\bhttps?://|\bwww\.)[^\s,;\"')]+|\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.{TLD}\b(?:\.uk)?(?:/[^\s,;\"')]*)?"
                 rf"|\b[a-z][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{{2,6}}/[\w\-]+[^\s,;\"')]*", I)
"""A web address: 'www.…', a domain with a common ending, or any domain with a page after it ('bit.ly/3xYz9Q')."""
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][A-Za-z0-9_]{2,}\b")
"""A social media handle: '@MonctonMums'."""
SOCIAL_PAGE_SAID = re.compile(
    r"\b(?:facebook|instagram|insta|twitter|tiktok|youtube|linkedin)(?:\s+dot\s+com)?\s+(?:forward\s+)?slash\s+", I)
"""A social network's page said with 'slash' ('facebook slash duluth peers'): the page's name follows."""
WORD = r"[a-z0-9]+"
SPOKEN_DOT = r"\s+(?:dot|full stop|point)\s+"
LOCAL_WORD = rf"(?:[a-z](?:\s+[a-z]){{1,12}}|(?:(?![ai]\s)[a-z]\s+)?{WORD})(?:[\s-]+(?:{NUMBER_WORD}|\d+))?"
"""A word of an email's local part: a word, an initial and a word ('d mcallister') or letters spelled out, perhaps
followed by a number ('chauhan seventy-one')."""
SPOKEN_EMAIL = re.compile(
    rf"\b(?<!['’]){LOCAL_WORD}(?:\s+(?:dot|underscore|hyphen|dash)\s+{LOCAL_WORD})*\s+at\s+{WORD}(?:\s+(?!at\b){WORD}){{0,3}}(?:{SPOKEN_DOT}{WORD}(?:\s+{WORD})?)*{SPOKEN_DOT}{SPOKEN_TLD}(?:{SPOKEN_DOT}{SPOKEN_TLD})?\b", I)
EMAIL_SAID_WITH_DOMAIN = re.compile(
    rf"\be-?mail(?:\s+address)?(?:\s+(?:is|was)|['’]s|,?\s+it['’]s)?[\s,:]+((?:(?!at\b)[\w'’-]+,?\s+){{0,3}}?(?!at\b)[\w'’-]+)"
    rf",?\s+at\s+[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.{TLD}\b", I)
"""An email address said, that speech recognition wrote in words up to the domain: 'the email is broccoli warriors at
nampl.com'."""
LOOK_AT = re.compile(r"^(?:\S+\s+)?(?:look|looking|looked|go|going|visit|find\s+\w+|online|up|it|us|them|there|here)\s+at\b", I)
"""'have a look at carers dot org': a verb or place before 'at', not the local part of an email."""
SPOKEN_PATH = rf"(?:\s+(?:forward\s+)?slash\s+{WORD}(?:\s+{WORD}){{0,2}})*"
"""'... dot org slash young people': a path said after the domain."""
SPOKEN_URL = re.compile(
    rf"\b(?:w\s*w\s*w|www|h\s*t\s*t\s*p\s*s?(?:\s+colon)?(?:\s+(?:forward\s+)?slash){{0,2}}){SPOKEN_DOT}{WORD}(?:\s+{WORD}){{0,3}}"
    rf"(?:{SPOKEN_DOT}{WORD}(?:\s+{WORD}){{0,2}})*?{SPOKEN_DOT}{SPOKEN_TLD}(?:{SPOKEN_DOT}{SPOKEN_TLD})?\b{SPOKEN_PATH}"
    rf"|\b(?<!['’])(?:{WORD}\s+){{0,3}}{WORD}{SPOKEN_DOT}(?:org|com|net|nhs|gov|co|ac|edu|ie|i\s+e|ca|c\s+a|nz|n\s+z|uk|u\s+k|us|scot|io|info)"
    rf"(?:{SPOKEN_DOT}(?:uk|au|nz|za|ca|u\s+k|a\s+u|n\s+z))?\b{SPOKEN_PATH}", I)
NOT_IN_A_DOMAIN = frozenset("""website site page web online address email called go visit is it's its on at the our their
search google googled try check see find look""".split())


DOT_SAID = re.compile(r"\b(?:dot|full\s+stop|point(?=\s+(?:org|com|net|co|uk|ie|gov|nhs|edu|ac|au|nz|ca|za)\b))\b", I)
"""A dot said in an address ('dot', 'full stop', 'point' before a domain's last part; 'at that point' is none)."""
REACH = 200
"""Characters around a 'dot' said aloud within which a spoken address holding it is looked for."""


def _near_dots_said(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Matches of `pattern` (a spoken address, which always says 'dot') searched only near the dots said: most
    transcripts say none, and the patterns are slow over a whole interview."""
    return matches_within(pattern, text, windows_around(DOT_SAID, text, REACH, REACH))


ADDRESS_PARTS = re.compile(r"\s*(?:\.|\b(?:dot|full\s+stop|point)\b)\s*", I)
GOVERNMENT_LABELS = frozenset({"gov", "govt", "gouv", "nhs"})
"""A government's own labels in a domain, kept where they are all there is ('gov.uk', 'nhs.uk')."""
SPOKEN_ONLY_ENDINGS = frozenset({"us", "za"})
"""Country endings said in a spoken address that TLD leaves out."""
PATH_AFTER = re.compile(r"(?:/|-\w|\s+(?:forward\s+)?slash\b)", I)
"""A page's path going on after an address as speech recognition wrote it ('Facebook.com-group-…', '… slash group')."""


def a_national_address(address: str, after: str = "") -> bool:
    """The home address of a national body or brand the allow list keeps ('nhs.uk', 'hse dot ie',
    'citizensadvice.org.uk', 'gov.uk'): it says where anyone can read, not who the speaker is. A page under it is
    not ('facebook.com/groups/…'), nor one whose path speech recognition wrote apart (`after` is the text that
    follows: 'Facebook.com slash group slash …')."""
    host, _, path = re.sub(r"^(?:https?://)?(?:www\b\.?|w\s*w\s*w\s+(?:dot\s+)?)?", "", address.lower()).partition("/")
    if path.strip("/") or re.search(r"\bslash\b", host) or PATH_AFTER.match(after):
        return False  # 'facebook.com/groups/…': the page is someone's
    labels = [re.sub(r"\s+", "", label) for label in ADDRESS_PARTS.split(host) if label.strip()]
    names = labels[:]
    while len(names) > 1 and (re.fullmatch(TLD, names[-1]) or names[-1] in SPOKEN_ONLY_ENDINGS):
        names.pop()  # 'org', 'uk' of 'citizensadvice.org.uk'; 'nhs' of 'nhs.uk' stays, being all there is
    allowed = _allowed_run_together()
    return bool(names) and all(name in allowed or name in GOVERNMENT_LABELS for name in names)


@functools.lru_cache(maxsize=1)
def _allowed_run_together() -> frozenset[str]:
    """The allow terms as a domain writes them: lower case, no spaces or apostrophes ('citizensadvice', 'ageuk')."""
    from interviewer.anonymise.gazetteers import default_allow_terms

    return frozenset(re.sub(r"[\s'’]+", "", term.lower()) for term in default_allow_terms())


def find_addresses_online(text: str) -> Iterator[Found]:
    for match in EMAIL.finditer(text):
        yield Found(match.start(), match.end(), "EMAIL", 0.95, "email address")
    spoken_emails = [match.span() for match in _near_dots_said(SPOKEN_EMAIL, text)
                     if not LOOK_AT.search(match.group())]
    for match in EMAIL_SAID_WITH_DOMAIN.finditer(text):
        spoken_emails.append((match.start(1), match.end()))
    for match in EMAIL_WITH_AT_SAID.finditer(text):
        local = match.group().split()[0].lower()
        if local not in STOP_WORDS and local not in NOT_AN_EMAILS_NAME:  # 'an email at gmail.com', 'me at hotmail.com'
            spoken_emails.append(match.span())
    for start, end in spoken_emails:
        yield Found(start, end, "EMAIL", 0.85, "spoken email address")
    for match in URL.finditer(text):
        value = match.group().rstrip(".")
        if "@" in text[max(0, match.start() - 1):match.start()]:
            continue
        if not a_national_address(value, text[match.start() + len(value):match.start() + len(value) + 20]):
            yield Found(match.start(), match.start() + len(value), "URL", 0.85, "web address")
    for match in _near_dots_said(SPOKEN_URL, text):
        if any(start < match.end() and match.start() < end for start, end in spoken_emails):
            continue
        start = match.start()
        # A domain said as several words ('beechwood lodge care dot co dot uk') starts after the last lead-in word
        # ('have a look at family carers dot ie').
        name = re.split(r"\s(?:dot|full stop|point)\s", match.group(), maxsplit=1, flags=I)[0]
        for word in re.finditer(r"\S+", name):
            if word.group().lower() in NOT_IN_A_DOMAIN or word.group().lower() in STOP_WORDS:
                start = match.start() + word.end() + 1
        if not a_national_address(text[start:match.end()], text[match.end():match.end() + 20]):
            yield Found(start, match.end(), "URL", 0.8, "spoken web address")
    for match in HANDLE.finditer(text):
        yield Found(match.start(), match.end(), "URL", 0.8, "social media handle")
    for match in SOCIAL_PAGE_SAID.finditer(text):
        start = end = match.end()
        named = 0
        for word in re.finditer(r"[\w'’-]+", text[start:start + 80]):
            if named == 3 or word.group().lower() in STOP_WORDS or text[end:start + word.start()].strip():
                break  # the page's name ends at a little word or a comma
            named += word.group().lower() != "slash"
            end = start + word.end()
        if end > match.end():
            yield Found(match.start(), end, "URL", 0.8, "social media page said with 'slash'")


# ---- names spelled letter by letter ---------------------------------------------------------------
SPELLED_EMPLOYER_BEFORE = re.compile(
    r"\b(?:(?:works?|worked|working|employed)\s+(?:for|at|by)|(?:job|jobs|contract)\s+(?:for|at|with))\s+$", I)
"""What says a spelled-out name is an employer ('works for F E D E X'). Narrower than acronyms.WORKPLACE_BEFORE: a
name spelled out is a person's unless the cue leaves no doubt ('works with K A T E' is a colleague)."""
SPELLED = re.compile(r"\b[A-Za-z](?:-[A-Za-z]){3,}\b|\b[A-Z](?:\.? [A-Z]){3,}\b(?![a-z])")


def find_spelled_names(text: str) -> Iterator[Found]:
    for match in SPELLED.finditer(text):
        end = match.end()
        if match.group().endswith(". I") and re.match(r" [a-z]", text[end:end + 2]):
            end -= 3  # 'We met at L S U. I was stationed ...': the next sentence's 'I'
        letters = re.sub(r"[^A-Za-z]", "", text[match.start():end]).lower()
        if len(letters) < 4 or letters.startswith("www") or letters in allowed_acronyms():
            continue
        if SPELLED_EMPLOYER_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            yield Found(match.start(), end, "ORGANIZATION", 0.8, "an employer's name spelled letter by letter")
            continue
        yield Found(match.start(), end, "PERSON", 0.8, "name spelled letter by letter")


def find_structured(text: str) -> list[Found]:
    found: list[Found] = []
    for finder in (find_numbers, find_postcodes, find_addresses_online, find_spelled_names, find_spelled_acronyms, find_ages,
                   find_dates, find_international, find_spoken_postcodes, find_id_numbers):
        found.extend(finder(text))
    return found
