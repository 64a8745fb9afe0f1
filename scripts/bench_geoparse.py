"""Benchmark geomap's geoparser against geotext on the TR-News texts: load time, throughput, peak memory.

Each system runs in its own subprocess (one core, one thread) so that load time and peak
memory are its own. Rates are given by wall time and, robust to other programs' load on the
machine, by the process's CPU time (the "art/CPU s" columns and the CPU ratios). Throughput
is measured after loading: the first pass over the articles (cold caches) and the best of the
later passes (warm caches) are both reported.

Run: python scripts/bench_geoparse.py [../shared/corpora/TR-News.xml] [--passes 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "TR-News.xml"
SYSTEMS = ("geomap", "geotext")


def _texts(corpus: Path) -> list[str]:
    from geomap.evaluate.corpora import read_corpus

    return [article.text for article in read_corpus(corpus).articles]


def _load(system: str):  # noqa: ANN202
    """Load a system and return its parse function."""
    if system == "geomap":
        from gazetteer import Gazetteer
        from geomap.pipeline import Geoparser

        return Geoparser(Gazetteer.open()).parse
    from geotext import GeoText

    return lambda text: GeoText(text)


def worker(system: str, corpus: Path, passes: int) -> dict[str, float]:
    """Measure one system in this process."""
    texts = _texts(corpus)
    started = time.perf_counter()
    parse = _load(system)
    load_s = time.perf_counter() - started
    rates, cpu_rates = [], []
    found = 0
    for _ in range(passes):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in texts:
            result = parse(text)
            found += len(result) if isinstance(result, list) else len(result.cities) + len(result.countries)
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / max(time.process_time() - cpu_started, 1e-9))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": len(texts),
        "load_s": load_s,
        "first_pass_per_s": rates[0],
        "warm_per_s": max(rates[1:] or rates),
        "first_pass_per_cpu_s": cpu_rates[0],
        "warm_per_cpu_s": max(cpu_rates[1:] or cpu_rates),
        "peak_mb": peak_mb,
        "mentions_per_pass": found / passes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--passes", type=int, default=5, help="passes over the articles (default 5)")
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.passes)))
        return
    if not args.corpus.is_file():
        parser.error(f"corpus not found: {args.corpus}")
    results = {}
    load_before = os.getloadavg()
    for system in SYSTEMS:
        command = [
            sys.executable,
            __file__,
            str(args.corpus),
            "--passes",
            str(args.passes),
            "--worker",
            system,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results[system] = json.loads(done.stdout.strip().splitlines()[-1])
    articles = results["geomap"]["articles"]
    print(f"{articles} articles from {args.corpus}, {args.passes} passes, one core each\n")
    print(
        f"{'system':<9}{'load s':>8}{'1st pass art/s':>16}{'warm art/s':>12}"
        f"{'1st art/CPU s':>15}{'warm art/CPU s':>16}{'peak MB':>9}{'mentions':>10}"
    )
    for system, row in results.items():
        print(
            f"{system:<9}{row['load_s']:>8.2f}{row['first_pass_per_s']:>16,.0f}{row['warm_per_s']:>12,.0f}"
            f"{row['first_pass_per_cpu_s']:>15,.0f}{row['warm_per_cpu_s']:>16,.0f}"
            f"{row['peak_mb']:>9.0f}{row['mentions_per_pass']:>10,.0f}"
        )
    mine, theirs = results["geomap"], results["geotext"]
    print()
    for clock, suffix in (("wall", "per_s"), ("CPU", "per_cpu_s")):
        first = mine[f"first_pass_{suffix}"] / theirs[f"first_pass_{suffix}"]
        warm = mine[f"warm_{suffix}"] / theirs[f"warm_{suffix}"]
        print(f"geomap / geotext by {clock} time: 1st pass {first:.3f}x, warm {warm:.3f}x")
    print("(issue 13 targets: 1st pass >= 0.25x, warm >= 0.35x; trust CPU time on a busy machine)")
    print(f"load average before: {_load_text(load_before)}; after: {_load_text(os.getloadavg())}")
    print("targets (geomap): load <= 1 s, peak memory <= 400 MB, >= 2,000 articles/s")


def _load_text(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
