"""A self-contained Leaflet map (folium's page) of the places and claims: one HTML file, no requests."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from geomap.escape import escape_html
from geomap.model import Report, Status
from geomap.render import assets
from geomap.render.basemap import Extent, country_outlines
from geomap.render.features import CATEGORY_LABELS, ClaimLine, PlacePin, category, claim_lines, place_pins
from geomap.render.popups import STATUS_COLOURS, claim_html, legend_html, place_html, shape_svg
from geomap.render.tiles import TileLayer, tile_layer
from geomap.render.view import (
    CLAIM_MAX_ZOOM,
    CLAIM_MIN_PIXELS,
    FIT_PADDING_BOTTOM_RIGHT,
    FIT_PADDING_TOP_LEFT,
    MAX_FIT_ZOOM,
    Label,
    labels,
    opening_extent,
    opening_points,
    story_countries,
)
from geomap.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from pathlib import Path

    from geomap.outlines import Borders

_SEA, _LAND, _COAST, _DIVISION, _COUNTY = "#cfe2f0", "#f4f1e8", "#8c8c8c", "#9a8f99", "#aea4ac"
_OUTLINES_NAME = "Country outlines (offline)"
_NATURAL_EARTH = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
#: The map's JS name: fixed, so the same report renders to the same bytes.
_MAP_ID = "geomap"
#: The page around the map, as folium 0.20 writes it for Map(zoom_start=6, tiles=None,
#: control_scale=True, world_copy_jump=False) with no default assets (geomap inlines its own).
_PAGE_TOP = "<!DOCTYPE html>\n<html>\n<head>\n<title>"
_PAGE_META = '</title>\n    <meta http-equiv="content-type" content="text/html; charset=UTF-8" />\n    '
_PAGE_BOTTOM = """
            <meta name="viewport" content="width=device-width,
                initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />
            <style>
                #map_@ID@ {
                    position: relative;
                    width: 100.0%;
                    height: 100.0%;
                    left: 0.0%;
                    top: 0.0%;
                }
                .leaflet-container { font-size: 1rem; }
            </style>

            <style>html, body {
                width: 100%;
                height: 100%;
                margin: 0;
                padding: 0;
            }
            </style>

            <style>#map {
                position:absolute;
                top:0;
                bottom:0;
                right:0;
                left:0;
                }
            </style>

            <script>
                L_NO_TOUCH = false;
                L_DISABLE_3D = false;
            </script>


</head>
<body>


            <div class="folium-map" id="map_@ID@" ></div>

</body>
<script>


            var map_@ID@ = L.map(
                "map_@ID@",
                {
                    center: @CENTRE@,
                    crs: L.CRS.EPSG3857,
                    ...{
  "zoom": 6,
  "zoomControl": true,
  "preferCanvas": false,
  "worldCopyJump": false,
}

                }
            );
            L.control.scale().addTo(map_@ID@);




    geomapDraw(map_@ID@);
