"""First-level divisions (states, provinces, governorates) from countrystatecity-countries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazetteer.kinds import Kind
from gazetteer.model import Place
from gazetteer.normalize import normalize
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
from gazetteer.sources.curated import site_entries
from gazetteer.sources.geonames_extract import DivisionIndex, Feature, division_stem, read_features

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


@dataclass(frozen=True, slots=True)
class _Division:
    """A countrystatecity division, and the GeoNames record of the same division when one matches."""

    record: dict
    geonames: Feature | None


def division_entries(paths: SourcePaths) -> Iterator[Entry]:
    """Every first-level division: GeoNames' id and point where it has the division.

    countrystatecity gives the names news uses, native names and ISO 3166-2 codes; GeoNames
    gives the point the corpora use. Divisions only GeoNames lists are added from it alone,
    unless a curated region of the same country has one of their names.
    """
    points = reference_points(paths)
    aliases = division_aliases(paths)
    divisions, unmatched = _matched_divisions(paths)
    for division in divisions:
        yield _entry(division, points, aliases)
    curated = {(e.place.country_code, normalize(n)) for e in site_entries(paths) for n, _ in e.names}
    for feature in unmatched:
        if any((feature.country, normalize(name)) in curated for name in feature.names):
            continue  # a curated region of that name ("West Bank") already stands for it
        names = tuple((name, PRIMARY) for name in dict.fromkeys((feature.short_name, *feature.names)))
        place = feature.place(Kind.ADMIN1, name=feature.short_name, admin1=feature.short_name)
        yield Entry(place, names, prior_for("admin1", 0))


def division_labels(paths: SourcePaths) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the name of that division as its gazetteer entry has it.

    GeoNames tags towns with codes ("SY", "13"); labels and the resolver's "its division is
    named" evidence need the division's name ("Damascus"), the same one its entry carries.
    """
    divisions, unmatched = _matched_divisions(paths)
    labels = {(f.country, f.admin1): f.short_name for f in unmatched}
    for division in divisions:
        if division.geonames is not None:
            labels[(division.geonames.country, division.geonames.admin1)] = division.record["name"]
    return labels


def _csc_records(paths: SourcePaths) -> Iterator[dict]:
    for states_file in sorted((paths.csc_data / "by-country").glob("*/states.json")):
        with states_file.open(encoding="utf-8") as handle:
            records = json.load(handle)
        yield from (rec for rec in records if rec.get("latitude") and rec.get("longitude"))


def _matched_divisions(paths: SourcePaths) -> tuple[tuple[_Division, ...], tuple[Feature, ...]]:
    """Each countrystatecity division with its GeoNames match (one to one), and GeoNames' unmatched.

    Remembered per set of source files as they stand: a build asks twice (the divisions, then
    the towns' labels), and a file changed in between is matched afresh.
    """
    stamp = tuple(_stat(path) for path in (paths.geonames_features, paths.division_aliases, paths.csc_data))
    return _matched_divisions_of(paths, stamp)


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=4)
def _matched_divisions_of(
    paths: SourcePaths, stamp: tuple[tuple[int, int], ...]
) -> tuple[tuple[_Division, ...], tuple[Feature, ...]]:
    aliases = division_aliases(paths)
    index = DivisionIndex(read_features(paths.geonames_features))
    records = list(_csc_records(paths))
    stems = [_stems(rec, aliases) for rec in records]
    found = [index.match(rec.get("country_code") or "", s) for rec, s in zip(records, stems, strict=True)]
    owner: dict[int, int] = {}
    for i, feature in enumerate(found):
        if feature is not None:
            owner.setdefault(feature.geonameid, i)
    taken = set(owner)
    for i, rec in enumerate(records):
        feature = found[i]
        if feature is not None and owner[feature.geonameid] == i:
            continue
        alike = index.nearest_alike(
            rec.get("country_code") or "", float(rec["latitude"]), float(rec["longitude"]), stems[i]
        )
        found[i] = alike if alike is not None and alike.geonameid not in taken else None
        if alike is not None and found[i] is alike:
            taken.add(alike.geonameid)
    divisions = tuple(_Division(rec, feature) for rec, feature in zip(records, found, strict=True))
    unmatched = tuple(f for f in index.by_code.values() if f.geonameid not in taken)
    return divisions, unmatched


def _stems(rec: dict, aliases: dict[tuple[str, str], tuple[str, ...]]) -> tuple[str, ...]:
    country = rec.get("country_code") or ""
    names = (rec["name"], rec.get("native") or "", *aliases.get((country, rec["name"]), ()))
    return tuple(map(division_stem, names))


def _entry(
    division: _Division,
    points: dict[tuple[str, str], tuple[float, float]],
    aliases: dict[tuple[str, str], tuple[str, ...]],
) -> Entry:
    rec, feature = division.record, division.geonames
    name = rec["name"]
    country = rec.get("country_code") or ""
    if feature is not None:
        place = feature.place(Kind.ADMIN1, name=name, admin1=name)
    else:
        lat, lon = points.get(
            ("admin1", f"{country}:{name}"), (float(rec["latitude"]), float(rec["longitude"]))
        )
        place = Place(
            id=f"{SOURCE}:{rec['id']}",
            name=name,
            kind=Kind.ADMIN1,
            lat=lat,
            lon=lon,
            country_code=country,
            admin1=name,
            source=SOURCE,
        )
    kind_word = (rec.get("type") or "").lower()
    names = [(name, PRIMARY)]
    names += [(f"{name} {suffix}", PRIMARY) for suffix in _SUFFIXES.get(kind_word, ())]
    names += [(alias, ALTERNATE) for alias in aliases.get((country, name), ())]
    names += [(other, PRIMARY) for other in (feature.names if feature else ()) if other != name]
    if rec.get("native"):
        names.append((rec["native"], ALTERNATE))
    if rec.get("iso3166_2"):
        names.append((rec["iso3166_2"], CODE))
    return Entry(place, _bare_name_secondary(names, name, feature), prior_for("admin1", 0))


def _bare_name_secondary(
    names: list[tuple[str, str]], bare: str, feature: Feature | None
) -> tuple[tuple[str, str], ...]:
    """Mark a division's bare name as an alternate when it is not its official one ("Homs Governorate").

    Such a division is named after its seat: news means the city by the bare name ("Homs",
    "Belgorod") and says "Homs governorate" for the division. A division whose official name
    is the bare one ("New York", "Quebec") keeps it as a primary name.
    """
    if feature is None:
        return tuple(names)
    official = {normalize(feature.name), normalize(feature.asciiname)}
    secondary = {normalize(bare), division_stem(feature.name)} - official
    return tuple((n, ALTERNATE if how == PRIMARY and normalize(n) in secondary else how) for n, how in names)
