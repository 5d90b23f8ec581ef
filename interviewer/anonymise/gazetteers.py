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
    """Lower-case place name -> its usual spelling: UK and Irish places, world places of 15,000+, regions, countries."""
    place_max_words: int
    place_first_words: frozenset[str]
    regions: frozenset[str]
    """Lower-case countries and first-level regions (US states, provinces, counties): places before all else."""
    world_places: frozenset[str]
    """Lower-case places of 15,000+ outside the UK and Ireland, and towns of 1,000+ in the other English-speaking
    countries (and not regions): many are also people's names, so they count as places where a place stands ('in
    Tyler', 'Tyler, Texas')."""
    large_places: frozenset[str] = frozenset()
    """Lower-case places of 100,000+ people outside the UK and Ireland ('houston', 'denver')."""
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
    first = frozenset(n.lower() for name in ("first-names-census.txt", "first-names-uk.txt", "first-names-world.txt")
                      for n in read_list(DATA_DIR / name))
    surnames = frozenset(n.lower() for n in read_list(DATA_DIR / "surnames-census.txt"))
    home = _keyed(read_list(DATA_DIR / "places-geonames.txt"))
    # Places of 100,000+ count as places wherever they stand, as the UK and Irish ones do.
    large = _keyed(read_list(DATA_DIR / "places-world-large.txt"))
    home.update(large)
    large.update(_keyed(read_list(DATA_DIR / "places-world-major.txt")))
    regions = _keyed(read_list(DATA_DIR / "places-regions.txt"))
    world = _keyed(read_list(DATA_DIR / "places-towns.txt"))
    world.update(_keyed(read_list(DATA_DIR / "places-world.txt")))
    places = {**world, **home, **regions}
    return Gazetteers(common, first, surnames, places, max(len(place_words(p)) for p in places),
                      frozenset(place_words(p)[0] for p in places), frozenset(regions),
                      frozenset(k for k in world if k not in home and k not in regions), frozenset(large))


POSSESSIVE = re.compile(r"['’]s?$")
"""A word's possessive ending, which found names drop ('Sarah's' -> 'sarah')."""


def surface_key(text: str) -> str:
    """Lower-case words without possessive endings: "Jenkins's form" -> "jenkins's form" keeps words, "Sarah's" -> "sarah"."""
    words = [POSSESSIVE.sub("", w) for w in re.findall(r"[\w'’\-]+", text)]
    return " ".join(w.lower() for w in words if w)


def _keyed(places: list[str]) -> dict[str, str]:
    """Lower-case place name -> its spelling, each also under the key a found name is looked up by, without full stops
    or possessive endings ('st. louis' and 'st louis', "st. john's" and 'st john')."""
    keyed = {p.lower(): p for p in places}
    for key, place in list(keyed.items()):
        if "." in key or "'" in key or "’" in key:
            keyed.setdefault(surface_key(key), place)
    return keyed


def place_words(place: str) -> list[str]:
    """A place name as the tokenizer splits it: 'leigh-on-sea' -> ['leigh', '-', 'on', '-', 'sea']."""
    return re.findall(r"[\w'’]+|[^\w\s]", place)


NATIONAL_SECTIONS = ("# National bodies and programmes", "# National charities and voluntary organisations")


