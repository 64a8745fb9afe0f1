"""Benchmark the gazetteer: build time, database size, lookup latency, cold CLI lookup time.

Run: python scripts/bench_gazetteer.py [--cache-dir DIR]   (targets: build <= 90 s,
size <= 200 MB, lookup p50 <= 1 ms, cold `geomap gazetteer lookup` <= 0.4 s)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gazetteer import Gazetteer, SourcePaths
from gazetteer.build import ensure_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache-dir", type=Path, help="build here (default: a temporary directory)")
    parser.add_argument("--lookups", type=int, default=5000)
    args = parser.parse_args()
    cache = args.cache_dir or Path(tempfile.mkdtemp(prefix="geomap-bench-"))

    started = time.perf_counter()
    database = ensure_database(cache, SourcePaths(), force=True)
    build_seconds = time.perf_counter() - started
    print(f"build time:        {build_seconds:6.1f} s   (target <= 90 s)")
    print(f"database size:     {database.stat().st_size / 1e6:6.1f} MB  (target <= 200 MB)")

    with Gazetteer(database) as gazetteer:
        names = _sample_names(gazetteer, args.lookups)
        latencies = []
        for name in names:
            tick = time.perf_counter()
            gazetteer.lookup(name)
            latencies.append((time.perf_counter() - tick) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"lookup latency:    p50 {p50:.3f} ms, p99 {p99:.3f} ms over {len(names)} names (target p50 <= 1 ms)"
    )

    command = shutil.which("geomap")
    argv = [command] if command else [sys.executable, "-m", "geomap"]
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cache)}
    walls = []
    for _ in range(7):
        tick = time.perf_counter()
        subprocess.run([*argv, "gazetteer", "lookup", "Khmeimim"], env=env, capture_output=True, check=True)
        walls.append(time.perf_counter() - tick)
    print(
        f"cold CLI lookup:   median {statistics.median(walls):.3f} s, "
        f"min {min(walls):.3f} s over 7 runs (target <= 0.4 s)"
    )
    if args.cache_dir is None:
        shutil.rmtree(cache, ignore_errors=True)


def _sample_names(gazetteer: Gazetteer, count: int) -> list[str]:
    """Real names (a random sample of the name table) plus misses, shuffled."""
    rows = gazetteer._db.execute(  # noqa: SLF001 - a benchmark may peek
        "SELECT norm FROM names ORDER BY random() LIMIT ?", (count,)
    ).fetchall()
    names = [row[0] for row in rows] or ["Damascus"]
    names += [f"nowhere {i}" for i in range(count // 10)]
    random.Random(1).shuffle(names)
    return names


if __name__ == "__main__":
    main()
