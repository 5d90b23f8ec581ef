"""Provides ages as people say them where no punctuation marks them: 'a lad of sixteen', 'we had a lady fifty-eight
discharged', 'nineteen she was when she had him', 'enlisted at eighteen right out of school', 'smoked from twelve'."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import NUMBER_WORD, number_value
from interviewer.anonymise.windows import matches_within

I = re.IGNORECASE
NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
PERSON_NOUN = (r"(?:lad|lass|girl|boy|man|woman|lady|gentleman|gent|widow|widower|fella|fellow|bloke|chap|child|kid|"
               r"youngster|teenager|patient|client|grandad|granny|pensioner)")
"""A person whose age may be given after them; not a parent, whose 'of three' counts children."""
PERSON_OF_AGE = re.compile(rf"\b{PERSON_NOUN}\s+of\s+({NUM})\b", I)
"""'a lad of sixteen', 'a widow of seventy-two', 'a gentleman of ninety-four'."""
PERSON_THEN_AGE = re.compile(
    rf"\b(?:a|an|one|this|the|our)\s+(?:(?:old|young|little|elderly)\s+)?{PERSON_NOUN}\s+({NUM})\b(?!\s*[,.]?\s*{NUM}\b)", I)
"""An age straight after 'a lady', 'this young lad' where no commas mark it off: 'we had a lady fifty-eight discharged'."""
SHE_WAS = re.compile(r"\s(?:i|he|she|we|they)\s+(?:was|were)(?=\s+(?:when|then|at the time)\b|\s*[,.;!?]|[ \t]*(?:\n|$))", I)
NUMBER_BEFORE = re.compile(rf"\b({NUM})$", I)
"""An age said before 'she was' inside a turn with no full stop before it: '... and nineteen she was when she had him'."""

LIFE_EVENT_AT = re.compile(
    rf"\b(?:enlisted|joined\s+up|signed\s+up|got\s+married|married|diagnosed|retired|emigrated|widowed|died|passed(?:\s+away)?|"
    rf"left\s+school|left\s+home|fell\s+pregnant|had\s+(?:him|her|them|my\s+\w+|our\s+\w+))\s+at\s+({NUM})\b", I)
"""An age given by a life event, whatever follows it: 'enlisted at eighteen right out of high school'."""
HABIT_OR_START = (r"(?:smoked|smoking|smoke|drank|drinking|drink|using|used|vaping|gambling|started|starting|began|left|moved|"
                  r"worked|working|died|passed|lost|married|retired|emigrated|quit|stopped|packed\s+it\s+in|gave\s+up|"
                  r"had\s+the\s+same|had\s+it|suffered|struggled|been)")
"""What someone did from or at an age: a habit, a start, a loss."""
AGE_OF_A_HABIT = re.compile(
    rf"\b{HABIT_OR_START}(?:\s+[\w'’]+){{0,4}}?,?\s+(at|from)\s+(?:(?:about|around|only|just|like|roughly)\s+)?({NUM})\b", I)
"""An age said after what was done from or at it, a few words on: 'smoked a pack a day from thirteen', 'left the school
at sixteen', 'moved out here from Saskatoon at nineteen for the work', 'lost her dad at fifty-nine to the same thing'."""
AGE_BEFORE_WHAT_WAS_DONE = re.compile(
    rf"\b(?:from|since)\s+({NUM})\s+(?=(?!(?:running|going|coming|leaving|arriving|departing|onwards)\b)[a-z]{{2,}}ing\b)", I)
"""An age said before what was done from it, where no comma marks it off: 'in the yards from sixteen welding', 'bad
periods from thirteen growing up in wagga' (not a bus or a platform: 'the bus from fourteen running late')."""
AGE_UNTIL_A_CLAUSE = re.compile(
    rf"\b(?:at|from)\s+({NUM})\s+(?:until|till|til|when)\s+(?:i|he|she|we|they|you)\b", I)
"""An age said before the clause that ended what it began: 'in the canteen from sixteen until I had my first'."""
NOT_AN_AGE_OF_A_HABIT = re.compile(
    rf"(?:-?(?:odd|ish))?[ \t]*(?:-?[ \t]*(?:years?|yrs|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|pounds?|quid|pence|dollars?|"
    rf"bucks|euros?|p\b|%|per|percent|o'?clock|am\b|pm\b|a\.m|p\.m|times|people|stone|kilos?|pounds|miles|mph|k\b|thousand|"
    rf"hundred|million|grand|milligrams?|mg|mls?|units?|degrees|cigarettes|fags|a\s+(?:day|week|night|month)|past\b"
    rf"|(?:(?:to|till|until|til|or|and|-)\s*)?{NUM}\b)|[.:]\d)", I)
"""What makes the number after 'from' or 'at' an amount, a time or a range of hours, not an age ('started at twenty
milligrams', 'worked from twelve till two', 'from fifteen hundred', 'left at sixteen thirty')."""


def find_spoken_ages(text: str, is_age: Callable[[str, re.Match, int], bool],
                     plausible: Callable[[str, bool], bool], windows: list[tuple[int, int]]) -> Iterator[Found]:
    """`is_age(text, match, group)` says whether a number reads as an age where it stands (no unit after it);
    `plausible(value, spoken_needs_ten)` whether its value can be a person's age; `windows` are the stretches of
    `text` near a number (see windows.windows_around), where a pattern holding one is searched."""
    for match in matches_within(PERSON_OF_AGE, text, windows):
        if is_age(text, match, 1):
            yield Found(match.start(1), match.end(1), "AGE", 0.75, "age after 'a lad of', 'a woman of'")
    for match in matches_within(PERSON_THEN_AGE, text, windows):
        if is_age(text, match, 1) and plausible(match.group(1), True):
            yield Found(match.start(1), match.end(1), "AGE", 0.65, "age straight after a person")
    for match in matches_within(LIFE_EVENT_AT, text, windows):
        if 13 <= (number_value(match.group(1)) or 0) <= 110 and is_age(text, match, 1):
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "age at a life event ('married at', 'diagnosed at')")
    for match in matches_within(AGE_OF_A_HABIT, text, windows):
        least = 10 if match.group(1).lower() == "from" else 13  # 'smoked from twelve'; 'at ten' is as often a time
        if least <= (number_value(match.group(2)) or 0) <= 110 and not NOT_AN_AGE_OF_A_HABIT.match(text, match.end(2)):
            yield Found(match.start(2), match.end(2), "AGE", 0.65, f"age said with what was done '{match.group(1)}' it")
    for match in matches_within(AGE_BEFORE_WHAT_WAS_DONE, text, windows):
        if 13 <= (number_value(match.group(1)) or 0) <= 110 and not NOT_AN_AGE_OF_A_HABIT.match(text, match.end(1)):
            yield Found(match.start(1), match.end(1), "AGE", 0.65, "age said before what was done from it")
    for match in matches_within(AGE_UNTIL_A_CLAUSE, text, windows):
        if 10 <= (number_value(match.group(1)) or 0) <= 110:
            yield Found(match.start(1), match.end(1), "AGE", 0.65, "age before the clause that ended what it began")
    for anchor in SHE_WAS.finditer(text):  # the rare 'she was' first: cheaper than trying a number at every word
        window = max(0, anchor.start() - 20)
        number = NUMBER_BEFORE.search(text[window:anchor.start()])
        if number and plausible(number.group(1), True):
            yield Found(window + number.start(1), window + number.end(1), "AGE", 0.65, "age said before 'she was' mid-turn")
