"""Candidate features split by lifetime (name, article, round) equal the features computed afresh."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from gazetteer import OPEN_WATER, POINT_SITE, SETTLEMENT, WIDE, Candidate, Kind, Place
from geomap.model import LookupKey, MentionKind, Span
from geomap.resolve.candidates import Ranked
from geomap.resolve.cues import Qualifier
from geomap.resolve.evidence import Context
from geomap.resolve.features import (
    SplitWeights,
    StaticRow,
    article_parts,
    candidate_row,
    exact_partials,
    full_row,
    moving_features,
    split_score,
    static_rows,
)
from geomap.resolve.ranker import CANDIDATE_FEATURES, Ranker, load_ranker


def place(
    name: str, kind: Kind, country: str, admin1: str, lat: float, lon: float, population: int = 0
) -> Place:
    return Place(f"t:{name}:{country}:{kind}", name, kind, lat, lon, country, admin1, population, "geonames")


SPRINGFIELD_IL = place("Springfield", Kind.CITY, "US", "Illinois", 39.8, -89.6, 114_000)
SPRINGFIELD_MA = place("Springfield", Kind.CITY, "US", "Massachusetts", 42.1, -72.6, 155_000)
SPRINGFIELD_AU = place("Springfield", Kind.CITY, "AU", "Queensland", -27.7, 152.9, 10_000)
GEORGIA_US = place("Georgia", Kind.ADMIN1, "US", "Georgia", 32.7, -83.4)
GEORGIA = place("Georgia", Kind.COUNTRY, "GE", "", 42.0, 43.5, 3_700_000)
ILLINOIS = place("Illinois", Kind.ADMIN1, "US", "Illinois", 40.0, -89.2)
PEORIA = place("Peoria", Kind.CITY, "US", "Illinois", 40.7, -89.6, 113_000)

SPRINGFIELD = LookupKey("springfield")
WEIGHTS = SplitWeights.of(load_ranker().candidate_weights)
GEORGIA_KEY = LookupKey("georgia")


def reference_row(
    candidate: Candidate,
    prior: float,
    ranked: Ranked,
    key: LookupKey,
    context: Context,
    cue: frozenset[Kind],
    found: list[Qualifier],
    support: float,
) -> tuple[float, ...]:
    """Every feature worked out from scratch, as the resolver did before the split."""
    from geomap.resolve.features import _qualifies

    towns = {c.place.country_code for c in ranked.candidates if c.place.kind in SETTLEMENT}
    largest = max(math.log10(c.place.population + 1) for c in ranked.candidates)
    p = candidate.place
    kind = p.kind
    share, named = context.country_share(p.country_code, key)
    in_division = bool(p.admin1) and kind != Kind.ADMIN1
    return (
        prior,
        math.log10(p.population + 1),
        float(kind == Kind.COUNTRY),
        float(kind == Kind.ADMIN1),
        float(kind == Kind.CAPITAL),
        float(kind in SETTLEMENT),
        float(p.id.startswith("county:")),
        float(kind in OPEN_WATER),
        float(kind in POINT_SITE),
        float(candidate.matched != "primary"),
        float(kind in cue),
        share,
        float(named),
        float(in_division and context.admin1_named(p, key)),
        context.division_share(p, key) if in_division else 0.0,
        context.division_share(p, key) if kind == Kind.ADMIN1 else 0.0,
        float(sum(_qualifies(q, p) for q in found)),
        context.closeness(p, key) if kind not in WIDE and kind != Kind.ADMIN1 else 0.0,
        float(kind == Kind.ADMIN1 and p.country_code in towns),
        math.log10(p.population + 1) - largest,
        float(share == 0.0 and context.grand_total > 0),
        support,
    )


def _span(norm: str) -> Span:
    return Span(0, len(norm), norm.title(), LookupKey(norm), MentionKind.PLACE)


def _context(picks: dict[LookupKey, Candidate | None]) -> Context:
    by_key = {key: [_span(key.norm)] * (2 if key == SPRINGFIELD else 1) for key in picks}
    return Context.gather(picks, by_key, Counter({"US": 1}))


@pytest.mark.parametrize(
    ("key", "candidates", "cue"),
    [
        (
            SPRINGFIELD,
            (
                Candidate(SPRINGFIELD_MA, 5.2, "primary"),
                Candidate(SPRINGFIELD_IL, 5.1, "primary"),
                Candidate(SPRINGFIELD_AU, 4.0, "alternate"),
            ),
            frozenset({Kind.CITY}),
        ),
        (
            GEORGIA_KEY,
            (Candidate(GEORGIA, 10.6, "primary"), Candidate(GEORGIA_US, 8.0, "primary")),
            frozenset({Kind.ADMIN1}),
        ),
    ],
)
def test_split_rows_equal_rows_computed_afresh(
    key: LookupKey, candidates: tuple[Candidate, ...], cue: frozenset[Kind]
) -> None:
    ranked = Ranked(candidates, tuple(c.score for c in candidates))
    qualifier = [Qualifier("US", "Illinois", ILLINOIS)]
    picks = {
        SPRINGFIELD: Candidate(SPRINGFIELD_IL, 5.1, "primary"),
        LookupKey("illinois"): Candidate(ILLINOIS, 8.0, "primary"),
        LookupKey("peoria"): Candidate(PEORIA, 5.0, "primary"),
        GEORGIA_KEY: Candidate(GEORGIA_US, 8.0, "primary"),
    }
    context = _context(picks)
    rows = static_rows(ranked, WEIGHTS)
    support = [float(i) for i in range(len(rows))]
    for kinds, found in ((cue, qualifier), (cue, []), (frozenset(), qualifier), (frozenset(), [])):
        parts = article_parts(rows, kinds, found, support)
        for row, part, candidate, prior, near in zip(
            rows, parts, candidates, ranked.priors, support, strict=True
        ):
            got = candidate_row(row, part, key, context)
            assert len(got) == len(CANDIDATE_FEATURES)
            assert got == reference_row(candidate, prior, ranked, key, context, kinds, found, near)
            moving = moving_features(row, part, key, context)
            assert split_score(row, moving, WEIGHTS) == load_ranker().score(got)


def test_the_nearby_city_and_its_division_show_in_the_row() -> None:
    candidates = (Candidate(SPRINGFIELD_MA, 5.2, "primary"), Candidate(SPRINGFIELD_IL, 5.1, "primary"))
    rows = static_rows(Ranked(candidates, (5.2, 5.1)), WEIGHTS)
    context = _context(
        {
            LookupKey("illinois"): Candidate(ILLINOIS, 8.0, "primary"),
            LookupKey("peoria"): Candidate(PEORIA, 5.0, "primary"),
        }
    )
    parts = article_parts(rows, frozenset(), [], [0.0, 0.0])
    features = [
        dict(zip(CANDIDATE_FEATURES, candidate_row(r, p, SPRINGFIELD, context), strict=True))
        for r, p in zip(rows, parts, strict=True)
    ]
    assert features[1]["division_named"] == 1.0 and features[0]["division_named"] == 0.0
    assert features[1]["closeness"] > features[0]["closeness"]
    assert features[1]["population_gap"] < 0.0 == features[0]["population_gap"]


def test_score_is_the_exactly_rounded_sum_and_checks_the_length() -> None:
    ranker = load_ranker()
    row = tuple(0.1 * (i + 1) for i in range(len(CANDIDATE_FEATURES)))
    expected = math.fsum(w * f for w, f in zip(ranker.candidate_weights, row, strict=True))
    assert ranker.score(row) == expected
    with pytest.raises(ValueError, match="features"):
        ranker.score(row[:-1])
    with pytest.raises(ValueError, match="features"):
        Ranker((1.0,), (1.0, 2.0)).confidence((1.0,))


def test_split_scores_equal_full_scores_to_the_last_bit() -> None:
    """Static partials plus moving products sum to exactly what fsum over the whole row gives."""
    rng = random.Random(13)
    for _ in range(2000):
        weights = tuple(rng.uniform(-5, 5) * 10 ** rng.randint(-8, 3) for _ in CANDIDATE_FEATURES)
        split = SplitWeights.of(weights)
        row = tuple(rng.choice((0.0, 1.0, rng.uniform(-3, 3) * 10 ** rng.randint(-6, 6))) for _ in weights)
        head, tail = row[:10], row[18:20]
        partials = exact_partials(w * f for w, f in zip(split.static, (*head, *tail), strict=True))
        static = StaticRow(SPRINGFIELD_IL, head, tail, True, False, True, partials)
        moving = (*row[10:18], *row[20:])
        assert full_row(static, moving) == row
        assert split_score(static, moving, split) == Ranker(weights, (0.0,)).score(row)


def test_exact_partials_keep_what_plain_addition_loses() -> None:
    values = [1e16, 1.0, -1e16, 1e-3]
    assert math.fsum(exact_partials(values)) == math.fsum(values) == 1.001
    assert sum(values) != 1.001
    with pytest.raises(ValueError, match="weights"):
        SplitWeights.of((1.0, 2.0))
