"""The opening view and the label priorities, on hand-made pins."""

from __future__ import annotations

from dataclasses import replace

from gazetteer import Place
from geomap.model import Article, ArticleResult
from geomap.render.features import claim_lines, place_pins
from geomap.render.view import CONFIDENT, labels, opening_extent, opening_points, story_countries
from tests.browser.handmade import KHMEIMIM, LATAKIA, RUSSIA, SYRIA, TARTUS, distance_verdict, mention

SOVIET_UNION = Place("geonames:8354411", "Soviet Union", "region", 60.0, 80.0, "", source="geonames")
AL_KHUMS = Place("geonames:2219905", "Al Khums", "city", 32.6486, 14.2619, "LY", source="geonames")
IDLIB = Place("geonames:169389", "Idlib", "city", 35.9306, 36.6339, "SY", source="geonames")


def result(confidence: dict[str, float] | None = None, claim: bool = False) -> ArticleResult:
    text = "Latakia, Syria, Russia, the Soviet Union, Homs, Idlib, Khmeimim Air Base, Tartus and Latakia."
    places = {
        "Latakia": LATAKIA,
        "Syria": SYRIA,
        "Russia": RUSSIA,
        "Soviet Union": SOVIET_UNION,
        "Homs": AL_KHUMS,
        "Idlib": IDLIB,
        "Khmeimim Air Base": KHMEIMIM,
        "Tartus": TARTUS,
    }
    mentions = [
        replace(mention(text, name, place), confidence=(confidence or {}).get(name, 1.0))
        for name, place in places.items()
    ]
    mentions.append(replace(mention(text, "Latakia", LATAKIA, nth=1), confidence=mentions[0].confidence))
    mentions.sort(key=lambda m: m.start)
    verdicts = ()
    if claim:
        by_name = {m.surface: m for m in mentions}
        verdicts = (distance_verdict(text, by_name["Khmeimim Air Base"], by_name["Tartus"], "60km"),)
    return ArticleResult(Article("a.txt", text), tuple(mentions), verdicts)


def test_the_opening_view_leaves_out_centroids_and_unsure_outliers() -> None:
    article = result({"Homs": 0.3, "Idlib": 0.5})
    points = opening_points(place_pins(article), claim_lines(article))
    assert (LATAKIA.lat, LATAKIA.lon) in points and (KHMEIMIM.lat, KHMEIMIM.lon) in points
    assert (IDLIB.lat, IDLIB.lon) in points  # unsure, but among the confident places
    for absent in (AL_KHUMS, SYRIA, RUSSIA, SOVIET_UNION):
        assert (absent.lat, absent.lon) not in points
    assert story_countries(place_pins(article), claim_lines(article)) == ["SY"]


def test_a_confident_far_place_is_part_of_the_story() -> None:
    article = result({"Homs": CONFIDENT})
    assert (AL_KHUMS.lat, AL_KHUMS.lon) in opening_points(place_pins(article), [])
    assert story_countries(place_pins(article), []) == ["SY", "LY"]


def test_a_confident_far_place_does_not_pull_the_view_off_a_short_claim() -> None:
    article = result({"Homs": CONFIDENT}, claim=True)  # Al Khums, 2,000 km from a 57 km claim
    pins, lines = place_pins(article), claim_lines(article)
    points = opening_points(pins, lines)
    assert (AL_KHUMS.lat, AL_KHUMS.lon) not in points
    assert (LATAKIA.lat, LATAKIA.lon) in points and (IDLIB.lat, IDLIB.lon) in points  # they share its view
    assert story_countries(pins, lines) == ["SY"]


def test_the_opening_box_is_the_claims_view_when_the_page_must_zoom_in_on_them() -> None:
    article = result({"Homs": CONFIDENT}, claim=True)
    pins, lines = place_pins(article), claim_lines(article)
    box = opening_extent(opening_points(pins, lines), lines)
    assert box is not None and box.south <= TARTUS.lat <= box.north and box.west <= KHMEIMIM.lon <= box.east
    assert box.span < 15  # the view a 57 km claim needs, not a box reaching Libya
    places_only = opening_extent(opening_points(pins, []), [])
    assert places_only is not None and places_only.west <= AL_KHUMS.lon  # no claim: the whole story


def test_nothing_confident_falls_back_to_every_located_place() -> None:
    article = result(dict.fromkeys(["Latakia", "Homs", "Idlib", "Khmeimim Air Base", "Tartus"], 0.2))
    points = opening_points(place_pins(article), [])
    assert (AL_KHUMS.lat, AL_KHUMS.lon) in points and (SYRIA.lat, SYRIA.lon) not in points


def test_claim_lines_always_shape_the_view() -> None:
    article = result(dict.fromkeys(["Khmeimim Air Base", "Tartus"], 0.1), claim=True)
    points = opening_points(place_pins(article), claim_lines(article))
    assert (TARTUS.lat, TARTUS.lon) in points


def test_labels_always_show_countries_claim_ends_and_main_places() -> None:
    article = result({"Tartus": 0.2, "Khmeimim Air Base": 0.2, "Homs": 0.3}, claim=True)
    pins = place_pins(article)
    shown = {
        pin.place.name: label for pin, label in zip(pins, labels(pins, claim_lines(article)), strict=True)
    }
    assert shown["Syria"].always and shown["Russia"].always  # countries
    assert shown["Tartus"].always and shown["Khmeimim Air Base"].always  # claim ends, though unsure
    assert shown["Latakia"].always and shown["Idlib"].always  # main places: named most, confident
    assert not shown["Soviet Union"].always and not shown["Al Khums"].always
    assert shown["Latakia"].rank == 0  # the most named goes first
    assert sorted(label.rank for label in shown.values()) == list(range(len(pins)))
