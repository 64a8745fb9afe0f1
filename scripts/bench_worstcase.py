"""Worst-case inputs: seconds (and seconds per MB) of each stage on text built to be slow.

Run: python scripts/bench_worstcase.py [--cases NAME...] [--timeout 300] [--big-mb 19.9]

Cases (each text is written for this benchmark):
  ambiguous  10 KB of place names with many namesakes ("Springfield, Alexandria, Paris, ...")
  spaces     10 KB: figures followed by runs of 500 spaces and no unit ("Jablah lies 60     ...")
  numbers    10 KB of one number word and no unit ("sixty sixty sixty ...")
  digits     10 KB of digit groups and ranges ("1,000-2,000 km, 3/4 km ...")
  big        an article just under the 20 MB input limit (the scaling paragraph repeated)

Stages, each timed on its own in this process with the full gazetteer: `quantities`
(find_quantities), `places` (recognition + resolution) and `check` (places, claim finding and
verification). Every case runs in a child process killed after --timeout seconds, so a
pathological case reports "> N s" instead of hanging. Prints one line per case and stage.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable
from typing import Any

AMBIGUOUS = (
    "Springfield, Alexandria, Paris, Moscow, Georgia, Victoria, Jackson, Columbia, Richmond, Portland, "
    "Santa Cruz, San Jose, Cambridge, Manchester, Windsor, Kingston, Newport, Clinton, Franklin, Salem, "
    "Washington, Lincoln, Madison, Georgetown, Dover, Arlington, Bristol, Dayton, Florence, Athens, Troy, "
    "Lebanon, Jordan, Hamilton, Aurora, Marion, Greenville, Fairfield, Oxford, Milton, Ashland, Auburn, "
)
PARAGRAPH = (
    "Russian jets struck Idlib, Syria, on Tuesday. Khmeimim Air Base is located around 60km from "
    "the Russian naval facility at Tartus, officials said. Jablah lies 22 km south of Latakia and "
    "some 90 km north of Tripoli. Homs, the third city, is 160 km north of the Syrian capital.\n"
    "Protesters in Aleppo and Hama were quiet; Damascus denied the reports from Beirut.\n"
)
TEN_KB = 10_000


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def case_text(name: str, big_mb: float) -> str:
    """The text of one case."""
    if name == "ambiguous":
        return _repeat(AMBIGUOUS, TEN_KB)
    if name == "spaces":
        return _repeat("Jablah lies 60" + " " * 500, TEN_KB)
    if name == "numbers":
        return _repeat("sixty ", TEN_KB)
    if name == "digits":
        return _repeat("1,000-2,000 km, 3/4 km, 12.5 to 13.5 miles, ", TEN_KB - 40) + " from Latakia."
    if name == "big":
        return _repeat(PARAGRAPH, int(big_mb * 1_000_000))
    raise ValueError(name)


CASES = ("ambiguous", "spaces", "numbers", "digits", "big")


def _measure(name: str, stage: str, big_mb: float, queue: multiprocessing.Queue) -> None:
    """Child process: time one stage on one case and put (seconds, detail) on the queue."""
    from gazetteer import Gazetteer
    from geomap.claims.extract import extract_claims
    from geomap.claims.quantities import find_quantities
    from geomap.outlines import Borders
    from geomap.pipeline import Geoparser
    from geomap.settings import Settings
    from geomap.verify import Verifier

    text = case_text(name, big_mb)
    geoparser = Geoparser(Gazetteer.open())
    verifier = Verifier(Settings(), Borders())
    geoparser.parse(PARAGRAPH)  # warm the caches: the figure is about the input, not first use
    runs: dict[str, Callable[[], str]] = {
        "quantities": lambda: f"{len(find_quantities(text)):,} quantities",
        "places": lambda: f"{len(geoparser.parse(text)):,} mentions",
        "check": lambda: _check(text, geoparser, verifier, extract_claims),
    }
    started = time.perf_counter()
    detail = runs[stage]()
    queue.put((time.perf_counter() - started, detail))


def _check(text: str, geoparser: Any, verifier: Any, extract_claims: Callable[..., list[Any]]) -> str:
    mentions = geoparser.parse(text)
    claims = extract_claims(text, mentions, geoparser.capital_of)
    verdicts = [verifier.verify(claim) for claim in claims]
    return f"{len(mentions):,} mentions, {len(verdicts):,} claims"


def run_case(name: str, stage: str, big_mb: float, timeout: float) -> tuple[float | None, str]:
    """(seconds, detail), or (None, why) when the child ran out of time or failed."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_measure, args=(name, stage, big_mb, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, f"> {timeout:.0f} s (killed)"
    if queue.empty():
        return None, f"failed (exit code {child.exitcode})"
    return queue.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--stages", nargs="+", choices=("quantities", "places", "check"), default=None)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--big-mb", type=float, default=19.9)
    arguments = parser.parse_args()
    for name in arguments.cases:
        size = len(case_text(name, arguments.big_mb).encode("utf-8")) / 1_000_000
        for stage in arguments.stages or ("quantities", "places", "check"):
            seconds, detail = run_case(name, stage, arguments.big_mb, arguments.timeout)
            figure = f"{seconds:8.2f} s ({seconds / size:8.2f} s/MB)" if seconds is not None else f"{'':>8}"
            print(f"{name:>9} {size:7.2f} MB {stage:>10}: {figure}  {detail}", flush=True)


if __name__ == "__main__":
    main()
