"""Provides the bundled word lists (names, places, common words, allow-list), loaded once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
FIELD_SUFFIX = re.compile(r"(?:olog(?:y|ist|ists|ical)|iatry|iatrist|iatrics|itis|osis|ectomy|otomy|ostomy|pathy|aemia|algia|"
                          r"therapy|therapist|graphy|scopy|plasty)$")
"""Names of fields, conditions and procedures ('Audiology', 'Dermatitis'): English words even when the list lacks them."""


def read_list(path: Path) -> list[str]:
    """One entry a line; blank lines and lines starting with '#' are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Gazetteers:
    common_words: frozenset[str]
    """Lower-case English words: a capitalised word outside this set mid-sentence is a proper noun."""
    first_names: frozenset[str]
    surnames: frozenset[str]
    places: dict[str, str]
    """Lower-case place name -> its usual spelling."""
    place_max_words: int
    place_first_words: frozenset[str]
    _common_seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def is_common(self, word: str) -> bool:
        lower = word.lower()
        known = self._common_seen.get(lower)
        if known is None:
            known = self._common_seen[lower] = self._inflected_common(lower)
        return known

    def _inflected_common(self, lower: str) -> bool:
        if lower in self.common_words or (len(lower) > 6 and FIELD_SUFFIX.search(lower)):
            return True
        # Inflected forms the word list may lack ("carers", "nursing").
        for suffix in ("s", "es", "ed", "ing", "'s", "’s"):
            if lower.endswith(suffix) and lower[: -len(suffix)] in self.common_words:
                return True
        return False


@functools.lru_cache(maxsize=1)
def load_gazetteers() -> Gazetteers:
    common = frozenset(read_list(DATA_DIR / "common-words.txt"))
    first = frozenset(n.lower() for name in ("first-names-census.txt", "first-names-uk.txt")
                      for n in read_list(DATA_DIR / name))
    surnames = frozenset(n.lower() for n in read_list(DATA_DIR / "surnames-census.txt"))
    places = {p.lower(): p for p in read_list(DATA_DIR / "places-geonames.txt")}
    return Gazetteers(common, first, surnames, places, max(len(place_words(p)) for p in places),
                      frozenset(place_words(p)[0] for p in places))


def place_words(place: str) -> list[str]:
    """A place name as the tokenizer splits it: 'leigh-on-sea' -> ['leigh', '-', 'on', '-', 'sea']."""
    return re.findall(r"[\w'’]+|[^\w\s]", place)


@functools.lru_cache(maxsize=1)
def default_allow_terms() -> tuple[str, ...]:
    return tuple(read_list(DATA_DIR / "allow.txt"))
