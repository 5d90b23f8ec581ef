"""Provides the rules for specific dates, written or said ('the ninth of November', 'March the 3rd, 2019',
'Christmas 2020', '12/03/2019'), not durations."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import NUMBER_WORD, TEENS, TEN_OR_MORE_ORDINAL, TENS, UNITS, number_value
from interviewer.anonymise.windows import matches_within, windows_around
from interviewer.anonymise.words import content_word_after

I = re.IGNORECASE


MONTH = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Sept)"
"""Any case: lower-case transcripts write 'june twenty nineteen'."""
WEEKDAY = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                 "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                 "twentieth", "thirtieth"]
ORDINAL_DAY = (rf"(?i:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
               rf"|{'|'.join(ORDINAL_WORDS)})")
DAY = rf"(?i:\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_DAY})"
"""A day of the month, written or said, in any case ('the Twelfth of February')."""
YEAR = rf"(?:(?:19|20)\d{{2}}|['’]\d{{2}}|(?:nineteen|twenty)[\s-](?:oh[\s-])?(?:{NUMBER_WORD})|two thousand(?:(?: and)? (?:{NUMBER_WORD}))?)"
"""A year written or said: '2019', '’98', 'twenty twenty-one', 'nineteen ninety-eight', 'two thousand and nine',
'two thousand ten'."""
HOLIDAY = (r"(?i:Christmas Eve|Christmas Day|Christmas|Xmas|Boxing Day|New Year['’]?s Eve|New Year['’]?s Day|"
           r"New Year['’]?s|New Year|Hogmanay|Ne['’]?erday|Easter Sunday|Easter Monday|Easter|Good Friday|Shrove Tuesday|Pancake Day|Bonfire Night|"
           r"Guy Fawkes(?: Night)?|Hallowe['’]?en|Valentine['’]?s(?: Day)?|Mother['’]?s Day|Mothering Sunday|Father['’]?s Day|"
           r"Burns Night|(?:St\.?|Saint) (?:Patrick|David|Andrew|George|Stephen)['’]?s Day|Paddy['’]?s Day|Patrick['’]?s Day|"
           r"Anzac Day|Australia Day|Waitangi Day|Canada Day|Victoria Day|Labou?r Day|Memorial Day|Veterans Day|"
           r"Independence Day|Fourth of July|Thanksgiving(?: Day| Monday| weekend)?|Remembrance (?:Day|Sunday)|Armistice Day|"
           r"Groundhog Day|Melbourne Cup(?: Day)?|Diwali|Eid|Hanukkah|Juneteenth)")
"""The holidays of the English-speaking world, in any case: with a year, or a day before or after one, they date a
day of someone's life."""
RELATIVE_YEAR = r",?\s+(?:(?:last|this|next|that)\s+year|the\s+year\s+(?:before|after)|just\s+gone)\b"
"""A year told by the one it is said in: 'the 28th of February last year', 'the day after Boxing Day that year' (not
'Thanksgiving this year', said of the holiday as often as of a day)."""
WHOSE = r"(?i:my|me|his|her|our|their|your|[a-z]+['’]s)"
ABBREVIATED_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
"""A month written short; capitalised and beside a day only, as 'Jan' and 'Dec' are names too."""
SHORT_MONTH_ANY_CASE = r"(?i:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)"
"""A month said or written short in any case, taken after 'the fourth of' or before a year only ('the fourth of jan',
'feb twenty twenty-two', "Feb '19"): alone, 'jan' and 'dec' are names."""
MAY_AFTER_A_PREPOSITION = "(?:" + "|".join(rf"(?<=\b{word} )" for word in ("in", "In", "since", "from", "until", "by", "of")) + ")"
"""Before 'May' told by its year: a preposition says it is the month ('in May last year'), not the verb ('we may last
year have')."""
MISHEARD_OF = r"\s+(?:on|and|o|a)\s+"
"""The 'of' of a spoken date as speech recognition hears it at times: 'the 19th on November', 'the second and August',
'11th, January' (a comma only after digits: 'he came first, August second' is no date)."""
DATES = [
    (re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b(?:,?\s+{YEAR}\b)?"), "day and month"),
    (re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)(?:,\s*|{MISHEARD_OF})|{ORDINAL_DAY}{MISHEARD_OF})(?!(?i:may|march)\b){MONTH}\b"
                rf"(?:,?\s+{YEAR}\b)?"), "day and month"),
    (re.compile(rf"\b{MONTH}\s+(?:the\s+)?{DAY}\b(?:,?\s+{YEAR}\b)?"), "month and day"),
    (re.compile(rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}\b"), "month and year"),
    (re.compile(rf"\b(?:(?!(?i:may)\b){MONTH}|{MAY_AFTER_A_PREPOSITION}(?i:may))(?:\s+of)?(?:\s+(?:last|that)\s+year"
                rf"|\s+the\s+year\s+(?:before|after)|\s+just\s+gone)\b"), "month and the year it was in"),
    (re.compile(rf"\b{WEEKDAY},?\s+(?:the\s+(?!(?i:first|second|third)\b){DAY}|\d{{1,2}}(?:st|nd|rd|th))\b"), "weekday and day"),
    (re.compile(rf"\b{HOLIDAY},?\s+(?:of\s+)?{YEAR}\b"), "holiday and year"),
    (re.compile(rf"\b(?:the\s+)?(?:day|night|morning|evening|{WEEKDAY})\s+(?:after|before)\s+"
                rf"(?:{HOLIDAY}|{WHOSE}\s+(?:(?:big\s+)?(?:{TEN_OR_MORE_ORDINAL})\s+)?birthday|{WHOSE}\s+{TEN_OR_MORE_ORDINAL}\b"
                rf"|the\s+twelfth)(?:,?\s+(?:in\s+)?{YEAR}\b|{RELATIVE_YEAR})?"), "a day by a holiday or birthday"),
    (re.compile(rf"\b{DAY}\s+of\s+(?:this|next|last)\s+month\b"), "day of this month"),
    (re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}\b"),
     "numeric date"),
    (re.compile(rf"\b{ABBREVIATED_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{YEAR}\b)?"
                rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{ABBREVIATED_MONTH}\b\.?(?:,?\s+{YEAR}\b)?"
                rf"|\b(?:(?i:the)\s+)?{DAY}\s+of\s+{SHORT_MONTH_ANY_CASE}\b\.?(?:,?\s+{YEAR}\b)?"
                rf"|\b{SHORT_MONTH_ANY_CASE}\.?,?\s+(?:of\s+)?{YEAR}(?![\w'’-])"), "month written short"),
]


