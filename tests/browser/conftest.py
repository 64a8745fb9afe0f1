"""Headless Debian Chromium driven by selenium, with the network blocked and every request recorded."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
#: Everything that could leave the machine; file: and data: stay allowed.
BLOCKED = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]


def _find(names: tuple[str, ...], env: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    return None


@dataclass(frozen=True)
class Page:
    """What a loaded map did."""

    url: str
    requests: list[str]
    """Every URL the page asked for (CDP Network.requestWillBeSent), the page itself included."""
    resources: list[str]
    """URLs the page's PerformanceObserver saw (resource timing entries)."""
    console: list[dict[str, Any]]
    """Console messages of level SEVERE (errors and uncaught exceptions)."""


class Browser:
    """One Chromium for the session; `load` opens a map offline and reports what it did."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def load(self, path: Path, settle: float = 0.4) -> Page:
        driver = self.driver
        driver.get("about:blank")
        driver.get_log("performance")  # drop what earlier pages logged
        driver.get_log("browser")
        url = path.resolve().as_uri()
        driver.get(url)
        driver.execute_script(
            "window.__resources = performance.getEntriesByType('resource').map(e => e.name);"
            "new PerformanceObserver(list => list.getEntries().forEach(e => window.__resources.push(e.name)))"
            ".observe({type: 'resource', buffered: true});"
        )
        time.sleep(settle)
        return self.page(url)

    def page(self, url: str) -> Page:
        requests = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        resources = self.driver.execute_script("return window.__resources || []")
        console = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        return Page(url, requests, resources, console)

    def run(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def screenshot(self, name: str, folder: Path) -> Path:
        """A PNG of the window; also kept in $GEOMAP_SCREENSHOT_DIR when set, to look at."""
        target = folder / name
        self.driver.save_screenshot(str(target))
        keep = os.environ.get("GEOMAP_SCREENSHOT_DIR")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(target, Path(keep) / name)
        return target


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Chromium with a fresh profile; skipped only when Chromium or ChromeDriver is absent."""
    chromium = _find(CHROMIUM_NAMES, "GEOMAP_CHROMIUM")
    chromedriver = _find(("chromedriver",), "GEOMAP_CHROMEDRIVER")
    if chromium is None or chromedriver is None:
        pytest.skip(
            "headless Chromium not installed (Debian: apt-get install chromium chromium-driver; "
            "or set GEOMAP_CHROMIUM and GEOMAP_CHROMEDRIVER)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--no-first-run",
        "--window-size=1200,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": BLOCKED})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        yield Browser(driver)
    finally:
        driver.quit()


#: JS: the folium map object (a global `map_<id>`).
FIND_MAP = "return Object.values(window).find(v => v instanceof L.Map)"

#: JS: open every popup and tooltip in turn and return their text and HTML.
OPEN_EVERYTHING = """
const map = Object.values(window).find(v => v instanceof L.Map);
const out = [];
const layers = [];
map.eachLayer(layer => layers.push(layer));
for (const layer of layers) {
  if (layer.getPopup && layer.getPopup()) {
    layer.openPopup(layer.getLatLng ? layer.getLatLng() : layer.getCenter());
    const element = layer.getPopup().getElement();
    const node = element && element.querySelector('.leaflet-popup-content');
    out.push({kind: 'popup', text: node ? node.textContent : null, html: node ? node.innerHTML : null});
    layer.closePopup();
  }
  if (layer.getTooltip && layer.getTooltip()) {
    layer.openTooltip(layer.getLatLng ? layer.getLatLng() : layer.getCenter());
    const node = layer.getTooltip().getElement();
    out.push({kind: 'tooltip', text: node ? node.textContent : null, html: node ? node.innerHTML : null});
    layer.closeTooltip();
  }
}
return out;
"""

#: JS: resolves once the map is still (the opening view may zoom in with an animation) and two
#: frames have been painted since: the labels of the final view are placed.
SETTLE = """
const map = Object.values(window).find(v => v instanceof L.Map);
const busy = () => map._animatingZoom || (map._panAnim && map._panAnim._inProgress) || map._flyToFrame;
const frames = then => requestAnimationFrame(() => requestAnimationFrame(then));
return new Promise(resolve => {
  const settle = () => frames(() => busy() ? settle() : frames(() => busy() ? settle() : resolve(true)));
  settle();
});
"""
