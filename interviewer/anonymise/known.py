"""Provides the names a study already knows (participants, workplaces, its deny list) found in a text: whole, and
each word of a known name that names it alone, all with the whole name's placeholder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from interviewer.anonymise.cues import LEGAL_HEADS, TITLES
from interviewer.anonymise.gazetteers import load_gazetteers
from interviewer.anonymise.propagation import Candidate, surface_key
from interviewer.anonymise.terms import term_regex


@dataclass(frozen=True)
class KnownIdentifier:
    """A name the study already knows (a participant, a site); always caught, case-insensitively."""

    text: str
    entity_type: str = "PERSON"


KNOWN_PART = "a word of a known identifier"


def known_parts(known: Iterable[KnownIdentifier]) -> tuple[tuple[KnownIdentifier, KnownIdentifier], ...]:
    """(word, whole) for each word of a known name of two or more that names it alone: 'Okonkwo' of 'Adaeze
    Okonkwo', 'Brightwater' of 'Brightwater Logistics'; not an English word ('Rose' of 'Rose Hill', 'Logistics',
    'Carers'), a title or a legal ending, which may be said of anyone or anything."""
    gaz = load_gazetteers()
    parts = []
    for whole in known:
        words = re.findall(r"[\w'’-]+", whole.text)
        if len(words) < 2:
            continue
        for word in words:
            lower = word.lower()
            if len(lower) >= 3 and not gaz.is_common(lower) and not gaz.is_common(lower.removesuffix("s")) \
                    and lower.rstrip(".") not in TITLES and lower not in LEGAL_HEADS:
                parts.append((KnownIdentifier(word, whole.entity_type), whole))
    return tuple(parts)


def find_known(text: str, items: Iterable[KnownIdentifier], priority: float, reason: str,
               whole: KnownIdentifier | None = None) -> list[Candidate]:
    """Every mention of the `items` in `text` (a possessive too), grouped under its own name, or under `whole`'s."""
    found = []
    for item in items:
        named = whole or item
        group = f"{named.entity_type}:{surface_key(named.text)}"
        for m in _term_pattern(item.text).finditer(text):
            found.append(Candidate(m.start(), m.end(), item.entity_type, 1.0, reason, priority, group))
    return found


def find_known_parts(text: str, parts: Iterable[tuple[KnownIdentifier, KnownIdentifier]]) -> list[Candidate]:
    """Every word of a known name said alone (`known_parts`), under the whole name's placeholder."""
    return [c for part, whole in parts for c in find_known(text, [part], 3, KNOWN_PART, whole)]


def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w])" + term_regex(term) + r"(?=['’]s?\b|[^\w]|$)", re.IGNORECASE)
