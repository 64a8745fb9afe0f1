"""What every checker is given besides the claim: the tolerances and the country outlines."""

from __future__ import annotations

from functools import lru_cache

from geomap.outlines import Borders, CountryShape
from geomap.settings import Settings
from geomap.verify.tolerance import Tolerance


class VerifyContext:
    """The tolerance model of one Settings object and the country outlines, each shape read once."""

    def __init__(self, settings: Settings, borders: Borders) -> None:
        self.settings = settings
        self.tolerance = Tolerance(settings)
        self.country = lru_cache(maxsize=None)(self._read_country)
        self._borders = borders

    def _read_country(self, code: str) -> CountryShape | None:
        """A country outline by ISO code (cached per context: read once per run)."""
        return self._borders.country(code)
