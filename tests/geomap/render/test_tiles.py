"""Online tile layers come from xyzservices; the CLI's --tiles choices are the same names."""

from __future__ import annotations

import warnings

import pytest

from geomap.cli.map_cmd import map_command
from geomap.errors import ConfigError
from geomap.render.tiles import PROVIDERS, tile_layer


@pytest.mark.parametrize("name", list(PROVIDERS))
def test_every_provider_has_a_url_template_an_attribution_and_a_zoom_limit(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layer = tile_layer(name)
    assert layer.url.startswith("https://") and "{z}" in layer.url and "{x}" in layer.url
    assert "&copy;" in layer.attribution or "Esri" in layer.attribution
    assert 10 <= layer.max_zoom <= 22
    assert layer.name == f"{name} tiles (online)"


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="valid: osm, cartodb-positron, cartodb-voyager"):
        tile_layer("google")


def test_the_cli_offers_exactly_these_names() -> None:
    option = next(p for p in map_command.params if p.name == "tiles")
    assert list(option.type.choices) == list(PROVIDERS)  # type: ignore[attr-defined]
