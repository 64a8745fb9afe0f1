"""Online tile layers for `--tiles`, with their attributions, from xyzservices (a folium dependency)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from geomap.errors import ConfigError

#: `--tiles` name -> xyzservices provider name. Plain data, so the CLI can list it without imports.
PROVIDERS = {
    "osm": "OpenStreetMap.Mapnik",
    "cartodb-positron": "CartoDB.Positron",
    "cartodb-voyager": "CartoDB.Voyager",
    "opentopomap": "OpenTopoMap",
    "esri-worldimagery": "Esri.WorldImagery",
}
#: Zoom limit of a provider that states none.
DEFAULT_MAX_ZOOM = 19


@dataclass(frozen=True, slots=True)
class TileLayer:
    """What Leaflet needs to draw an online tile layer."""

    name: str
    """The layer's name in the layer control."""
    url: str
    """URL template with Leaflet's {s}, {z}, {x}, {y} and {r} placeholders."""
    attribution: str
    """The provider's attribution, as HTML (from xyzservices, not from article text)."""
    max_zoom: int


def tile_layer(name: str) -> TileLayer:
    """The tile layer called `name`; ConfigError naming the valid ones otherwise."""
    if name not in PROVIDERS:
        raise ConfigError(f"unknown tile provider {name!r}; valid: {', '.join(PROVIDERS)}")
    import xyzservices.providers as providers

    provider = providers.query_name(PROVIDERS[name])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # CartoDB's API-key notice: the README says so once
        url = provider.build_url(fill_subdomain=False, scale_factor="{r}")
    max_zoom = int(provider.get("max_zoom") or DEFAULT_MAX_ZOOM)
    return TileLayer(f"{name} tiles (online)", url, provider.html_attribution, max_zoom)
