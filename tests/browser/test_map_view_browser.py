"""What a reader sees when a map opens: labels, land to every edge, the story's view, short claims."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from gazetteer import Place
from geomap.model import Article, ArticleResult, Report
from geomap.render.leaflet import render_map
from tests.browser.conftest import Browser
from tests.browser.handmade import distance_verdict, mention
from tests.browser.test_map_browser import ROOT, assert_offline

pytestmark = pytest.mark.browser

#: JS: every name label: its text, whether it shows, its box, and whether its marker is in view.
LABELS = """
const map = Object.values(window).find(v => v instanceof L.Map);
const view = document.querySelector('.folium-map').getBoundingClientRect();
return [...document.querySelectorAll('.geomap-label')].map(el => {
  const r = el.getBoundingClientRect();
  return {text: el.textContent, shown: getComputedStyle(el).display !== 'none',
          main: el.classList.contains('geomap-label-main'),
          box: [r.left, r.top, r.right, r.bottom],
          inView: r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom};
});
"""
#: JS: sample a grid over the map; for each point its lat/lon and whether land is drawn there.
LAND_GRID = """
const map = Object.values(window).find(v => v instanceof L.Map);
const paths = [...document.querySelectorAll('.leaflet-geomap-land-pane path')]
  .filter(p => p.getAttribute('fill') && p.getAttribute('fill') !== 'none');
