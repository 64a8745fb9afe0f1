"""Time per MB of `places`, `check` and `map` stages on one long article of 0.1, 1 and 10 MB.

Run: python scripts/bench_scaling.py [--sizes 0.1 1 10] [--stages places check map]

The article repeats a paragraph written for this benchmark (places, claims, asides); each
stage runs in this process on the full gazetteer: recognition + resolution (places), claim
finding + verification on top (check), and the map page (map). Linear stages show the same
seconds per MB at every size; the ratio line compares 10 MB with 1 MB.
"""

from __future__ import annotations

import argparse
import time

PARAGRAPH = (
    "Russian jets struck Idlib, Syria, on Tuesday. Khmeimim Air Base is located around 60km from "
    "the Russian naval facility at Tartus, officials said. Jablah lies 22 km south of Latakia and "
    "some 90 km north of Tripoli. Homs, the third city, is 160 km north of the Syrian capital.\n"
    "Protesters in Aleppo and Hama were quiet; Damascus denied the reports from Beirut.\n"
)


def article(megabytes: float) -> str:
    copies = max(1, int(megabytes * 1_000_000 / len(PARAGRAPH)))
    return PARAGRAPH * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 10.0])
    parser.add_argument("--stages", nargs="+", default=["places", "check", "map"])
    arguments = parser.parse_args()

    from gazetteer import Gazetteer
    from geomap.claims.extract import extract_claims
    from geomap.model import Article, ArticleResult, Report
    from geomap.outlines import Borders
    from geomap.pipeline import Geoparser
    from geomap.render.leaflet import render_map
    from geomap.settings import Settings
    from geomap.verify import Verifier

    geoparser = Geoparser(Gazetteer.open())
    verifier = Verifier(Settings(), Borders())
    geoparser.parse(PARAGRAPH)  # warm the name caches: the benchmark is about size, not first use
    per_mb: dict[str, dict[float, float]] = {stage: {} for stage in arguments.stages}
    for size in arguments.sizes:
        text = article(size)
        megabytes = len(text.encode("utf-8")) / 1_000_000
        started = time.perf_counter()
        mentions = tuple(geoparser.parse(text))
        parsed = time.perf_counter()
        claims = extract_claims(text, mentions, geoparser.capital_of)
        verdicts = tuple(verifier.verify(claim) for claim in claims)
        checked = time.perf_counter()
        times = {"places": parsed - started, "check": checked - started}
        if "map" in arguments.stages:
            render_map(Report((ArticleResult(Article("long.txt", text), mentions, verdicts),)), title="t")
            times["map"] = time.perf_counter() - started
        for stage in arguments.stages:
            per_mb[stage][size] = times[stage] / megabytes
        print(
            f"{megabytes:6.2f} MB: {len(mentions):,} mentions, {len(claims):,} claims; "
            + ", ".join(
                f"{stage} {times[stage]:.2f} s ({times[stage] / megabytes:.2f} s/MB)"
                for stage in arguments.stages
            ),
            flush=True,
        )
    if 1.0 in arguments.sizes and 10.0 in arguments.sizes:
        for stage in arguments.stages:
            ratio = per_mb[stage][10.0] / per_mb[stage][1.0]
            print(f"{stage}: s/MB at 10 MB = {ratio:.2f} x s/MB at 1 MB (target <= 1.3)")


if __name__ == "__main__":
    main()