</script>
</html>"""
_EXTERNAL_ASSET = re.compile(r"<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=", re.I)

_CSS = f"""
.leaflet-container {{ background: {_SEA}; }}
.geomap-place svg {{ display: block; overflow: visible; }}
.geomap-arrow {{ pointer-events: none; }}
.geomap-popup {{ max-width: 340px; font: 13px/1.35 system-ui, sans-serif; }}
.geomap-popup h3 {{ margin: 0 0 2px; font-size: 15px; }}
.geomap-popup .meta {{ color: #555; }}
.geomap-popup ol {{ margin: 6px 0 0; padding-left: 18px; max-height: 180px; overflow-y: auto; }}
.geomap-popup mark {{ background: #ffe066; padding: 0 1px; }}
.geomap-popup code {{ font-size: 12px; }}
.geomap-status {{ font-weight: bold; text-transform: uppercase; }}
.geomap-tip {{ max-width: 360px; white-space: normal; font: 13px/1.35 system-ui, sans-serif; }}
.geomap-legend {{ background: rgba(255,255,255,.92); padding: 5px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 12px/1.45 system-ui, sans-serif;
  max-width: min(280px, 40vw); min-width: min-content; max-height: 45vh; overflow-y: auto;
  overflow-wrap: normal; word-break: normal; hyphens: manual; }}
.geomap-legend summary {{ cursor: pointer; list-style-position: outside; margin-left: 12px; }}
.geomap-legend h2 {{ display: inline; margin: 0; font-size: 14px; }}
.geomap-legend details[open] summary {{ margin-bottom: 3px; }}
.geomap-label {{ position: absolute; left: 0; top: 0; background: rgba(255,255,255,.82); border-radius: 3px;
  padding: 0 3px; font: 12px/1.3 system-ui, sans-serif; color: #222; white-space: nowrap;
  pointer-events: none; user-select: none; }}
.geomap-label-main {{ font-weight: 600; }}
.geomap-legend .row {{ display: flex; align-items: center; gap: 6px; }}
.geomap-legend .swatch {{ width: 16px; height: 16px; display: inline-flex; align-items: center; }}
.geomap-legend .note {{ color: #555; margin-top: 4px; }}
"""


def render_map(
    report: Report,
    *,
    title: str,
    tiles: str | None = None,
    borders: Borders | None = None,
    cache_dir: Path | None = None,
) -> str:
    """The map of a report as one HTML document.

    Without `tiles` the page makes no network request at all: Leaflet is inlined and the
    background is Natural Earth outlines clipped to the map's extent. Those are simplified
    once per detail level and kept in `cache_dir` (without one, once per process).

    No text from outside the program ever reaches a template compiler: the page is folium's
    bare map written out (no template engine at all), and everything drawn on it (names,
    popups, legend, layer names) travels as one JSON block that geomap's own script
    (geomap/render/map.js) reads. Strings that Leaflet sets as innerHTML are escaped with
    escape_html first; a name label's text stays plain, set as textContent (labels.js).
    """
    layer = tile_layer(tiles) if tiles is not None else None
    layers = [(result.article.name, place_pins(result), claim_lines(result)) for result in report.results]
    pins = [pin for _, article_pins, _ in layers for pin in article_pins]
    lines = [line for _, _, article_lines in layers for line in article_lines]
    places = [(pin.place.lat, pin.place.lon) for pin in pins]
    points = places + [point for line in lines for point in line.points]
    extent = Extent.around(points)
    ends = [end for line in lines for end in (line.points[0], line.points[-1])]
    opening = opening_points(pins, lines)
    outlines = _outlines_data(
        extent,
        places + ends,
        borders,
        story_countries(pins, lines),
        opening_extent(opening, lines),
        cache_dir,
    )
    data = {
        "outlines": outlines,
        "tiles": _tiles_data(layer),
        "layers": _layers_data(layers),
        "legend": _legend(title, pins, lines, len(report.verdicts) - len(lines), bool(points)),
        "views": {
            "all": _bounds(points) if points else None,
            "claims": _bounds([point for line in lines for point in line.points]) if lines else None,
        },
        "opening": _bounds(opening or points) if points else None,
        "fit": {
            "paddingTopLeft": list(FIT_PADDING_TOP_LEFT),
            "paddingBottomRight": list(FIT_PADDING_BOTTOM_RIGHT),
            "maxZoom": MAX_FIT_ZOOM,
        },
        "claimView": {"minPixels": CLAIM_MIN_PIXELS, "maxZoom": CLAIM_MAX_ZOOM},
    }
    html = _page(extent, title, data)
    if _EXTERNAL_ASSET.search(html):
        raise RuntimeError("map HTML references an external script or stylesheet")
    return html


def _page(extent: Extent, title: str, data: dict[str, Any]) -> str:
    """The HTML page: the bare map folium 0.20 renders, the inlined assets, the data and the script.

    The page is folium's, byte for byte, written out here: importing folium (about 0.2 s:
    it compiles a template for every element class it defines) was a quarter of a
    `geomap map` run, for a page nothing but geomap's own script draws on.
    """
    centre = json.dumps([(extent.south + extent.north) / 2, (extent.west + extent.east) / 2])
    head = (
        f"<style>{assets.leaflet_css()}\n{_CSS}</style>\n"
        f"<script>{assets.leaflet_js()}\n{assets.default_icon_js()}\n{assets.map_js()}</script>\n"
        f'<script type="application/json" id="geomap-data">{_tojson(data)}</script>'
    )
    # Only geomap's own values are put in by replace(): text from outside is concatenated.
    bottom = _PAGE_BOTTOM.replace("@ID@", _MAP_ID).replace("@CENTRE@", centre)
    return f"{_PAGE_TOP}{escape_html(title)}{_PAGE_META}{head}\n{bottom}"


def _outlines_data(
    extent: Extent,
    focus: list[tuple[float, float]],
    borders: Borders | None,
    countries: list[str],
    opening: Extent | None,
    cache_dir: Path | None,
) -> dict[str, Any]:
    """The offline basemap: detailed outlines near the features, a coarse world beyond them.

    Plus first-level division lines when the story is regional.
    """
    from geomap.render.vendored import county_lines, division_lines, world_underlay

    outlines = country_outlines(extent, focus, borders, opening, cache_dir)
    view = extent.padded()
    return {
        "name": _OUTLINES_NAME,
        "land": outlines.land,
        "underlay": world_underlay(view),
        "divisions": division_lines(countries, view),
        "counties": county_lines(countries, view, opening),
        "seams": [outlines.seam_lons, outlines.seam_lats],
        "fill": {"color": _LAND, "weight": 1, "fillColor": _LAND, "fillOpacity": 1.0},
        "underlayFill": {"stroke": False, "fillColor": _LAND, "fillOpacity": 1.0},
        "stroke": {"color": _COAST, "weight": 0.8, "interactive": False},
        "divisionStroke": {"color": _DIVISION, "weight": 0.9, "dashArray": "4 3", "interactive": False},
        "countyStroke": {"color": _COUNTY, "weight": 0.8, "dashArray": "2 3", "interactive": False},
        "attribution": _NATURAL_EARTH,
    }


def _tiles_data(layer: TileLayer | None) -> dict[str, Any] | None:
    if layer is None:
        return None
    return {"name": layer.name, "url": layer.url, "attribution": layer.attribution, "maxZoom": layer.max_zoom}


def _layers_data(layers: Sequence[tuple[str, list[PlacePin], list[ClaimLine]]]) -> list[dict[str, Any]]:
    """One overlay per article: its name (escaped: the layer control sets it as HTML), pins and claims."""
    names: set[str] = set()
    out = []
    all_pins = [pin for _, pins, _ in layers for pin in pins]
    ranked = iter(labels(all_pins, [line for _, _, lines in layers for line in lines]))
    for name, pins, lines in layers:
        label = _unique(escape_html(PurePath(name).name or name), names)
        sentences = split_sentences(pins[0].article.text) if pins else []
        out.append(
            {
                "name": label,
                "pins": [_pin_data(pin, sentences, next(ranked)) for pin in pins],
                "claims": [_claim_data(line) for line in lines],
            }
        )
    return out


def _pin_data(pin: PlacePin, sentences: Sequence[Sentence], label: Label) -> dict[str, Any]:
    kind = category(pin.place.kind)
    return {
        "lat": pin.place.lat,
        "lon": pin.place.lon,
        "svg": shape_svg(kind),
        "className": f"geomap-place geomap-cat-{kind}",
        "popup": place_html(pin, sentences),
        "name": pin.place.name,  # plain text: the page sets it as a label's textContent
        "always": label.always,
        "rank": label.rank,
    }


def _claim_data(line: ClaimLine) -> dict[str, Any]:
    status = line.verdict.status if line.verdict.status in STATUS_COLOURS else Status.UNVERIFIABLE
    arrow = None
    if line.verdict.claim.direction and len(line.points) >= 2:
        arrow = round(_screen_angle(line.points[-2], line.points[-1]))
    return {
        "points": [list(point) for point in line.points],
        "colour": STATUS_COLOURS[status],
        "dashArray": "7 6" if status == Status.UNVERIFIABLE else None,
        "className": f"geomap-claim geomap-claim-{status}",
        "html": claim_html(line),
        "arrow": arrow,
    }


def _screen_angle(start: tuple[float, float], end: tuple[float, float]) -> float:
    """Clockwise angle from screen-up of the segment start -> end on a Web Mercator map."""

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))

    dx = math.radians(end[1] - start[1])
    dy = mercator_y(end[0]) - mercator_y(start[0])
    return math.degrees(math.atan2(dx, dy)) % 360


def _bounds(points: Sequence[tuple[float, float]]) -> list[list[float]]:
    extent = Extent.around(points)
    return [[extent.south, extent.west], [extent.north, extent.east]]


def _legend(title: str, pins: list[PlacePin], lines: list[ClaimLine], undrawn: int, zoom_links: bool) -> str:
    """The legend's HTML, with "zoom to: all · claims" links when there is something to zoom to."""
    categories = [name for name in CATEGORY_LABELS if any(category(p.place.kind) == name for p in pins)]
    statuses = [s for s in STATUS_COLOURS if any(line.verdict.status == s for line in lines)]
    return legend_html(title, categories, statuses, len(pins), len(lines), undrawn, zoom_links=zoom_links)


def _unique(name: str, taken: set[str]) -> str:
    """A layer name not used yet (the layer control keys layers by name)."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    taken.add(candidate)
    return candidate


def _tojson(value: Any) -> str:
    """JSON that is safe inside a <script> element: <, >, & and ' become unicode escapes."""
    from jinja2.utils import htmlsafe_json_dumps

    return str(htmlsafe_json_dumps(value, separators=(",", ":")))
