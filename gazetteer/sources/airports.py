"""Airports and air bases worldwide with ICAO/IATA codes, from airportsdata."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from gazetteer.kinds import Kind
from gazetteer.lexicon import common_words
from gazetteer.model import Place
from gazetteer.normalize import normalize, skeleton
from gazetteer.sources import CODE, PRIMARY, Entry, SourcePaths, prior_for

SOURCE = "airportsdata"
#: A one-word core this frequent as an English word (Zipf) is never an airport's name on its own.
ORDINARY_ZIPF = 3.0
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
    if kind == "airport" and row.get("iata"):
        names += [(form, PRIMARY) for form in _core_forms(name, city)]
    names += [(code, CODE) for code in (row.get("icao"), row.get("iata")) if code]
    return Entry(place, tuple(dict.fromkeys(names)), prior_for(kind, 0))


def _core_forms(name: str, city: str) -> list[str]:
    """How news shortens an airport's name ("O'Hare airport", "O'Hare International", "O'Hare").

    "Chicago O'Hare International Airport" loses its city and generic words. A core of several
    words ("Ben Gurion", "John F. Kennedy") is never used bare: it is a
    person's name as often as the airport's.
    """
    core = _GENERIC.sub(" ", f" {name} ").split()
    if city and core[: len(city.split())] == city.split() and len(core) > len(city.split()):
        core = core[len(city.split()) :]
    if not core or " ".join(core) == city:
        return []
    stem = " ".join(core)
    forms = [f"{stem} airport"] + ([f"{stem} International"] if "International" in name else [])
    named_for_city = bool(city) and skeleton(normalize(stem)) == skeleton(normalize(city))
    if named_for_city:
        return [
            f"{stem} airport"
        ]  # "Hodeidah International Airport" in Al Hudaydah: the bare name is the city's
    if len(core) == 1 and len(stem) >= 5 and common_words().get(normalize(stem), 0.0) < ORDINARY_ZIPF:
        forms.append(stem)  # "Heathrow", "O'Hare"; never "Business" (Elk City Regional Business Airport)
    return forms


#: Words of an airport's name that its shortened forms leave out.
_GENERIC = re.compile(r"\s(?:International|Intl\.?|Airport|Airfield|Aerodrome|Regional|Municipal)(?=\s)")
