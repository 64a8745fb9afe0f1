"""`geomap batch` with 1 and 2 Dask workers: wall time per run and the speed-up.

Usage: python scripts/bench_batch.py [--count 4000] [--runs 3] [--workers 1 2]
Writes COUNT synthetic articles (scripts/synthetic_articles.py) as one JSONL.gz file. For each
worker count it starts `dask scheduler` and that many `dask worker --nthreads 1` processes on
127.0.0.1, runs `geomap batch --scheduler` once to warm them (each opens its gazetteer), then
times RUNS runs into fresh folders (the client's start included, the cluster's excluded). Also
times one run with the default local cluster (`--workers N`, cluster start included). The
gazetteer must already be built in the cache the environment names.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_articles import article  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def batch(args: list[str], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "geomap"), "batch", *args, "-o", str(out)], capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"geomap batch failed: {done.stderr.decode()}")
    return elapsed


def on_cluster(source: Path, workers: int, runs: int, folder: Path) -> list[float]:
    """Timed runs against a scheduler and `workers` single-threaded workers started here."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
    processes = [
        subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            **quiet,
        )
    ]
    processes += [
        subprocess.Popen(
            [
                str(BIN / "dask"),
                "worker",
                address,
                "--nthreads",
                "1",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
            ],
            **quiet,
        )
        for _ in range(workers)
    ]
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)
        args = [str(source), "--scheduler", address]
        batch(args, folder / "warm")
        return [batch(args, folder / f"run{n}") for n in range(runs)]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs=2, default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = folder / "archive.jsonl.gz"
        rng = random.Random(1)
        with gzip.open(source, "wt", encoding="utf-8") as handle:
            for number in range(args.count):
                handle.write(json.dumps({"id": f"a{number}", "text": article(rng)}) + "\n")
        print(f"{args.count} articles; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        medians = {}
        for workers in args.workers:
            times = on_cluster(source, workers, args.runs, folder)
            medians[workers] = statistics.median(times)
            local = batch([str(source), "--workers", str(workers)], folder / "local")
            print(
                f"{workers} worker(s): median {medians[workers]:.2f} s on a running cluster "
                f"(runs: {', '.join(f'{t:.2f}' for t in times)}), "
                f"{args.count / medians[workers]:.0f} articles/s; "
                f"local cluster, its start included: {local:.2f} s"
            )
        low, high = args.workers
        print(f"speed-up {low} -> {high} workers: {medians[low] / medians[high]:.2f}x")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
