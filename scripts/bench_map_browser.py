"""Time a large `geomap map` page in headless Chromium: opening until the labels are drawn, then a zoom.

Usage: python scripts/bench_map_browser.py [--count 300] [--seed 1] [--runs 3] [--keep FILE] [HTML]
Writes `--count` articles with scripts/synthetic_articles.py, maps them with `geomap map` (the
real gazetteer, built into the cache on first use) and opens the page offline in headless
Chromium (chromium + chromedriver, through selenium, as tests/browser does), `--runs` times.
"Opened" is the time from navigation start until the load event has passed and two frames
have been painted: geomap draws and places the labels inside the page's own script, before the
load event, so this is when a reader sees a finished map. "Zoom out" and "pan" are the time from
the call until the labels placed on `moveend` are painted. Give an HTML file to time it instead.
Prints medians and the load average: on a busy machine the figures are not comparable.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_articles import write_articles  # noqa: E402

#: A run in which no frame is painted for this long is dropped and run again (headless Chromium
#: now and then stops painting a page that is loaded on a busy machine).
STALL_S = 90
#: JS (async): once the map is still (no zoom or pan animation: the opening view may animate)
#: and two frames have been painted since, the time since navigation start, in ms.
PAINTED = """
const done = arguments[arguments.length - 1];
const map = Object.values(window).find(v => v instanceof L.Map);
const busy = () => map._animatingZoom || (map._panAnim && map._panAnim._inProgress) || map._flyToFrame;
const frames = then => requestAnimationFrame(() => requestAnimationFrame(then));
const still = then => frames(() => busy() ? settle() : then());
const settle = () => still(() => still(() => done(performance.now())));
settle();
"""
#: JS (async): move the map with `arguments[0]` (a function body on `map`), wait for its
#: moveend and two painted frames; the milliseconds that took.
MOVE = """
const done = arguments[arguments.length - 1];
const map = Object.values(window).find(v => v instanceof L.Map);
const start = performance.now();
map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(
  () => done(performance.now() - start))));
new Function('map', arguments[0])(map);
"""
#: JS: what the page shows: markers, and name labels drawn (not hidden, as the tooltips of
#: pages made before the labels pane were, so that old pages can be timed too).
COUNTS = """
const labels = [...document.querySelectorAll('.geomap-label')];
return {markers: document.querySelectorAll('.geomap-place').length,
        labels: labels.filter(el => !el.classList.contains('geomap-label-hidden')).length};
"""


def make_page(count: int, seed: int, folder: Path) -> Path:
    """Articles written by synthetic_articles.py, mapped by `geomap map`; the HTML file."""
    articles = folder / "articles"
    write_articles(articles, count, seed)
    target = folder / "map.html"
    command = [sys.executable, "-m", "geomap", "map", str(articles), "-o", str(target)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"geomap map failed: {done.stderr}")
    print(done.stdout.strip() or done.stderr.strip())
    return target


def chromium(profile: Path) -> Any:
    """Headless Chromium, offline, with a fresh profile and the window size of the browser tests."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1200,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(600)
    driver.set_script_timeout(STALL_S)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*"]})
    return driver


def measure(driver: Any, page: Path) -> dict[str, Any] | None:
    """One opening of `page`, then a zoom out and a pan: milliseconds, and what it shows.

    None when the browser stalled (painted no frame in STALL_S seconds).
    """
    from selenium.common.exceptions import TimeoutException

    driver.get("about:blank")
    driver.get(page.resolve().as_uri())
    try:
        opened = driver.execute_async_script(PAINTED)
    except TimeoutException:
        print(f"a run stalled (no frame painted in {STALL_S} s): run again")
        return None
    counts = driver.execute_script(COUNTS)
    zoom = driver.execute_async_script(MOVE, "map.setZoom(map.getZoom() - 1, {animate: false});")
    pan = driver.execute_async_script(MOVE, "map.panBy([300, 200], {animate: false});")
    return {"opened": opened, "zoom": zoom, "pan": pan, **counts}


def runs(driver: Any, page: Path, count: int) -> list[dict[str, Any]]:
    """`count` measured runs; a stalled run is tried again, up to `count` times in all."""
    done: list[dict[str, Any]] = []
    for _ in range(2 * count):
        run = measure(driver, page)
        if run is not None:
            done.append(run)
        if len(done) == count:
            break
    if not done:
        raise SystemExit("every run stalled")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", nargs="?", type=Path, help="time this page instead of a synthetic one")
    parser.add_argument("--count", type=int, default=300, help="synthetic articles (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy the synthetic page here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        page = args.html or make_page(args.count, args.seed, Path(folder))
        if args.keep and args.html is None:
            shutil.copy(page, args.keep)
        size = page.stat().st_size
        driver = chromium(Path(folder) / "profile")
        try:
            measured = runs(driver, page, args.runs)
        finally:
            driver.quit()

    median = {key: statistics.median(run[key] for run in measured) for key in ("opened", "zoom", "pan")}
    print("load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"page:                    {size / 1024:.0f} KiB")
    print(f"place markers:           {measured[-1]['markers']}")
    print(f"labels shown:            {measured[-1]['labels']}")
    each = ", ".join(f"{run['opened']:.0f}" for run in measured)
    print(f"opened, labels drawn (median of {len(measured)}): {median['opened']:9.0f} ms  (each: {each})")
    print(f"zoom out, labels placed (median): {median['zoom']:9.0f} ms")
    print(f"pan, labels placed (median):      {median['pan']:9.0f} ms")


if __name__ == "__main__":
    main()
