"""Cluster support: which candidates of an article's names could lie together.

Joint resolution starts every name at its favourite, so small namesakes that make sense only
together (three villages of one county, each sharing its name with a bigger town far away)
never see each other: closeness and the division share look at the picks alone. Cluster
support looks at every candidate of the other names instead. A point-like candidate counts
the other names with a candidate within CLUSTER_KM of it; a first-level division counts the
other names with a point-like candidate inside it, so that "New York" the state is not
outvoted by the city's neighbours. Only candidates matched by their own name (not an
alternate name) vouch or are vouched for: an old or foreign name proves little.

What a name's candidates contribute does not depend on the article (`Footprint`, cached per
name by the resolver); each article only files the footprints in a grid and counts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gazetteer import VAST, Candidate, Kind, Place
from geomap.geodesy import KM_PER_DEGREE
from geomap.model import LookupKey
from geomap.resolve.candidates import COUNTY, COUNTY_OUTLINES_SOURCE

#: How near another name's candidate must lie to vouch for a candidate (km).
CLUSTER_KM = 50.0
#: Grid cells of the search for such candidates, in degrees of latitude and longitude.
_CELL_DEGREES = 1.0
_COLUMNS = round(360 / _CELL_DEGREES)

_REACH_DEG = CLUSTER_KM / KM_PER_DEGREE
_REACH_DEG_SQUARED = _REACH_DEG**2

_NOT_POINTS = VAST | {Kind.REGION, Kind.ADMIN1}

_Cell = int
"""A grid cell: row * _COLUMNS + column."""
#: Below this latitude a column either side of a point's cell spans CLUSTER_KM.
_ONE_COLUMN_LATITUDE = 60.0
_NEIGHBOURS = tuple(dr * _COLUMNS + dc for dr in (-1, 0, 1) for dc in (-1, 0, 1))


@dataclass(frozen=True, slots=True)
class Near:
    """A point-like candidate: where it is and the grid cells within CLUSTER_KM of it."""

    lat: float
    lon: float
    squeeze: float
    """cos(lat): degrees of longitude to degrees of latitude here."""
    cells: frozenset[_Cell]


@dataclass(frozen=True, slots=True)
class Footprint:
    """What a name's candidates give and ask in cluster support (the same in every article)."""

    points: tuple[tuple[_Cell, float, float], ...]
    """The cell, latitude and longitude of each candidate that vouches for others."""
    divisions: frozenset[tuple[str, str]]
    """(country, admin1) of the divisions those candidates lie in."""
    asks: tuple[Near | tuple[str, str] | None, ...]
    """Per candidate: its Near, the (country, admin1) of a division, or None (no support)."""


def footprint(candidates: Sequence[Candidate]) -> Footprint:
    """A name's footprint, from its ranked candidates."""
    points = []
    divisions = set()
    asks: list[Near | tuple[str, str] | None] = []
    for candidate in candidates:
        place = candidate.place
        if candidate.matched != "primary":
            asks.append(None)
        elif _point_like(place):
            lat, lon = place.lat, place.lon
            cell = _cell(lat, lon)
            points.append((cell, lat, lon))
            if place.admin1:
                divisions.add((place.country_code, place.admin1))
            asks.append(Near(lat, lon, math.cos(math.radians(lat)), _cells_around(cell, lat)))
        elif place.kind == Kind.ADMIN1:
            asks.append((place.country_code, place.admin1))
        else:
            asks.append(None)
    return Footprint(tuple(points), frozenset(divisions), tuple(asks))


def cluster_support(
    footprints: Mapping[LookupKey, Footprint], ambiguous: Sequence[LookupKey]
) -> dict[LookupKey, tuple[float, ...]]:
    """For each candidate of each ambiguous name: how many of the article's other names could lie by it."""
    if len(footprints) < 2:
        return {key: (0.0,) * len(footprints[key].asks) for key in ambiguous}
    grid: dict[_Cell, list[tuple[float, float, LookupKey]]] = {}
    inside: dict[tuple[str, str], set[LookupKey]] = {}
    for key, found in footprints.items():
        for cell, lat, lon in found.points:
            grid.setdefault(cell, []).append((lat, lon, key))
        for division in found.divisions:
            inside.setdefault(division, set()).add(key)
    support = {}
    for key in ambiguous:
        values = []
        for ask in footprints[key].asks:
            if ask is None:
                values.append(0.0)
            elif isinstance(ask, Near):
                values.append(_near_count(ask, key, grid))
            else:
                names = inside.get(ask)
                values.append(float(len(names) - (key in names)) if names else 0.0)
        support[key] = tuple(values)
    return support


def _near_count(
    near: Near, key: LookupKey, grid: Mapping[_Cell, list[tuple[float, float, LookupKey]]]
) -> float:
    """How many other names have a candidate within CLUSTER_KM (equirectangular: exact enough there)."""
    lat, lon, squeeze = near.lat, near.lon, near.squeeze
    found: set[LookupKey] = set()
    occupied = grid.keys() & near.cells  # one set operation in C: most neighbourhoods are empty
    for cell in occupied:
        for other_lat, other_lon, voter in grid[cell]:
            dlat = other_lat - lat
            if voter == key or voter in found or dlat > _REACH_DEG or dlat < -_REACH_DEG:
                continue
            dlon = (other_lon - lon + 180.0) % 360.0 - 180.0
            if (dlat or dlon) and dlat * dlat + (dlon * squeeze) ** 2 <= _REACH_DEG_SQUARED:
                found.add(voter)  # (the same point under another name does not vouch for itself)
    return float(len(found))


def _point_like(place: Place) -> bool:
    """Small enough to lie "by" another: no continent, country, sea, desert, region or division.

    A county only at its own centre: one at its state's point would vouch for the whole state.
    """
    if place.id.startswith(COUNTY):
        return place.source == COUNTY_OUTLINES_SOURCE
    return place.kind not in _NOT_POINTS


def _cell(lat: float, lon: float) -> _Cell:
    return int(lat // _CELL_DEGREES) * _COLUMNS + int(lon // _CELL_DEGREES) % _COLUMNS


def _cells_around(cell: _Cell, lat: float) -> frozenset[_Cell]:
    """The grid cells within CLUSTER_KM of a point in `cell` (more columns towards the poles; wrapping)."""
    row, column = divmod(cell, _COLUMNS)
    if abs(lat) < _ONE_COLUMN_LATITUDE and 0 < column < _COLUMNS - 1:
        return frozenset(cell + offset for offset in _NEIGHBOURS)
    span = _columns_needed(lat)
    columns = [(column + dc) % _COLUMNS for dc in range(-span, span + 1)]
    return frozenset((row + dr) * _COLUMNS + c for dr in (-1, 0, 1) for c in columns)


def _columns_needed(lat: float) -> int:
    width = KM_PER_DEGREE * _CELL_DEGREES * max(math.cos(math.radians(abs(lat) + _CELL_DEGREES)), 1e-3)
    return min(math.ceil(CLUSTER_KM / width), _COLUMNS // 2)