THE_BEFORE = re.compile(r"\bthe\s+$", I)
"""The 'the' a spoken date opens with ('the second of February'), taken into the date."""
HOLIDAY_DAY = re.compile(
    r"(?:(?:fourth|4th) of july|july (?:the )?(?:fourth|4th)|(?:fifth|5th) of november|(?:twenty[\s-]fifth|25th) of december"
    r"|(?:seventeenth|17th) of march|(?:first|1st) of (?:january|july)|(?:twelfth|12th) of july|(?:thirty[\s-]first|31st) of october)",
    I)
"""A day and month (without a year) that names a public holiday."""
PERSONAL_DATE_CUE = re.compile(r"\b(?:born|birthday|died|passed|married|wedding|anniversary|diagnosed|admitted|discharged)\b", I)


MONTH_OR_HOLIDAY = re.compile(rf"\b(?:{MONTH}|{HOLIDAY}|{WEEKDAY})\b")
NEAR_A_DATE_WORD = 50
"""Characters either side of a month, holiday or weekday that a spoken date may take ('the twenty-seventh of March, two
thousand and nineteen', 'Tuesday the 9th'): the date patterns are searched only there, not along the whole text."""


WHOLE_TEXT = ("numeric date", "month written short", "day of this month")
"""Dates that need no month or holiday written in full: searched along the whole text."""
RELATIVE_YEAR_AFTER = re.compile(RELATIVE_YEAR, I)
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY},?\s+(?:the\s+)?$")
"""The weekday a date is said with: 'Tuesday 18 April', 'Sunday, October 13th'."""


def _date_matches(text: str) -> Iterator[tuple[re.Match, str]]:
    windows = windows_around(MONTH_OR_HOLIDAY, text, NEAR_A_DATE_WORD, NEAR_A_DATE_WORD)
    for pattern, reason in DATES:
        for match in matches_within(pattern, text, [(0, len(text))] if reason in WHOLE_TEXT else windows):
            yield match, reason


DAY_AFTER_A_DATE = re.compile(rf"\s+(?:[a-z]+\s+){{0,6}}?(?:on|until|till|to|out|by|and)\s+(the\s+{DAY})\b(?!\s+(?:of\s+)?{MONTH})", I)
"""A day said alone after a full date, its month understood: 'in on the ninth of November and came out the
twenty-third'."""


CENTURY_YEAR_IN_WORDS = (rf"(?:nineteen|twenty)[\s-](?:oh[\s-](?:{'|'.join(UNITS)})|{'|'.join(TEENS)}|(?:{'|'.join(TENS)})"
                         rf"(?:[\s-](?:{'|'.join(UNITS)}))?)")
