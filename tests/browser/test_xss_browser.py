"""Article text full of script payloads renders as text in a real browser, and none of it runs."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.render.features import place_pins
from geomap.render.leaflet import render_map
from tests.browser.conftest import OPEN_EVERYTHING, SETTLE, Browser
from tests.browser.handmade import EVIL, PAYLOADS, evil_report

pytestmark = pytest.mark.browser
TITLE = f"title {EVIL}"


def shown_title(title: str) -> str:
    """document.title: ASCII whitespace collapsed and trimmed, as browsers do."""
    return re.sub(r"[\t\n\f\r ]+", " ", title).strip(" ")


EXECUTED = """
return {
  xss: window.__xss === undefined ? null : String(window.__xss),
  title: document.title,
  injected: document.querySelectorAll(
    ['.leaflet-popup-content', '.leaflet-tooltip', '.geomap-label', '.leaflet-control-layers',
     '.geomap-legend']
      .flatMap(box => ['img', 'script', 'iframe', 'style', 'svg[onload]'].map(tag => box + ' ' + tag))
      .concat(['iframe', 'body > img', 'body > style', '[onerror]', '[onload]', 'a[href^="javascript" i]'])
      .join(', ')).length,
  scripts: document.scripts.length,
  layers: [...document.querySelectorAll('.leaflet-control-layers-overlays label')].map(l => l.textContent),
  legend: document.querySelector('.geomap-legend h2').textContent,
};
"""
#: JS: the name labels drawn: their text and how many elements each holds (none: text only).
LABELS = """
return [...document.querySelectorAll('.geomap-label')]
  .map(el => ({text: el.textContent, children: el.childElementCount}));
"""


def assert_inert(browser: Browser, expected_title: str, url: str) -> list[dict]:
    opened = browser.run(OPEN_EVERYTHING)
    browser.run("return new Promise(resolve => setTimeout(resolve, 300))")  # let onerror/onload fire
    state = browser.run(EXECUTED)
    assert state["xss"] is None, f"a payload ran: {state['xss']}"
    assert state["title"] == expected_title
    assert state["injected"] == 0
    assert state["scripts"] == 4  # Leaflet with geomap's script, the JSON data, L_NO_TOUCH switches, the map
    page = browser.page(url)
    assert page.console == [], page.console
    leaving = [u for u in page.requests if u != url and not u.startswith("data:")]
    assert leaving == []  # an <img src=x> or <iframe> that got through would request a file
    return opened


def test_payloads_in_every_field_render_as_text(browser: Browser, tmp_path: Path) -> None:
    target = tmp_path / "evil.html"
    target.write_text(render_map(evil_report(), title=TITLE), encoding="utf-8")
    page = browser.load(target)
    assert page.console == []
    # A name label for every place, the name as it is: text, not markup. Once, though each
    # place has a marker in both articles' layers (the second's lie on the first's).
    names = sorted({pin.place.name for result in evil_report().results for pin in place_pins(result)})
    browser.run(SETTLE)
    opening = browser.run(LABELS)  # the claim's view: only the places in or near it have labels
    claim_ends = {name for name in names if name.startswith(("Khmeimim", "Tartus"))}
    assert len(claim_ends) == 2 and claim_ends <= {item["text"] for item in opening} <= set(names)
    browser.run("document.querySelector('[data-geomap-zoom=\"all\"]').click()")
    browser.run(SETTLE)
    labels = browser.run(LABELS)
    assert sorted(item["text"] for item in labels) == names
    assert [item["children"] for item in labels + opening] == [0] * len(labels + opening)
    opened = assert_inert(browser, shown_title(TITLE), page.url)
    state = browser.run(EXECUTED)
    name = PurePath(evil_report().results[0].article.name).name
    assert [label.strip() for label in state["layers"]] == [name, f"{name} (2)"]
    assert state["legend"] == TITLE
    texts = "\n".join(item["text"] or "" for item in opened)
    for payload in PAYLOADS:
        assert payload in texts, f"payload not shown as text: {payload!r}"
    tips = [item for item in opened if item["kind"] == "tooltip"]
    claim_tips = [item for item in tips if "geomap-tip-body" in (item["html"] or "")]
    assert len(claim_tips) == 1


def test_payload_article_through_the_cli(browser: Browser, fixture_env: Path) -> None:
    article = fixture_env / "evil.txt"
    article.write_text(
        f"Khmeimim Air Base {EVIL} is located around 60km from the Russian naval facility at Tartus.\n"
        f"Damascus {EVIL} fell. Protesters in Latakia wrote {EVIL} on the walls of Idlib.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["map", str(article), "--title", TITLE])
    assert result.exit_code == 0, result.output
    page = browser.load(fixture_env / "maps" / "evil.html")
    assert page.console == []
    opened = assert_inert(browser, shown_title(TITLE), page.url)
    texts = "\n".join(item["text"] or "" for item in opened)
    assert PAYLOADS[0] in texts and PAYLOADS[1] in texts  # long sentences are cut around the mention
