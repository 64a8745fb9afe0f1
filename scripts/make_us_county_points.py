"""Regenerate gazetteer/data/us_county_points.csv: the centre of every US county, by state and name.

Resolution places a county named in an article ("Walker County") at the centre of its outline
in the state the article points to, rather than at the state's centre. The outlines are the US
Census Bureau's cartographic boundaries (2017, public domain) as TopoJSON in the npm package
us-atlas (ISC): `npm pack us-atlas && tar xzf us-atlas-*.tgz`, then

    python scripts/make_us_county_points.py package/counties-10m.json

The centre is the outline's centroid (shapely), rounded to 4 decimals (about 10 m).
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

from shapely import make_valid
from shapely.geometry import MultiPolygon, Polygon

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "us_county_points.csv"


def decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs in lon/lat: quantized deltas undone with its transform."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """One closed ring from arc indexes (a negative index is arc ~i reversed)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def shape(arcs: list[list[tuple[float, float]]], geometry: dict[str, Any]) -> Polygon | MultiPolygon:
    """A county's Polygon or MultiPolygon."""

    def polygon(rings: list[list[int]]) -> Polygon | None:
        outer, *holes = (ring(arcs, r) for r in rings)
        if len(outer) < 4:
            return None  # an islet quantization collapsed to a line
        return Polygon(outer, [hole for hole in holes if len(hole) >= 4])

    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    polygons = [p for p in (polygon(rings) for rings in parts) if p is not None]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def centre_of(arcs: list[list[tuple[float, float]]], geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) of a county's centroid; a county too small for a ring gets its points' mean."""
    centre = make_valid(shape(arcs, geometry)).centroid  # quantized rings may cross
    if not centre.is_empty:
        return centre.y, centre.x
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    points = [point for rings in parts for r in rings for point in ring(arcs, r)]
    return sum(y for _, y in points) / len(points), sum(x for x, _ in points) / len(points)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counties", type=Path, help="us-atlas counties-10m.json (TopoJSON)")
    args = parser.parse_args()
    topology = json.loads(args.counties.read_text(encoding="utf-8"))
    arcs = decoded_arcs(topology)
    states = {g["id"]: g["properties"]["name"] for g in topology["objects"]["states"]["geometries"]}
    rows = []
    for geometry in topology["objects"]["counties"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        state = states.get(geometry["id"][:2])
        if state is None:
            continue
        lat, lon = centre_of(arcs, geometry)
        rows.append((state, geometry["properties"]["name"], f"{lat:.4f}", f"{lon:.4f}"))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["state", "county", "lat", "lon"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} counties written to {OUT}")


if __name__ == "__main__":
    main()
