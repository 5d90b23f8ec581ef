"""Provides organisations named twice, by their words and by the acronym of them ('Brinsworth Steel Stockholders,
everyone calls it BSS', 'n c s that's nith community support'): both, and every other saying of the acronym."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from interviewer.anonymise.acronyms import WRITTEN_ACRONYM, names_no_organisation, spelled_acronyms
from interviewer.anonymise.cues import CONDITION_WORDS, SERVICE_KIND_WORDS
from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers
from interviewer.anonymise.never_names import singular
from interviewer.anonymise.words import INSTITUTION_HEADS

HYPHENED_LETTERS = re.compile(r"(?<![\w'’-])[A-Za-z](?:-[A-Za-z]){1,5}(?![\w'’-])")
"""Letters said one by one, written with hyphens ('B-S-S', 'r-o-c')."""
WORD = re.compile(r"[\w'’&]+")
SKIPPED = frozenset("and of the for & in".split())
"""Little words an acronym leaves out ('Sisters of Mercy Hospital' -> SMH)."""
NEAR = 300
"""Characters either side of an acronym within which the words it stands for are looked for."""
REASON = "an organisation's name said with its acronym"


LOWER_LETTERS = re.compile(r"(?<![\w'’&-])[a-z]{2,4}(?:&[a-z])?(?![\w'’&-])")
"""A short word of lower-case letters that may be an acronym written as speech recognition lower-cased it ('nqm')."""


def _lower_case_acronyms(text: str, gaz: Gazetteers) -> Iterator[tuple[int, int, str]]:
    """Short lower-case words no dictionary or name list holds ('ptc', 'kfp', 'k&m'): maybe acronyms."""
    for match in LOWER_LETTERS.finditer(text):
        word = match.group()
        if "&" in word or not (gaz.is_common(word) or word in STOP_WORDS or word in gaz.first_names
                               or word in gaz.surnames or word in gaz.places):
            yield match.start(), match.end(), word.upper()


def acronyms_said(text: str, gaz: Gazetteers | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, letters in capitals) of every acronym written ('BSS') or spelled out ('B S S', 'b-s-s', 'n c s')
    that is no allowed national body or common abbreviation; given the gazetteers, of lower-case text, also short
    words that are none of a dictionary's or a name list's ('nfp', 'k&m')."""
    said = [(m.start(), m.end(), m.group()) for m in WRITTEN_ACRONYM.finditer(text)]
    said += [(m.start(), m.end(), m.group().replace("-", "").upper()) for m in HYPHENED_LETTERS.finditer(text)]
    said += list(spelled_acronyms(text))
    if gaz is not None:
        said += list(_lower_case_acronyms(text, gaz))
    for start, end, letters in said:
        if len(letters) >= 2 and "&" not in letters and not names_no_organisation(letters):
            yield start, end, letters


def _initials(word: str, gaz: Gazetteers) -> list[str]:
    """The letters a word may give an acronym: its first, or the first of each half of a compound of two words
    ('Homecare' -> H or HC, 'northfleet' -> N or NF, 'PetroChem' -> P or PC), each half of three letters or more."""
    options = [word[0].upper()]
    camel = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})", word)
    if camel:
        options.append(camel.group(1)[0] + camel.group(2)[0])
    lower = word.lower()
    for cut in range(3, len(lower) - 2):  # both halves of three letters or more
        if gaz.is_common(lower[:cut]) and gaz.is_common(lower[cut:]):
            options.append((lower[0] + lower[cut]).upper())
            break
    return options


def _spells(words: list[str], letters: str, gaz: Gazetteers) -> bool:
    """Whether the words' first letters, or their halves', spell the letters."""
    if not words:
        return not letters
    return any(letters.startswith(option) and _spells(words[1:], letters[len(option):], gaz)
               for option in _initials(words[0], gaz))


PAYMENT_WORDS = frozenset("""payment payments allowance credit credits tax benefit pension grant assistant assistants worker
workers nurse nurses officer therapist therapists""".split())
"""Words of a payment or a role, which close what an acronym stands for without naming a firm ('personal independence
payment', 'health care assistant')."""
NOT_A_TRADE = frozenset("""needs experiences activities difficulties problems issues symptoms effects disorders
injuries""".split())
"""Plurals of what happens to someone, which close no firm's name ('special educational needs')."""


def _names_a_service(run: list[str]) -> bool:
    """Words that say what kind of service, help or payment it is ('community mental health team', 'personal
    independence payment', 'health care assistant'): no one organisation's name."""
    return any(w.lower() in SERVICE_KIND_WORDS or w.lower() in CONDITION_WORDS or w.lower() in PAYMENT_WORDS for w in run)


def _closed_by_a_trade(words: list[str], gaz: Gazetteers) -> bool:
    """Ordinary words closed by what a firm deals in ('pine technical components', 'north fleet provisions') or by an
    institution's head ('kirwan family practice'), not by a thing that happens to someone ('road traffic accident',
    'repetitive strain injury')."""
    last = words[-1].lower()
    plural = singular(last) != last and gaz.is_common(singular(last))
    return last in INSTITUTION_HEADS or last in ("company", "co", "corporation") or plural and last not in NOT_A_TRADE


def _expansions(text: str, letters: str, start: int, end: int, lower_case_text: bool,
                gaz: Gazetteers) -> Iterator[tuple[int, int]]:
    """Runs of words near an acronym whose first letters, or their halves', spell it (little words skipped),
    capitalised in a cased transcript, not the acronym's own letters, and holding a word no dictionary has or a
    place, or, for three letters or more, no word of a kind of service ('pine technical components'), so a service
    named in ordinary words ('cognitive behavioural therapy', 'community mental health team') is not taken for one
    organisation."""
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
            if len(word) < 2 or (not lower_case_text and not word[0].isupper()) or word.lower() in STOP_WORDS:
                break
            if k > i and re.search(r"[.,;:!?\n]", text[words[k - 1].end():words[k].start()]):
                break
            run.append(words[k])
            k += 1
            if _spells([w.group() for w in run], letters, gaz):
                break
        said = [w.group() for w in run]
        if not _spells(said, letters, gaz):
            continue
        if any(not gaz.is_common(w) or w.lower() in gaz.places for w in said) \
                or len(letters) >= 3 and len(said) >= 2 and _closed_by_a_trade(said, gaz) and not _names_a_service(said):
            yield run[0].start(), run[-1].end()


def find_acronym_expansions(text: str, lower_case_text: bool, gaz: Gazetteers) -> Iterator[Found]:
    """An organisation whose acronym is said within a few sentences of the words it stands for: the words, and every
    saying of the acronym in the text. Acronyms of two letters need the words in a cased transcript, where chance
    initials are rarer; in lower case three letters or more."""
    said = list(acronyms_said(text, gaz if lower_case_text else None))
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
