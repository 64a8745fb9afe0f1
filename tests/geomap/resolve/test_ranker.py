"""The ranker's weights file, its calibrated confidence, and the seat-city rule on hand-made candidates."""

from __future__ import annotations

import math

import pytest

from gazetteer import Candidate, Kind, Place
from gazetteer.ranking import cities_over_divisions as _cities_over_divisions
from geomap.resolve.ranker import (
    CANDIDATE_FEATURES,
    DEFAULT_FOCUS_CONFIDENCE,
    PICK_FEATURES,
    Ranker,
    load_ranker,
    share_logit,
    softmax_shares,
)


def place(name: str, kind: Kind, country: str, population: int = 0, source: str = "geonames") -> Place:
    return Place(f"{source}:{name}:{kind}", name, kind, 0.0, 0.0, country, name, population, source)


def test_the_shipped_weights_name_every_feature_and_what_they_were_fitted_on() -> None:
    ranker = load_ranker()
    assert len(ranker.candidate_weights) == len(CANDIDATE_FEATURES)
    assert len(ranker.pick_weights) == len(PICK_FEATURES)
    assert all(math.isfinite(w) for w in (*ranker.candidate_weights, *ranker.pick_weights))
    assert ranker.trained_on
    assert 0.0 < ranker.focus_confidence < 1.0 and ranker.focus_confidence != DEFAULT_FOCUS_CONFIDENCE


def test_weights_round_trip_through_json_and_missing_features_weigh_nothing() -> None:
    weights = tuple(float(i) for i in range(len(CANDIDATE_FEATURES)))
    ranker = Ranker(weights, (0.5,) * len(PICK_FEATURES), "t", 0.4)
    assert Ranker.from_json(ranker.to_json()) == ranker
    empty = Ranker.from_json('{"candidate_features": {}, "pick_features": {"intercept": 2.0}}')
    assert empty.score((1.0,) * len(CANDIDATE_FEATURES)) == 0.0
    assert empty.confidence((0.0,) * (len(PICK_FEATURES) - 1) + (1.0,)) == pytest.approx(
        1 / (1 + math.exp(-2))
    )


def test_confidence_is_a_probability_even_for_extreme_inputs() -> None:
    ranker = Ranker((0.0,) * len(CANDIDATE_FEATURES), (1e6,) * len(PICK_FEATURES))
    assert 0.0 < ranker.confidence((1.0,) * len(PICK_FEATURES)) <= 1.0
    assert 0.0 <= ranker.confidence((-1.0,) * len(PICK_FEATURES)) < 1.0


def test_shares_sum_to_one_and_their_logits_stay_finite() -> None:
    shares = softmax_shares([1000.0, 0.0, -1000.0])
    assert sum(shares) == pytest.approx(1.0) and shares[0] == pytest.approx(1.0)
    assert math.isfinite(share_logit(1.0)) and math.isfinite(share_logit(0.0))


def test_a_division_named_after_its_seat_gives_its_rank_to_the_city() -> None:
    division = Candidate(place("Homs", Kind.ADMIN1, "SY"), 5.0, "alternate")
    city = Candidate(place("Homs", Kind.CITY, "SY", 775_000), 5.9, "primary")
    abroad = Candidate(place("Homs", Kind.ADMIN1, "ZZ"), 5.0, "alternate")
    ranked = dict((c, s) for s, c in _cities_over_divisions([(6.5, division), (5.9, city), (6.4, abroad)]))
    assert ranked[city] == 6.5 and ranked[division] < ranked[city]
    assert ranked[city] > ranked[abroad]  # the name stays as strong against namesakes elsewhere


def test_an_official_division_name_or_a_village_changes_nothing() -> None:
    state = Candidate(place("New York", Kind.ADMIN1, "US"), 5.0, "primary")
    city = Candidate(place("New York", Kind.CITY, "US", 8_000_000), 6.9, "primary")
    scored = [(8.0, state), (6.9, city)]
    assert _cities_over_divisions(scored) == scored
    division = Candidate(place("Texas", Kind.ADMIN1, "US", source="countrystatecity"), 5.0, "primary")
    village = Candidate(place("Texas", Kind.CITY, "US", 300), 2.5, "primary")
    assert _cities_over_divisions([(8.0, division), (2.5, village)]) == [(8.0, division), (2.5, village)]


def test_a_unit_geonames_does_not_count_as_first_level_goes_below_its_city() -> None:
    council = Candidate(place("York", Kind.ADMIN1, "GB", source="countrystatecity"), 5.0, "primary")
    city = Candidate(place("York", Kind.CITY, "GB", 156_000), 5.2, "primary")
    ranked = dict((c, s) for s, c in _cities_over_divisions([(8.0, council), (5.2, city)]))
    assert ranked[city] > ranked[council]
