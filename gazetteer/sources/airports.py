"""Airports and air bases worldwide with ICAO/IATA codes, from airportsdata."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from gazetteer.kinds import Kind
from gazetteer.model import Place
from gazetteer.sources import CODE, PRIMARY, Entry, SourcePaths, prior_for

SOURCE = "airportsdata"
_MILITARY_WORDS = ("air base", "air force base", "airbase", "air station", "naval air", "army air")


def airport_entries(paths: SourcePaths) -> Iterator[Entry]:
    """One entry per airport; names used in news ("Latakia airport") are added as aliases."""
    with paths.airports.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row.get("lat") or not row.get("lon"):
                continue
            yield _entry(row)


def _entry(row: dict[str, str]) -> Entry:
    name = row["name"].strip()
    lowered = name.lower()
    kind = "air_base" if any(word in lowered for word in _MILITARY_WORDS) else "airport"
    place = Place(
        id=f"airport:{row['icao']}",
        name=name,
        kind=Kind(kind),
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        country_code=row.get("country") or "",
        admin1=row.get("subd") or "",
        source=SOURCE,
    )
    names = [(name, PRIMARY)]
    city = (row.get("city") or "").strip()
    if city and "airport" in lowered and row.get("iata"):
        names.append((f"{city} airport", PRIMARY))
        names.append((f"{city} International Airport", PRIMARY))
    names += [(code, CODE) for code in (row.get("icao"), row.get("iata")) if code]
    return Entry(place, tuple(names), prior_for(kind, 0))
