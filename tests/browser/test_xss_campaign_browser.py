"""Every hostile payload of tests/browser/hostile.py, in every channel, opened in Chromium: none runs.

Bounded to a few pages: all the payloads in hand-made reports (file names, place names,
regions, sources, sentences, claims and explanations, and the title), then every fourth one
through `geomap map` itself (file names, article text, an overlay's names, regions and sources,
the title). Each page is compared with the same page built from plain strings: no element,
handler, script or request more; `window.__xss` unset; no console error; every payload shown
as text. scripts/xss_campaign.py runs all of them through every channel and prints the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.render.leaflet import render_map
from tests.browser.conftest import Browser
from tests.browser.hostile import (
    chunks,
    cli_map,
    handmade_report,
    not_shown,
    page_title,
    payloads,
    plain,
    problems,
    shown,
    visit,
)

pytestmark = pytest.mark.browser
PAYLOADS = payloads()
#: Payloads per page: opening every popup slows down with the page's size (about 1 s for 25).
CHUNK = 25


def test_there_are_over_200_distinct_payloads() -> None:
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 200


def test_handmade_reports_with_every_payload(browser: Browser, tmp_path: Path) -> None:
    baseline_page = tmp_path / "plain.html"
    baseline_page.write_text(
        render_map(handmade_report(plain(PAYLOADS[:CHUNK])), title="plain"), encoding="utf-8"
    )
    baseline = visit(browser, baseline_page)
    for offset, items in chunks(PAYLOADS, CHUNK):
        page = tmp_path / f"hostile-{offset}.html"
        page.write_text(render_map(handmade_report(items, offset), title=page_title(items)), encoding="utf-8")
        probe = visit(browser, page)
        assert problems(probe, baseline, PAYLOADS) == []
        assert shown(probe["title"]) == shown(page_title(items))
        assert not_shown(probe, items, offset, "Alpha") == []


def test_payloads_through_geomap_map(browser: Browser, fixture_env: Path) -> None:
    """Every fourth payload (each family is there) through the CLI; the script sends them all."""
    baseline = visit(browser, cli_map(fixture_env / "plain", plain(PAYLOADS[:CHUNK]), "plain"))
    subset = PAYLOADS[::4]
    for offset, items in chunks(subset, CHUNK):
        probe = visit(browser, cli_map(fixture_env / f"hostile-{offset}", items, page_title(items), offset))
        assert problems(probe, baseline, PAYLOADS) == []
        assert shown(probe["title"]) == shown(page_title(items))
        assert not_shown(probe, [item.replace("\x00", "") for item in items], offset, "Zorbaville") == []


def test_the_probe_sees_a_payload_that_runs(browser: Browser, tmp_path: Path) -> None:
    """The control: the same page with one payload pasted in unescaped is caught, several ways."""
    baseline_page = tmp_path / "plain.html"
    baseline_page.write_text(
        render_map(handmade_report(plain(PAYLOADS[:2])), title="plain"), encoding="utf-8"
    )
    baseline = visit(browser, baseline_page)
    broken = tmp_path / "broken.html"
    pasted = '<img src=x onerror="window.__xss=5"><script>console.error("ran")</script>'
    broken.write_text(baseline_page.read_text(encoding="utf-8").replace("</body>", pasted + "</body>"))
    found = problems(visit(browser, broken), baseline, PAYLOADS)
    assert any(line.startswith("payload 5 ran") for line in found)
    assert any(line.startswith("console:") for line in found)
    assert any("elements with handlers" in line for line in found)
