"""The whole XSS campaign: every hostile payload through every map channel, opened in headless Chromium.

Run: python scripts/xss_campaign.py [--channels report cli cache] [--per-page 25] [--limit N]

Payloads (tests/browser/hostile.py, ~500 distinct: markup, event handlers, javascript: URLs, SVG,
CSS, template syntax, script and JSON breakouts, entities, Unicode tricks, NULs, long strings)
are planted 25 to a page in each channel:

- report: hand-made reports: file names, place names, regions, sources, sentences, claims,
  explanations and the page title;
- cli:    `geomap map` on article files named by payloads and holding them, with an overlay CSV
  whose names, regions and sources are payloads, and a payload title (gazetteer: --cache-dir,
  else $GEOMAP_CACHE_DIR, else the user cache; built on first use);
- cache:  place names, regions and sources rewritten in a copy of the fixture gazetteer's
  database, read back through the pipeline.

Each page is loaded offline (network blocked), every popup and tooltip opened, and compared
with the same page built from plain strings. Prints, per channel, the pages, payloads,
popups opened, payloads that ran, other problems (console errors, requests, handlers,
javascript: links, extra elements) and payloads not shown as text; exits 1 if any ran or any
problem was found. Needs Debian's chromium and chromium-driver (or GEOMAP_CHROMIUM and
GEOMAP_CHROMEDRIVER).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import BLOCKED, CHROMIUM_NAMES, Browser, _find  # noqa: E402
from tests.browser.hostile import (  # noqa: E402
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

#: Fixture places whose names, regions and sources the cache channel rewrites (one payload each).
CACHE_PLACES = (
    "Beijing", "Istanbul", "Moscow", "Cairo", "London", "Baghdad", "Tehran", "Ankara", "Berlin", "Kyiv",
    "Aleppo", "Beirut", "Mosul", "Damascus", "Amman", "Homs", "Latakia", "Idlib", "Jablah", "Gaza",
)  # fmt: skip


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium with the network blocked, as tests/browser/conftest.py starts it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = (
        _find(CHROMIUM_NAMES, "GEOMAP_CHROMIUM"),
        _find(("chromedriver",), "GEOMAP_CHROMEDRIVER"),
    )
    if binary is None or driver_path is None:
        raise SystemExit("headless Chromium not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="geomap-xss-profile-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": BLOCKED})
        offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
        yield Browser(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def report_pages(folder: Path, items: Sequence[str], offset: int, title: str) -> Path:
    from geomap.render.leaflet import render_map

    page = folder / f"report-{offset}.html"
    page.write_text(render_map(handmade_report(items, offset), title=title), encoding="utf-8")
    return page


def cli_pages(folder: Path, items: Sequence[str], offset: int, title: str) -> Path:
    return cli_map(folder / f"cli-{offset}", items, title, offset)


def cache_pages(folder: Path, items: Sequence[str], offset: int, title: str) -> Path:
    """The fixture gazetteer with one place per payload renamed, mapped through the pipeline."""
    from gazetteer import Gazetteer, ensure_database
    from gazetteer.build import DATABASE_NAME, stamp_checksum
    from geomap.model import Article
    from geomap.pipeline import run
    from geomap.render.leaflet import render_map
    from geomap.settings import Settings
    from tests.conftest import fixture_sources

    pristine = folder / "fixture-cache"
    if not (pristine / DATABASE_NAME).exists():
        ensure_database(pristine, fixture_sources())
    cache = folder / f"cache-{offset}"
    cache.mkdir()
    shutil.copy(pristine / DATABASE_NAME, cache / DATABASE_NAME)
    db = sqlite3.connect(cache / DATABASE_NAME)
    with db:
        for name, payload in zip(CACHE_PLACES, items, strict=False):
            db.execute(
                "UPDATE places SET name = name || ' ' || ?, admin1 = ?, source = ? WHERE name = ?",
                (payload, payload, payload, name),
            )
    db.close()
    stamp_checksum(cache / DATABASE_NAME)
    text = f"Fighting reached {', '.join(CACHE_PLACES[: len(items)])}.\n"
    with Gazetteer.open(cache, paths=fixture_sources()) as gazetteer:
        report = run([Article("story.txt", text)], gazetteer, Settings())
    page = folder / f"cache-{offset}.html"
    page.write_text(render_map(report, title=title), encoding="utf-8")
    return page


Builder = Callable[[Path, Sequence[str], int, str], Path]
CHANNELS: dict[str, tuple[Builder, str]] = {
    "report": (report_pages, "Alpha"),
    "cli": (cli_pages, "Zorbaville"),
    "cache": (cache_pages, ""),
}


def cache_not_shown(probe: dict, items: Sequence[str]) -> list[str]:
    """Cache channel: each rewritten place shows "<name> <payload>"."""
    return [
        item
        for name, item in zip(CACHE_PLACES, items, strict=False)
        if shown(f"{name} {item}") not in probe["shown"]
    ]


def campaign(browser: Browser, channel: str, all_payloads: list[str], per_page: int, folder: Path) -> dict:
    """Every payload through one channel: the figures."""
    build, prefix = CHANNELS[channel]
    size = min(per_page, len(CACHE_PLACES)) if channel == "cache" else per_page
    started = time.perf_counter()
    (folder / "plain").mkdir()
    baseline = visit(browser, build(folder / "plain", plain(all_payloads[:size]), 0, "plain"))
    figures = {"pages": 0, "payloads": 0, "opened": 0, "ran": 0, "problems": 0, "not shown": 0}
    examples: list[str] = []
    for offset, items in chunks(all_payloads, size):
        clean = [item.replace("\x00", "") for item in items] if channel == "cli" else list(items)
        probe = visit(browser, build(folder, items, offset, page_title(items)))
        found = problems(probe, baseline, all_payloads)
        missing = (
            cache_not_shown(probe, clean) if channel == "cache" else not_shown(probe, clean, offset, prefix)
        )
        if shown(probe["title"]) != shown(page_title(items)):
            found.append(f"title shown as {probe['title'][:60]!r}")
        figures["pages"] += 1
        figures["payloads"] += len(items)
        figures["opened"] += probe["opened"]
        figures["ran"] += probe["xss"] is not None
        figures["problems"] += len(found)
        figures["not shown"] += len(missing)
        examples += [f"{channel} page {offset}: {line}" for line in found[:2]]
        examples += [f"{channel} page {offset}: not shown {item[:60]!r}" for item in missing[:2]]
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["examples"] = examples[:10]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", nargs="+", choices=list(CHANNELS), default=list(CHANNELS))
    parser.add_argument("--per-page", type=int, default=25)
    parser.add_argument("--limit", type=int, help="only the first N payloads")
    parser.add_argument(
        "--cache-dir", help="gazetteer for the cli channel [default: $GEOMAP_CACHE_DIR or user cache]"
    )
    arguments = parser.parse_args()
    if arguments.cache_dir:
        os.environ["GEOMAP_CACHE_DIR"] = arguments.cache_dir
    all_payloads = payloads()[: arguments.limit]
    print(f"{len(all_payloads)} distinct payloads, {arguments.per_page} a page")
    failed = False
    with chromium() as browser, tempfile.TemporaryDirectory(prefix="geomap-xss-") as temporary:
        for channel in arguments.channels:
            folder = Path(temporary) / channel
            folder.mkdir()
            figures = campaign(browser, channel, all_payloads, arguments.per_page, folder)
            examples = figures.pop("examples")
            print(f"{channel:>7}: " + ", ".join(f"{value} {key}" for key, value in figures.items()))
            for line in examples:
                print(f"         {line}")
            failed |= bool(figures["ran"] or figures["problems"] or figures["not shown"])
    print("RESULT: " + ("FAIL" if failed else "0 payloads ran, 0 problems, every payload shown as text"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
