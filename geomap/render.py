"""A self-contained Leaflet map (folium) of a report's places and claims: one HTML file, no requests."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, cast

from geomap import assets
from geomap.basemap import Extent, country_outlines
from geomap.errors import ConfigError
from geomap.escape import escape_html
from geomap.geojson import CATEGORY_LABELS, ClaimLine, PlacePin, category, claim_lines, place_pins
from geomap.model import UNVERIFIABLE, Report
from geomap.popups import STATUS_COLOURS, claim_html, legend_html, place_html, shape_svg

if TYPE_CHECKING:
    import folium
    from branca.element import Figure

    from geomap.borders import Borders

#: Online tile layers for `--tiles`: name -> (URL template, attribution HTML, max zoom).
TILE_PROVIDERS: dict[str, tuple[str, str, int]] = {
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        19,
    ),
    "cartodb-positron": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
        '&copy; <a href="https://carto.com/attributions">CARTO</a>',
        20,
    ),
    "cartodb-voyager": (
        "https://{s}.basemaps.cartocdn.com/rastertiles/voyager/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
        '&copy; <a href="https://carto.com/attributions">CARTO</a>',
        20,
    ),
    "opentopomap": (
        "https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png",
        'Map data &copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors, '
        'SRTM | style &copy; <a href="https://opentopomap.org">OpenTopoMap</a> (CC-BY-SA)',
        17,
    ),
    "esri-worldimagery": (
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Tiles &copy; Esri &mdash; Source: Esri, i-cubed, USDA, USGS, AEX, GeoEye, Getmapping, "
        "Aerogrid, IGN, IGP, UPR-EGP, and the GIS User Community",
        19,
    ),
}
_SEA, _LAND, _COAST = "#cfe2f0", "#f4f1e8", "#8c8c8c"
_OUTLINES_NAME = "Country outlines (offline)"
_NATURAL_EARTH = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
#: Land fills, then coastlines and borders: every polygon edge except the cuts (seams) stroked.
_OUTLINES_JS = """(function() {{
  var land = {land}, seams = {seams}, lons = new Set(seams[0]), lats = new Set(seams[1]), lines = [];
  land.features.forEach(function(feature) {{
    feature.geometry.coordinates.forEach(function(polygon) {{
      polygon.forEach(function(ring) {{
        var run = [];
        ring.forEach(function(p, i) {{
          var q = ring[i - 1];
          if (q && ((p[0] === q[0] && lons.has(p[0])) || (p[1] === q[1] && lats.has(p[1])))) {{
            if (run.length > 1) {{ lines.push(run); }}
            run = [];
          }}
          run.push([p[1], p[0]]);
        }});
        if (run.length > 1) {{ lines.push(run); }}
      }});
    }});
  }});
  L.geoJSON(land, {{interactive: false, style: {fill}, attribution: {attr}}}).addTo({parent});
  L.polyline(lines, {stroke}).addTo({parent});
}})();"""
_LEGEND_JS = """(function() {{
  var map = {parent}, views = {views}, options = {options}, legend = L.control({{position: 'bottomright'}});
  legend.onAdd = function() {{
    var div = L.DomUtil.create('div', 'geomap-legend');
    div.innerHTML = {html};
    div.querySelectorAll('[data-geomap-zoom]').forEach(function(link) {{
      var view = views[link.getAttribute('data-geomap-zoom')];
      if (!view) {{ (link.closest('.geomap-zoom-item') || link).remove(); return; }}
      L.DomEvent.on(link, 'click', function(event) {{
        L.DomEvent.preventDefault(event);
        map.fitBounds(L.latLngBounds(view).pad(0.3), options);
      }});
    }});
    L.DomEvent.disableClickPropagation(div);
    return div;
  }};
  legend.addTo(map);
}})();"""
#: Room kept around fitted features: the legend sits in the bottom-right corner.
_PADDING_TOP_LEFT, _PADDING_BOTTOM_RIGHT, _MAX_FIT_ZOOM = (40, 40), (250, 40), 11
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
.geomap-legend {{ background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 12px/1.5 system-ui, sans-serif; max-width: 260px; }}
.geomap-legend h2 {{ margin: 0 0 4px; font-size: 14px; overflow-wrap: anywhere; }}
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
) -> str:
    """The map of a report as one HTML document.

    Without `tiles` the page makes no network request at all: Leaflet is inlined and the
    background is Natural Earth outlines clipped to the map's extent. Every string from an
    article is escaped with escape_html before it reaches folium, and handed to Leaflet as
    a JSON string literal (HTML-safe tojson), so nothing from an article can run.
    """
    import folium

    if tiles is not None and tiles not in TILE_PROVIDERS:
        raise ConfigError(f"unknown tile provider {tiles!r}; valid: {', '.join(TILE_PROVIDERS)}")
    layers = [(result.article.name, place_pins(result), claim_lines(result)) for result in report.results]
    pins = [pin for _, article_pins, _ in layers for pin in article_pins]
    lines = [line for _, _, article_lines in layers for line in article_lines]
    places = [(pin.place.lat, pin.place.lon) for pin in pins]
    points = places + [point for line in lines for point in line.points]
    extent = Extent.around(points)

    fmap = _base_map(extent, title)
    root = cast("Figure", fmap.get_root())
    css = f"<style>{assets.leaflet_css()}\n{_CSS}</style>"
    root.header.add_child(folium.Element(css), name="geomap_css")
    js = f"<script>{assets.leaflet_js()}\n{assets.default_icon_js()}</script>"
    root.header.add_child(folium.Element(js), name="geomap_js")
    ends = [end for line in lines for end in (line.points[0], line.points[-1])]
    _add_outlines(fmap, extent, places + ends, borders, show=tiles is None)
    if tiles is not None:
        _add_tiles(fmap, tiles)
    names: set[str] = set()
    for name, article_pins, article_lines in layers:
        label = _unique(escape_html(PurePath(name).name or name), names)
        _add_article_layer(fmap, label, article_pins, article_lines)
    folium.LayerControl(collapsed=len(layers) > 3).add_to(fmap)
    _add_legend(fmap, title, pins, lines, len(report.verdicts) - len(lines), points)
    if points:
        fmap.fit_bounds(
            _bounds(_opening_points(pins, lines) or points),
            padding_top_left=_PADDING_TOP_LEFT,
            padding_bottom_right=_PADDING_BOTTOM_RIGHT,
            max_zoom=_MAX_FIT_ZOOM,
        )
    html = root.render()
    if _EXTERNAL_ASSET.search(html):
        raise RuntimeError("map HTML references an external script or stylesheet")
    return html


def _base_map(extent: Extent, title: str) -> folium.Map:
    import folium

    centre = [(extent.south + extent.north) / 2, (extent.west + extent.east) / 2]
    fmap = folium.Map(location=centre, zoom_start=6, tiles=None, control_scale=True, world_copy_jump=False)
    # Per instance: the class attributes are shared by every folium map in the process.
    fmap.default_js = []
    fmap.default_css = []
    cast("Figure", fmap.get_root()).title = escape_html(title)
    return fmap


def _add_outlines(
    fmap: folium.Map, extent: Extent, focus: list[tuple[float, float]], borders: Borders | None, *, show: bool
) -> None:
    import folium

    group = folium.FeatureGroup(name=_OUTLINES_NAME, overlay=False, show=show)
    outlines = country_outlines(extent, focus, borders)
    _Script(
        _OUTLINES_JS,
        land=outlines.land,
        seams=[outlines.seam_lons, outlines.seam_lats],
        fill={"color": _LAND, "weight": 1, "fillColor": _LAND, "fillOpacity": 1.0},
        stroke={"color": _COAST, "weight": 0.8, "interactive": False},
        attr=_NATURAL_EARTH,
    ).add_to(group)
    group.add_to(fmap)


def _add_tiles(fmap: folium.Map, name: str) -> None:
    import folium

    url, attribution, max_zoom = TILE_PROVIDERS[name]
    folium.TileLayer(
        tiles=url,
        attr=attribution,
        name=f"{name} tiles (online)",
        max_zoom=max_zoom,
        overlay=False,
        show=True,
    ).add_to(fmap)


def _add_article_layer(
    fmap: folium.Map, name: str, pins: Sequence[PlacePin], lines: Sequence[ClaimLine]
) -> None:
    import folium

    group = folium.FeatureGroup(name=name, overlay=True, show=True)
    for line in lines:
        _add_claim(group, line)
    for pin in pins:
        kind = category(pin.place.kind)
        icon = folium.DivIcon(
            html=shape_svg(kind),
            icon_size=(18, 18),
            icon_anchor=(9, 9),
            class_name=f"geomap-place geomap-cat-{kind}",
        )
        marker = folium.Marker([pin.place.lat, pin.place.lon], icon=icon)
        _Bind("bindPopup", place_html(pin), {"maxWidth": 360}).add_to(marker)
        marker.add_to(group)
    group.add_to(fmap)


def _add_claim(group: folium.FeatureGroup, line: ClaimLine) -> None:
    import folium

    status = line.verdict.status
    colour = STATUS_COLOURS.get(status, STATUS_COLOURS[UNVERIFIABLE])
    polyline = folium.PolyLine(
        [list(point) for point in line.points],
        color=colour,
        weight=4,
        opacity=0.9,
        dash_array="7 6" if status == UNVERIFIABLE else None,
        class_name=f"geomap-claim geomap-claim-{status if status in STATUS_COLOURS else UNVERIFIABLE}",
    )
    content = claim_html(line)
    _Bind("bindTooltip", content, {"sticky": True, "className": "geomap-tip"}).add_to(polyline)
    _Bind("bindPopup", content, {"maxWidth": 380}).add_to(polyline)
    polyline.add_to(group)
    if line.verdict.claim.direction and len(line.points) >= 2:
        angle = _screen_angle(line.points[-2], line.points[-1])
        arrow = (
            f'<svg width="18" height="18" viewBox="0 0 18 18" style="transform: rotate({angle:.0f}deg)">'
            f'<polygon points="9,0 16,17 9,12 2,17" fill="{colour}" stroke="#fff" stroke-width="1"/></svg>'
        )
        folium.Marker(
            list(line.points[-1]),
            icon=folium.DivIcon(
                html=arrow, icon_size=(18, 18), icon_anchor=(9, 9), class_name="geomap-arrow"
            ),
            interactive=False,
            keyboard=False,
        ).add_to(group)


def _screen_angle(start: tuple[float, float], end: tuple[float, float]) -> float:
    """Clockwise angle from screen-up of the segment start -> end on a Web Mercator map."""

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))

    dx = math.radians(end[1] - start[1])
    dy = mercator_y(end[0]) - mercator_y(start[0])
    return math.degrees(math.atan2(dx, dy)) % 360


def _opening_points(pins: list[PlacePin], lines: list[ClaimLine]) -> list[tuple[float, float]]:
    """Where the story happens: claim ends and places, without countries, seas and continents.

    A country's marker sits at its centroid, often a continent away from the places the
    article is about ("Russia" puts a marker in Siberia); the map opens on the rest and the
    legend's "everything" link shows it all.
    """
    from gazetteer.model import VAST_KINDS

    local = [(pin.place.lat, pin.place.lon) for pin in pins if pin.place.kind not in VAST_KINDS]
    return local + [point for line in lines for point in line.points]


def _bounds(points: Sequence[tuple[float, float]]) -> list[list[float]]:
    extent = Extent.around(points)
    return [[extent.south, extent.west], [extent.north, extent.east]]


def _add_legend(
    fmap: folium.Map,
    title: str,
    pins: list[PlacePin],
    lines: list[ClaimLine],
    undrawn: int,
    points: list[tuple[float, float]],
) -> None:
    """The legend control, with "zoom to: all · claims" links when there is something to zoom to."""
    categories = [name for name in CATEGORY_LABELS if any(category(p.place.kind) == name for p in pins)]
    statuses = [s for s in STATUS_COLOURS if any(line.verdict.status == s for line in lines)]
    html = legend_html(title, categories, statuses, len(pins), len(lines), undrawn, zoom_links=bool(points))
    views = {
        "all": _bounds(points) if points else None,
        "claims": _bounds([point for line in lines for point in line.points]) if lines else None,
    }
    options = {
        "paddingTopLeft": list(_PADDING_TOP_LEFT),
        "paddingBottomRight": list(_PADDING_BOTTOM_RIGHT),
        "maxZoom": _MAX_FIT_ZOOM,
    }
    _Script(_LEGEND_JS, html=html, views=views, options=options).add_to(fmap)


def _unique(name: str, taken: set[str]) -> str:
    """A layer name not used yet (the layer control keys layers by name)."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    taken.add(candidate)
    return candidate


