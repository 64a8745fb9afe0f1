"""Reducing a name the gazetteer does not know until it does: "Rapides Parish" -> "rapides"."""

from __future__ import annotations

import re

from gazetteer import lexicon, normalize
from geomap.model import LookupKey

GENERIC = frozenset(
    [
        "county",
        "parish",
        "province",
        "state",
        "region",
        "district",
        "city",
        "town",
        "village",
        "township",
        "borough",
        "municipality",
        "governorate",
        "oblast",
        "prefecture",
        "department",
        "island",
        "islands",
        "river",
        "lake",
        "mountains",
        "valley",
        "area",
    ]
)


def name_variants(surface: str) -> list[LookupKey]:
    """The name, a state abbreviation's state, then without "the" or a generic word."""
    norm = normalize(surface)
    key = surface.replace(".", "").replace(" ", "").upper()
    dotted = lexicon.DOTTED.get(key) if surface.count(".") >= 2 else None
    state = lexicon.STANDALONE.get(surface.strip()) or dotted or lexicon.STATE_ABBREVIATIONS.get(key)
    variants = [norm] if state is None else [normalize(state), norm]
    words = norm.split()
    if words and words[0] == "the":
        words = words[1:]
        variants.append(" ".join(words))
    if len(words) > 1 and words[-1] == "co":
        variants.append(" ".join([*words[:-1], "county"]))
    if len(words) > 1 and words[-1] in GENERIC:
        variants.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0] in GENERIC:
        variants.append(" ".join(words[2:] if words[1] == "of" else words[1:]))
    if norm.endswith("n") and len(norm) > 4:
        variants.append(norm[:-1])
    division = [LookupKey.division(normalize(state))] if state is not None else []
    return division + [LookupKey(v) for v in variants if v]


def word_runs(surface: str) -> list[LookupKey]:
    """Capitalised runs of words inside a longer name, longest first ("Vancouver Art Gallery" -> ...)."""
    words = [w for w in re.findall(r"[\w'’.-]+", surface)]
    runs = []
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            part = words[first : first + size]
            if part[0][:1].isupper() and part[-1][:1].isupper():
                runs.append(normalize(" ".join(part)))
    common = lexicon.common_words()
    return [
        LookupKey(run) for run in runs if run and run not in GENERIC and (" " in run or run not in common)
    ]
