"""geomap: offline geoparsing, geographic claim checking and Leaflet maps for news articles."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["geoparse"]


def __getattr__(name: str) -> Any:
    """Import `geoparse` on first use, so `import geomap` (and the CLI start) stays light."""
    if name == "geoparse":
        from geomap.pipeline import geoparse

        return geoparse
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
