"""The folium map as HTML: self-contained, escaped, one marker per place and one line per claim."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources

import pytest

from geomap.errors import ConfigError
from geomap.model import Report, Status
from geomap.render import assets
from geomap.render.features import claim_lines, place_pins
from geomap.render.leaflet import _screen_angle, render_map
from geomap.render.popups import claim_html, compass, highlight, legend_html, place_html
from tests.browser.handmade import EVIL, PAYLOADS, evil_report, seeds_like_report
from tests.mapdata import map_data

CDN = ("cdn.", "jsdelivr", "code.jquery", "bootstrap", "fontawesome", "awesome-markers", "unpkg")


@pytest.fixture(scope="module")
def seeds_html() -> str:
    return render_map(seeds_like_report(), title="hand-made")


def test_the_page_is_self_contained(seeds_html: str) -> None:
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", seeds_html)
    assert not any(host in seeds_html for host in CDN)
    assert "Leaflet 1.9.3" in seeds_html and "url(images/" not in seeds_html
    assert 'url("data:image/png;base64,' in seeds_html
    assert "sourceMappingURL" not in seeds_html
    assert "tile.openstreetmap.org" not in seeds_html


def test_folium_class_defaults_are_left_alone(seeds_html: str) -> None:
    import folium

    assert any("leaflet" in url for _, url in folium.Map.default_js)
    assert "cdn.jsdelivr.net" in folium.Map().get_root().render()


def test_one_marker_per_place_and_one_line_per_claim(seeds_html: str) -> None:
    report = seeds_like_report()
    pins = sum(len(place_pins(result)) for result in report.results)
    data = map_data(seeds_html)
    drawn = [pin for layer in data["layers"] for pin in layer["pins"]]
    claims = [claim for layer in data["layers"] for claim in layer["claims"]]
    assert len(drawn) == pins == 6 and all(p["className"].startswith("geomap-place ") for p in drawn)
    assert [c["className"] for c in claims] == ["geomap-claim geomap-claim-holds"] * 2
    assert [c["arrow"] is not None for c in claims] == [False, True]  # the direction claim
    assert data["opening"] is not None and data["outlines"]["land"]["features"]


def test_status_colours_and_dashes() -> None:
    report = seeds_like_report()
    first = report.results[0]
    verdict = first.verdicts[0]
    verdicts = (replace(verdict, status=Status.CONTRADICTED), replace(verdict, status=Status.UNVERIFIABLE))
    html = render_map(Report((replace(first, verdicts=verdicts),)), title="t")
    claims = map_data(html)["layers"][0]["claims"]
    assert [(c["className"], c["colour"], c["dashArray"]) for c in claims] == [
        ("geomap-claim geomap-claim-contradicted", "#d73027", None),
        ("geomap-claim geomap-claim-unverifiable", "#737373", "7 6"),
    ]


def test_the_title_is_escaped_in_the_head_and_the_legend() -> None:
    html = render_map(Report(), title="<b>x</b> & </title><script>bad()</script>")
    escaped = "&lt;b&gt;x&lt;/b&gt; &amp; &lt;/title&gt;&lt;script&gt;bad()&lt;/script&gt;"
    assert f"<title>{escaped}</title>" in html
    assert map_data(html)["legend"].startswith(
        f"<details open><summary><h2>{escaped}</h2></summary>"
    )  # set as the legend's innerHTML
    assert "<script>bad()" not in html


def test_no_payload_reaches_the_page_raw() -> None:
    html = render_map(evil_report(), title=f"title {EVIL}")
    for needle in ("<script>window", "</script><script>", "<img src=x", "<svg onload", "<iframe src"):
        assert needle not in html
    script = html.split("<body>", 1)[1]
    # folium's Popup/Tooltip paste HTML into JS template literals; geomap draws from JSON data.
    assert "`" not in script and "bindPopup" not in script


def test_a_label_carries_the_plain_name_set_as_text() -> None:
    layers = map_data(render_map(evil_report(), title="t"))["layers"]
    pins = [pin for layer in layers for pin in layer["pins"]]
    assert f"Tartus {EVIL}" in {pin["name"] for pin in pins}  # not escaped: never parsed as HTML
    labels_js = (resources.files("geomap.render") / "labels.js").read_text(encoding="utf-8")
    assert labels_js in assets.map_js()
    assert "textContent = item.spec.name" in labels_js and "innerHTML" not in labels_js


def test_layer_names_are_file_names_made_unique() -> None:
    report = seeds_like_report()
    first = report.results[0]
    twice = Report((first, replace(first, article=replace(first.article))))
    html = render_map(twice, title="t")
    assert [layer["name"] for layer in map_data(html)["layers"]] == ["first.txt", "first.txt (2)"]


def test_tiles_add_an_online_layer_and_unknown_names_are_refused() -> None:
    tiles = map_data(render_map(seeds_like_report(), title="t", tiles="osm"))["tiles"]
    assert tiles["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png" and tiles["maxZoom"] == 19
    assert "OpenStreetMap</a> contributors" in tiles["attribution"]
    with pytest.raises(ConfigError, match="valid: osm, cartodb-positron"):
        render_map(Report(), title="t", tiles="google")


def test_an_empty_report_is_a_world_map() -> None:
    html = render_map(Report(), title="nothing")
    data = map_data(html)
    assert data["opening"] is None and "0 place markers, 0 claim lines" in data["legend"]


def test_place_popup_lists_facts_and_highlighted_sentences() -> None:
    pin = place_pins(seeds_like_report().results[0])[-1]
    html = place_html(pin)
    assert "<h3>Tartus</h3>" in html and "geonames:170794" in html and "34.8890, 35.8866" in html
    assert "Mentioned 2 times" in html and "City" in html
    assert html.count("<mark>Tartus</mark>") == 2 and html.count("<li>") == 2


def test_highlight_escapes_and_cuts_long_sentences() -> None:
    text = "a" * 500 + " <Tartus> " + "b" * 500
    start = text.index("<Tartus>")
    out = highlight(text, 0, len(text), [(start, start + 8)])
    assert out.startswith("&hellip;") and out.endswith("&hellip;")
    assert "<mark>&lt;Tartus&gt;</mark>" in out and len(out) < 400
    assert highlight("x <y> z", 0, 7, []) == "x &lt;y&gt; z"


def test_claim_tooltip_shows_claimed_measured_direction_and_sentence() -> None:
    lines = claim_lines(seeds_like_report().results[1])
    html = claim_html(lines[0])
    assert "holds" in html and "Claimed: 20km, S of Latakia" in html
    assert "Measured: 57.1 km, bearing 187&deg; (S)" in html
    assert "<mark>Khmeimim Air Base lies 20km south of Latakia</mark>" in html


def test_legend_names_what_is_drawn_and_what_is_not() -> None:
    html = legend_html("<t>", ["city", "military"], ["holds"], 3, 1, 2)
    assert "<h2>&lt;t&gt;</h2>" in html and "Air base / military site" in html
    assert "2 claims without two resolved end points not drawn" in html


@pytest.mark.parametrize(
    ("bearing", "point"), [(0, "N"), (11, "N"), (12, "NNE"), (187, "S"), (359, "N"), (270, "W")]
)
def test_compass(bearing: float, point: str) -> None:
    assert compass(bearing) == point


def test_screen_angle_of_arrows() -> None:
    assert _screen_angle((35.0, 36.0), (36.0, 36.0)) == pytest.approx(0)
    assert _screen_angle((35.0, 36.0), (35.0, 37.0)) == pytest.approx(90)
    assert _screen_angle((35.0, 36.0), (34.0, 36.0)) == pytest.approx(180)


def test_payloads_are_shown_whole_in_popups() -> None:
    html = place_html(place_pins(evil_report().results[0])[1])
    from html import unescape

    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert all(payload in text for payload in PAYLOADS[:3])


def test_assets_refuse_what_cannot_be_inlined() -> None:
    with pytest.raises(RuntimeError, match="cannot be inlined"):
        assets._script_safe("var a = '</script>';", "x.js")
    assert assets.leaflet_version() == "1.9.3"
