"""GeoNames' own records for countries, first-level divisions and features with no country.

The corpora and GeoNames ids use GeoNames' points; other sources put countries and divisions at
their own centres (countrystatecity puts Syria's governorates a few km off, Canada 1,000 km
east). This extract (gazetteer/data/geonames_features.tsv, made by
scripts/make_geonames_features.py) gives them GeoNames' ids, points and names, maps GeoNames'
admin1 codes ("SY.13") to division names, and adds seas, gulfs, straits, oceans and regions
that the curated file lacks.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from gazetteer.kinds import Kind
from gazetteer.model import Place
from gazetteer.normalize import normalize
from gazetteer.sources import PRIMARY, Entry, SourcePaths, prior_for

SOURCE = "geonames"
#: How far apart two sources may put the same division's centre, and how alike its names must be.
NEAR_KM = 60.0
SIMILAR = 0.7
COUNTRY_CODE = "PCLI"
DIVISION_CODE = "ADM1"
#: GeoNames feature codes of the features with no country, and the kind each becomes.
_WIDE_FEATURES = {
    "OCN": Kind.SEA,
    "SEA": Kind.SEA,
    "GULF": Kind.GULF,
    "BAY": Kind.GULF,
    "STRT": Kind.STRAIT,
    "RGN": Kind.REGION,
    "RGNE": Kind.REGION,
    "MTS": Kind.MOUNTAIN,
    "PEN": Kind.PENINSULA,
    "DSRT": Kind.DESERT,
}
#: Words naming a division's type, ignored when a GeoNames division is matched to another source's.
_TYPE_WORDS = re.compile(
    r"\b(?:governorate|province|provincia|region|oblast|state|of|the|district|department|departamento|"
    r"prefecture|county|municipality|region de|autonomous|republic|territory|division|wilayah|"
    r"muhafazat|mohafazat|shabiyat|ostan|estado|voivodeship|kray|krai|canton|parish|emirate|rayon|rayonu|"
    r"city|misto|respublika|al)\b"
)


@dataclass(frozen=True, slots=True)
class Feature:
    """One row of the extract."""

    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    code: str
    """GeoNames feature code (PCLI, ADM1, SEA, ...)."""
    country: str
    admin1: str
    """GeoNames admin1 code ("13", "LMA"), for divisions."""
    population: int

    @property
    def names(self) -> tuple[str, ...]:
        """Every distinct spelling: the name, its ASCII form and the short names."""
        return tuple(dict.fromkeys(n for n in (self.name, self.asciiname, *self.alternates) if n))

    @property
    def short_name(self) -> str:
        """The name a label shows: admin1CodesASCII's short name ("Queensland") when there is one."""
        latin = [n for n in (*self.alternates, self.name) if n.isascii() or n == self.name]
        return min(latin, key=len) if self.code == DIVISION_CODE else self.name

    def place(self, kind: Kind, *, name: str | None = None, admin1: str = "") -> Place:
        return Place(
            id=f"{SOURCE}:{self.geonameid}",
            name=name or self.name,
            kind=kind,
            lat=self.lat,
            lon=self.lon,
            country_code=self.country,
            admin1=admin1,
            population=self.population,
            source=SOURCE,
        )


def read_features(path: Path) -> list[Feature]:
    """Every row of the extract; none when the file is absent (test fixtures)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [_feature(row) for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _feature(row: dict[str, str]) -> Feature:
    return Feature(
        geonameid=int(row["geonameid"]),
        name=row["name"],
        asciiname=row["asciiname"],
        alternates=tuple(filter(None, row["alternatenames"].split(","))),
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        code=row["feature_code"],
        country=row["country_code"],
        admin1=row["admin1_code"],
        population=int(row["population"] or 0),
    )


def countries_by_code(features: Iterable[Feature]) -> dict[str, Feature]:
    """ISO code -> the country's GeoNames record."""
    return {f.country: f for f in features if f.code == COUNTRY_CODE and f.country}


def divisions_by_code(features: Iterable[Feature]) -> dict[tuple[str, str], Feature]:
    """(ISO country code, GeoNames admin1 code) -> the division's GeoNames record."""
    return {(f.country, f.admin1): f for f in features if f.code == DIVISION_CODE}


def division_stem(name: str) -> str:
    """A division's name without its type words, for matching across sources.

    "Idlib Governorate", "Muhafazat Idlib" and "Idlib" all give "idlib".
    """
    return " ".join(_TYPE_WORDS.sub(" ", normalize(name)).split())


class DivisionIndex:
    """GeoNames' divisions by (country, name stem), for matching another source's divisions to them."""

    def __init__(self, features: Iterable[Feature]) -> None:
        self.by_code = divisions_by_code(features)
        self._by_stem: dict[tuple[str, str], dict[int, Feature]] = {}
        for feature in self.by_code.values():
            for name in feature.names:
                self._by_stem.setdefault((feature.country, division_stem(name)), {})[feature.geonameid] = (
                    feature
                )

    def match(self, country: str, stems: Iterable[str]) -> Feature | None:
        """The one division of `country` with a name of one of these stems (None if none or several)."""
        found: dict[int, Feature] = {}
        for stem in stems:
            if stem:
                found.update(self._by_stem.get((country, stem), {}))
        return next(iter(found.values())) if len(found) == 1 else None

    def nearest_alike(self, country: str, lat: float, lon: float, stems: Iterable[str]) -> Feature | None:
        """The division of `country` within NEAR_KM whose name is most alike one of `stems`.

        Sources transliterate differently ("Kalmykia"/"Kalmykiya", "Misrata"/"Mişrātah"): a close
        point and a name at least SIMILAR alike still say it is the same division.
        """
        from geopy.distance import great_circle  # only a build matches divisions: keep it off start-up

        wanted = [stem for stem in stems if stem]
        best: tuple[float, Feature] | None = None
        for feature in self.by_code.values():
            if (
                feature.country != country
                or great_circle((lat, lon), (feature.lat, feature.lon)).km > NEAR_KM
            ):
                continue
            ratio = max(
                (SequenceMatcher(None, a, division_stem(b)).ratio() for a in wanted for b in feature.names),
                default=0.0,
            )
            if ratio >= SIMILAR and (best is None or ratio > best[0]):
                best = (ratio, feature)
        return best[1] if best else None


def wide_feature_entries(paths: SourcePaths, curated_names: frozenset[str]) -> Iterator[Entry]:
    """Oceans, seas, gulfs, straits, regions, ranges, peninsulas and deserts the curated file lacks."""
    for feature in read_features(paths.geonames_features):
        kind = _WIDE_FEATURES.get(feature.code)
        if kind is None or any(normalize(name) in curated_names for name in feature.names):
            continue
        names = tuple((name, PRIMARY) for name in feature.names)
        yield Entry(feature.place(kind), names, prior_for(kind.value, 0))
