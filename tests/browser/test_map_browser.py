"""Maps in a real browser: offline, no console errors, one marker per place, one line per claim."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.render.features import claim_lines, place_pins
from geomap.render.leaflet import render_map
from tests.browser.conftest import FIND_MAP, OPEN_EVERYTHING, Browser, Page
from tests.browser.handmade import seeds_like_report

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

ZOOM_TO_EVERYTHING = """
document.querySelector('[data-geomap-zoom="all"]').click();
return new Promise(resolve => setTimeout(resolve, 400));
"""
COUNTS = """
const map = Object.values(window).find(v => v instanceof L.Map);
const box = document.querySelector('.folium-map').getBoundingClientRect();
const inside = [...document.querySelectorAll('.geomap-place')].filter(el => {
  const r = el.getBoundingClientRect();
  return r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
}).length;
return {
  markers: document.querySelectorAll('.leaflet-marker-icon.geomap-place').length,
  markersInView: inside,
  lines: document.querySelectorAll('path.geomap-claim').length,
  holds: document.querySelectorAll('path.geomap-claim-holds').length,
  land: document.querySelectorAll('.leaflet-overlay-pane path').length,
  width: box.width, height: box.height, zoom: map.getZoom(),
  layers: [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
    .map(l => l.textContent.trim()),
};
"""


def assert_offline(page: Page) -> None:
    """Nothing but the file itself and data: URLs was requested, and nothing failed."""
    leaving = [url for url in page.requests if url != page.url and not url.startswith("data:")]
    assert leaving == [], f"requests that leave the file: {leaving}"
    assert [url for url in page.resources if not url.startswith("data:")] == []
    assert page.console == [], f"console errors: {page.console}"


def test_handmade_map_loads_offline(browser: Browser, tmp_path: Path) -> None:
    report = seeds_like_report()
    target = tmp_path / "handmade.html"
    target.write_text(render_map(report, title="hand-made"), encoding="utf-8")
    page = browser.load(target)
    assert_offline(page)
    browser.run(ZOOM_TO_EVERYTHING)
    counts = browser.run(COUNTS)
    assert counts["markers"] == sum(len(place_pins(result)) for result in report.results) == 6
    assert counts["markersInView"] == counts["markers"]
    assert counts["lines"] == sum(len(claim_lines(result)) for result in report.results) == 2
    assert counts["width"] > 0 and counts["height"] > 0
    assert counts["land"] > 0
    assert counts["layers"] == ["first.txt", "second.txt"]
    opened = browser.run(OPEN_EVERYTHING)
    popups = [item["text"] for item in opened if item["kind"] == "popup"]
    assert any("Khmeimim Air Base" in text and "site:khmeimim-air-base" in text for text in popups)
    tooltips = [item["text"] for item in opened if item["kind"] == "tooltip"]
    assert any("around 60km" in text and "57.1 km" in text for text in tooltips)
    assert any("S of Latakia" in text for text in tooltips)
    # Leaflet's default marker (and the collapsed layer control) use inlined data: images.
    browser.run(f"{FIND_MAP}.addLayer(L.marker([35.0, 36.0]))".replace("return ", ""))
    browser.run("return new Promise(resolve => setTimeout(resolve, 200))")
    after = browser.page(page.url)
    assert after.console == []
    assert [url for url in after.requests if not url.startswith("data:")] == []
    assert any(url.startswith("data:image/png") for url in after.requests + after.resources)


def test_tiles_option_adds_an_online_layer_that_the_blocked_network_refuses(
    browser: Browser, tmp_path: Path
) -> None:
    target = tmp_path / "tiles.html"
    target.write_text(render_map(seeds_like_report(), title="tiles", tiles="osm"), encoding="utf-8")
    page = browser.load(target)
    assert any(url.startswith("https://tile.openstreetmap.org/") for url in page.requests)


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """`geomap map seeds/` run as a user would (installed command, real gazetteer)."""
    folder = tmp_path_factory.mktemp("seeds-map")
    command = [sys.executable, "-m", "geomap", "map", str(ROOT / "seeds"), "--geojson", "seeds.geojson"]
    done = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert "maps/seeds.html" in done.stdout
    return folder / "maps" / "seeds.html", json.loads((folder / "seeds.geojson").read_text(encoding="utf-8"))


@pytest.mark.real_gazetteer
def test_seeds_map_in_the_browser(browser: Browser, seeds_map: tuple[Path, dict], tmp_path: Path) -> None:
    path, collection = seeds_map
    assert path.stat().st_size <= 1_000_000
    places = [f for f in collection["features"] if f["properties"]["feature"] == "place"]
    claims = [f for f in collection["features"] if f["properties"]["feature"] == "claim"]
    per_article = {(f["properties"]["article"], f["properties"]["id"]) for f in places}
    assert len(per_article) == len(places)  # one marker per distinct place in each article layer

    page = browser.load(path)
    assert_offline(page)
    opening = browser.run(COUNTS)
    # The map opens on the story (Syria's coast), not on the centroids of Russia, the US and the
    # Soviet Union: the claims' ends (Khmeimim, Latakia, Tartus, in both layers) are in view.
    assert 6 <= opening["markersInView"] < len(places)
    browser.run(ZOOM_TO_EVERYTHING)
    counts = browser.run(COUNTS)
    assert counts["markers"] == len(places)
    assert counts["markersInView"] == counts["markers"]
    assert counts["lines"] == len(claims)
    assert counts["width"] >= 800 and counts["height"] >= 600
    assert counts["land"] > 0
    browser.screenshot("seeds.png", tmp_path)

    lines = browser.run("""
        const map = Object.values(window).find(v => v instanceof L.Map);
        const found = [];
        map.eachLayer(l => {
          if (l instanceof L.Polyline && (l.options.className || '').includes('geomap-claim')) {
            found.push({cls: l.options.className, color: l.options.color,
                        text: l.getTooltip().getContent(), bounds: l.getBounds().toBBoxString()});
          }
        });
        return found;
    """)
    khmeimim_tartus = [
        line
        for line in lines
        if "Khmeimim" in line["text"] and ("Tartus" in line["text"] or "Ţarţūs" in line["text"])
    ]
    assert khmeimim_tartus, lines
    assert all("geomap-claim-holds" in line["cls"] and line["color"] == "#1a9850" for line in khmeimim_tartus)

    # The legend's "the claims" link zooms in: the coastline is detailed there (seeds-zoom.png, by eye).
    zoom_before = counts["zoom"]
    browser.run("document.querySelector('[data-geomap-zoom=\"claims\"]').click()")
    browser.run("return new Promise(resolve => setTimeout(resolve, 600))")
    assert browser.run(f"{FIND_MAP}.getZoom()") >= max(8, zoom_before + 1)
    browser.screenshot("seeds-zoom.png", tmp_path)
    assert browser.page(page.url).console == []
