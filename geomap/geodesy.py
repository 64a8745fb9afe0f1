"""The one home of distance, bearing, border distance and geodesic lines (geographiclib).

Two accuracies, each for its own purpose: `measure` and `border_distance_km` are Karney's
geodesics on the WGS84 ellipsoid, for verdicts; `approx_km` is an equirectangular estimate on
the mean sphere, for the millions of comparisons resolution makes, where a fraction of a
percent changes nothing. Coordinates are decimal degrees, (lat, lon) in that order.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from geographiclib.geodesic import Geodesic
    from shapely.geometry.base import BaseGeometry

#: The mean Earth radius (IUGG), for spherical estimates.
EARTH_RADIUS_KM = 6371.0088
#: Kilometres per degree of latitude on that sphere.
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0
#: Spacing of the points of a drawn geodesic line, and the most segments one may have.
LINE_STEP_KM, LINE_MAX_SEGMENTS = 25.0, 128

LatLon = tuple[float, float]


class Located(Protocol):
    """Anything with a position: a gazetteer Place, a gold toponym."""

    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


@functools.cache
def _wgs84_km() -> Geodesic:
    """The WGS84 ellipsoid with its axis in km, as geopy's `geodesic` sets it up (immutable).

    The same solver geopy calls, on the same ellipsoid, gives the same bits (checked on
    170,000 random pairs, near-antipodal and meridional ones among them), without importing
    geopy (0.1 s of every run's start) or building a solver per distance as geopy does.
    """
    from geographiclib.geodesic import Geodesic

    return Geodesic(6378.137, 1 / 298.257223563)


def measure(subject: Located, reference: Located) -> tuple[float, float]:
    """Geodesic distance (km, WGS84) and initial azimuth from reference to subject (degrees).

    Both come from one solution of Karney's inverse problem (geographiclib): the distance is
    geopy's `geodesic(...).km` and the azimuth that of `Geodesic.WGS84`, to the bit.
    """
    from geographiclib.geodesic import Geodesic

    solved = _wgs84_km().Inverse(
        reference.lat, reference.lon, subject.lat, subject.lon, Geodesic.DISTANCE | Geodesic.AZIMUTH
    )
    bearing = solved["azi1"] % 360.0
    return solved["s12"], 0.0 if bearing >= 360.0 else bearing  # -1e-17 % 360 is 360.0


def _geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geographiclib.geodesic import Geodesic

    return float(_wgs84_km().Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"])


def border_distance_km(geometry: BaseGeometry, place: Located) -> float:
    """Geodesic km from a place to the nearest point of an outline (its edge when inside).

    The nearest point is found in a local equirectangular frame (longitudes scaled by the
    cosine of the latitude), then measured on the ellipsoid.
    """
    import numpy as np
    import shapely
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    point = Point(place.lon, place.lat)
    target = geometry.boundary if geometry.covers(point) else geometry
    scale = np.array([math.cos(math.radians(place.lat)), 1.0])
    scaled = shapely.transform(target, lambda coords: coords * scale)
    nearest = nearest_points(scaled, Point(place.lon * scale[0], place.lat))[0]
    return _geodesic_km(place.lat, place.lon, nearest.y, nearest.x / scale[0])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on the mean sphere: the error measure of geoparsing evaluations."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def approx_km(a: Located, b: Located) -> float:
    """Equirectangular distance: cheap, and within a fraction of a percent up to ~1,000 km."""
    x = math.radians((b.lon - a.lon + 180.0) % 360.0 - 180.0) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return EARTH_RADIUS_KM * math.hypot(x, y)


def within_km(a: Located, b: Located, km: float) -> bool:
    """Whether two places lie within `km` of each other (approx_km)."""
    return approx_km(a, b) <= km


def geodesic_line(start: LatLon, end: LatLon) -> tuple[LatLon, ...]:
    """Points every ~25 km along the WGS84 geodesic from start to end, both ends included.

    Longitudes are kept continuous, so a line crossing the antimeridian is not drawn the long
    way round the map (a longitude may then lie outside [-180, 180]).
    """
    from geographiclib.geodesic import Geodesic

    line = Geodesic.WGS84.InverseLine(*start, *end)
    if line.s13 < 1.0:
        return (start, end)
    segments = min(LINE_MAX_SEGMENTS, max(1, math.ceil(line.s13 / 1000.0 / LINE_STEP_KM)))
    inner = []
    for step in range(1, segments):
        position = line.Position(line.s13 * step / segments)
        inner.append((position["lat2"], position["lon2"]))
    return tuple(_continuous([start, *inner, end]))


def _continuous(points: list[LatLon]) -> list[LatLon]:
    out = [points[0]]
    for lat, lon in points[1:]:
        previous = out[-1][1]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        out.append((lat, lon))
    return out