"""A year said by its century and the rest: 'nineteen ninety-eight', 'twenty fourteen', 'twenty oh eight'."""
YEAR_IN_WORDS = rf"{CENTURY_YEAR_IN_WORDS}|two thousand(?:(?:\s+and)?\s+(?:{NUMBER_WORD}))?"
"""A year said in words, with no other date to carry it: 'nineteen ninety-eight', 'twenty fourteen', 'twenty oh eight',
'two thousand and nine'. Stricter than YEAR, which follows a month: alone, 'twenty two' is a number."""
WRITTEN_YEAR = r"(?:19[3-9]\d|20[0-4]\d)"
"""A year of someone's life written in digits, 1930 to 2049."""
NOT_A_YEAR_AFTER = (r"years?|yrs|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|percent|per|pounds?|quid|dollars?"
                    r"|bucks|euros?|rand|people|kids|children|patients|times|miles?|km|kilos?|stone|pence|grand|odd|thousand"
                    r"|hundred|million|calories|steps|units|of|or|to|ward|bed|bay|room|floor")
YEAR_OF_AN_EVENT = re.compile(
    rf"\b(?:in|since|from|until|till|by|around|circa|before|after|during|back\s+in)\s+({WRITTEN_YEAR}|{YEAR_IN_WORDS}"
    rf"|['’]\d\d|oh[\s-](?:{'|'.join(UNITS)}))\b"
    rf"(?![\s-]+(?:{NOT_A_YEAR_AFTER})\b|[-/:]\d|\s*%)", I)
"""A year said or written alone after a word that places an event in it ('moved here in 2019', 'since twenty
fourteen', 'back in nineteen ninety-eight', "in '98", 'in oh eight'): a date of the speaker's life; not an amount ('in
twenty-one days', 'from 2000 people')."""
YEAR_OF_A_LIFE_EVENT = re.compile(
    rf"\b(?:born|died|passed|married|divorced|moved|emigrated|retired|diagnosed|widowed|back)\s+in\s+"
    rf"((?:{'|'.join(TENS[1:])})[\s-](?:{'|'.join(UNITS)}))\b(?![\s-]+(?:{NOT_A_YEAR_AFTER})\b|\s*%)", I)
"""A year said by its last two digits after a life event ('we moved back in ninety-eight', 'she died in sixty-four'):
alone, 'in ninety-eight' may be an amount."""
YEARS_FROM_TO = re.compile(
    rf"\b(?:from|between)\s+({WRITTEN_YEAR}|{CENTURY_YEAR_IN_WORDS})\s+(?:to|and|till|until|through|-)\s+"
    rf"({WRITTEN_YEAR}|{CENTURY_YEAR_IN_WORDS})\b", I)
"""Two years that bound a time of someone's life ('from 2015 to 2018', 'between twenty ten and twenty twelve')."""
YEAR_ROUGHLY = re.compile(
    rf"\b(?:(?:early|late|mid)(?:\s+|-)|(?:the\s+)?(?:end|start|beginning|middle|turn|back\s+end)\s+of\s+)"
    rf"({WRITTEN_YEAR}|{YEAR_IN_WORDS})\b(?![\s-]+(?:{NOT_A_YEAR_AFTER})\b|[-/:]\d|\s*%|s\b)", I)
"""A year placed roughly but still a date of someone's life: 'in late 2017', 'mid-2018', 'early twenty nineteen',
'the end of 2020' (not 'the late 1990s', a decade)."""
YEAR_OF_A_MOVE_OR_A_TIME = re.compile(
    rf"\b(?:(?:it|that|this)\s+was|(?:it|that)(?:['’]d|\s+would|\s+must)(?:\s+have|['’]ve)?\s+(?:be|been)|"
    rf"(?:arrived?|came|moved|left|emigrated|born|died)(?:\s+(?:here|there|over|back|out|home))?)"
    rf",?\s+({WRITTEN_YEAR}|{CENTURY_YEAR_IN_WORDS})\b(?![\s-]+(?:{NOT_A_YEAR_AFTER})\b|[-/:]\d|\s*%)", I)
"""A year said straight after 'it was' or a move, without 'in' ('it was twenty nineteen i'd just moved', 'i arrive here
nineteen eighty nine'); not 'two thousand', which is as often an amount ('it was two thousand a month')."""
DAY_ALONE = re.compile(
    r"\b(?:on|from|since|until|till|by|week\s+of|(?:date|due|birthday)(?:['’]s|\s+(?:was|is|will\s+be))?)"
    r"(?:,?\s+(?:like|about|around),?)?\s+the\s+"
    r"((?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)|(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth)"
    r"(?=\s*[,.;!?]|\s*$|\s+(?:and|right|through|till|until|to|when|so|we|i|he|she|they|it|was|is)\b)", I)
