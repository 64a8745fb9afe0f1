"""geomap: offline geoparsing, geographic claim checking and Leaflet maps for news articles."""

from __future__ import annotations

__version__ = "0.1.0"
