"""An offline basemap: Natural Earth country outlines clipped to a map's extent, simplified to fit it.

The simplified outlines come from geomap.render.levels (made once, then cut per map). Two
levels of detail keep the file small and the coast right where it matters: around
each focus point (the places and claim ends) outlines keep ~400 m detail, so a coastal
base never appears out at sea when zoomed in; elsewhere the tolerance follows the span
of the whole map, about a pixel at the zoom that fits it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from shapely.geometry.base import BaseGeometry

    from geomap.outlines import Borders

#: Smallest margin around the features, in degrees: room to zoom out once or twice.
MIN_MARGIN_DEG = 3.0
#: Coarse tolerance = span of the features / this: about a pixel when the map fits them.
DETAIL = 1000.0
MIN_TOLERANCE_DEG, MAX_TOLERANCE_DEG = 0.004, 0.3
#: Fine tolerance near focus points (degrees; ~400 m) and how far around them it applies.
FINE_TOLERANCE_DEG = 0.004
FOCUS_RADIUS_DEG = 1.5


@dataclass(frozen=True, slots=True)
class Extent:
    """A lat/lon box."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Sequence[tuple[float, float]]) -> Extent:
        """The smallest box holding every (lat, lon) point; most of the world when there are none."""
        if not points:
            return WORLD
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        return cls(min(lats), min(lons), max(lats), max(lons))

    def padded(self, margin_ratio: float = 0.25, min_margin: float = MIN_MARGIN_DEG) -> Extent:
        """The box a map fitted to this one may show, plus room to zoom out once.

        The shorter side is first widened to 3/4 of the longer (a screen shows more than
        the fitted box across its other axis), then every side grows by
        max(min_margin, margin_ratio × the longer side). Half the world or more: the world.
        """
        span = self.span
        lat_extra = max(0.0, 0.75 * span - (self.north - self.south)) / 2
        lon_extra = max(0.0, 0.75 * span - (self.east - self.west)) / 2
        margin = max(min_margin, margin_ratio * span)
        west, east = self.west - margin - lon_extra, self.east + margin + lon_extra
        if east - west >= 180:
            return WORLD
        return Extent(
            max(WORLD.south, self.south - margin - lat_extra),
            max(WORLD.west, west),
            min(WORLD.north, self.north + margin + lat_extra),
            min(WORLD.east, east),
        )

    @property
    def span(self) -> float:
        """The larger side, in degrees."""
        return max(self.north - self.south, self.east - self.west)


#: What a world map shows: Mercator stops near 85°, and Antarctica is left out.
WORLD = Extent(-60.0, -180.0, 85.0, 180.0)


def tolerance_for(extent: Extent) -> float:
    """Simplification tolerance (degrees) for outlines seen at the zoom that fits `extent`."""
    return min(MAX_TOLERANCE_DEG, max(MIN_TOLERANCE_DEG, extent.span / DETAIL))


@dataclass(frozen=True, slots=True)
class Outlines:
    """Land polygons for the basemap, and where they were cut."""

    land: dict[str, Any]
    """GeoJSON FeatureCollection of MultiPolygons, properties {"code": ISO code}."""
    seam_lons: tuple[float, ...]
    """Longitudes of the vertical cut lines (clip box and detail boxes), as rounded in `land`."""
    seam_lats: tuple[float, ...]
    """Latitudes of the horizontal cut lines."""


