"""Time `geomap check` on a folder (default: seeds/): cold process runs, then a per-stage breakdown.

Run: python scripts/bench_check.py [FOLDER] [--runs N]
The gazetteer must already be built (it is built on first use); this measures the check
itself, cold: a fresh Python process per run, as CI or a pre-commit hook starts it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cold_runs(folder: Path, runs: int) -> list[float]:
    command = [sys.executable, "-m", "geomap", "check", str(folder)]
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT)  # warm the OS file cache once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"geomap check failed ({done.returncode}): {done.stderr.decode()}")
    return times


def stages(folder: Path) -> list[tuple[str, float]]:
    marks: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def mark(label: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        marks.append((label, now - clock))
        clock = now

    from gazetteer import Gazetteer
    from geomap.articles import read_articles
    from geomap.claims.extract import extract_claims
    from geomap.outlines import Borders
    from geomap.pipeline import Geoparser
    from geomap.report import ReportFormat
    from geomap.settings import load_settings
    from geomap.verify import Verifier

    mark("imports")
    settings = load_settings()
    articles = read_articles([str(folder)])
    mark("settings + read articles")
    gazetteer = Gazetteer.open(settings.cache_dir, settings.gazetteer_extra)
    mark("open gazetteer")
    geoparser = Geoparser(gazetteer)
    mark("geoparser set-up")
    mentions = [geoparser.parse(article.text) for article in articles]
    mark("geoparse")
    claims = [extract_claims(a.text, m) for a, m in zip(articles, mentions, strict=True)]
    mark("extract claims")
    verifier = Verifier(settings, Borders())
    [verifier.verify(c) for group in claims for c in group]
    mark("verify")
    from geomap.pipeline import run

    report = run(articles, gazetteer, settings)
    mark("(whole pipeline again, warm)")
    ReportFormat.TEXT.renderer.render(report)
    mark("render text")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "seeds")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    times = cold_runs(args.folder, args.runs)
    print(f"geomap check {args.folder}: {args.runs} cold runs (fresh process each)")
    print(f"  min {min(times):.3f} s   median {statistics.median(times):.3f} s   max {max(times):.3f} s")
    print("in-process stages (first run in this process):")
    for label, seconds in stages(args.folder):
        print(f"  {label:<30}{seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
