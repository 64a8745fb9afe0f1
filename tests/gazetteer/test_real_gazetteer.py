"""Acceptance lookups against the full gazetteer built from the installed sources."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer

pytestmark = pytest.mark.real_gazetteer


def top(gazetteer: Gazetteer, name: str):  # noqa: ANN201
    return gazetteer.lookup(name)[0]


@pytest.mark.parametrize("name", ["Khmeimim", "Hmeimim", "Humaymim"])
def test_khmeimim_air_base_first(real_gazetteer: Gazetteer, name: str) -> None:
    place = top(real_gazetteer, name)
    assert place.name == "Khmeimim Air Base" and place.kind == "air_base"
    assert abs(place.lat - 35.40) <= 0.02 and abs(place.lon - 35.95) <= 0.02


@pytest.mark.parametrize("name", ["Tartus", "Tartous", "Ţarţūs"])
def test_tartus_city(real_gazetteer: Gazetteer, name: str) -> None:
    place = top(real_gazetteer, name)
    assert (place.kind, place.country_code) == ("city", "SY")
    assert abs(place.lat - 34.89) <= 0.02 and abs(place.lon - 35.89) <= 0.02


@pytest.mark.parametrize("name", ["Lattakia", "Al Ladhiqiyah", "Latakia"])
def test_latakia(real_gazetteer: Gazetteer, name: str) -> None:
    place = top(real_gazetteer, name)
    assert (place.name, place.country_code) == ("Latakia", "SY")


def test_moscow(real_gazetteer: Gazetteer) -> None:
    places = real_gazetteer.lookup("Moscow")
    assert (places[0].name, places[0].country_code) == ("Moscow", "RU")
    assert any(p.country_code == "US" and p.admin1 == "Idaho" for p in places)


def test_idlib_city_and_governorate(real_gazetteer: Gazetteer) -> None:
    kinds = {(p.kind, p.country_code) for p in real_gazetteer.lookup("Idlib")}
    assert {("city", "SY"), ("admin1", "SY")} <= kinds


def test_syria_is_the_country(real_gazetteer: Gazetteer) -> None:
    place = top(real_gazetteer, "Syria")
    assert (place.kind, place.country_code) == ("country", "SY")


def test_coverage_counts(real_gazetteer: Gazetteer) -> None:
    info = real_gazetteer.info()
    kinds = info.places_by_kind
    assert kinds.get("city", 0) + kinds.get("capital", 0) >= 230_000
    assert info.names >= 1_000_000
    assert kinds["country"] >= 240
    assert kinds["admin1"] >= 3_000
    assert info.places_by_source["airport"] >= 25_000
    assert info.places_by_source["site"] >= 200


@pytest.mark.parametrize(
    ("name", "country"), [("Chechnya", "RU"), ("North Kivu", "CD"), ("Brittany", "FR"), ("Orissa", "IN")]
)
def test_english_names_of_divisions(real_gazetteer: Gazetteer, name: str, country: str) -> None:
    place = top(real_gazetteer, name)
    assert (place.kind, place.country_code) == ("admin1", country)
