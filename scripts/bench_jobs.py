"""`geomap check` on many articles with --jobs 1 and --jobs N: wall time, CPU time, speed-up.

Usage: python scripts/bench_jobs.py [FOLDER] [--count 1000] [--jobs 2] [--runs 3]
Without FOLDER, writes COUNT synthetic articles (scripts/synthetic_articles.py) to a temporary
folder. Runs alternate between the two job counts (fresh processes, gazetteer already built),
so load from other programs falls on both alike; the outputs must be byte-identical. The
machine's load average is printed first: a busy machine cannot show a speed-up.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_articles import write_articles  # noqa: E402


def timed_check(folder: Path, jobs: int) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (the process and its workers) and stdout of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "geomap", "check", str(folder), "--format", "json", "--jobs", str(jobs)],
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"geomap check failed ({done.returncode}): {done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder
        if folder is None:
            folder = Path(temporary) / "articles"
            write_articles(folder, args.count)
        print(
            f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}"
        )
        timed_check(folder, 1)  # warm the OS file cache and the gazetteer
        walls: dict[int, list[float]] = {1: [], args.jobs: []}
        cpus: dict[int, list[float]] = {1: [], args.jobs: []}
        outputs: set[bytes] = set()
        for _ in range(args.runs):
            for jobs in (1, args.jobs):
                wall, cpu, stdout = timed_check(folder, jobs)
                walls[jobs].append(wall)
                cpus[jobs].append(cpu)
                outputs.add(stdout)
        for jobs in (1, args.jobs):
            print(
                f"--jobs {jobs}: wall median {statistics.median(walls[jobs]):.2f} s "
                f"(runs: {', '.join(f'{w:.2f}' for w in walls[jobs])}), "
                f"CPU median {statistics.median(cpus[jobs]):.2f} s"
            )
        speedup = statistics.median(walls[1]) / statistics.median(walls[args.jobs])
        print(
            f"speed-up --jobs {args.jobs} vs --jobs 1: {speedup:.2f}x; outputs identical: {len(outputs) == 1}"
        )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
