"""Provides the recognizers for structured identifiers: NHS numbers, phones, postcodes, emails, web
addresses (written and spoken), spelled-out names, exact ages and specific dates."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import allowed_acronyms, find_spelled_acronyms
from interviewer.anonymise.cues import MONTHS
from interviewer.anonymise.dates import find_dates
from interviewer.anonymise.found import Found
from interviewer.anonymise.international import find_international
from interviewer.anonymise.spoken_ages import find_spoken_ages
from interviewer.anonymise.spoken_postcodes import UK_AREAS, find_spoken_postcodes
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.id_numbers import find_id_numbers
from interviewer.anonymise.numbers import (
    DECADES, DIGIT_WORD, NUMBER_WORD, SPOKEN_DIGIT, SPOKEN_PAIR, TEN_OR_MORE_ORDINAL, number_value, spoken_digits, valid_nhs_number,
)
from interviewer.anonymise.windows import matches_within, windows_around

I = re.IGNORECASE

# ---- numbers: phones and NHS numbers -------------------------------------------------------------
WRITTEN_NUMBER = re.compile(r"(?<![\w£$€.,])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)?\d[\d \-()]{7,16}\d(?![\w%]|,\d|\.\d)")
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
            elif len(digits) >= 9 and ("number" in before or how == "spoken digits" or PHONE_WORD.search(before[-40:])):
                yield Found(match.start(), match.end(), "PHONE", 0.6, f"long number ({how})")
            elif not digits.endswith("000"):
                # No amount or year runs to nine digits unpunctuated: 'the Medicare card. It's 253718461'.
                yield Found(match.start(), match.end(), "ID_NUMBER", 0.5, f"long number of unknown kind ({how})")


# ---- postcodes ------------------------------------------------------------------------------------
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", I)
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
URL = re.compile(rf"(?:\bhttps?://|\bwww\.)[^\s,;\"')]+|\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.{TLD}\b(?:\.uk)?(?:/[^\s,;\"')]*)?", I)
WORD = r"[a-z0-9]+"
SPOKEN_DOT = r"\s+(?:dot|full stop|point)\s+"
LOCAL_WORD = rf"(?:[a-z](?:\s+[a-z]){{1,12}}|(?:(?![ai]\s)[a-z]\s+)?{WORD})(?:[\s-]+(?:{NUMBER_WORD}|\d+))?"
"""A word of an email's local part: a word, an initial and a word ('d mcallister') or letters spelled out, perhaps
followed by a number ('chauhan seventy-one')."""
SPOKEN_EMAIL = re.compile(
    rf"\b(?<!['’]){LOCAL_WORD}(?:\s+(?:dot|underscore|hyphen|dash)\s+{LOCAL_WORD})*\s+at\s+{WORD}(?:\s+{WORD}){{0,3}}(?:{SPOKEN_DOT}{WORD}(?:\s+{WORD})?)*{SPOKEN_DOT}{SPOKEN_TLD}(?:{SPOKEN_DOT}{SPOKEN_TLD})?\b", I)
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
    rf"|\b(?<!['’])(?:{WORD}\s+){{0,3}}{WORD}{SPOKEN_DOT}(?:org|com|net|nhs|gov|co|ac|edu|ie|i\s+e|ca|nz|uk|us|scot|io|info)(?:{SPOKEN_DOT}(?:uk|au|nz|za|ca|u\s+k))?\b{SPOKEN_PATH}", I)
NOT_IN_A_DOMAIN = frozenset("website site page web online address email called go visit is it's its on at the our their".split())


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


# ---- exact ages -------------------------------------------------------------------------------------
NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
NOT_AN_AGE_AFTER = re.compile(
    r"(?:-?(?:odd|ish|some)\b)?\s*(?:-?\s*(?:years?|yrs|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|pounds?|quid|pence|p\b|%|per|percent|o'?clock|"
    r"am\b|pm\b|times|people|of\b|stone|kilos?|miles|k\b|thousand|hundred|million|grand|beds?|staff|patients|"
    r"nurses|sessions|hours|feet|foot|yards|metres|meters|inches|doors|past\b|or\b|to\b|more|less|at\b(?!\s+the\s+time|\s+least\b|\s+most\b)|in the morning|in the evening|a\.m|p\.m)|[.:]\d)", I)
NEW_CLAUSE = (r"(?:i\s+(?!and\b|or\b)[a-z]+\b|(?:i|he|she|we|they|you)(?:['’](?:s|m|re|d|ll)\b|\s+(?:was|were|is|am|are|had|has|have|got|goes|went|"
              r"lives|works|can|could|would|will|did|does|do|get|got|go|think|know|mean|remember|said|started|moved|met|left|came|"
              r"felt|need|used|just|still|never|always|don['’]t|didn['’]t)\b)|(?:he|she)\s+[a-z]+s\b)")
"""A clause starting: in speech without punctuation it ends the one before ('ellie's three she's at the nursery', 'he's
seven he knows')."""
HEDGE = (r"(?:just|only|nearly|almost|about|around|barely|already|still|like|maybe|probably|going on(?: for)?|"
         r"coming up(?: to| for)?|pushing|getting on for|knocking on|um|er|erm)")
"""Words said between 'she was' and an age: 'only 16', 'like twenty', 'going on ninety', 'coming up 60', 'coming up for
nine'."""
AGE_SUBJECT = (r"(?:I|he|she|you|we|they|mum|dad|mam|mom|mother|father|husband|wife|son|daughter|who|eldest|oldest|youngest|"
               r"boy|girl|lad|lass|baby|brother|sister|grandson|granddaughter|nan|gran|grandma|grandpa|partner|"
               r"middle one|little one|big one|twins|kids|boys|girls|children|grandkids|grandchildren|sons|daughters|"
               r"bairns|weans|him|her)")
"""Who an age is said of: a pronoun, kin, or children together ('the twins are four'); 'him' and 'her' as dialect says
'him is twelve'."""
AGE_CUE = re.compile(
    rf"\b(?:{AGE_SUBJECT}\s*(?:'m|’m|am|'s|’s|is|was|were|'re|’re|are|turned|turns|will be|'ll be|’ll be|"
    rf"would have been|'d have been|’d have been|would be|'d be|’d be)|aged|(?:the\s+)?age(?:\s+of)?|being|"
    rf"turned|turning|turn|reached|just turned|lived to|lived till)(?:\s+(?:{HEDGE}\s+)?|,\s*{HEDGE}\s*,\s*)({NUM})\b", I)
"""An age after who it is said of, 'aged', 'the age of' ('from the age of twelve', 'by the age of 30'), a turn of life
or how long someone lived ('lived to ninety-six'), maybe hedged ('I was, like, six')."""
AN_AGE_LIMIT = re.compile(r"\b(?:over|under|above|below|than|past)\s+(?:the\s+)?$", I)
"""Before 'the age of': a limit, no one's age ('over the age of 18')."""
YEARS_OLD_ANCHOR = re.compile(r"(?:years?|months?|weeks?|days?)(?:[\s-]+(?:old|young)|\s+of\s+age)\b", I)
"""Where 'years old' is said: the age before it is looked for there only (a number is tried at every word else)."""
YEARS_OLD = re.compile(rf"\b({NUM})[\s-]+(?:years?|months?|weeks?|days?)(?:[\s-]+(?:old|young)|\s+of\s+age)\b", I)
"""'seventy years old', 'a six-year-old', 'six months old', and in dialect 'forty seven year of age'."""
PERSON_OF_AGE = re.compile(
    rf"\b(?:a|my|our|his|her|their)\s+(?:daughter|son|boy|girl|lad|lass|grandson|granddaughter|child|kid|bairn|wean|"
    rf"man|woman|lady|gentleman|fella|bloke)\s+of\s+(?:{HEDGE}\s+)?({NUM})\b", I)
"""'a daughter of six', 'a woman of eighty': a person described by their age."""
AGE_NOW = re.compile(rf"\b(?:is|'s|’s|was)\s+({NUM})\s+(?:now|next\s+\w+|this\s+year|last\s+\w+)\b", I)
APPOSITIVE_AGE = re.compile(
    rf"\b([a-z]+)(?:\s+now)?,\s+(?:{HEDGE}\s+)?({NUM})(?=\s*[,.;]|\s+(?:and|&|or|maybe|but)\b)", I)
"""An age set beside who it is (one of SAID_BESIDE_AN_AGE): 'my dad, 83, still drives', 'a big girl now, eleven,
but', 'two boys, eight and ten', 'at my age, 67,', 'only a kid, maybe 11 or 12'."""
SAID_BESIDE_AN_AGE = frozenset("""lady man woman lad lass girl boy gentleman fella bloke chap son daughter husband wife
partner patient client mum mam mom dad mother father brother sister grandson granddaughter nan gran grandma grandpa
grandad nephew niece teenager toddler kid child youngster youngest eldest oldest age boys girls kids children sons
daughters twins grandkids grandchildren""".split())
AGE_WITHOUT_VERB = re.compile(rf"\b(?:eldest|oldest|youngest|middle one|little one)\s+({NUM})(?=\s*[,.;!?]|\s+and\b)", I)
"""An age after which child it is, its verb said once for two: 'oldest is 16, youngest 12'."""
AT_AGE = re.compile(rf"\bat\s+((?:{NUMBER_WORD})|\d{{2,3}})(?=\s*[,.;!?]|\s+(?:with|when|and|because|cos)\b|[ \t]*(?:\n|$)"
                    rf"|\s+{NEW_CLAUSE})", I)
"""'I joined up at sixteen,' 'had his stroke at fifty-nine,': a teen or adult age said with 'at'."""
NAMED_AGE = re.compile(
    rf"\b([A-Z][a-z]+)(?:'s|’s|,?\s+is|,?\s+was|\s+turned|\s+turns|,)\s+(?:just\s+|only\s+|nearly\s+|almost\s+)?({NUM})\b")
"""A person's name then their age: 'Callum's twenty-four', 'Zosia was nine', 'Jack, is seven', 'Mr Desai, seventy-six,'."""
LOWER_NAMED_AGE = re.compile(rf"(?<![\w'’])([a-z]+)(?:'s|’s|\s+is|\s+was|\s+turned|\s+turns|,)\s+(?:{HEDGE}\s+)?({NUM})\b")
"""'zayn's seven.', 'austin was six and', 'amira, fourteen,': a name in no word list (or a first name that is no word)
then an age closing the clause, in lower case."""
CLAUSE_END_AFTER = re.compile(
    r"\s*(?:[,.;!?]|\s(?:and|when|then|but|now)\b|\s(?:that|this|last)\s+(?:day|week|year|summer|winter|spring|autumn|time)\b)"
    rf"|[ \t]*(?:\n|$)|\s+{NEW_CLAUSE}", I)
SPEAKER_WITHOUT_COLON = r"(?:p|r|i|participant|respondent|interviewee|carer|patient)"
"""A speaker's label left without its colon, as in a transcript stripped of punctuation."""
FRONTED_AGE = re.compile(
    rf"(?:^[ \t]*(?:[A-Z][\w ]{{0,30}}:\s*)?|[.!?]\s+|\b(?:and|but|so|well)\s+)(?:({NUM}),?\s+(?:I|he|she|we|they|you)\s+"
    rf"(?:was|were|is|am|'d|’d|had|would|got|turned)\b|({NUM}),?\s+and\s+still\b)", I | re.M)
"""An age said first: 'Nineteen, she was, when she had him', 'twenty-two I was', 'Eighty-seven and still driving'."""
ANSWER_AGE = re.compile(rf"^(?:[A-Z][\w ]{{0,30}}:\s*|{SPEAKER_WITHOUT_COLON}\s+)?(?:(?:oh|um|erm|uh|well|so|yeah|i'm|i am|she's|he's|about|nearly|"
                        rf"almost|just|turned)[,\s]+){{0,3}}({NUM})(?:,?\s+(?:now|next month|this year|(?:in|last|next) [a-z]+))?"
                        rf"(?=\s*(?:[.!,]|$)|\s+(?:{NEW_CLAUSE}|and|but|so)\b)", I | re.M)
"""A turn that answers with an age, perhaps after a filler and with a time after it ('Eleven.', 'sixty-three in june',
'oh about fourteen'), in cased or lower-case, unpunctuated text."""


def _plausible_age(value: str, spoken_needs_ten: bool = True) -> bool:
    number = number_value(value)
    if number is None:
        return False
    if not value.strip().isdigit() and spoken_needs_ten:
        return 10 <= number <= 115
    return 1 <= number <= 115


def _age_at(text: str, match: re.Match, group: int) -> bool:
    """Whether the number in `group` reads as an age: not followed by a unit, and under ten only when the clause
    ends there ('he was two, and' but not 'he was one of them')."""
    value = match.group(group)
    if NOT_AN_AGE_AFTER.match(text, match.end(group)):
        return False
    return _plausible_age(value, True) or (_plausible_age(value, False) and bool(CLAUSE_END_AFTER.match(text, match.end(group))))


KIN_OF_A_BIRTHDAY = frozenset("""mum mam mom mother dad father nan nana gran granny grandma grandad grandpa husband wife
partner son daughter brother sister auntie aunt uncle""".split())
"""Kin whose birthday is named by the age alone ('Mum's 80th')."""
BIRTHDAY_AGE = re.compile(rf"\b(?:my|his|her|your|our|their)\s+(?:big\s+)?({TEN_OR_MORE_ORDINAL})\s+birthday\b", I)
"""An age said as the birthday it was: 'my seventy-fifth birthday', 'her 18th birthday'."""
BIRTHDAY_SAID_BY_ITS_AGE = re.compile(
    rf"\b(?:my|his|her|your|their|(?:{'|'.join(sorted(KIN_OF_A_BIRTHDAY))})['’]s)\s+(?:big\s+)?({TEN_OR_MORE_ORDINAL})"
    rf"(?=\s*[,.;!?]|\s+(?:party|do|bash|celebration|in|last|this|next|at|when|we)\b)", I)
"""A birthday named by the age alone: 'Mum's 80th last year', 'her 90th in June', 'for my fortieth we went' (not 'our
25th', an anniversary, nor 'her 40th cigarette')."""
BARE_AGE = re.compile(rf"\b(?:she|he)\s+({NUM})(?=\s*[.,;!?])", I)
"""An age without 'is', as Caribbean, West African and African American English say it: 'she eighty-one.'"""
BABY_AGE = re.compile(
    rf"\b(?:when\s+(?:i|he|she|we|they)\s+was|(?:he|she|who|([a-z]+))(?:\s+(?:is|was)|\s*['’]s))\s+(?:about\s+|like\s+|only\s+|just\s+)?"
    rf"({NUM}\s+(?:weeks?|months?))(?:\s+old|\s+now)?\b", I)
"""A baby's age in weeks or months: 'when he was about nine months', 'Grace is eleven weeks now', 'the baby's eight
weeks' (not 'it was six months', a while)."""
BABY_WORDS = frozenset("baby babby bubba bub newborn".split())
"""Who a number of weeks or months said of is an age, with no 'old' or 'now' after it."""
AGE_DECADE = re.compile(rf"\bin\s+(?:my|his|her)\s+((?:(?:early|mid|late)[\s-]+)?(?:teens|{'|'.join(DECADES)}))\b", I)
"""One person's age given by its decade: 'she's in her eighties', 'in my late forties' (not 'patients in their
eighties', a group's)."""


AGE_ROUGHLY = re.compile(r"-?(?:odd|ish|some)\b")
"""What makes an age rough: 'seventy-odd', 'fiftyish', 'ninety-some'."""
NEXT_AGE = re.compile(rf",?\s+(?:or\s+|maybe\s+)?({NUM})\b(?!\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|pounds?|quid|dollars?|%))",
                      I)
"""A second number said after an age, correcting or rounding it ('I was nineteen, twenty', 'fifty, maybe fifty-two')."""
AND_AGE = re.compile(rf"\s+(?:and|&)\s+({NUM})\b", I)
"""Another person's age said with one ('they're eleven and eight')."""


def find_ages(text: str) -> Iterator[Found]:
    """Ages, each taking in a rough ending ('seventy-odd') and a second guess said after it ('nineteen, twenty')."""
    for found in _ages(text):
        value = number_value(text[found.start:found.end])
        rough = AGE_ROUGHLY.match(text, found.end)
        if rough:
            found = Found(found.start, rough.end(), found.entity_type, found.score, found.reason)
        yield found
        second = NEXT_AGE.match(text, found.end)
        then = number_value(second.group(1)) if second else None
        if value is not None and then is not None and 0 < abs(then - value) <= 3:
            yield Found(second.start(1), second.end(1), "AGE", found.score, "a second guess at an age")
        other = AND_AGE.match(text, found.end)
        if other and CLAUSE_END_AFTER.match(text, other.end(1)) and not NOT_AN_AGE_AFTER.match(text, other.end(1)):
            yield Found(other.start(1), other.end(1), "AGE", found.score, "another age said with an age")


NUMBER_START = re.compile(r"\d|(?i:\b(?:t(?:wo|hree|en|welve|wenty|hirt)|f(?:our|ive|ift|ort)|s(?:ix|even)|e(?:ight|leven)|nine|one"
                          r"|hundred))")
"""Where a number may start: a cheap test, so the age patterns that need a number are searched only near one."""
BEFORE_A_NUMBER, AFTER_A_NUMBER = 110, 40
"""Characters an age pattern may take before its number ('would have been going on') and after it."""


def _ages(text: str) -> Iterator[Found]:
    windows = windows_around(NUMBER_START, text, BEFORE_A_NUMBER, AFTER_A_NUMBER)
    for match in AGE_DECADE.finditer(text):
        yield Found(match.start(1), match.end(1), "AGE", 0.8, "age given by its decade")
    for match in matches_within(BABY_AGE, text, windows):
        said_of = (match.group(1) or "").lower()
        when = match.group().lower().startswith("when")
        if said_of in STOP_WORDS or not (when or said_of in BABY_WORDS or match.group().lower().endswith(("old", "now"))):
            continue  # 'it was six months': a while, not an age
        yield Found(match.start(2), match.end(2), "AGE", 0.7, "a baby's age in weeks or months")
    for match in BIRTHDAY_AGE.finditer(text):
        yield Found(match.start(1), match.end(1), "AGE", 0.75, "age said as a birthday")
    for match in matches_within(BARE_AGE, text, windows):
        if _plausible_age(match.group(1), True) and number_value(match.group(1)) >= 10:
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "age after 'she' or 'he' without a verb")
    for match in matches_within(APPOSITIVE_AGE, text, windows):
        if match.group(1).lower() in SAID_BESIDE_AN_AGE and _age_at(text, match, 2):
            yield Found(match.start(2), match.end(2), "AGE", 0.75, "age after a person")
    for pattern, reason in ((AGE_CUE, "age after 'I'm/aged'"), (AGE_NOW, "age with 'now'"),
                            (PERSON_OF_AGE, "a person 'of' an age")):
        for match in matches_within(pattern, text, windows):
            # 'our aoife who's only nine started …': after 'who', a small number is an age though no clause ends there
            of_who = match.group().lower().startswith("who") and _plausible_age(match.group(1), False) \
                and not NOT_AN_AGE_AFTER.match(text, match.end(1))
            a_limit = AN_AGE_LIMIT.search(text, max(0, match.start() - 12), match.start())
            if (of_who or _age_at(text, match, 1)) and not a_limit:
                yield Found(match.start(1), match.end(1), "AGE", 0.75, reason)
    for match in matches_within(AT_AGE, text, windows):
        number = number_value(match.group(1))
        if number is not None and 13 <= number <= 110 and not NOT_AN_AGE_AFTER.match(text, match.end(1)):
            yield Found(match.start(1), match.end(1), "AGE", 0.6, "age after 'at'")
    gaz = load_gazetteers()
    for match in matches_within(NAMED_AGE, text, windows):
        name = match.group(1).lower()
        apposition = match.group().startswith(f"{match.group(1)},") and not re.match(r",\s+(?:is|was)\b", text[match.end(1):])
        before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, match.start() - 20):match.start()])
        named_person = bool(before) and (before.group(1) in ("Mr", "Mrs", "Ms", "Miss", "Dr") or (
            before.group(1).lower() in gaz.first_names and before.group(1).lower() not in STOP_WORDS))
        if apposition and not (CLAUSE_END_AFTER.match(text, match.end(2)) and (name not in gaz.places or named_person)):
            continue  # 'Desai, seventy-six,' but not 'Leeds, two, three'
        if (name in gaz.first_names or not gaz.is_common(name)) and name not in MONTHS and _age_at(text, match, 2):
            yield Found(match.start(2), match.end(2), "AGE", 0.7, "age after a person's name")
    for match in matches_within(LOWER_NAMED_AGE, text, windows):
        name = match.group(1)
        if (name in gaz.first_names and not gaz.is_common(name) or not gaz.is_common(name) and len(name) >= 3) \
                and name not in STOP_WORDS and name not in MONTHS and _age_at(text, match, 2) \
                and CLAUSE_END_AFTER.match(text, match.end(2)):
            yield Found(match.start(2), match.end(2), "AGE", 0.65, "age after a name in lower case")
    for match in matches_within(FRONTED_AGE, text, windows):
        said = 1 if match.group(1) else 2
        if _plausible_age(match.group(said), True):
            yield Found(match.start(said), match.end(said), "AGE", 0.7, "age said before 'she was', 'I was'")
    for match in matches_within(BIRTHDAY_SAID_BY_ITS_AGE, text, windows):
        yield Found(match.start(1), match.end(1), "AGE", 0.7, "a birthday named by the age")
    for match in matches_within(AGE_WITHOUT_VERB, text, windows):
        if _age_at(text, match, 1):
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "age after which child, the verb left out")
    for anchor in YEARS_OLD_ANCHOR.finditer(text):
        for match in YEARS_OLD.finditer(text, max(0, anchor.start() - 40), anchor.end()):
            if match.end() == anchor.end() and _plausible_age(match.group(1), False):
                yield Found(match.start(), match.end(), "AGE", 0.85, "'years old', 'months old'")
    for match in matches_within(ANSWER_AGE, text, windows):
        previous = text[max(0, match.start() - 200):match.start()].lower()
        question = previous.rsplit("\n", 2)[-2] if previous.count("\n") >= 1 else previous
        if re.search(r"\bhow old\b|\bage\b", question) and _plausible_age(match.group(1), True):
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "answer to an age question")
    yield from find_spoken_ages(text, _age_at, _plausible_age)


def find_structured(text: str) -> list[Found]:
    found: list[Found] = []
    for finder in (find_numbers, find_postcodes, find_addresses_online, find_spelled_names, find_spelled_acronyms, find_ages,
                   find_dates, find_international, find_spoken_postcodes, find_id_numbers):
        found.extend(finder(text))
    return found
