"""Provides what the cased rules add to a transcript written in lower case when they read it with its capitals
restored (see recasing), beside what the lower-case rules found."""

from __future__ import annotations

import re

from interviewer.anonymise.found import Found
from interviewer.anonymise.gazetteers import Gazetteers, load_gazetteers
from interviewer.anonymise.suggestions import POSSIBLE_IDENTIFIER

CAPITALS_ONLY = ("capitalised word that is not an English word, mid-sentence", "a name before ', ")
"""Reasons of the cased rules whose only evidence is a capital letter, which recasing gave."""


def recased_finds(text: str, found: list[Found]) -> list[Found]:
    """What the cased path finds in `text` read with its capitals restored (same offsets), without its suggestions.
    Where the lower-case rules found the same span, or more than one span inside it, theirs stand; spaCy's entities
    only add what no rule found (its entities run across neighbouring names); and a word in no list counts as a
    name only where a name-list word stands in the span or a cue points to a name."""
    from interviewer.anonymise.engine import analyse
    from interviewer.anonymise.institution_heads import ORDINARY_NAME
    from interviewer.anonymise.recasing import name_cued, recased

    ours = [f for f in found if f.entity_type != POSSIBLE_IDENTIFIER]
    spans = {(f.start, f.end) for f in ours}
    starts = sorted((f.start, f.end) for f in ours)
    added = []
    gaz = load_gazetteers()
    for f in analyse(recased(text), suggestions=False):
        if (f.start, f.end) in spans:
            continue
        overlapped = [(s, e) for s, e in starts if s < f.end and f.start < e]
        if f.reason.startswith("spaCy") and overlapped \
                or f.entity_type in ("PERSON", "LOCATION") and len({s for s, _ in overlapped}) > 1:
            continue  # an entity, or a person or place bridging names the lower-case rules kept apart
        if f.reason.endswith(ORDINARY_NAME):
            continue  # 'send support', 'the hydro pool': capitals only recasing gave are no ordinary words' name
        if _where_someone_works(text, f, gaz):
            continue  # 'our daughter michelle works at': no firm's head word, though recasing made it 'Works'
        if f.reason.startswith("a place within a capitalised name") and _all_words_inside(text, f, overlapped):
            continue  # 'batley dewsbury': places side by side, which only recasing made one capitalised name
        if (f.reason.startswith(CAPITALS_ONLY) or f.reason.startswith("spaCy")) and not name_cued(text, f.start, f.end) \
                and not any(w in gaz.first_names or w in gaz.surnames or w in gaz.places
                            for w in re.findall(r"[^\W\d_]+", text[f.start:f.end])):
            continue  # its capital came from recasing alone ('skint', 'bairn'): a word in no list is no name by itself
        added.append(f)
    return added


WORKS_AT_END = re.compile(r"([\w'’]+)[ \t]+works$")
WHERE_ONE_WORKS = re.compile(r"\s+(?:at|for|in|with|as|on|from|there|here|nights|days|shifts|part|full)\b")
"""What follows 'works' said of someone ('works at', 'works for', 'works nights')."""


def _where_someone_works(text: str, found: Found, gaz: Gazetteers) -> bool:
    """An organisation found up to 'works' after a given name, where the words after say where or how someone works
    ('michelle works at', 'ciara works in an office')."""
    given = WORKS_AT_END.search(text, found.start, found.end)
    return found.entity_type == "ORGANIZATION" and given is not None and given.group(1) in gaz.first_names \
        and WHERE_ONE_WORKS.match(text, found.end) is not None


def _all_words_inside(text: str, found: Found, spans: list[tuple[int, int]]) -> bool:
    """Every word of `found` lies inside one of `spans`."""
    return bool(spans) and all(any(s <= m.start() and m.end() <= e for s, e in spans)
                               for m in WORD_RUN.finditer(text, found.start, found.end))


WORD_RUN = re.compile(r"\w+")
