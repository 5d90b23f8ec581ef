"""Provides the English-word test for words a word list lacks in the form written: British or American
spelling, an ending on an English stem, a contraction, a derived form ('neighbor', 'resourced', "we're")."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.gazetteers import Gazetteers

DERIVED = re.compile(r"\w{5}(?:[iy]s|[iy]z)(?:e|ed|es|ing|ation|ations)$|\w{4}(?:ness|ment|ments|ful|less|ously|ably|ically)$")
"""Endings that make English words of other words ('anonymised', 'prioritisation', 'awfulness'): few names end so."""
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("yse", "yze"), ("our", "or"),
             ("or", "our"), ("ll", "l"), ("l", "ll"), ("ae", "e"), ("oe", "e"), ("re", "er"), ("er", "re"), ("ogue", "og"))
"""British and American spellings of one word ('anonymised', 'neighbor', 'travelled', 'center')."""
ENDINGS = (("d", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("ly", ""),
           ("ness", ""), ("er", "e"), ("ers", "e"), ("able", "e"), ("ment", ""), ("ments", ""), ("s", ""))
"""Endings whose stem is an English word ('resourced' -> 'resource', 'happily' -> 'happy')."""
CONTRACTED = re.compile(r"^([a-z]+?)n?['’](?:re|ve|ll|d|m|s|t)$")


def english(word: str, gaz: Gazetteers) -> bool:
    """An English word, in the lists or written as one of them is: another spelling, an ending, a contraction, a
    derived form."""
    if gaz.is_common(word):
        return True
    if DERIVED.search(word):
        return word not in gaz.first_names and word not in gaz.surnames and word not in gaz.places
    contracted = CONTRACTED.match(word)
    if contracted:
        return gaz.is_common(contracted.group(1)) or contracted.group(1) in STOP_WORDS
    for ending, stem in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and gaz.is_common(word[:len(word) - len(ending)] + stem):
            return True
    for british, american in SPELLINGS:
        at = word.rfind(british)
        if at >= 3 and gaz.is_common(word[:at] + american + word[at + len(british):]):
            return True
        if at >= 3 and any(word.endswith(e) and gaz.is_common((word[:at] + american + word[at + len(british):])[:-len(e)] + st)
                          for e, st in ENDINGS if len(word) > len(e) + 3):
            return True
    return False
