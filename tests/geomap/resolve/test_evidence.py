"""The article evidence resolution weighs: how much of it points into each country, and which
candidates of different names lie together."""

from __future__ import annotations

from collections import Counter

import pytest

from gazetteer import Candidate, Kind, Place
from geomap.model import LookupKey, MentionKind, Span
from geomap.resolve.candidates import COUNTY_OUTLINES_SOURCE
from geomap.resolve.clusters import CLUSTER_KM, cluster_support, footprint
from geomap.resolve.evidence import Context


def _pick(name: str, code: str, kind: Kind = Kind.CITY) -> Candidate:
    return Candidate(Place(f"test:{name}", name, kind, 0.0, 0.0, code, "", 1000), 0.0, "primary")


def _context(*picks: tuple[str, str]) -> tuple[Context, dict[str, LookupKey]]:
    keys = {name: LookupKey(name.lower()) for name, _ in picks}
    chosen = {keys[name]: _pick(name, code) for name, code in picks}
    spans = {key: [Span(0, 1, "x", key, MentionKind.PLACE)] for key in chosen}
    return Context.gather(dict(chosen), spans, Counter()), keys


def test_the_leading_other_country_share_leaves_out_the_name_itself() -> None:
    context, keys = _context(("Balad", "IQ"), ("Mogadishu", "SO"), ("Jowhar", "SO"), ("Kismayo", "SO"))
    assert context.leading_share_elsewhere("IQ", keys["Balad"]) == 1.0
    assert context.country_share("IQ", keys["Balad"]) == (0.0, False)


def test_no_other_country_leads_an_article_about_the_pick_s_own() -> None:
    context, keys = _context(("Jowhar", "SO"), ("Mogadishu", "SO"))
    assert context.leading_share_elsewhere("SO", keys["Jowhar"]) == 0.0


def test_a_lone_name_has_no_evidence_either_way() -> None:
    context, keys = _context(("Balad", "IQ"))
    assert context.leading_share_elsewhere("IQ", keys["Balad"]) == 0.0


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
