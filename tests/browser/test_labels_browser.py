"""Name labels among many markers: no overlaps, no marker hidden, a hostile name shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Place
from geomap.model import Article, ArticleResult, Report
from geomap.render.leaflet import render_map
from tests.browser.conftest import SETTLE, Browser
from tests.browser.handmade import mention
from tests.browser.test_map_browser import assert_offline
from tests.browser.test_map_view_browser import overlapping

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=\"window.__xss='label'\">"
#: Places on a grid over western Syria, close enough that their labels must compete for room.
ROWS, COLUMNS = 24, 25

#: JS: the labels drawn in the window (text, box, always shown, elements inside), the markers
#: painted there (boxes), and whether a payload ran.
DRAWN = """
const view = document.querySelector('.folium-map').getBoundingClientRect();
const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const seen = b => b[2] > view.left && b[0] < view.right && b[3] > view.top && b[1] < view.bottom;
return {
  labels: [...document.querySelectorAll('.geomap-label')].map(el => ({
    text: el.textContent, box: box(el), main: el.classList.contains('geomap-label-main'),
    children: el.childElementCount})).filter(label => seen(label.box)),
  markers: [...document.querySelectorAll('.geomap-place')]
    .filter(el => getComputedStyle(el).visibility !== 'hidden').map(box).filter(seen),
  xss: window.__xss === undefined ? null : String(window.__xss),
};
"""


def crowded_report() -> Report:
    """One article naming 600 places on a grid, the first of them hostile and named most often."""
    places = [
        Place(
            f"test:{row}-{column}",
            HOSTILE if (row, column) == (0, 0) else f"Place{row:02d}{column:02d}",
            "city",
            33.0 + row * 0.15,
            35.8 + column * 0.2,
            "SY",
            source="test",
        )
        for row in range(ROWS)
        for column in range(COLUMNS)
    ]
    surfaces = [f"Place{row:02d}{column:02d}" for row in range(ROWS) for column in range(COLUMNS)]
    text = f"{surfaces[0]} and {surfaces[0]} again. " + ", ".join(surfaces) + "."
    mentions = [mention(text, surfaces[0], places[0], nth=1)]
    mentions += [mention(text, surface, place) for surface, place in zip(surfaces, places, strict=True)]
    return Report((ArticleResult(Article("crowded.txt", text), tuple(mentions), ()),))


def assert_labels_clear(drawn: dict) -> None:
    """No two labels overlap (but two that must show), and no optional label covers a marker."""
    labels = drawn["labels"]
    pairs = overlapping([label["box"] for label in labels])
    assert [(i, j) for i, j in pairs if not (labels[i]["main"] and labels[j]["main"])] == []
    covering = [
        label["text"]
        for label in labels
        if not label["main"] and any(overlapping([label["box"], marker]) for marker in drawn["markers"])
    ]
    assert covering == []


def test_labels_of_many_markers_never_overlap(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "crowded.html"
    target.write_text(render_map(crowded_report(), title="crowded"), encoding="utf-8")
    assert_offline(browser.load(target))
    browser.run(SETTLE)
    map_ = "Object.values(window).find(v => v instanceof L.Map)"
    for move in ("", f"{map_}.zoomIn(1)", f"{map_}.panBy([250, 150])", f"{map_}.setZoom(5)"):
        if move:
            browser.run(move)
            browser.run(SETTLE)
        drawn = browser.run(DRAWN)
        assert len(drawn["labels"]) >= 8, move
        assert_labels_clear(drawn)
    browser.screenshot("crowded-labels.png", tmp_path)


def test_a_hostile_name_is_a_label_of_text(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "crowded.html"
    target.write_text(render_map(crowded_report(), title="crowded"), encoding="utf-8")
    assert_offline(browser.load(target))
    browser.run(SETTLE)
    drawn = browser.run(DRAWN)
    hostile = [label for label in drawn["labels"] if label["text"] == HOSTILE]
    assert len(hostile) == 1 and hostile[0]["main"]  # the most named place: always labelled
    assert all(label["children"] == 0 for label in drawn["labels"])
    assert drawn["xss"] is None
    assert browser.run("return document.querySelectorAll('.geomap-label img, img[src=x]').length") == 0