@functools.lru_cache(maxsize=1)
def national_organisations() -> tuple[str, ...]:
    """The allow list's national bodies and charities written with capitals ('Mind', 'Age UK', 'Citizens Advice'):
    kept alone, but a place beside one names its local branch ('Wrenbury Mind', 'Age UK Leeds')."""
    terms, inside = [], False
    for line in (DATA_DIR / "allow.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = line.strip() in NATIONAL_SECTIONS
        elif inside and line.strip()[:1].isupper() and not line.strip().isupper():
            terms.append(line.strip())
    return tuple(terms)


BRAND_SECTIONS = ("# Private health insurers", "# Public figures and brands that are not identifying")


@functools.lru_cache(maxsize=1)
def brand_terms() -> frozenset[str]:
    """The allow list's companies and brands and those of data/brands.txt, lower-case ('kmart', 'canadian tire',
    'humana', 'lucozade'): kept when merely mentioned, but named as a workplace or provider they tell where someone
    works or is insured."""
    terms, inside = set(), False
    for line in (DATA_DIR / "allow.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = line.strip().startswith(BRAND_SECTIONS)
        elif inside and line.strip():
            terms.add(" ".join(place_words(line.strip().lower())))
    terms.update(" ".join(place_words(brand.lower())) for brand in brand_names())
    return frozenset(terms)


@functools.lru_cache(maxsize=1)
def brand_names() -> tuple[str, ...]:
    """The consumer brands of data/brands.txt ('Lucozade', 'Akubra'): no identifier when merely mentioned, unlike a
    name a person is called by or named with ('they call him Bigga'), which the Anonymiser keeps."""
    return tuple(read_list(DATA_DIR / "brands.txt"))


@functools.lru_cache(maxsize=1)
def default_allow_terms() -> tuple[str, ...]:
    return tuple(read_list(DATA_DIR / "allow.txt"))


DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ns", "n", "ese", "ish", "is", "i", "ers", "er", "es")


def demonym_place(word: str, gaz: Gazetteers) -> str | None:
    """The country or region a nationality or demonym word comes from ('Mexicans' -> 'mexico', 'Texan' -> 'texas',
    'Pakistani' -> 'pakistan'), or None. Read by word shape: a stem of four letters or
    more that begins a country or region, at most three letters short of it."""
    lower = word.lower().rstrip("'’")
    if lower in gaz.first_names or lower in gaz.surnames:
        return None  # 'Cameron', 'Francis', 'Moran': names first
    if " " in lower:
        return _two_word_demonym_place(lower, gaz)
    for suffix in DEMONYM_SUFFIXES:
        if not lower.endswith(suffix):
            continue
        stem = lower[: -len(suffix)]
        if len(stem) < 4 or suffix in ("n", "ns") and stem[-1] not in "ao":
            continue  # 'Texan', 'Alaskans', but not 'Florin'
        slack = 1 if suffix in ("i", "is") else 3  # 'Pakistani', 'Somalis', but not 'Flori'
        for place in _places_by_prefix().get(stem[:4], ()):
            if place.startswith(stem) and len(place) - len(stem) <= slack and place != lower:
                return place
    return None


def _two_word_demonym_place(lower: str, gaz: Gazetteers) -> str | None:
    """'puerto rican' -> 'puerto rico', 'south africans' -> 'south africa', 'new zealander' -> 'new zealand'."""
    head, _, last = lower.rpartition(" ")
    for suffix in DEMONYM_SUFFIXES:
        stem = last[: -len(suffix)]
        if not last.endswith(suffix) or len(stem) < 3:
            continue
        for place in _places_by_first_word().get(head, ()):
            tail = place[len(head) + 1:]
            if tail.startswith(stem) and len(tail) - len(stem) <= 3:
                return place
    return None


@functools.lru_cache(maxsize=1)
def _places_by_first_word() -> dict[str, tuple[str, ...]]:
    """Two-word countries and regions by all but their last word ('puerto' -> ('puerto rico',))."""
    index: dict[str, list[str]] = {}
    for place in load_gazetteers().regions:
        head, _, last = place.rpartition(" ")
        if head and " " not in head and len(last) >= 4:
            index.setdefault(head, []).append(place)
    return {k: tuple(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def _places_by_prefix() -> dict[str, tuple[str, ...]]:
    """Single-word countries and regions by their first four letters."""
    gaz = load_gazetteers()
    index: dict[str, list[str]] = {}
    for place in gaz.regions:
        if " " not in place and len(place) >= 4:
            index.setdefault(place[:4], []).append(place)
    return {k: tuple(v) for k, v in index.items()}