@cache
def _element_classes() -> tuple[type, type]:
    """Folium element classes, defined lazily so importing geomap.render stays cheap."""
    from folium.elements import MacroElement
    from folium.template import Template

    class Script(MacroElement):
        """A script line; {parent} is the parent's JS name, other fields are embedded as JSON."""

        _template = Template(
            "{% macro script(this, kwargs) %}{{ this.code(this._parent.get_name()) }}{% endmacro %}"
        )

        def __init__(self, code: str, **values: Any) -> None:
            super().__init__()
            self._name = "GeomapScript"
            self._code, self._values = code, values

        def code(self, parent: str) -> str:
            return self._code.format(parent=parent, **{k: _tojson(v) for k, v in self._values.items()})

    class Bind(MacroElement):
        """parent.bindPopup/bindTooltip(html, options) with the HTML as a JSON string literal.

        folium's Popup and Tooltip paste their HTML into a JS template literal, where `${...}`
        or a backslash before a backtick would still execute; a JSON string cannot.
        """

        _template = Template(
            "{% macro script(this, kwargs) %}{{ this._parent.get_name() }}.{{ this.method }}("
            "{{ this.html|tojson }}, {{ this.options|tojson }});{% endmacro %}"
        )

        def __init__(self, method: str, html: str, options: dict[str, Any]) -> None:
            super().__init__()
            self._name = "GeomapBind"
            self.method, self.html, self.options = method, html, options

    return Script, Bind


def _tojson(value: Any) -> str:
    from jinja2.utils import htmlsafe_json_dumps

    return str(htmlsafe_json_dumps(value, separators=(",", ":")))


def _Script(code: str, **values: Any) -> Any:  # noqa: N802 - reads like the class it builds
    return _element_classes()[0](code, **values)


def _Bind(method: str, html: str, options: dict[str, Any]) -> Any:  # noqa: N802
    return _element_classes()[1](method, html, options)