"""A day of the month said alone, its month understood ('he was in from the twenty-third right through to new year',
'on, like, the 23rd, so', 'her due date was the twelfth so'): a specific day; not 'on the third floor', 'the fourth
time', nor the first three said in words, which speech uses for much else ('on the first go')."""
DAY_BEFORE_A_DATE = re.compile(rf"\b(?:the\s+)?({DAY})\s+(?:to|till|until|and|or|through|-)\s+$", I)
"""The first day of two said with one month ('from the 3rd to the 10th of August', 'the second and third of May')."""


YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
YEAR_SAID = re.compile(YEAR_IN_WORDS, I)


def year_value(text: str) -> int | None:
    """The year a date holds, written or said: '3rd March 2019' -> 2019, 'june twenty nineteen' -> 2019, 'nineteen
    ninety-eight' -> 1998, 'twenty oh eight' -> 2008, 'two thousand and nine' -> 2009; None when it holds none."""
    written = YEAR_WRITTEN.search(text)
    if written:
        return int(written.group())
    said = YEAR_SAID.search(" ".join(text.split()))
    if not said:
        return None
    century, rest = re.split(r"[\s-]", said.group().lower(), maxsplit=1)
    if century == "two":  # 'two thousand', 'two thousand and nine'
        rest = re.sub(r"^thousand(?:\s+and)?\s*", "", rest)
        return 2000 + (number_value(rest) or 0)
    return (1900 if century == "nineteen" else 2000) + (number_value(re.sub(r"^oh[\s-]", "", rest)) or 0)


def _years_of_events(text: str) -> Iterator[Found]:
    for match in YEAR_OF_AN_EVENT.finditer(text):
        yield Found(match.start(1), match.end(1), "DATE", 0.6, f"a year after '{match.group().split()[0]}'")
    for match in YEAR_OF_A_MOVE_OR_A_TIME.finditer(text):
        yield Found(match.start(1), match.end(1), "DATE", 0.6, "a year after 'it was' or a move")
    for match in YEAR_OF_A_LIFE_EVENT.finditer(text):
        yield Found(match.start(1), match.end(1), "DATE", 0.6, "a year said by two digits after a life event")
    for match in YEARS_FROM_TO.finditer(text):
        first, last = year_value(match.group(1)), year_value(match.group(2))
        if first and last and first < last:
            yield Found(match.start(1), match.end(2), "DATE", 0.6, "two years that bound a time")
    for match in YEAR_ROUGHLY.finditer(text):  # 'mid-2018' whole: written as one word, it is no code
        yield Found(match.start(), match.end(), "DATE", 0.7, "a year placed roughly ('late', 'mid', 'the end of')")


def find_dates(text: str) -> Iterator[Found]:
    yield from _years_of_events(text)
    for match in DAY_ALONE.finditer(text):
        yield Found(match.start(1), match.end(1), "DATE", 0.6, "a day of the month said alone")
    for found in _dates(text):
        yield found
        if found.reason.endswith("(day and month)"):
            first = DAY_BEFORE_A_DATE.search(text, max(0, found.start - 30), found.start)
            if first:
                yield Found(first.start(), first.end(1), "DATE", 0.8, "a day said before a date, its month shared")
            then = DAY_AFTER_A_DATE.match(text, found.end)
            if then and then.end() - found.end < 60 and not content_word_after(text, then.end()):
                yield Found(then.start(1), then.end(1), "DATE", 0.7, "a day said after a date, its month understood")


def _dates(text: str) -> Iterator[Found]:
    for match, reason in _date_matches(text):
        value = match.group()
        if reason == "month and day" and value[:3].lower() == "may" and not re.search(r"\d|st\b|nd\b|rd\b|th\b", value[3:]):
            continue
        if HOLIDAY_DAY.fullmatch(value) and not PERSONAL_DATE_CUE.search(text, max(0, match.start() - 40), match.start()):
            continue  # 'on the Fourth of July we do a cookout': a holiday, not a date of someone's life
        the = THE_BEFORE.search(text, max(0, match.start() - 5), match.start()) if reason == "day and month" else None
        start = the.start() if the else match.start()
        end = match.end()
        if reason in ("day and month", "month and day"):
            weekday = WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
            start = weekday.start() if weekday else start
            later = None if year_value(value) else RELATIVE_YEAR_AFTER.match(text, end)
            end = later.end() if later else end
        yield Found(start, end, "DATE", 0.85, f"specific date ({reason})")
