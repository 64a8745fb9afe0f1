"""The vendored outlines: a coarse world outside the cut-out, division lines for regional stories."""

from __future__ import annotations

from shapely.geometry import Point, shape

from geomap.render.basemap import WORLD, Extent
from geomap.render.vendored import REGIONAL_COUNTRIES, county_lines, division_lines, world_underlay

IOWA = Extent(40.0, -97.0, 44.0, -89.0)


def test_the_world_underlay_covers_the_land_outside_the_cut_out_only() -> None:
    underlay = world_underlay(IOWA)
    assert underlay is not None and underlay["type"] == "MultiPolygon"
    land = shape(underlay)
    assert land.contains(Point(20.0, 5.0))  # central Africa
    assert land.contains(Point(-100.0, 35.0))  # Texas, outside the cut-out
    assert not land.contains(Point(-93.0, 42.0))  # Iowa: the detailed outlines draw it
    assert not land.contains(Point(-30.0, 30.0))  # the Atlantic
    assert world_underlay(WORLD) is None


def test_division_lines_for_one_or_two_countries_cut_to_the_view() -> None:
    lines = division_lines(["US"], IOWA)
    assert lines
    points = [point for line in lines for point in line]
    assert all(IOWA.south - 1e-3 <= lat <= IOWA.north + 1e-3 for lat, _ in points)
    assert all(IOWA.west - 1e-3 <= lon <= IOWA.east + 1e-3 for _, lon in points)
    # The Iowa-Minnesota border runs along 43.5°N.
    assert any(abs(lat - 43.5) < 0.01 for lat, lon in points if -95 < lon < -92)
    assert division_lines(["US", "CA", "MX"][: REGIONAL_COUNTRIES + 1], IOWA) == []
    assert division_lines([], IOWA) == []
    assert division_lines(["XX"], IOWA) == []


def test_us_county_lines_only_for_a_local_us_story() -> None:
    local = Extent(41.5, -92.0, 42.5, -91.0)
    lines = county_lines(["US"], IOWA, local)
    assert len(lines) > 50  # Iowa's 99 counties and its neighbours' inside the view
    assert county_lines(["US"], IOWA, Extent(30.0, -110.0, 45.0, -80.0)) == []  # not local
    assert county_lines(["GB"], IOWA, local) == []
    assert county_lines(["US"], IOWA, None) == []
