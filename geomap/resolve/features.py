"""The ranker's candidate features, split by how long they hold: per name, per article, per round.

Joint resolution scores every candidate of every ambiguous name up to three times per
article. Most of a candidate's features come from the gazetteer alone (its prior, kind,
population) and are worked out once per name (`static_rows`, cached by the resolver);
the kind cue, the qualifiers and the cluster support hold for the whole article
(`article_parts`); only the evidence that moves with the picks is computed each round
(`moving_features`). The rows are the same tuples, value for value, as computing every
feature afresh.

Scores stay the exactly rounded sum (math.fsum) of weight times feature: the static products
are kept as a few floats whose sum is exactly theirs (`exact_partials`), so that fsum over
them and the moving products gives the very float that fsum over all products gives.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import mul

from gazetteer import OPEN_WATER, POINT_SITE, SETTLEMENT, WIDE, Kind, Place
from geomap.geodesy import within_km
from geomap.model import LookupKey
from geomap.resolve.candidates import COUNTY, Ranked
from geomap.resolve.cues import Qualifier
from geomap.resolve.evidence import Context
from geomap.resolve.ranker import CANDIDATE_FEATURES

Features = tuple[float, ...]
#: Where the static features sit in CANDIDATE_FEATURES: a head, then two before the last two.
_HEAD = slice(0, 10)
_TAIL = slice(18, 20)


@dataclass(frozen=True, slots=True)
class SplitWeights:
    """The ranker's candidate weights split like the features: static ones and moving ones."""

    static: Features
    """Weights of the head and the tail features, in that order."""
    moving: Features
    """Weights of the features `moving_features` returns, in its order."""

    @classmethod
    def of(cls, weights: Sequence[float]) -> SplitWeights:
        """Split a full CANDIDATE_FEATURES weight vector."""
        weights = tuple(weights)
        if len(weights) != len(CANDIDATE_FEATURES):
            raise ValueError(f"{len(weights)} weights for {len(CANDIDATE_FEATURES)} features")
        return cls((*weights[_HEAD], *weights[_TAIL]), (*weights[10:18], *weights[20:]))


@dataclass(frozen=True, slots=True)
class StaticRow:
    """What the gazetteer alone says of one candidate of a name: the features no article moves."""

    place: Place
    head: Features
    """CANDIDATE_FEATURES "prior" to "alternate_name"."""
    tail: Features
    """CANDIDATE_FEATURES "division_with_namesake_town" and "population_gap"."""
    in_division: bool
    """The place has a division (and is not one): the division features apply."""
    is_division: bool
    """The place is a first-level division: the containment share applies."""
    near_applies: bool
    """Closeness to the article's other places counts (not for countries, seas, divisions)."""
    partials: Features
    """The static features' weighted sum, exactly, as a few floats (see exact_partials)."""


def static_rows(ranked: Ranked, weights: SplitWeights) -> tuple[StaticRow, ...]:
    """The static part of each of a name's candidates, in their order."""
    towns = {c.place.country_code for c in ranked.candidates if c.place.kind in SETTLEMENT}
    largest = max(math.log10(c.place.population + 1) for c in ranked.candidates)
    rows = []
    for candidate, prior in zip(ranked.candidates, ranked.priors, strict=True):
        place = candidate.place
        kind = place.kind
        population = math.log10(place.population + 1)
        head = (
            prior,
            population,
            float(kind == Kind.COUNTRY),
            float(kind == Kind.ADMIN1),
            float(kind == Kind.CAPITAL),
            float(kind in SETTLEMENT),
            float(place.id.startswith(COUNTY)),
            float(kind in OPEN_WATER),
            float(kind in POINT_SITE),
            float(candidate.matched != "primary"),
        )
        tail = (float(kind == Kind.ADMIN1 and place.country_code in towns), population - largest)
        in_division = bool(place.admin1) and kind != Kind.ADMIN1
        near = kind not in WIDE and kind != Kind.ADMIN1
        partials = exact_partials(map(mul, weights.static, (*head, *tail)))
        rows.append(StaticRow(place, head, tail, in_division, kind == Kind.ADMIN1, near, partials))
    return tuple(rows)


def exact_partials(values: Iterable[float]) -> Features:
    """Floats whose exact sum is the exact sum of `values` (finite values), most significant first.

    Each is the correctly rounded remainder that the ones before it leave (math.fsum rounds
    exactly), until nothing remains: usually two. fsum of them plus more values is therefore
    fsum of the original values plus those values, to the last bit.
    """
    terms = [value for value in values if value]  # a zero adds nothing
    partials: list[float] = []
    while terms:
        remainder = math.fsum(terms)
        if not remainder or not math.isfinite(remainder):
            break
        partials.append(remainder)
        terms.append(-remainder)
    return tuple(partials)


def article_parts(
    rows: Sequence[StaticRow],
    cue: frozenset[Kind],
    found_qualifiers: Sequence[Qualifier],
    support: Sequence[float],
) -> list[tuple[float, float, float]]:
    """Each candidate's "kind_cue", "qualifier" and "cluster_support": what the article as a whole says."""
    if not cue and not found_qualifiers:  # most names: neither a kind word nor a ", X" after them
        return [(0.0, 0.0, near) for near in support]
    return [
        (
            float(row.place.kind in cue),
            float(sum(_qualifies(q, row.place) for q in found_qualifiers)),
            near,
        )
        for row, near in zip(rows, support, strict=True)
    ]


def moving_features(
    row: StaticRow, part: tuple[float, float, float], key: LookupKey, context: Context
) -> Features:
    """A candidate's CANDIDATE_FEATURES that are not static, in their order, against the current picks."""
    place = row.place
    share, named = context.country_share(place.country_code, key)
    division = context.division_share(place, key) if row.in_division or row.is_division else 0.0
    return (
        part[0],
        share,
        float(named),
        float(row.in_division and context.admin1_named(place, key)),
        division if row.in_division else 0.0,
        division if row.is_division else 0.0,
        part[1],
        context.closeness(place, key) if row.near_applies else 0.0,
        float(share == 0.0 and context.grand_total > 0),
        part[2],
    )


def full_row(row: StaticRow, moving: Features) -> Features:
    """The whole CANDIDATE_FEATURES row (for training data): static and moving features in order."""
    return (*row.head, *moving[:8], *row.tail, *moving[8:])


def split_score(row: StaticRow, moving: Features, weights: SplitWeights) -> float:
    """Ranker.score of the full row, to the last bit, without building it."""
    return math.fsum(chain(row.partials, map(mul, weights.moving, moving)))


def candidate_row(
    row: StaticRow, part: tuple[float, float, float], key: LookupKey, context: Context
) -> Features:
    """One candidate's CANDIDATE_FEATURES against the article's current picks."""
    return full_row(row, moving_features(row, part, key, context))


def _qualifies(qualifier: Qualifier, place: Place) -> bool:
    """Whether an explicit ", X" after the name vouches for this candidate."""
    if qualifier.place.id == place.id:
        return False
    if qualifier.admin1:
        return place.admin1 == qualifier.admin1 or _inside(place, qualifier.place)
    return place.country_code == qualifier.country


def _inside(place: Place, division: Place) -> bool:
    """Whether a place may lie in a division whose name its admin1 field does not carry.

    GeoNames gives most cities an admin1 code ("08"), not a name: then the same country and
    a distance a large division can span (London, Ontario lies 850 km from Ontario's centre).
    """
    if place.country_code != division.country_code:
        return False
    if place.admin1 and not place.admin1.isdigit() and len(place.admin1) > 3:
        return False  # a named division, and not this one
    return within_km(place, division, 1200)
