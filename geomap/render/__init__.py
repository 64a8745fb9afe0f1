"""Maps: a self-contained Leaflet page (render_map) and the GeoJSON export of a report (dumps).

Both are imported on first use, so that the CLI can read `render.tiles` without loading the renderer.
"""

from __future__ import annotations

from typing import Any

__all__ = ["dumps", "render_map"]


def __getattr__(name: str) -> Any:
    if name == "render_map":
        from geomap.render.leaflet import render_map

        return render_map
    if name == "dumps":
        from geomap.render.features import dumps

        return dumps
    raise AttributeError(f"module 'geomap.render' has no attribute {name!r}")
