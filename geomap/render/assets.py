"""Leaflet's JS and CSS read from the installed xstatic package, and geomap's map script, ready to inline."""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import resources

_LEAFLET = "xstatic.pkg.leaflet"
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=\S*\s*$", re.MULTILINE)
_CSS_IMAGE = re.compile(r"url\(images/([\w.-]+\.png)\)")
#: Leaflet's default marker images, in the option names L.Icon.Default uses.
_DEFAULT_ICON = {
    "iconUrl": "marker-icon.png",
    "iconRetinaUrl": "marker-icon-2x.png",
    "shadowUrl": "marker-shadow.png",
}


def _data(package: str, name: str) -> bytes:
    return (resources.files(package) / "data" / name).read_bytes()


def _script_safe(code: str, what: str) -> str:
    """Code that can sit inside a <script>/<style> element as is.

    A vendored file that contains "</" followed by script/style, or "<!--", would end
    or derail the element it is inlined in; none of the shipped versions do, so refuse
    rather than rewrite code we do not own.
    """
    code = _SOURCE_MAP.sub("", code)
    if re.search(r"</(script|style)|<!--", code, re.IGNORECASE):
        raise RuntimeError(f"{what} cannot be inlined: it contains an HTML end tag or comment")
    return code


@cache
def image_data_url(name: str) -> str:
    """A Leaflet image (marker-icon.png, layers.png...) as a data: URL."""
    encoded = base64.b64encode(_data(_LEAFLET, f"images/{name}")).decode("ascii")
    return f"data:image/png;base64,{encoded}"


@cache
def leaflet_js() -> str:
    """leaflet.js (minified), without its source-map comment so nothing asks for the .map file."""
    return _script_safe(_data(_LEAFLET, "leaflet.js").decode("utf-8"), "leaflet.js")


@cache
def leaflet_css() -> str:
    """leaflet.css with every url(images/...) replaced by a data: URL."""
    css = _data(_LEAFLET, "leaflet.css").decode("utf-8")
    css = _CSS_IMAGE.sub(lambda m: f'url("{image_data_url(m.group(1))}")', css)
    return _script_safe(css, "leaflet.css")


@cache
def default_icon_js() -> str:
    """Script that points L.Icon.Default at data: URLs.

    Leaflet otherwise guesses an image folder from its CSS and requests marker-icon.png
    beside the HTML file, the one network request an inlined Leaflet would still make.
    """
    options = ", ".join(f'{key}: "{image_data_url(name)}"' for key, name in _DEFAULT_ICON.items())
    return f'L.Icon.Default.imagePath = "";\nL.Icon.Default.mergeOptions({{{options}}});'


def leaflet_version() -> str:
    """The version of the inlined Leaflet, for the page's credits."""
    from xstatic.pkg import leaflet

    return str(leaflet.VERSION)


@cache
def map_js() -> str:
    """The map scripts of geomap's own (geomap/render/labels.js, map.js): draw the page's JSON data."""
    folder = resources.files("geomap.render")
    return "\n".join(
        _script_safe((folder / name).read_text(encoding="utf-8"), name) for name in ("labels.js", "map.js")
    )
