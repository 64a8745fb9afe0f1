"""Time `geomap map` on the seed articles: pipeline, basemap, full render, file size.

Usage: python scripts/bench_map.py [PATH...] [--repeat N]   (default: seeds/, 5 repeats)
Uses the real gazetteer (built into the user cache on first use), and the outlines simplified
once per detail level in that cache (made on the first run; see geomap/render/levels.py).
Prints the load average: on a busy machine the figures are not comparable.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import default_cache_dir  # noqa: E402
from geomap.articles import read_articles  # noqa: E402
from geomap.cli.common import open_gazetteer  # noqa: E402
from geomap.outlines import Borders  # noqa: E402
from geomap.pipeline import run  # noqa: E402
from geomap.render.basemap import Extent, country_outlines  # noqa: E402
from geomap.render.features import claim_lines, place_pins  # noqa: E402
from geomap.render.leaflet import render_map  # noqa: E402
from geomap.settings import load_settings  # noqa: E402


def timed(function, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    articles = read_articles(args.paths)
    settings = load_settings()
    cache = settings.cache_dir or default_cache_dir()  # where `geomap map` keeps the simplified outlines
    with open_gazetteer(settings) as gazetteer:
        pipeline_s, report = timed(lambda: run(articles, gazetteer, settings), args.repeat)
        pins = [pin for result in report.results for pin in place_pins(result)]
        lines = [line for result in report.results for line in claim_lines(result)]
        points = [(p.place.lat, p.place.lon) for p in pins] + [pt for line in lines for pt in line.points]

        borders = Borders(gazetteer)  # outlines as WKB from the gazetteer, as `geomap map` reads them
        first_start = time.perf_counter()
        html = render_map(report, title="bench", borders=borders, cache_dir=cache)  # + reading outlines once
        first_s = time.perf_counter() - first_start
        basemap_s, _ = timed(
            lambda: country_outlines(Extent.around(points), points, borders, cache_dir=cache), args.repeat
        )
        render_s, html = timed(
            lambda: render_map(report, title="bench", borders=borders, cache_dir=cache), args.repeat
        )

    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "geomap", "map", *map(str, args.paths), "-o", f"{folder}/m.html"]
        subprocess.run(command, check=True, capture_output=True)  # warm the OS file cache

        def cli() -> None:
            subprocess.run(command, check=True, capture_output=True)

        cli_s, _ = timed(cli, args.repeat)

    size = len(html.encode("utf-8"))
    print("load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"articles:                {len(articles)}")
    print(f"place markers:           {len(pins)}")
    print(f"claim lines:             {len(lines)}")
    print(f"pipeline (median of {args.repeat}): {pipeline_s * 1000:8.1f} ms")
    print(f"first render (+outlines):{first_s * 1000:8.1f} ms")
    print(f"basemap (median):        {basemap_s * 1000:8.1f} ms")
    print(f"render_map (median):     {render_s * 1000:8.1f} ms")
    print(f"geomap map, whole CLI (median of {args.repeat}): {cli_s * 1000:8.1f} ms")
    print(f"HTML size:               {size:,} bytes ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
