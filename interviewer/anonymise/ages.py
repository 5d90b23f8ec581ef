"""Provides exact ages said of someone: after who it is ('she was 16', 'my dad, 83,'), a turn of life ('turned
forty', 'lived to ninety-six'), 'years old', 'at sixteen', a name ('Callum's twenty-four'), an answer to the age
question, a birthday named by the age; and, from spoken_ages, ages where no punctuation marks them."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.cues import MONTHS, PERSON_WORDS, WEEKDAYS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.numbers import DECADES, NUMBER_WORD, TEN_OR_MORE_ORDINAL, number_value
from interviewer.anonymise.spoken_ages import find_spoken_ages
from interviewer.anonymise.windows import matches_within, windows_around

I = re.IGNORECASE


NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
NOT_AN_AGE_AFTER = re.compile(
    r"(?:-?(?:odd|ish|some)\b)?[ \t]*(?:-?[ \t]*(?:years?|yrs|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|pounds?|quid|pence|p\b|%|per|percent|o'?clock|"
    r"am\b|pm\b|times|people|of\b|stone|kilos?|miles|mph|k\b|thousand|hundred|million|grand|beds?|staff|patients|"
    r"nurses|sessions|hours|feet|foot|yards|metres|meters|inches|doors|past\b|or\b|to\b|more|less|at\b(?!\s+the\s+time|\s+least\b|\s+most\b|\s+christmas\b|\s+easter\b)|in the morning|in the evening|a\.m|p\.m)|[.:]\d)", I)
NEW_CLAUSE = (r"(?:i\s+(?!and\b|or\b)[a-z]+\b|(?:i|he|she|we|they|you)(?:['’](?:s|m|re|d|ll|ve)\b|\s+(?:was|were|is|am|are|had|has|have|got|goes|went|"
              r"lives|works|can|could|would|will|did|does|do|get|got|go|think|know|mean|remember|said|started|moved|met|left|came|"
              r"felt|need|used|just|still|never|always|gave|told|took|put|found|kept|made|don['’]t|didn['’]t)\b"
              r"|\s+[a-z]{2,}ed\b)|(?:he|she)\s+[a-z]+s\b)")
"""A clause starting: in speech without punctuation it ends the one before ('ellie's three she's at the nursery', 'he's
seven he knows', 'baraka is three they gave him', 'appa is seventy-three he retired')."""
HEDGE = (r"(?:just|only|nearly|near|almost|about|around|barely|already|still|like|maybe|probably|going on(?: for)?|"
         r"(?:not|no) even|not yet|no yet|"
         r"coming up(?: to| for)?|pushing|getting on for|knocking on|um|er|erm)")
"""Words said between 'she was' and an age: 'only 16', 'like twenty', 'going on ninety', 'coming up 60', 'coming up for
nine', 'she's no even thirty'."""
AGE_SUBJECT = (r"(?:I|he|she|you|we|they|mum|dad|mam|mom|mother|father|husband|wife|son|daughter|who|eldest|oldest|youngest|"
               r"boy|girl|lad|lass|baby|brother|sister|grandson|granddaughter|nan|gran|grandma|grandpa|partner|"
               r"da|ma|pa|mammy|mummy|mommy|daddy|nana|nanna|granny|grandad|granda|grandmother|grandfather|aunt|auntie|"
               r"uncle|niece|nephew|stepson|stepdaughter|stepdad|stepmum|"
               r"middle one|little one|big one|twins|kids|boys|girls|children|grandkids|grandchildren|sons|daughters|"
               r"bairns|weans|wee man|wee one|little man|him|her)")
"""Who an age is said of: a pronoun, kin, or children together ('the twins are four'); 'him' and 'her' as dialect says
'him is twelve'."""
AGE_CUE = re.compile(
    rf"\b(?:{AGE_SUBJECT}\s*(?:'m|’m|am|'s|’s|is|was|were|'re|’re|are|turned|turns|hit|hits|will be|'ll be|’ll be|"
    rf"(?:'m|’m|am|'s|’s|is|are|'re|’re)\s+(?:gonna|going\s+to)\s+be|"
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
AGE_NOW = re.compile(rf"\b(?:is|'s|’s|was)\s+({NUM})\s+(?:now|next\s+\w+|this\s+year|last\s+(?!time\b)\w+)\b", I)
"""An age told with when it was or will be ('she's six now', 'he was 58 last year'); not a reading 'last time' ('my
HbA1c was 58 last time')."""
APPOSITIVE_AGE = re.compile(
    rf"\b([a-z]+)(?:\s+now)?,\s+(?:{HEDGE}\s+)?({NUM})(?=\s*[,.;]|\s+(?:and|&|or|maybe|but)\b|[ \t]*(?:\n|$))", I)
"""An age set beside who it is (one of SAID_BESIDE_AN_AGE): 'my dad, 83, still drives', 'a big girl now, eleven,
but', 'two boys, eight and ten', 'at my age, 67,', 'only a kid, maybe 11 or 12', 'a retired nurse, seventy-four and'."""
SAID_BESIDE_AN_AGE = PERSON_WORDS | frozenset("""mum mam mom dad mother father nan gran grandma grandpa grandad teenager
toddler child youngster youngest eldest oldest age boys girls kids children sons daughters twins grandkids
grandchildren""".split())
AGE_WITHOUT_VERB = re.compile(
    rf"\b(?:eldest|oldest|youngest|middle one|little one)\s+({NUM})(?=\s*[,.;!?]|\s+and\b|[ \t]*(?:\n|$))", I)
"""An age after which child it is, its verb said once for two: 'oldest is 16, youngest 12', 'my youngest six' ending
the line."""
CHILDREN_AND_AGES = re.compile(
    rf"\b(?:two|three|four|both|the|my|our|his|her|their)\s+(?:girls|boys|kids|children|lads|lasses|sons|daughters|"
    rf"grandkids|grandchildren|twins|bairns|weans),?\s+({NUM}),?\s+and\s+({NUM})\b", I)
"""Children counted, then their ages said together: 'two girls seven and nine', 'the boys, 4 and 6'."""
DESCRIBED_AGE = re.compile(
    rf"\b(?:a|an)\s+(?:young|youthful|fit|spry|sprightly|healthy|lively|proud|active|strong)\s+({NUM})(?=\s*[,.;!?]|\s+(?:and|but|now)\b"
    rf"|[ \t]*(?:\n|$))", I)
"""An age described: 'she's a young 82, still goes to the gym', 'a sprightly ninety-one'."""
PRONOUN_AGE_AFTER = re.compile(rf"[,;]?\s+(?:and\s+)?(?:him|her|them|he|she)\s+({NUM})\b", I)
"""A second person's age said with a pronoun after one ('me, I'm 38, him 41')."""
AT_AGE = re.compile(rf"\bat\s+((?:{NUMBER_WORD})|\d{{2,3}})(?=\s*[,.;!?]|\s+(?:with|when|and|because|cos)\b|[ \t]*(?:\n|$)"
                    rf"|\s+{NEW_CLAUSE})", I)
"""'I joined up at sixteen,' 'had his stroke at fifty-nine,': a teen or adult age said with 'at'."""
NAMED_AGE = re.compile(
    rf"\b([A-Z][a-z]+)(?:'s|’s|,?\s+is|,?\s+was|\s+turned|\s+turns|,)\s+(?:just\s+|only\s+|nearly\s+|almost\s+)?({NUM})\b")
"""A person's name then their age: 'Callum's twenty-four', 'Zosia was nine', 'Jack, is seven', 'Mr Desai, seventy-six,'."""
LOWER_NAMED_AGE = re.compile(rf"(?<![\w'’])([a-z]+)(?:'s|’s|\s+is|\s+was|\s+turned|\s+turns|,)\s+(?:{HEDGE}\s+)?({NUM})\b")
"""'zayn's seven.', 'austin was six and', 'amira, fourteen,': a name in no word list (or a first name that is no word)
then an age closing the clause, in lower case."""
WHOSE_CHILD_BEFORE = re.compile(
    r"\b(?:(?:my|our|his|her|their)\s+(?:youngest|eldest|oldest|middle\s+one|little\s+one|son|daughter|boy|girl|grandson|"
    r"granddaughter|wee\s+one)|our)\s+$", I)
"""Which child a first name that is also a word follows: 'my youngest jack is seven', 'our mia's six'."""
NOW_AGE = re.compile(rf"(?:\s+then)?[,;]?\s+(?:and\s+|but\s+)?now\s+({NUM})\b")
"""An age said after an earlier one with 'now': 'I was 69 then, now 71'."""
SAID_OF_SOMEONE = re.compile(r",\s+(?:he|she)(?:['’]s|\s+is|\s+was)\b", I)
"""After an age set beside a name: the person it is said of ('cal, eleven, he's mad on the fitba')."""
CLAUSE_END_AFTER = re.compile(
    r"\s*(?:[,.;!?]|\s(?:and|when|then|but|so|because|cos|now|yesterday|today|going\s+on)\b"
    r"|\s(?:that|this|last|next)\s+(?:day|week|weekend|month|year|summer|winter|spring|autumn|time)\b"
    rf"|\s(?:in|on|at)\s+(?:the\s+)?(?:{'|'.join(sorted(MONTHS | WEEKDAYS))}|christmas|easter)\b)"
    rf"|[ \t]*(?:\n|$)|\s+{NEW_CLAUSE}", I)
SPEAKER_WITHOUT_COLON = r"(?:p|r|i|participant|respondent|interviewee|carer|patient)"
"""A speaker's label left without its colon, as in a transcript stripped of punctuation."""
FRONTED_AGE = re.compile(
    rf"(?:^[ \t]*(?:[A-Z][\w ]{{0,30}}:\s*)?|[.!?]\s+|\b(?:and|but|so|well)\s+)(?:({NUM}),?\s+(?:I|he|she|we|they|you)\s+"
    rf"(?:was|were|is|am|'d|’d|had|would|got|turned)\b|({NUM}),?\s+and\s+still\b|({NUM})\s+next\s+(?:year|birthday)\b)", I | re.M)
"""An age said first: 'Nineteen, she was, when she had him', 'twenty-two I was', 'Eighty-seven and still driving',
'seventy next year, I said to her'."""
ANSWER_AGE = re.compile(rf"^(?:[A-Z][\w ]{{0,30}}:\s*|{SPEAKER_WITHOUT_COLON}\s+)?(?:(?:oh|um|erm|uh|well|so|yeah|i'm|i am|she's|he's|about|nearly|"
                        rf"almost|just|turned)[,\s]+){{0,3}}({NUM})(?:,?\s+(?:now|next month|this year|(?:in|last|next) [a-z]+))?"
                        rf"(?=\s*(?:[.!,]|$)|\s+(?:{NEW_CLAUSE}|and|but|so)\b)", I | re.M)
"""A turn that answers with an age, perhaps after a filler and with a time after it ('Eleven.', 'sixty-three in june',
'oh about fourteen'), in cased or lower-case, unpunctuated text."""


def _a_name(word: str, gaz) -> bool:
    """A first name, or a word in no English word list ('Róisín'): who a baby's age can be said of."""
    lower = word.lower()
    return lower not in STOP_WORDS and (lower in gaz.first_names or not gaz.is_common(lower)) and lower not in MONTHS


NUMBER_NEXT = re.compile(rf",\s*(?:{NUM}|\d)\b", I)


def _named_in_commas(text: str, match: re.Match, gaz) -> bool:
    """'I had one girl, Jordan, fifteen, who': a capitalised name set apart by commas, then the age between commas,
    with no number after it ('Leeds, two, three times' counts visits)."""
    name = match.group(1)
    before = text[max(0, match.start(1) - 2):match.start(1)]
    return name[:1].isupper() and _a_name(name, gaz) and before.endswith(", ") \
        and text[match.end(2):match.end(2) + 1] == "," and not NUMBER_NEXT.match(text, match.end(2))


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
BARE_AGE = re.compile(rf"\b(?:she|he)\s+({NUM})(?=\s*[.,;!?]|\s+(?:she|he)\s)", I)
"""An age without 'is', as Caribbean, West African and African American English say it: 'she eighty-one.', 'she
eighty-one she get the stroke'."""
BABY_AGE = re.compile(
    rf"\b(?:when\s+(?:i|he|she|we|they)\s+was|(?:he|she|who|([^\W\d_]+))(?:,?\s+(?:is|was)|\s*['’]s))\s+"
    rf"(?:about\s+|like\s+|only\s+|just\s+|nearly\s+|almost\s+)?({NUM}\s+(?:weeks?|months?))(?:\s+old|\s+now)?\b", I)
"""A baby's age in weeks or months: 'when he was about nine months', 'Grace is eleven weeks now', 'the baby's eight
weeks', 'Róisín, who's ten weeks', 'she's fourteen months' (not 'it was six months', a while)."""
BABY_BESIDE = re.compile(rf"\b([^\W\d_]+),\s+(?:about\s+|only\s+|just\s+|nearly\s+)?({NUM}\s+(?:weeks?|months?))"
                         rf"(?=\s*[,.;!?]|\s+(?:and|old|now)\b|[ \t]*(?:\n|$))", I)
"""A baby's age in weeks or months set beside who it is: 'Alfie, eight months and into everything'."""
PLACED_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of)\s+$", I)
NOT_A_BABYS_AGE_AFTER = re.compile(
    r"\s+(?:pregnant|gone|along|in|into|behind|late|early|overdue|off|clean|sober|dry|clear|free|out|post|ago|later|away|on|"
    r"since|of|from|before|after|back|sick|waiting|there|without|with|to|till|until|at|by|for|more|less|left)\b", I)
"""What makes weeks or months said of someone a while ('she was six months pregnant', 'he's two months clean')."""
BABY_WORDS = frozenset("baby babby bubba bub newborn".split())
"""Who a number of weeks or months said of is an age, with no 'old' or 'now' after it."""
AGE_DECADE = re.compile(rf"\bin\s+(?:my|his|her)\s+((?:(?:early|mid|late)[\s-]+)?(?:teens|{'|'.join(DECADES)}))\b", I)
"""One person's age given by its decade: 'she's in her eighties', 'in my late forties' (not 'patients in their
eighties', a group's)."""


AGE_ROUGHLY = re.compile(r"-?(?:odd|ish|some)\b|\s+and\s+a\s+half\b", I)
"""What makes an age rough or a part more: 'seventy-odd', 'fiftyish', 'ninety-some', 'five and a half'."""
NEXT_AGE = re.compile(rf",?\s+(?:or\s+|maybe\s+)?({NUM})\b(?!\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|pounds?|quid|dollars?|%))",
                      I)
"""A second number said after an age, correcting or rounding it ('I was nineteen, twenty', 'fifty, maybe fifty-two')."""
A_WHILE_AFTER = re.compile(
    rf",?\s+(?:or\s+|maybe\s+)?{NUM}(?:\s+and\s+a\s+half)?\s+(?:hours?|minutes?|days?|weeks?|months?|years?|miles?)\b", I)
"""A second amount with its unit after a rough one: the first was an amount too ('two and a half, three hours')."""
AND_AGE = re.compile(rf"\s+(?:and|&)\s+(?:(?:our|my|his|her)\s+[a-z]+(?:['’]s|\s+is|\s+was)?\s+)?({NUM})\b", I)
"""Another person's age said with one ('they're eleven and eight', 'our kayleigh is twenty and our jordan eighteen')."""


def find_ages(text: str) -> Iterator[Found]:
    """Ages, each taking in a rough ending ('seventy-odd') and a second guess said after it ('nineteen, twenty')."""
    for found in _ages(text):
        value = number_value(text[found.start:found.end])
        rough = AGE_ROUGHLY.match(text, found.end)
        if rough and (NOT_AN_AGE_AFTER.match(text, rough.end()) or A_WHILE_AFTER.match(text, rough.end())):
            continue  # 'she's two and a half hours away', 'two and a half, three hours': a while
        if rough:
            found = Found(found.start, rough.end(), found.entity_type, found.score, found.reason)
        yield found
        now = NOW_AGE.match(text, found.end)
        if now and value is not None and 0 < (number_value(now.group(1)) or 0) - value <= 40 \
                and not NOT_AN_AGE_AFTER.match(text, now.end(1)):
            yield Found(now.start(1), now.end(1), "AGE", found.score, "an age now said after an earlier one")
        second = NEXT_AGE.match(text, found.end)
        then = number_value(second.group(1)) if second else None
        if value is not None and then is not None and 0 < abs(then - value) <= 3:
            yield Found(second.start(1), second.end(1), "AGE", found.score, "a second guess at an age")
        pronoun = PRONOUN_AGE_AFTER.match(text, found.end)
        if pronoun and _plausible_age(pronoun.group(1), False) and CLAUSE_END_AFTER.match(text, pronoun.end(1)) \
                and not NOT_AN_AGE_AFTER.match(text, pronoun.end(1)):
            yield Found(pronoun.start(1), pronoun.end(1), "AGE", found.score, "another age said with a pronoun")
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
    gaz = load_gazetteers()
    for match in matches_within(BABY_AGE, text, windows):
        said_of = (match.group(1) or "").lower()
        said = match.group().lower()
        sure = said.startswith("when") or said_of in BABY_WORDS or said.endswith(("old", "now"))
        # 'he', 'she', 'who' or a name, not 'it', 'that' or a place ('the waitlist in Madison was fourteen months')
        placed = PLACED_BEFORE.search(text, max(0, match.start() - 8), match.start())
        someone = not said_of or _a_name(match.group(1), gaz) and not placed
        if sure or someone and not NOT_A_BABYS_AGE_AFTER.match(text, match.end(2)):
            yield Found(match.start(2), match.end(2), "AGE", 0.7, "a baby's age in weeks or months")
    for match in matches_within(BABY_BESIDE, text, windows):
        if match.group(1).lower() in BABY_WORDS or match.group(1)[:1].isupper() and _a_name(match.group(1), gaz):
            yield Found(match.start(2), match.end(2), "AGE", 0.7, "a baby's age in weeks or months beside who it is")
    for match in BIRTHDAY_AGE.finditer(text):
        yield Found(match.start(1), match.end(1), "AGE", 0.75, "age said as a birthday")
    for match in matches_within(BARE_AGE, text, windows):
        if _plausible_age(match.group(1), True) and number_value(match.group(1)) >= 10:
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "age after 'she' or 'he' without a verb")
    for match in matches_within(APPOSITIVE_AGE, text, windows):
        if (match.group(1).lower() in SAID_BESIDE_AN_AGE or _named_in_commas(text, match, gaz)) and _age_at(text, match, 2):
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
        # 'cal, eleven, he's mad on the fitba': a first name that is also a word, set beside an age and said of someone
        beside_someone = name in gaz.first_names and "," in match.group() and SAID_OF_SOMEONE.match(text, match.end(2))
        named = name in gaz.first_names and not gaz.is_common(name) or not gaz.is_common(name) and len(name) >= 3
        whose_child = name in gaz.first_names and WHOSE_CHILD_BEFORE.search(text, max(0, match.start() - 25), match.start())
        if (named or beside_someone or whose_child) \
                and name not in STOP_WORDS and name not in MONTHS and _age_at(text, match, 2) \
                and CLAUSE_END_AFTER.match(text, match.end(2)):
            yield Found(match.start(2), match.end(2), "AGE", 0.65, "age after a name in lower case")
    for match in matches_within(FRONTED_AGE, text, windows):
        said = next(group for group in (1, 2, 3) if match.group(group))
        if _plausible_age(match.group(said), True):
            yield Found(match.start(said), match.end(said), "AGE", 0.7, "age said before 'she was', 'I was'")
    for match in matches_within(BIRTHDAY_SAID_BY_ITS_AGE, text, windows):
        yield Found(match.start(1), match.end(1), "AGE", 0.7, "a birthday named by the age")
    for match in matches_within(CHILDREN_AND_AGES, text, windows):
        if all(_plausible_age(match.group(k), False) and number_value(match.group(k)) <= 25 for k in (1, 2)) \
                and not NOT_AN_AGE_AFTER.match(text, match.end(2)):
            for k in (1, 2):
                yield Found(match.start(k), match.end(k), "AGE", 0.7, "ages said together after the children counted")
    for match in matches_within(DESCRIBED_AGE, text, windows):
        if _plausible_age(match.group(1), True) and number_value(match.group(1)) >= 20:
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "an age described ('a young 82')")
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
    yield from find_spoken_ages(text, _age_at, _plausible_age, windows)