def country_outlines(
    extent: Extent,
    focus: Sequence[tuple[float, float]] = (),
    borders: Borders | None = None,
    opening: Extent | None = None,
    cache_dir: Path | None = None,
) -> Outlines:
    """Country polygons around `extent`, clipped, at up to three levels of detail.

    Coarse over the whole cut-out (about a pixel when the map fits `extent`); finer over
    the `opening` view when the map opens closer in than that (about a pixel there); ~400 m
    around each focus point. Each level is cut from outlines simplified once for every map
    (geomap.render.levels, kept in `cache_dir`). Only geometry travels (no names), on a grid
    a quarter of the tolerance. The polygons have edges where they were cut (the clip box,
    the detail boxes); the page strokes the coastlines and borders but not those edges,
    which the seams tell apart.
    """
    import numpy as np
    import shapely
    from shapely.geometry import box

    from geomap.render.levels import level_for, outline_level

    view = extent.padded()
    clip = box(view.west, view.south, view.east, view.north)
    coarse = level_for(tolerance_for(extent))
    lons, lats = [view.west, view.east], [view.south, view.north]
    levels: list[tuple[BaseGeometry, float]] = []  # finest first
    if focus and coarse > FINE_TOLERANCE_DEG:
        r = FOCUS_RADIUS_DEG
        lat, lon = np.unique(np.asarray(focus, dtype=float), axis=0).T  # places repeat across articles
        boxes = shapely.box(lon - r, lat - r, lon + r, lat + r)
        levels.append((shapely.union_all(boxes).intersection(clip), FINE_TOLERANCE_DEG))
        lons += [*(lon - r).tolist(), *(lon + r).tolist()]
        lats += [*(lat - r).tolist(), *(lat + r).tolist()]
    closer = level_for(tolerance_for(opening)) if opening is not None else coarse
    if opening is not None and closer < coarse:
        near = opening.padded(margin_ratio=1.0, min_margin=1.0)
        levels.append((box(near.west, near.south, near.east, near.north).intersection(clip), closer))
        lons += [near.west, near.east]
        lats += [near.south, near.north]
    levels.append((clip, coarse))
    features: list[dict[str, Any]] = []
    finer: BaseGeometry | None = None
    for area, tolerance in levels:
        if area.is_empty:
            continue
        codes, land = outline_level(tolerance, borders, cache_dir).cut(area)
        if finer is not None:
            land = list(shapely.difference(land, finer))
        for code, piece in zip(codes, land, strict=True):
            _add(features, code, piece, tolerance)
        finer = area if finer is None else shapely.union(finer, area)
    digits = {_digits(tolerance) for _, tolerance in levels}
    return Outlines(
        {"type": "FeatureCollection", "features": features},
        tuple(sorted({round(v, d) for v in lons for d in digits})),
        tuple(sorted({round(v, d) for v in lats for d in digits})),
    )


def _digits(tolerance: float) -> int:
    """Decimals of the rounding grid for a tolerance (a quarter of it, at least)."""
    return max(0, -math.floor(math.log10(tolerance / 4)))


def _add(features: list[dict[str, Any]], code: str, geometry: BaseGeometry, tolerance: float) -> None:
    if geometry.is_empty:
        return
    rounded = _polygons(geometry, _digits(tolerance), tolerance)
    if rounded is not None:
        features.append({"type": "Feature", "properties": {"code": code}, "geometry": rounded})


def parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    if hasattr(geometry, "geoms"):
        return [leaf for part in geometry.geoms for leaf in parts(part)]
    return [geometry]


def _polygons(geometry: BaseGeometry, digits: int, tolerance: float) -> dict[str, Any] | None:
    """MultiPolygon of the polygonal parts bigger than a few pixels; None when none is left.

    Rounded and deduplicated in one numpy pass over every ring (as _ring does for one):
    a map has 10^5 vertices, and shapely's per-ring coordinate access costs more than the cut.
    """
    import numpy as np
    import shapely

    polygons = np.array([part for part in parts(geometry) if part.geom_type == "Polygon"], dtype=object)
    if len(polygons):
        polygons = polygons[shapely.area(polygons) > tolerance * tolerance]
    if not len(polygons):
        return None
    _, coords, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(polygons)
    coords = np.round(coords, digits)
    keep = np.ones(len(coords), dtype=bool)
    keep[1:] = (coords[1:] != coords[:-1]).any(axis=1)
    keep[ring_offsets[:-1]] = True  # a ring's first point
    kept = np.concatenate(([0], np.cumsum(keep)))[ring_offsets].tolist()
    points = coords[keep].tolist()
    rings = [points[start:stop] for start, stop in zip(kept, kept[1:], strict=False)]
    out = []
    for start, stop in zip(polygon_offsets.tolist(), polygon_offsets[1:].tolist(), strict=False):
        if len(rings[start]) >= 4:
            out.append([ring for ring in rings[start:stop] if len(ring) >= 4])
    return {"type": "MultiPolygon", "coordinates": out} if out else None


def _ring(coords: Any, digits: int) -> list[list[float]]:
    """A ring's points rounded to `digits` decimals, repeated points dropped (numpy: a map has 10^5)."""
    import numpy as np

    points = np.round(np.asarray(coords, dtype=float).reshape(-1, 2), digits)
    if len(points) > 1:
        points = points[np.concatenate(([True], (points[1:] != points[:-1]).any(axis=1)))]
    return points.tolist()  # type: ignore[no-any-return]
