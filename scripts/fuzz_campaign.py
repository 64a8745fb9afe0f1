"""A long fuzz campaign over quantities, claims and the whole pipeline with every report format.

Run: python scripts/fuzz_campaign.py [--inputs 1000000] [--seed 1] [--workers 2] [--real-gazetteer]

Each input is a random article built from place names, numbers (digits of several scripts,
words, fractions, ranges, huge ones), units, hedges, compass words, cues, markup, template
syntax, control characters and random Unicode. Every input goes through find_quantities, the
geoparser, extract_claims and the verifier, and its report through every `check` format; the
invariants of tests/fuzz/invariants.py must hold. Prints the number of inputs, crashes and
violations (with the first few examples), and exits 1 if there was any.
By default the tiny fixture gazetteer is used (fast); --real-gazetteer uses the full one.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.invariants import check_article, random_article  # noqa: E402

_STATE: dict[str, object] = {}


def _init(real: bool) -> None:
    import tempfile

    from gazetteer import Gazetteer, ensure_database
    from geomap.outlines import Borders
    from geomap.pipeline import Geoparser
    from geomap.settings import Settings
    from geomap.verify import Verifier
    from tests.conftest import fixture_sources

    if real:
        gazetteer = Gazetteer.open()
    else:
        cache = Path(tempfile.mkdtemp(prefix="geomap-fuzz-"))
        ensure_database(cache, fixture_sources())
        gazetteer = Gazetteer.open(cache, paths=fixture_sources())
    _STATE["parser"] = Geoparser(gazetteer)
    _STATE["verifier"] = Verifier(Settings(), Borders())


def _run(task: tuple[int, int]) -> tuple[int, int, list[str]]:
    seed, count = task
    rng = random.Random(seed)
    crashes, violations, examples = 0, 0, []
    for _ in range(count):
        text = random_article(rng)
        try:
            problems = check_article(text, _STATE["parser"], _STATE["verifier"])  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a crash is what the campaign counts
            crashes += 1
            if len(examples) < 5:
                examples.append(f"CRASH on {text!r}:\n{traceback.format_exc()}")
            continue
        if problems:
            violations += 1
            if len(examples) < 5:
                examples.append(f"VIOLATION on {text!r}: {problems}")
    return crashes, violations, examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--real-gazetteer", action="store_true")
    arguments = parser.parse_args()
    chunk = 2_000
    tasks = [
        (arguments.seed * 1_000_003 + index, min(chunk, arguments.inputs - start))
        for index, start in enumerate(range(0, arguments.inputs, chunk))
    ]
    started = time.perf_counter()
    crashes = violations = done = 0
    examples: list[str] = []
    with multiprocessing.Pool(arguments.workers, _init, (arguments.real_gazetteer,)) as pool:
        for (task_crashes, task_violations, task_examples), (_, count) in zip(
            pool.imap(_run, tasks), tasks, strict=True
        ):
            crashes, violations, done = crashes + task_crashes, violations + task_violations, done + count
            examples.extend(task_examples[: max(0, 10 - len(examples))])
            if done % 100_000 < chunk:
                print(f"{done:,} inputs, {crashes} crashes, {violations} violations", flush=True)
    elapsed = time.perf_counter() - started
    print(f"{done:,} inputs in {elapsed:.0f} s: {crashes} crashes, {violations} invariant violations")
    for example in examples:
        print(example)
    return 1 if crashes or violations else 0


if __name__ == "__main__":
    sys.exit(main())
