"""Cluster support: which candidates of an article's different names could lie together."""

from __future__ import annotations

import pytest

from gazetteer import Candidate, Kind, Place
from geomap.model import LookupKey
from geomap.resolve.candidates import COUNTY_OUTLINES_SOURCE
from geomap.resolve.clusters import CLUSTER_KM, cluster_support, footprint


def _candidate(
    name: str,
    lat: float,
    lon: float,
    *,
    kind: Kind = Kind.CITY,
    matched: str = "primary",
    admin1: str = "Ohio",
    source: str = "geonames",
    place_id: str = "",
) -> Candidate:
    place = Place(place_id or f"test:{name}:{lat}:{lon}", name, kind, lat, lon, "US", admin1, 1000, source)
    return Candidate(place, 0.0, matched)


def test_a_namesake_beside_another_name_s_candidate_is_vouched_for() -> None:
    far, near = _candidate("Millbrook", 45.0, -120.0), _candidate("Millbrook", 40.0, -83.0)
    pool = {
        LookupKey("millbrook"): (far, near),
        LookupKey("oak hollow"): (
            _candidate("Oak Hollow", 40.2, -83.1),
            _candidate("Oak Hollow", 30.0, -90.0),
        ),
        LookupKey("cedar bend"): (_candidate("Cedar Bend", 39.8, -82.8),),
    }
    support = cluster_support(
        {key: footprint(found) for key, found in pool.items()}, [LookupKey("millbrook")]
    )
    assert support[LookupKey("millbrook")] == (0.0, 2.0)


def test_a_name_s_own_candidates_and_the_same_point_under_another_name_do_not_vouch() -> None:
    pool = {
        LookupKey("millbrook"): (_candidate("Millbrook", 40.0, -83.0), _candidate("Millbrook", 40.1, -83.0)),
        LookupKey("old millbrook"): (_candidate("Old Millbrook", 40.0, -83.0),),
    }
    assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("millbrook")])[
        LookupKey("millbrook")
    ] == (0.0, 1.0)


def test_a_candidate_further_than_the_cluster_radius_does_not_count() -> None:
    degrees = (CLUSTER_KM + 5) / 111.2
    pool = {
        LookupKey("a"): (_candidate("A", 40.0, -83.0), _candidate("A", 10.0, 10.0)),
        LookupKey("b"): (_candidate("B", 40.0 + degrees, -83.0),),
    }
    assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("a")])[
        LookupKey("a")
    ] == (0.0, 0.0)


def test_an_alternate_name_neither_vouches_nor_is_vouched_for() -> None:
    pool = {
        LookupKey("a"): (_candidate("A", 40.0, -83.0, matched="alternate"), _candidate("A", 41.0, -83.0)),
        LookupKey("b"): (_candidate("B", 40.1, -83.0), _candidate("B", 41.1, -83.0, matched="alternate")),
    }
    assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("a")])[
        LookupKey("a")
    ] == (0.0, 0.0)


def test_a_division_counts_the_names_with_a_place_inside_it() -> None:
    state = _candidate("Ohio", 40.3, -82.8, kind=Kind.ADMIN1)
    pool = {
        LookupKey("ohio"): (state, _candidate("Ohio", 41.0, -89.0, admin1="Illinois")),
        LookupKey("a"): (_candidate("A", 39.0, -84.0),),
        LookupKey("b"): (_candidate("B", 41.5, -81.0), _candidate("B", 30.0, -95.0, admin1="Texas")),
    }
    assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("ohio")])[
        LookupKey("ohio")
    ] == (2.0, 0.0)


def test_a_county_at_its_state_s_point_does_not_vouch_but_one_at_its_own_centre_does() -> None:
    provisional = _candidate("Elm County", 40.0, -83.0, kind=Kind.REGION, place_id="county:elm:oh")
    outlined = _candidate(
        "Elm County", 40.0, -83.0, kind=Kind.REGION, place_id="county:elm:oh", source=COUNTY_OUTLINES_SOURCE
    )
    town = (_candidate("A", 40.1, -83.0), _candidate("A", 10.0, 10.0))
    for county, expected in ((provisional, 0.0), (outlined, 1.0)):
        pool = {LookupKey("a"): town, LookupKey("elm county"): (county,)}
        assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("a")])[
            LookupKey("a")
        ] == (expected, 0.0)


@pytest.mark.parametrize(
    ("first", "second"),
    [((-16.5, 179.9), (-16.5, -179.9)), ((70.0, 20.0), (70.0, 21.1))],
    ids=["across the antimeridian", "far north, where a degree of longitude is short"],
)
def test_neighbours_are_found_wherever_the_grid_cells_fall(
    first: tuple[float, float], second: tuple[float, float]
) -> None:
    pool = {
        LookupKey("a"): (_candidate("A", *first), _candidate("A", 0.0, 0.0)),
        LookupKey("b"): (_candidate("B", *second),),
    }
    assert cluster_support({key: footprint(found) for key, found in pool.items()}, [LookupKey("a")])[
        LookupKey("a")
    ] == (1.0, 0.0)


def test_regions_and_seas_neither_vouch_nor_are_vouched_for() -> None:
    for kind in (Kind.REGION, Kind.SEA):
        pool = {
            LookupKey("a"): (_candidate("A", 40.0, -83.0), _candidate("A", 10.0, 10.0)),
            LookupKey("b"): (_candidate("B", 40.1, -83.0, kind=kind),),
        }
        assert cluster_support({k: footprint(f) for k, f in pool.items()}, [LookupKey("a")])[
            LookupKey("a")
        ] == (
            0.0,
            0.0,
        )
