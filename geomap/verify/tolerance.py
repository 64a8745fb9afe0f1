"""The tolerance model: what a stated distance or bearing allows, given how it is hedged and rounded.

It widens what a claim allows by three things: what its hedge means ("more than 60" vs
"around 60"), the rounding its figure implies ("60" vs "57.3") and the extent of the places
at either end (a city is not a point). docs/readme-claims.md describes it for readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gazetteer import AREA, POINT_SITE, SETTLEMENT, Kind, Place
from geomap.claims.quantities import LOWER_BOUND_HEDGES, UPPER_BOUND_HEDGES, figure_precision_km
from geomap.compass import COMPASS
from geomap.model import Hedge, Quantity
from geomap.settings import Settings

#: Long or wide features whose one coordinate says little about where their edge is.
LONG = frozenset({Kind.RIVER, Kind.CANAL, Kind.STRAIT, Kind.ISLAND, Kind.MOUNTAIN, Kind.PENINSULA})
#: Below a figure, its relative tolerance counts this many times over, as a ratio: a figure
#: stated as "X km from Y" is often the road distance, and road networks' circuity (how much
#: longer than the straight line a route is) is typically 1.2-1.4. With the default
#: tolerances a hedged figure may be 1.3 times the straight line, a bare one 1.2 times.
ROUTE_RATIO_WEIGHT = 2.0
#: Half the width a compass point allows before the set tolerance, by its number of letters (N,
#: NE, NNE): a cardinal's own sector; for the finer points, wider than their sectors (22.5°,
#: 11.25°). News writes "north-west" for anything between north and west, so with the default
#: tolerance no point is contradicted within 45° of its bearing.
_HALF_SECTOR = {1: 45.0, 2: 35.0, 3: 35.0}


@dataclass(frozen=True, slots=True)
class Allowed:
    """The distances a claim allows, in km (high None: no upper bound)."""

    low: float
    high: float | None

    def admits(self, km: float) -> bool:
        return self.low <= km and (self.high is None or km <= self.high)

    def __str__(self) -> str:
        if self.high is None:
            return f">= {self.low:.1f} km"
        if self.low <= 0:
            return f"<= {self.high:.1f} km"
        return f"{self.low:.1f}-{self.high:.1f} km"


@dataclass(frozen=True, slots=True)
class Tolerance:
    """The tolerance model with the numbers of one Settings object."""

    settings: Settings

    def extent_km(self, place: Place) -> float:
        """How far from its coordinate a place reaches: a base is a point, a city is not."""
        s = self.settings
        if place.kind in AREA:
            return s.area_extent_km
        if place.kind in SETTLEMENT:
            scale = math.sqrt(max(place.population, 10_000) / 100_000)
            return min(s.max_city_extent_km, s.city_extent_km * scale)
        if place.kind in POINT_SITE:
            return s.site_extent_km
        if place.kind in LONG:
            return s.max_city_extent_km
        return s.city_extent_km

    def allowed(self, quantity: Quantity, extent_km: float) -> Allowed:
        """The distances a stated quantity admits, given the extent of both ends."""
        s = self.settings
        claimed = quantity.km
        fixed = s.absolute_tolerance_km + figure_precision_km(quantity) + extent_km
        hedge = quantity.hedge
        if quantity.low_km is not None and quantity.high_km is not None:
            return Allowed(max(0.0, quantity.low_km - fixed), quantity.high_km + fixed)
        if hedge in LOWER_BOUND_HEDGES:
            return Allowed(max(0.0, claimed - fixed), None)
        if hedge in UPPER_BOUND_HEDGES:
            return Allowed(0.0, claimed + fixed)
        relative = s.unhedged_tolerance if hedge == Hedge.EXACTLY else s.relative_tolerance
        spread = relative * claimed
        if hedge in (Hedge.NEARLY, Hedge.JUST_UNDER):
            return Allowed(max(0.0, claimed - spread - fixed), claimed + fixed)
        if hedge == Hedge.JUST_OVER:
            return Allowed(max(0.0, claimed - fixed), claimed + spread + fixed)
        slack = max(s.absolute_tolerance_km, spread) + figure_precision_km(quantity) + extent_km
        return Allowed(max(0.0, claimed - slack), claimed + slack)

    def allowed_between(self, quantity: Quantity, extent_km: float) -> Allowed:
        """The centre-to-centre distances a figure between two places admits.

        Measuring from a place's edge instead of its centre only ever makes the stated figure
        shorter than the centres' distance, so the ends' extent widens the upper bound alone.
        Below the figure, what is allowed is the figure read as a road distance (see
        ROUTE_RATIO_WEIGHT) and rounded: a "6 km" suburb of a city with a 13 km radius is 6 km
        from its centre, and a planted "15 km" is not rescued by that radius.
        """
        wide, point = self.allowed(quantity, extent_km), self.allowed(quantity, 0.0)
        if quantity.hedge in LOWER_BOUND_HEDGES or quantity.hedge in UPPER_BOUND_HEDGES:
            return Allowed(point.low, wide.high)
        s = self.settings
        relative = s.unhedged_tolerance if quantity.hedge == Hedge.EXACTLY else s.relative_tolerance
        low_km = quantity.low_km if quantity.low_km is not None else quantity.km
        fixed = s.absolute_tolerance_km + figure_precision_km(quantity)
        road = max(0.0, low_km / (1.0 + ROUTE_RATIO_WEIGHT * relative) - fixed)
        return Allowed(min(road, point.low), wide.high)

    def bearing(self, direction: str, bearing: float, measured: float, extent: float) -> tuple[bool, str]:
        """Within half the compass sector, plus the set tolerance, plus what the extents blur."""
        centre = COMPASS[direction]
        blur = math.degrees(math.atan2(extent, measured)) if measured > 0 else 180.0
        half = _HALF_SECTOR.get(len(direction), 45.0) + self.settings.bearing_tolerance_deg + blur
        off = abs((bearing - centre + 180.0) % 360.0 - 180.0)
        text = f"claimed {direction} ({centre:g}° ± {min(half, 180.0):.0f}°), measured bearing {bearing:.0f}°"
        return off <= half, text
