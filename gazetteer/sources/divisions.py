"""First-level divisions (states, provinces, governorates) from countrystatecity-countries."""

from __future__ import annotations

import json
from collections.abc import Iterator

from gazetteer.kinds import Kind
from gazetteer.model import Place
from gazetteer.sources import (
    ALTERNATE,
    CODE,
    PRIMARY,
    Entry,
    SourcePaths,
    division_aliases,
    prior_for,
    reference_points,
)

SOURCE = "countrystatecity"
# Types that news appends to a division's name: "Idlib province", "Kherson Oblast".
_SUFFIXES = {
    "province": ("Province", "Governorate"),
    "governorate": ("Governorate", "Province"),
    "state": ("State",),
    "region": ("Region", "Oblast"),
    "oblast": ("Oblast", "Region"),
    "county": ("County",),
    "district": ("District",),
    "department": ("Department",),
    "prefecture": ("Prefecture",),
    "parish": ("Parish",),
}


def division_entries(paths: SourcePaths) -> Iterator[Entry]:
    """Every first-level division with its ISO 3166-2 code and native name."""
    points = reference_points(paths)
    aliases = division_aliases(paths)
    for states_file in sorted((paths.csc_data / "by-country").glob("*/states.json")):
        with states_file.open(encoding="utf-8") as handle:
            records = json.load(handle)
        for rec in records:
            if not rec.get("latitude") or not rec.get("longitude"):
                continue
            yield _entry(rec, points, aliases)


def _entry(
    rec: dict,
    points: dict[tuple[str, str], tuple[float, float]],
    aliases: dict[tuple[str, str], tuple[str, ...]],
) -> Entry:
    name = rec["name"]
    key = ("admin1", f"{rec.get('country_code') or ''}:{name}")
    lat, lon = points.get(key, (float(rec["latitude"]), float(rec["longitude"])))
    place = Place(
        id=f"{SOURCE}:{rec['id']}",
        name=name,
        kind=Kind.ADMIN1,
        lat=lat,
        lon=lon,
        country_code=rec.get("country_code") or "",
        admin1=name,
        source=SOURCE,
    )
    kind_word = (rec.get("type") or "").lower()
    names = [(name, PRIMARY)]
    names += [(f"{name} {suffix}", PRIMARY) for suffix in _SUFFIXES.get(kind_word, ())]
    names += [(alias, ALTERNATE) for alias in aliases.get((place.country_code, name), ())]
    if rec.get("native"):
        names.append((rec["native"], ALTERNATE))
    if rec.get("iso3166_2"):
        names.append((rec["iso3166_2"], CODE))
    return Entry(place, tuple(names), prior_for("admin1", 0))
