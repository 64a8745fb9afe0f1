"""Map features of a report: pins per place, lines per claim, geodesic lines, the GeoJSON export."""

from __future__ import annotations

import json

from geomap.model import Article, ArticleResult, Mention, Report
from geomap.render.features import (
    CATEGORIES,
    category,
    claim_lines,
    dumps,
    feature_collection,
    place_pins,
)
from tests.browser.handmade import KHMEIMIM, seeds_like_report


def test_one_pin_per_distinct_place_in_order_of_first_mention() -> None:
    first = seeds_like_report().results[0]
    pins = place_pins(first)
    assert [pin.place.name for pin in pins] == ["Latakia", "Syria", "Khmeimim Air Base", "Tartus"]
    tartus = pins[-1]
    assert len(tartus.mentions) == 2 and tartus.article is first.article


def test_demonym_only_countries_get_no_pin_but_are_counted_on_named_ones() -> None:
    text = "Syrian troops left Syria. Russian jets flew."
    syria = seeds_like_report().results[0].mentions[2].place
    russia = seeds_like_report().results[0].mentions[0].place
    mentions = (
        Mention(0, 6, "Syrian", "demonym", syria),
        Mention(19, 24, "Syria", "place", syria),
        Mention(26, 33, "Russian", "demonym", russia),
        Mention(40, 44, "flew", "place", None),
    )
    pins = place_pins(ArticleResult(Article("a", text), mentions))
    assert [(pin.place.name, len(pin.mentions), pin.demonyms) for pin in pins] == [("Syria", 1, 1)]


def test_claims_without_two_resolved_ends_are_not_lines() -> None:
    result = seeds_like_report().results[0]
    verdict = result.verdicts[0]
    from dataclasses import replace

    unbound = replace(verdict, claim=replace(verdict.claim, reference=None))
    nowhere = replace(verdict.claim.subject, place=None)
    unresolved = replace(verdict, claim=replace(verdict.claim, subject=nowhere))
    lines = claim_lines(replace(result, verdicts=(verdict, unbound, unresolved)))
    assert len(lines) == 1
    start, end = lines[0].points[0], lines[0].points[-1]
    assert start == (34.8890, 35.8866)  # from the reference (Tartus) ...
    assert end == (KHMEIMIM.lat, KHMEIMIM.lon)  # ... to the subject


def test_every_kind_has_exactly_one_category() -> None:
    from gazetteer import KINDS

    covered = [kind for kinds in CATEGORIES.values() for kind in kinds]
    assert sorted(covered) == sorted(set(covered))
    assert set(KINDS) <= set(covered)
    assert category("something-new") == "other"


def test_feature_collection_is_geojson_with_lon_lat_order() -> None:
    collection = feature_collection(seeds_like_report())
    assert collection["type"] == "FeatureCollection"
    kinds = [f["properties"]["feature"] for f in collection["features"]]
    assert kinds.count("place") == 6 and kinds.count("claim") == 2
    khmeimim = next(f for f in collection["features"] if f["properties"].get("id") == KHMEIMIM.id)
    assert khmeimim["geometry"] == {"type": "Point", "coordinates": [KHMEIMIM.lon, KHMEIMIM.lat]}
    assert khmeimim["properties"]["category"] == "military"
    claim = next(f for f in collection["features"] if f["properties"]["feature"] == "claim")
    assert claim["geometry"]["type"] == "LineString"
    assert claim["properties"]["status"] == "holds" and claim["properties"]["claimed_km"] == 60.0
    assert claim["geometry"]["coordinates"][-1] == [KHMEIMIM.lon, KHMEIMIM.lat]


def test_dumps_round_trips_and_keeps_text_unescaped() -> None:
    text = json.loads(dumps(seeds_like_report()))
    assert text == json.loads(json.dumps(feature_collection(seeds_like_report())))
    assert dumps(Report()) == '{\n "type": "FeatureCollection",\n "features": []\n}\n'
