"""The article evidence resolution weighs: how much of it points into each country."""

from __future__ import annotations

from collections import Counter

from gazetteer import Candidate, Kind, Place
from geomap.model import LookupKey, MentionKind, Span
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


def _division_context(name: str, lat: float, lon: float) -> tuple[Context, LookupKey]:
    key = LookupKey(name.lower())
    state = Candidate(Place(f"test:{name}", name, Kind.ADMIN1, lat, lon, "US", name, 0), 0.0, "primary")
    return Context.gather({key: state}, {key: [Span(0, 1, "x", key, MentionKind.PLACE)]}, Counter()), key


def test_a_division_named_names_its_own_towns_not_a_neighbour_s() -> None:
    context, _ = _division_context("Massachusetts", 42.37, -71.11)
    own = Place("test:w1", "Warwick", Kind.CITY, 42.68, -72.34, "US", "Massachusetts", 763)
    neighbour = Place("test:w2", "Warwick", Kind.CITY, 41.70, -71.42, "US", "Rhode Island", 81699)
    town = LookupKey("warwick")
    assert context.admin1_named(own, town)
    assert not context.admin1_named(neighbour, town)  # 75 km from the state's point, in another state


def test_a_town_filed_under_no_division_takes_a_division_named_close_by() -> None:
    context, _ = _division_context("Massachusetts", 42.37, -71.11)
    unfiled = Place("test:u", "Somewhere", Kind.CITY, 42.40, -71.50, "US", "", 500)
    assert context.admin1_named(unfiled, LookupKey("somewhere"))
