"""The basemap's vendored outlines (geomap/render/data, made by scripts/make_basemap_data.py).

- A coarse world (Natural Earth admin-0, ~30 km detail) drawn outside the detailed
  outlines, so the land never stops at the edge of the cut-out when the map is zoomed out.
- First-level division lines (Natural Earth admin-1: US states, UK counties, provinces...),
  drawn when a story happens in one or two countries; US county lines (US Census Bureau)
  when a US story is local.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geomap.render.basemap import Extent

#: A story is regional when the places it opens on lie in at most this many countries.
REGIONAL_COUNTRIES = 2
#: A US story is local (county lines drawn) when the places it opens on span at most this (degrees).
LOCAL_SPAN_DEG = 6.0


@cache
def _load(name: str) -> Any:
    """A gzipped JSON file of geomap/render/data, read once per process."""
    packed = (resources.files("geomap.render") / "data" / name).read_bytes()
    return json.loads(gzip.decompress(packed))


def world_underlay(view: Extent) -> dict[str, Any] | None:
    """The coarse world minus `view` (where the detailed outlines are), as a GeoJSON MultiPolygon.

    None when `view` is the whole world already.
    """
    from shapely.geometry import MultiPolygon, Polygon, box, mapping

    from geomap.render.basemap import WORLD

    if view == WORLD:
        return None
    world = _world_geometry()
    outside = world.difference(box(view.west, view.south, view.east, view.north))
    parts = [p for p in getattr(outside, "geoms", [outside]) if isinstance(p, Polygon) and not p.is_empty]
    if not parts:
        return None
    return _rounded(mapping(MultiPolygon(parts)), 2)


@cache
def _world_geometry() -> Any:
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    polygons = [Polygon(rings[0], rings[1:]) for rings in _load("world.json.gz")["polygons"]]
    return shapely.make_valid(MultiPolygon(polygons))


def division_lines(countries: Sequence[str], view: Extent) -> list[list[list[float]]]:
    """The lines between first-level divisions of `countries`, cut to `view`, as [[lat, lon], ...].

    Empty when the story spans more than REGIONAL_COUNTRIES countries (then they are noise).
    """
    if not countries or len(countries) > REGIONAL_COUNTRIES:
        return []
    return _cut([coords for code in countries for coords in _admin1(code.upper())], view)


@cache
def _admin1(code: str) -> list[list[list[float]]]:
    """One country's division lines ([lon, lat] lines): its own member of admin1.zip, read alone."""
    with (
        (resources.files("geomap.render") / "data" / "admin1.zip").open("rb") as raw,
        zipfile.ZipFile(raw) as archive,
    ):
        name = f"{code}.json"
        if name not in archive.namelist():
            return []
        return list(json.loads(archive.read(name)))


def county_lines(countries: Sequence[str], view: Extent, opening: Extent | None) -> list[list[list[float]]]:
    """US county lines cut to `view`, for a regional US story whose opening view is local."""
    local = opening is not None and opening.span <= LOCAL_SPAN_DEG
    if not local or "US" not in countries or len(countries) > REGIONAL_COUNTRIES:
        return []
    return _cut(_load("us_counties.json.gz")["lines"], view)


def _cut(lines: Sequence[Sequence[Sequence[float]]], view: Extent) -> list[list[list[float]]]:
    """The parts of [lon, lat] lines inside `view`, as [lat, lon] lines (what Leaflet takes)."""
    from shapely.geometry import LineString, box

    clip = box(view.west, view.south, view.east, view.north)
    out: list[list[list[float]]] = []
    for coords in lines:
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        if max(xs) < view.west or min(xs) > view.east or max(ys) < view.south or min(ys) > view.north:
            continue
        line = LineString(coords)
        inside = line if clip.contains(line) else line.intersection(clip)
        for part in getattr(inside, "geoms", [inside]):
            if part.geom_type == "LineString" and not part.is_empty:
                out.append([[round(y, 3), round(x, 3)] for x, y in part.coords])
    return out


def _rounded(geometry: Any, digits: int) -> dict[str, Any]:
    """A GeoJSON MultiPolygon (from shapely's mapping) with lists and rounded coordinates."""
    return {
        "type": "MultiPolygon",
        "coordinates": [
            [[[round(x, digits), round(y, digits)] for x, y in ring] for ring in polygon]
            for polygon in geometry["coordinates"]
        ],
    }
