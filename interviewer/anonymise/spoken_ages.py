"""Provides ages as people say them where no punctuation marks them: 'a lad of sixteen', 'we had a lady fifty-eight
discharged', 'nineteen she was when she had him', 'enlisted at eighteen right out of school'."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from interviewer.anonymise.found import Found
from interviewer.anonymise.numbers import NUMBER_WORD, number_value

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


def find_spoken_ages(text: str, is_age: Callable[[str, re.Match, int], bool],
                     plausible: Callable[[str, bool], bool]) -> Iterator[Found]:
    """`is_age(text, match, group)` says whether a number reads as an age where it stands (no unit after it);
    `plausible(value, spoken_needs_ten)` whether its value can be a person's age."""
    for match in PERSON_OF_AGE.finditer(text):
        if is_age(text, match, 1):
            yield Found(match.start(1), match.end(1), "AGE", 0.75, "age after 'a lad of', 'a woman of'")
    for match in PERSON_THEN_AGE.finditer(text):
        if is_age(text, match, 1) and plausible(match.group(1), True):
            yield Found(match.start(1), match.end(1), "AGE", 0.65, "age straight after a person")
    for match in LIFE_EVENT_AT.finditer(text):
        if 13 <= (number_value(match.group(1)) or 0) <= 110 and is_age(text, match, 1):
            yield Found(match.start(1), match.end(1), "AGE", 0.7, "age at a life event ('married at', 'diagnosed at')")
    for anchor in SHE_WAS.finditer(text):  # the rare 'she was' first: cheaper than trying a number at every word
        window = max(0, anchor.start() - 20)
        number = NUMBER_BEFORE.search(text[window:anchor.start()])
        if number and plausible(number.group(1), True):
            yield Found(window + number.start(1), window + number.end(1), "AGE", 0.65, "age said before 'she was' mid-turn")