const size = map.getSize(), out = [];
for (let i = 0; i <= 12; i++) {
  for (let j = 0; j <= 9; j++) {
    const x = size.x * i / 12, y = size.y * j / 9;
    const lp = map.containerPointToLayerPoint([x, y]);
    const ll = map.containerPointToLatLng([x, y]);
    out.push({lat: ll.lat, lon: ll.lng, land: paths.some(p => p.isPointInFill(new DOMPoint(lp.x, lp.y)))});
  }
}
return out;
"""
VIEW = """
const map = Object.values(window).find(v => v instanceof L.Map);
const b = map.getBounds();
return {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(), zoom: map.getZoom()};
"""
CLAIM_PIXELS = """
const map = Object.values(window).find(v => v instanceof L.Map);
const size = map.getSize(), out = [];
map.eachLayer(l => {
  if (l instanceof L.Polyline && (l.options.className || '').includes('geomap-claim')) {
    const ll = l.getLatLngs();
    const a = map.latLngToContainerPoint(ll[0]), b = map.latLngToContainerPoint(ll[ll.length - 1]);
    const inside = p => p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y;
    out.push({pixels: a.distanceTo(b), endsInView: inside(a) && inside(b)});
  }
});
return out;
"""


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes)
        if i < j and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def land_truth(points: list[dict], margin: float) -> list[tuple[dict, bool]]:
    """The points at least `margin` degrees inside or outside Natural Earth land, with which."""
    from shapely.geometry import Point
    from shapely.ops import unary_union

    from geomap.outlines import Borders

    for p in points:  # past the antimeridian the map repeats the world, as tiles would
        p["lon"] = (p["lon"] + 180) % 360 - 180
    lats, lons = [p["lat"] for p in points], [p["lon"] for p in points]
    shapes = Borders().within(min(lons) - 2, min(lats) - 2, max(lons) + 2, max(lats) + 2)
    land = unary_union([shape.geometry for shape in shapes])
    inner, outer = land.buffer(-margin), land.buffer(margin)
    out = []
    for p in points:
        point = Point(p["lon"], p["lat"])
        if inner.contains(point):
            out.append((p, True))
        elif not outer.contains(point):
            out.append((p, False))
    return out


def assert_land_to_every_edge(browser: Browser) -> None:
    """Every sampled point well inside land shows land, and well out at sea shows sea."""
    checked = land_truth(browser.run(LAND_GRID), margin=0.6)
    assert len(checked) > 30
    wrong = [(p["lat"], p["lon"], truth) for p, truth in checked if p["land"] != truth]
    assert wrong == [], f"points drawn wrong (lat, lon, is land): {wrong}"


@pytest.mark.real_gazetteer
def test_seeds_labels_and_land(browser: Browser, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    command = [sys.executable, "-m", "geomap", "map", str(ROOT / "seeds"), "-o", str(folder / "seeds.html")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    page = browser.load(folder / "seeds.html")
    assert_offline(page)
    labels = browser.run(LABELS)
    shown = [label for label in labels if label["shown"] and label["inView"]]
    texts = {label["text"] for label in shown}
    assert {"Damascus", "Syria", "Khmeimim Air Base", "Latakia", "Ţarţūs"} <= texts
    assert "Moscow" not in {label["text"] for label in labels}  # far out of view: not in the page yet
    assert overlapping([label["box"] for label in shown]) == []
    assert_land_to_every_edge(browser)
    browser.screenshot("seeds-opening.png", tmp_path)
    # Zoomed out to the world: countries keep their labels, and still no edge anywhere.
    browser.run("document.querySelector('[data-geomap-zoom=\"all\"]').click()")
    browser.run("return new Promise(resolve => setTimeout(resolve, 500))")
    world = [label for label in browser.run(LABELS) if label["shown"] and label["inView"]]
    assert {"Russia", "Moscow", "United States"} <= {label["text"] for label in world}
    assert overlapping([label["box"] for label in world if not label["main"]]) == []
    assert_land_to_every_edge(browser)


DAMASCUS = Place("geonames:170654", "Damascus", "capital", 33.5102, 36.2913, "SY", source="geonames")
HAMA = Place("geonames:170017", "Hama", "city", 35.1318, 36.7578, "SY", source="geonames")
ALEPPO = Place("geonames:170063", "Aleppo", "city", 36.2021, 37.1343, "SY", source="geonames")
#: A wrong namesake the resolver was unsure of: "Homs" taken for Al Khums in Libya.
AL_KHUMS = Place("geonames:2219905", "Al Khums", "city", 32.6486, 14.2619, "LY", source="geonames")


def outlier_report() -> Report:
    """Confident places in Syria and a low-confidence namesake 2,000 km away."""
    text = "Fighting in Homs and Hama spread to Damascus and Aleppo, and Damascus braced."
    mentions = (
        replace(mention(text, "Homs", AL_KHUMS), confidence=0.3),
        mention(text, "Hama", HAMA),
        mention(text, "Damascus", DAMASCUS),
        mention(text, "Aleppo", ALEPPO),
        mention(text, "Damascus", DAMASCUS, nth=1),
    )
    return Report((ArticleResult(Article("outlier.txt", text), mentions, ()),))


def test_a_low_confidence_outlier_does_not_stretch_the_opening_view(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "outlier.html"
    target.write_text(render_map(outlier_report(), title="outlier"), encoding="utf-8")
    assert_offline(browser.load(target))
    view = browser.run(VIEW)
    inside = lambda p: view["south"] <= p.lat <= view["north"] and view["west"] <= p.lon <= view["east"]  # noqa: E731
    assert all(inside(place) for place in (DAMASCUS, HAMA, ALEPPO))
    assert not inside(AL_KHUMS)
    assert view["zoom"] >= 6
    # It is still on the map: "everything" shows it.
    browser.run("document.querySelector('[data-geomap-zoom=\"all\"]').click()")
    browser.run("return new Promise(resolve => setTimeout(resolve, 400))")
    view = browser.run(VIEW)
    assert inside(AL_KHUMS) and inside(DAMASCUS)


def short_claim_report() -> Report:
    """A 5 km claim (Coralville - Iowa City) among towns spread over 150 km of Iowa."""
    iowa = {
        "Iowa City": (41.6611, -91.5302),
        "Coralville": (41.6764, -91.5805),
        "Waterloo": (42.4928, -92.3430),
        "Dubuque": (42.5006, -90.6646),
        "Davenport": (41.5236, -90.5776),
        "Vinton": (42.1686, -92.0235),
    }
    places = {
        name: Place(f"test:{name}", name, "city", lat, lon, "US", "Iowa", source="test")
        for name, (lat, lon) in iowa.items()
    }
    text = (
        "Coralville, about 5 km from Iowa City, closed roads. Crews came from Waterloo, Dubuque, "
        "Davenport and Vinton."
    )
    mentions = tuple(mention(text, name, place) for name, place in places.items())
    by_name = {m.surface: m for m in mentions}
    verdict = distance_verdict(text, by_name["Coralville"], by_name["Iowa City"], "about 5 km")
    return Report((ArticleResult(Article("iowa.txt", text), mentions, (verdict,)),))


def test_a_5_km_claim_is_at_least_40_pixels_long_at_the_opening_zoom(
    browser: Browser, tmp_path: Path
) -> None:
    target = tmp_path / "short.html"
    target.write_text(render_map(short_claim_report(), title="short claim"), encoding="utf-8")
    assert_offline(browser.load(target))
    claims = browser.run(CLAIM_PIXELS)
    assert len(claims) == 1
    assert claims[0]["pixels"] >= 40 and claims[0]["endsInView"], claims
    labels = {label["text"]: label for label in browser.run(LABELS)}
    assert labels["Coralville"]["shown"] and labels["Iowa City"]["shown"]  # claim ends: always labelled
    assert labels["Coralville"]["main"] and labels["Iowa City"]["main"]
    assert_land_to_every_edge(browser)
    browser.screenshot("short-claim.png", tmp_path)
    # Zoomed far out, the land still reaches every edge (the coarse world under the cut-out).
    browser.run("Object.values(window).find(v => v instanceof L.Map).setZoom(3, {animate: false})")
    browser.run("return new Promise(resolve => setTimeout(resolve, 400))")
    assert_land_to_every_edge(browser)
    # Division lines: Iowa's borders with its neighbours are drawn (a regional story).
    assert browser.run("return document.querySelectorAll('path.geomap-division').length") == 1


def test_the_legend_folds_and_wraps_between_words(browser: Browser, tmp_path: Path) -> None:
    title = "Überschwemmungskatastrophenschutzübung Donaudampfschifffahrtsgesellschaftskapitän Iowa"
    target = tmp_path / "legend.html"
    target.write_text(render_map(short_claim_report(), title=title), encoding="utf-8")
    assert_offline(browser.load(target))
    words = browser.run("""
        const h2 = document.querySelector('.geomap-legend h2'), text = h2.firstChild, out = [];
        let at = 0;
        for (const word of text.textContent.split(' ')) {
          const range = document.createRange();
          range.setStart(text, at); range.setEnd(text, at + word.length);
          out.push(range.getClientRects().length);
          at += word.length + 1;
        }
        return out;
    """)
    assert words == [1, 1, 1]  # no word is broken across lines
    open_height = browser.run("return document.querySelector('.geomap-legend').offsetHeight")
    browser.run("document.querySelector('.geomap-legend summary').click()")
    folded = browser.run(
        "return [document.querySelector('.geomap-legend details').open,"
        " document.querySelector('.geomap-legend').offsetHeight]"
    )
    assert folded[0] is False and folded[1] < open_height / 2


def test_outlines_stay_under_online_tiles_that_fail(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "tiles.html"
    target.write_text(render_map(short_claim_report(), title="tiles", tiles="osm"), encoding="utf-8")
    page = browser.load(target)
    assert any(url.startswith("https://tile.openstreetmap.org/") for url in page.requests)
    panes = browser.run("""
        const pane = name => document.querySelector('.leaflet-' + name + '-pane');
        const z = name => Number(getComputedStyle(pane(name)).zIndex);
        return [z('geomap-land'), z('tile')];
    """)
    assert panes[0] < panes[1]
    assert_land_to_every_edge(browser)  # the tiles failed to load; the outlines show through


def test_per_article_index_links_resolve(browser: Browser, fixture_env: Path) -> None:
    from click.testing import CliRunner

    from geomap.cli import main

    news = fixture_env / "news"
    news.mkdir()
    (news / "bases.txt").write_text(
        "Khmeimim Air Base is located around 60km from the naval facility at Tartus.\n", encoding="utf-8"
    )
    (news / "capital <&> 'quoted'.txt").write_text(
        "Damascus fell. Crowds gathered in Latakia.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["map", str(news), "--per-article", "-o", "out"])
    assert result.exit_code == 0, result.output
    page = browser.load(fixture_env / "out" / "index.html")
    assert_offline(page)
    links = browser.run("return [...document.querySelectorAll('a')].map(a => [a.textContent, a.href])")
    assert sorted(text for text, _ in links) == sorted(str(path) for path in news.iterdir())
    for _, href in links:
        assert href.startswith(page.url.rsplit("/", 1)[0] + "/")
        browser.driver.get(href)
        browser.run("return new Promise(resolve => setTimeout(resolve, 300))")
        markers = browser.run("return document.querySelectorAll('.geomap-place').length")
        assert markers >= 2, href
        assert browser.page(href).console == []
