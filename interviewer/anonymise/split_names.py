"""Provides the names speech recognition splits in two, the second part in lower case: 'Bally hackamore',
'Cumber nauld', 'Easter house' (places the gazetteer holds whole), 'mc keown' and 'Bethan pritchard' (a surname
cut off from its prefix or from the given name before it)."""

from __future__ import annotations

import re
from typing import Iterator

from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers

PAIR = re.compile(r"\b([A-Z][a-z]+|[Mm]ac|[Mm]c|[Oo])[ \t]+([a-z]+)\b")
SURNAME_PREFIXES = frozenset("mc mac o".split())
SHORTEST_PLACE = 7
"""Letters a place joined from two parts needs at least: shorter joins are too often two ordinary words."""


def find_split_names(text: str, gaz: Gazetteers) -> Iterator[Found]:
    """Places written as two parts, the second in lower case, and surnames after 'mc' or 'mac' said apart."""
    for match in PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        joined = (first + second).lower()
        if first[0].isupper() and len(joined) >= SHORTEST_PLACE and joined in gaz.places and not gaz.is_common(joined):
            yield Found(match.start(), match.end(), "LOCATION", 0.6, f"a place written in two parts ('{joined}')")
        elif first.lower() in SURNAME_PREFIXES and len(second) >= 3 and joined in gaz.surnames:
            yield Found(match.start(), match.end(), "PERSON", 0.6, f"a surname written in two parts ('{joined}')")
