"""The offline basemap: Natural Earth outlines clipped to the map and simplified to fit it."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, shape

from geomap.outlines import Borders
from geomap.render.basemap import FINE_TOLERANCE_DEG, WORLD, Extent, country_outlines, tolerance_for

KHMEIMIM, TARTUS, MOSCOW = (35.4011, 35.9486), (34.8890, 35.8866), (55.75, 37.62)


@pytest.fixture(scope="module")
def borders() -> Borders:
    return Borders()


def vertices(collection: dict) -> list[list[float]]:
    return [
        point
        for feature in collection["features"]
        for polygon in feature["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
    ]


def test_extent_around_points_and_padding() -> None:
    extent = Extent.around([KHMEIMIM, TARTUS])
    assert (extent.south, extent.west, extent.north, extent.east) == (34.8890, 35.8866, 35.4011, 35.9486)
    padded = extent.padded()
    assert padded.south == pytest.approx(34.889 - 3)  # the minimum margin
    widened = (0.75 * (35.4011 - 34.889) - (35.9486 - 35.8866)) / 2
    assert padded.east == pytest.approx(35.9486 + 3 + widened)  # the narrow side widened too
    tall = Extent(0, 0, 40, 10).padded()
    assert tall.north == 50 and tall.west == -20  # margin 10 plus (30 - 10) / 2
    assert Extent(-89, -179, 89, 179).padded() == WORLD
    assert Extent(0, 0, 10, 150).padded() == WORLD  # half the world or more: all of it
    assert Extent.around([]) == WORLD


def test_tolerance_follows_the_span_within_limits() -> None:
    assert tolerance_for(Extent(34, 35, 36, 37)) == 0.004
    assert tolerance_for(Extent(30, 30, 60, 60)) == pytest.approx(0.03)
    assert tolerance_for(Extent(-60, -180, 80, 180)) == 0.3


def test_outlines_of_the_syrian_coast_are_clipped_detailed_and_small(borders: Borders) -> None:
    outlines = country_outlines(Extent.around([KHMEIMIM, TARTUS]), [KHMEIMIM, TARTUS], borders)
    codes = {feature["properties"]["code"] for feature in outlines.land["features"]}
    assert {"SY", "LB", "TR", "CY"} <= codes and "RU" not in codes
    points = vertices(outlines.land)
    view = Extent.around([KHMEIMIM, TARTUS]).padded()
    grid = 0.001  # coordinates are rounded
    assert all(view.west - grid <= lon <= view.east + grid for lon, _ in points)
    assert all(view.south - grid <= lat <= view.north + grid for _, lat in points)
    assert view.west > 32.5 and view.east < 39.5
    assert 500 < len(points) < 20_000
    assert len(json.dumps(outlines.land)) < 250_000
    syria = shape(next(f for f in outlines.land["features"] if f["properties"]["code"] == "SY")["geometry"])
    assert syria.contains(Point(KHMEIMIM[1], KHMEIMIM[0])) and syria.contains(Point(TARTUS[1], TARTUS[0]))
    assert not syria.contains(Point(35.7, 35.0))  # the sea off Tartus
    assert outlines.seam_lons[0] == pytest.approx(view.west, abs=1e-3)


def test_far_apart_places_get_detail_only_around_them(borders: Borders) -> None:
    extent = Extent.around([KHMEIMIM, MOSCOW])
    plain = country_outlines(extent, [], borders)
    focused = country_outlines(extent, [KHMEIMIM], borders)

    def close(points: list[list[float]]) -> list[list[float]]:
        return [p for p in points if abs(p[0] - KHMEIMIM[1]) < 1.4 and abs(p[1] - KHMEIMIM[0]) < 1.4]

    near, near_plain = close(vertices(focused.land)), close(vertices(plain.land))
    assert len(near) > 2 * len(near_plain)
    assert all(round(p[0], 3) == p[0] for p in near)  # fine grid: ~100 m
    assert tolerance_for(extent) > 2 * FINE_TOLERANCE_DEG
    assert KHMEIMIM[1] - 1.5 in [pytest.approx(v, abs=1e-3) for v in focused.seam_lons]


def test_every_polygon_is_closed_and_valid(borders: Borders) -> None:
    outlines = country_outlines(Extent.around([KHMEIMIM, MOSCOW]), [KHMEIMIM, MOSCOW], borders)
    for feature in outlines.land["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]


def test_open_sea_has_no_land(borders: Borders) -> None:
    middle_of_the_pacific = Extent(-20, -150, -15, -145)
    land = country_outlines(middle_of_the_pacific, [], borders).land
    assert all(f["properties"]["code"] in {"PF", "FR"} for f in land["features"])
