"""Provides organisations named twice, by their words and by the acronym of them ('Brinsworth Steel Stockholders,
everyone calls it BSS', 'n c s that's nith community support'): both, and every other saying of the acronym."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import WRITTEN_ACRONYM, names_no_organisation, spelled_acronyms
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers

HYPHENED_LETTERS = re.compile(r"(?<![\w'’-])[A-Za-z](?:-[A-Za-z]){1,5}(?![\w'’-])")
"""Letters said one by one, written with hyphens ('B-S-S', 'r-o-c')."""
WORD = re.compile(r"[\w'’&]+")
SKIPPED = frozenset("and of the for & in".split())
"""Little words an acronym leaves out ('Sisters of Mercy Hospital' -> SMH)."""
NEAR = 300
"""Characters either side of an acronym within which the words it stands for are looked for."""
REASON = "an organisation's name said with its acronym"


def acronyms_said(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, letters in capitals) of every acronym written ('BSS') or spelled out ('B S S', 'b-s-s', 'n c s')
    that is no allowed national body or common abbreviation."""
    said = [(m.start(), m.end(), m.group()) for m in WRITTEN_ACRONYM.finditer(text)]
    said += [(m.start(), m.end(), m.group().replace("-", "").upper()) for m in HYPHENED_LETTERS.finditer(text)]
    said += list(spelled_acronyms(text))
    for start, end, letters in said:
        if len(letters) >= 2 and "&" not in letters and not names_no_organisation(letters):
            yield start, end, letters


def _expansions(text: str, letters: str, start: int, end: int, lower_case_text: bool,
                gaz: Gazetteers) -> Iterator[tuple[int, int]]:
    """Runs of words near an acronym whose first letters spell it (little words skipped), capitalised in a cased
    transcript, not the acronym's own letters, and holding a word no dictionary has or a place, so a service named
    in ordinary words ('cognitive behavioural therapy') is not taken for one organisation."""
    words = [m for m in WORD.finditer(text, max(0, start - NEAR), min(len(text), end + NEAR))
             if not start <= m.start() < end]
    for i, first in enumerate(words):
        if first.group()[0].upper() != letters[0] or first.group().lower() in SKIPPED:
            continue
        run, k = [], i
        while k < len(words) and len(run) < len(letters):
            word = words[k].group()
            if word.lower() in SKIPPED and run:
                k += 1
                continue
            if word[0].upper() != letters[len(run)] or len(word) < 2 \
                    or (not lower_case_text and not word[0].isupper()) or word.lower() in STOP_WORDS:
                break
            if k > i and re.search(r"[.,;:!?\n]", text[words[k - 1].end():words[k].start()]):
                break
            run.append(words[k])
            k += 1
        if len(run) == len(letters) and any(not gaz.is_common(w.group()) or w.group().lower() in gaz.places
                                            for w in run):
            yield run[0].start(), run[-1].end()


def find_acronym_expansions(text: str, lower_case_text: bool, gaz: Gazetteers) -> Iterator[Found]:
    """An organisation whose acronym is said within a few sentences of the words it stands for: the words, and every
    saying of the acronym in the text. Acronyms of two letters need the words in a cased transcript, where chance
    initials are rarer; in lower case three letters or more."""
    said = list(acronyms_said(text))
    named = set()
    for start, end, letters in said:
        if letters in named or len(letters) < (3 if lower_case_text else 2):
            continue
        for first, last in _expansions(text, letters, start, end, lower_case_text, gaz):
            named.add(letters)
            yield Found(first, last, "ORGANIZATION", 0.7, REASON)
    for start, end, letters in said:
        if letters in named:
            yield Found(start, end, "ORGANIZATION", 0.7, REASON)
