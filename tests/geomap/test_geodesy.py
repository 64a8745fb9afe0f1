"""Distance, bearing, border distance and geodesic lines: the one geodesy module."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Place
from geomap.geodesy import (
    approx_km,
    border_distance_km,
    geodesic_line,
    haversine_km,
    measure,
    within_km,
)
from tests.browser.handmade import LATAKIA

KHMEIMIM = Place("site:khmeimim-air-base", "Khmeimim Air Base", "air_base", 35.4011, 35.9486, "SY")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", population=458327)
POINT_A = Place("test:a", "A", "air_base", 10.0, 20.0, "")
NORTH_OF_A = Place("test:north", "North", "air_base", 10.5, 20.0, "")
EAST_OF_A = Place("test:east", "East", "air_base", 10.0, 20.5, "")
latitudes, longitudes = st.floats(-80, 80), st.floats(-180, 180)


def test_measure_is_the_wgs84_geodesic_geopy_computes() -> None:
    from geopy.distance import geodesic

    km, bearing = measure(KHMEIMIM, TARTUS)
    assert km == pytest.approx(geodesic((TARTUS.lat, TARTUS.lon), (KHMEIMIM.lat, KHMEIMIM.lon)).km, abs=1e-6)
    assert km == pytest.approx(57.1, abs=0.1)
    assert bearing == pytest.approx(6, abs=1)
    assert measure(NORTH_OF_A, POINT_A)[1] == pytest.approx(0, abs=0.01)
    assert measure(EAST_OF_A, POINT_A)[1] == pytest.approx(90, abs=0.1)
    assert measure(POINT_A, POINT_A)[0] == 0


@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180))
def test_measure_equals_geopy_and_the_wgs84_azimuth_to_the_bit(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    from geographiclib.geodesic import Geodesic
    from geopy.distance import geodesic

    km, bearing = measure(Place("s", "s", "city", lat2, lon2, ""), Place("r", "r", "city", lat1, lon1, ""))
    assert km == geodesic((lat1, lon1), (lat2, lon2), ellipsoid="WGS-84").km
    azimuth = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["azi1"] % 360.0
    assert bearing == (0.0 if azimuth >= 360.0 else azimuth)


@given(latitudes, longitudes, latitudes, longitudes)
def test_bearings_are_in_range_and_distances_finite(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    km, bearing = measure(Place("a", "a", "city", lat1, lon1, ""), Place("b", "b", "city", lat2, lon2, ""))
    assert math.isfinite(km) and 0 <= km <= 20_040
    assert 0 <= bearing < 360


def test_spherical_estimates_agree_with_the_ellipsoid_to_half_a_percent() -> None:
    km, _ = measure(KHMEIMIM, TARTUS)
    assert haversine_km(KHMEIMIM.lat, KHMEIMIM.lon, TARTUS.lat, TARTUS.lon) == pytest.approx(km, rel=5e-3)
    assert approx_km(KHMEIMIM, TARTUS) == pytest.approx(km, rel=5e-3)
    assert within_km(KHMEIMIM, TARTUS, 60) and not within_km(KHMEIMIM, TARTUS, 50)


def test_approx_km_wraps_the_antimeridian() -> None:
    west = Place("w", "w", "city", 0.0, 179.5, "")
    east = Place("e", "e", "city", 0.0, -179.5, "")
    assert approx_km(west, east) == pytest.approx(111.2, abs=0.5)


def test_border_distance_inside_and_outside_a_square() -> None:
    from shapely.geometry import box

    square = box(20.0, 10.0, 21.0, 11.0)  # lon/lat degrees
    inside = Place("i", "i", "city", 10.5, 20.1, "")
    outside = Place("o", "o", "city", 10.5, 19.9, "")
    assert border_distance_km(square, inside) == pytest.approx(10.9, abs=0.2)  # to the west edge
    assert border_distance_km(square, outside) == pytest.approx(10.9, abs=0.2)


def test_geodesic_line_between_two_cities_has_short_even_steps() -> None:
    points = geodesic_line((LATAKIA.lat, LATAKIA.lon), (55.75, 37.62))
    assert points[0] == (LATAKIA.lat, LATAKIA.lon) and points[-1] == (55.75, 37.62)
    steps = [haversine_km(*a, *b) for a, b in zip(points, points[1:], strict=False)]
    assert max(steps) <= 26 and len(points) > 50
    total, _ = measure(Place("m", "m", "city", 55.75, 37.62, ""), LATAKIA)
    assert sum(steps) == pytest.approx(total, rel=5e-3)


def test_geodesic_line_crossing_the_antimeridian_stays_continuous() -> None:
    points = geodesic_line((60.0, 170.0), (60.0, -170.0))
    lons = [lon for _, lon in points]
    assert all(abs(b - a) < 5 for a, b in zip(lons, lons[1:], strict=False))
    assert lons[-1] == pytest.approx(190.0) or lons[-1] == -170.0
    assert max(lat for lat, _ in points) > 60.0  # the geodesic bows towards the pole


def test_a_zero_length_line_is_its_two_ends() -> None:
    assert geodesic_line((10.0, 20.0), (10.0, 20.0)) == ((10.0, 20.0), (10.0, 20.0))


@given(latitudes, longitudes, latitudes, longitudes)
def test_geodesic_line_points_lie_between_the_ends(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    points = geodesic_line((lat1, lon1), (lat2, lon2))
    assert len(points) <= 129
    total = haversine_km(lat1, lon1, lat2, lon2)
    for lat, lon in points:
        assert -90 <= lat <= 90 and math.isfinite(lon)
        via = haversine_km(lat1, lon1, lat, lon) + haversine_km(lat, lon, lat2, lon2)
        assert via <= total * 1.005 + 1.0
