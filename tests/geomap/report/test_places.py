from __future__ import annotations

import json

import pytest

from gazetteer import Place
from geomap.errors import ConfigError
from geomap.model import Article, ArticleResult, Mention, MentionKind, Report
from geomap.report import PLACES_RENDERERS, PlacesFormat, render_places
from geomap.report.places import mention_table
from tests.browser.handmade import KHMEIMIM, LATAKIA, TARTUS, seeds_like_report

TEXT = "Near Latakia.\nThe long Khmeimim Air Base Of The Russian Federation, and Nowhere-on-Sea."
LONG = "Khmeimim Air Base Of The Russian Federation"
NAME = "A Very Long Place Name Indeed, Longer Than Forty Eight"
BIG = Place("geonames:1", NAME, "city", 1.0, 2.0, "SY", "X")
#: The keys of a mention record, in order.
MENTION_KEYS = ["start", "end", "surface", "kind", "place", "confidence", "alternatives", "evidence"]


def _report() -> Report:
    mentions = (
        Mention(5, 12, "Latakia", MentionKind.PLACE, LATAKIA, 0.9, alternatives=(TARTUS, KHMEIMIM)),
        Mention(23, 23 + len(LONG), LONG, MentionKind.PLACE, BIG, 0.5),
        Mention(72, 86, "Nowhere-on-Sea", MentionKind.PLACE, None),
    )
    assert all(TEXT[m.start : m.end] == m.surface for m in mentions)
    return Report(
        (
            ArticleResult(Article("a.txt", TEXT), mentions),
            ArticleResult(Article("b\x1b[31m.txt", "Nothing."), ()),
        )
    )


def test_text_a_table_per_article_with_line_and_column() -> None:
    text = render_places(_report(), PlacesFormat.TEXT)
    first, second = text.split("\n\n")
    lines = first.splitlines()
    assert lines[0] == "a.txt: 3 mentions"
    assert lines[1].split() == ["at", "mention", "kind", "place", "lat,", "lon", "conf"]
    assert lines[2].split()[:3] == ["1:6", "Latakia", "place"] and lines[2].endswith("0.90")
    assert "Latakia [city] Latakia, SY" in lines[2] and "35.5312, 35.7909" in lines[2]
    assert lines[3].split()[0] == "2:10" and "Khmeimim Air Base Of The Ru…" in lines[3]
    assert "A Very Long Place Name Indeed, Longer Than Fort…" in lines[3]
    assert "(unresolved)" in lines[4] and lines[4].endswith("0.00")
    assert all(not line.endswith(" ") for line in lines)
    assert second == "b?[31m.txt: 0 mentions\n"  # no terminal escape from a file name


def test_text_of_one_mention_and_of_no_articles() -> None:
    article = Article("one.txt", "Latakia")
    mention = Mention(0, 7, "Latakia", MentionKind.PLACE, LATAKIA, 1.0)
    assert mention_table(article, [mention]).startswith("one.txt: 1 mention\n")
    assert render_places(Report(()), "text") == ""


def test_json_offsets_places_and_alternatives() -> None:
    [first, second] = json.loads(render_places(_report(), "json"))
    assert first["article"] == "a.txt" and second == {"article": "b\x1b[31m.txt", "mentions": []}
    latakia, _, nowhere = first["mentions"]
    for mention in first["mentions"]:
        assert TEXT[mention["start"] : mention["end"]] == mention["surface"]
    assert list(latakia) == MENTION_KEYS
    assert latakia["place"] == {
        "id": "geonames:173579",
        "name": "Latakia",
        "kind": "city",
        "lat": 35.5312,
        "lon": 35.7909,
        "country_code": "SY",
        "admin1": "Latakia",
        "population": 340181,
    }
    assert latakia["alternatives"][0] == {
        "id": TARTUS.id,
        "name": "Tartus",
        "kind": "city",
        "country_code": "SY",
        "lat": TARTUS.lat,
        "lon": TARTUS.lon,
    }
    assert latakia["confidence"] == 0.9 and latakia["kind"] == "place"
    assert nowhere["place"] is None and nowhere["alternatives"] == []


def test_geojson_points_for_resolved_mentions_only() -> None:
    collection = json.loads(render_places(_report(), "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["properties"]["surface"] for f in features] == ["Latakia", LONG]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [LATAKIA.lon, LATAKIA.lat]}
    properties = features[0]["properties"]
    assert properties["article"] == "a.txt" and properties["place"]["id"] == LATAKIA.id
    assert list(properties)[1:] == MENTION_KEYS


def test_demonyms_are_listed_like_places() -> None:
    report = seeds_like_report()
    [first, _] = json.loads(render_places(report, "json"))
    assert first["mentions"][0]["surface"] == "Russian" and first["mentions"][0]["kind"] == "demonym"
    assert "demonym" in render_places(report, "text")


def test_a_wrong_places_format_lists_the_valid_ones() -> None:
    assert PLACES_RENDERERS.choices == ["text", "json", "geojson", "csv"]
    with pytest.raises(
        ConfigError, match="'xlsx' is not a valid PlacesFormat; valid: text, json, geojson, csv"
    ):
        render_places(Report(()), "xlsx")


def test_the_text_table_counts_every_kind_of_line_break() -> None:
    from gazetteer import Place
    from geomap.model import Article, Mention, MentionKind
    from geomap.report.places import mention_table

    text = "Damascus.\rAleppo and Homs.\r\nIdlib.\n"
    place = Place("g:1", "X", "city", 1.0, 2.0, "SY")
    mentions = [
        Mention(text.index(name), text.index(name) + len(name), name, MentionKind.PLACE, place, 1.0)
        for name in ("Damascus", "Aleppo", "Homs", "Idlib")
    ]
    table = mention_table(Article("a.txt", text), mentions)
    positions = [line.split()[0] for line in table.splitlines()[2:]]
    assert positions == ["1:1", "2:1", "2:12", "3:1"]
