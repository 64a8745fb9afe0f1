"""What every checker is given besides the claim: the tolerances and the country outlines."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from geomap.outlines import Borders, CountryShape
from geomap.settings import Settings
from geomap.verify.tolerance import Tolerance

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

#: How close (degrees, about 1 km) a neighbour's outline must come to count as sharing a border.
_TOUCH_DEG = 0.01


class VerifyContext:
    """The tolerance model of one Settings object and the country outlines, each shape read once."""

    def __init__(self, settings: Settings, borders: Borders) -> None:
        self.settings = settings
        self.tolerance = Tolerance(settings)
        self.country = lru_cache(maxsize=None)(self._read_country)
        self.land_border = lru_cache(maxsize=None)(self._land_border)
        self._borders = borders

    def _read_country(self, code: str) -> CountryShape | None:
        """A country outline by ISO code (cached per context: read once per run)."""
        return self._borders.country(code)

    def _land_border(self, code: str) -> BaseGeometry | None:
        """The part of a country's outline it shares with its neighbours: its border, not its coast.

        "X lies 70 km from the border" on a coast means the land border; the outline's nearest
        point would be the shore. None for an island state or a country without an outline.
        """
        from shapely.ops import unary_union

        own = self.country(code)
        if own is None:
            return None
        west, south, east, north = own.geometry.bounds
        pad = 0.1
        neighbours = [
            shape.geometry.buffer(_TOUCH_DEG)
            for shape in self._borders.within(west - pad, south - pad, east + pad, north + pad)
            if shape.code != own.code
        ]
        if not neighbours:
            return None
        shared = own.geometry.boundary.intersection(unary_union(neighbours))
        return None if shared.is_empty else shared
