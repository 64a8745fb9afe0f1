"""Curated sites (bases, ports, crossings, regions, seas...) and user overlay files."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from pathlib import Path

from gazetteer.errors import SourceError
from gazetteer.kinds import KINDS, Kind
from gazetteer.model import Place
from gazetteer.sources import PRIMARY, Entry, SourcePaths, prior_for, slug

SOURCE = "curated"
USER_SOURCE = "user"
#: Overlay entries outrank every built-in place with the same name.
USER_PRIOR = 100.0
#: Largest population accepted (more than the world's): bigger is a typo or hostile input.
MAX_POPULATION = 10_000_000_000
#: Longest integer read from GeoJSON as an int; Python refuses past 4,300 digits (a ValueError).
_MAX_INT_DIGITS = 100


def site_entries(paths: SourcePaths) -> Iterator[Entry]:
    """The curated sites file shipped in gazetteer/data/sites.csv (none while it is absent)."""
    if not paths.sites.exists():
        return
    yield from _csv_entries(paths.sites, SOURCE, "site")


def demonym_rows(paths: SourcePaths) -> Iterator[tuple[str, str]]:
    """(demonym, ISO country code) pairs from the curated demonyms file."""
    if not paths.demonyms.exists():
        return
    with paths.demonyms.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("demonym") and row.get("country"):
                yield row["demonym"].strip(), row["country"].strip().upper()


def read_overlay(path: Path) -> list[Entry]:
    """Read a user overlay file: CSV or GeoJSON Point features.

    CSV needs name, lat, lon; aliases/kind/country/admin1/population/source are optional.
    Raises SourceError naming the file and line on bad input.
    """
    if not path.exists():
        raise SourceError(f"gazetteer extra file not found: {path}")
    if not path.is_file():
        raise SourceError(f"gazetteer extra file is not a regular file: {path}")
    if path.suffix.lower() in (".geojson", ".json"):
        return list(_geojson_entries(path))
    return list(_csv_entries(path, USER_SOURCE, "user"))


def _csv_entries(path: Path, source: str, prefix: str) -> Iterator[Entry]:
    try:
        # utf-8-sig: spreadsheets save CSV with a byte order mark, which would glue onto "name"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or ())
            if missing:
                raise SourceError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            for line, row in enumerate(reader, start=2):
                yield _entry_from_fields(row, source, prefix, f"{path}:{line}")
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(f"cannot read {path}: {error}") from error


def _geojson_entries(path: Path) -> Iterator[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_int=_json_int)
    except (OSError, ValueError) as error:  # ValueError: JSONDecodeError, UnicodeDecodeError
        raise SourceError(f"cannot read {path}: {error}") from error
    except RecursionError:  # json parses nested arrays and objects recursively
        raise SourceError(f"cannot read {path}: arrays or objects nested too deeply") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise SourceError(f"{path}: not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            raise SourceError(f"{path}: feature {number} is not a Point")
        coordinates = geometry.get("coordinates")
        if not isinstance(coordinates, list):
            coordinates = []
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise SourceError(f"{path}: feature {number}: properties must be an object")
        properties = dict(properties)
        aliases = properties.get("aliases", "")
        if isinstance(aliases, list):
            properties["aliases"] = "|".join(str(alias) for alias in aliases)
        if len(coordinates) < 2:
            raise SourceError(f"{path}: feature {number} has no coordinates")
        properties["lon"], properties["lat"] = coordinates[0], coordinates[1]
        fields = {key: "" if value is None else str(value) for key, value in properties.items()}
        yield _entry_from_fields(fields, USER_SOURCE, "user", f"{path}: feature {number}")


def _json_int(digits: str) -> int | float:
    """A JSON integer; a huge one as a float (inf), which the range checks then refuse by name."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else float(digits)


def _population(text: str, where: str) -> int:
    """A whole number from 0 to MAX_POPULATION ("12,000" and 5,000-digit figures are refused)."""
    try:
        value = float(text or 0)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 <= value <= MAX_POPULATION):
        raise SourceError(f"{where}: population must be a whole number from 0 to {MAX_POPULATION:,}")
    return int(value)


def _entry_from_fields(row: dict[str, str], source: str, prefix: str, where: str) -> Entry:
    name = (row.get("name") or "").strip()
    kind = (row.get("kind") or "").strip() or "feature"
    try:
        lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
    except ValueError:
        raise SourceError(f"{where}: lat/lon must be numbers") from None
    if not name:
        raise SourceError(f"{where}: empty name")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise SourceError(f"{where}: coordinates out of range ({lat}, {lon})")
    if kind not in KINDS:
        raise SourceError(f"{where}: unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    population = _population((row.get("population") or "").strip(), where)
    place = Place(
        id=f"{prefix}:{slug(name)}",
        name=name,
        kind=Kind(kind),
        lat=lat,
        lon=lon,
        country_code=(row.get("country") or "").strip().upper(),
        admin1=(row.get("admin1") or "").strip(),
        population=population,
        source=f"{source}: {row['source'].strip()}" if row.get("source") else source,
    )
    aliases = [alias.strip() for alias in (row.get("aliases") or "").split("|") if alias.strip()]
    names = ((name, PRIMARY), *((alias, PRIMARY) for alias in aliases))
    prior = USER_PRIOR if source == USER_SOURCE else prior_for(kind, place.population, curated=True)
    return Entry(place, names, prior)
