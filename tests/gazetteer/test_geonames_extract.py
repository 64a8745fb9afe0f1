"""GeoNames' records give countries and divisions their ids and points, towns their division's name."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gazetteer import Kind, SourcePaths
from gazetteer.sources.airports import _core_forms
from gazetteer.sources.divisions import division_entries, division_labels
from gazetteer.sources.geonames import city_entries, country_entries, read_countries
from gazetteer.sources.geonames_extract import division_stem, read_features, wide_feature_entries
from tests.conftest import fixture_sources

_HEADER = "geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\t" + (
    "feature_code\tcountry_code\tadmin1_code\tpopulation"
)
_ROWS = [
    "163843\tSyrian Arab Republic\tSyrian Arab Republic\tSyria\t35\t38\tPCLI\tSY\t\t16906283",
    "169387\tIdlib Governorate\tIdlib Governorate\tIdlib\t35.76667\t36.66667\tADM1\tSY\t12\t",
    "167541\tDamascus Governorate\tDamascus Governorate\tDamascus\t33.51667\t36.28333\tADM1\tSY\t13\t",
    "170015\tMuhafazat Hamah\tMuhafazat Hamah\tHamah\t35.23333\t37.2\tADM1\tSY\t10\t",
    "999001\tInvented Governorate\tInvented Governorate\tInvented\t34.0\t37.0\tADM1\tSY\t99\t",
    "350155\tRed Sea\tRed Sea\tMar Rojo\t20.26735\t38.53455\tSEA\t\t\t",
    "9990002\tSea of Testing\tSea of Testing\t\t10\t10\tSEA\t\t\t",
]


@pytest.fixture
def paths(tmp_path: Path) -> SourcePaths:
    extract = tmp_path / "geonames_features.tsv"
    extract.write_text("\n".join([_HEADER, *_ROWS]) + "\n", encoding="utf-8")
    return replace(fixture_sources(), geonames_features=extract)


def test_type_words_do_not_stop_a_division_matching_its_other_names() -> None:
    assert division_stem("Idlib Governorate") == division_stem("Muhafazat Idlib") == "idlib"
    assert division_stem("Kherson Oblast") == "kherson"


def test_a_missing_extract_adds_nothing(tmp_path: Path) -> None:
    assert read_features(tmp_path / "absent.tsv") == []


def test_a_matched_division_takes_geonames_id_and_point_and_keeps_the_news_name(paths: SourcePaths) -> None:
    idlib = next(e for e in division_entries(paths) if e.place.name == "Idlib")
    assert idlib.place.id == "geonames:169387"
    assert (idlib.place.lat, idlib.place.lon) == (35.76667, 36.66667)
    assert ("Idlib Governorate", "primary") in idlib.names


def test_a_division_only_geonames_lists_is_added(paths: SourcePaths) -> None:
    invented = [e.place for e in division_entries(paths) if e.place.id == "geonames:999001"]
    assert invented and invented[0].kind == Kind.ADMIN1 and invented[0].name == "Invented"


def test_transliterated_names_at_the_same_point_are_one_division(paths: SourcePaths) -> None:
    # countrystatecity writes "Hama", GeoNames "Hamah": close points and alike names.
    hama = [
        e.place for e in division_entries(paths) if e.place.country_code == "SY" and "Ham" in e.place.name
    ]
    assert [p.id for p in hama] == ["geonames:170015"]


def test_towns_are_labelled_with_their_division_name_not_a_code(paths: SourcePaths) -> None:
    labels = division_labels(paths)
    assert labels[("SY", "13")] == "Damascus"
    towns = {e.place.name: e.place for e in city_entries(paths, read_countries(paths))}
    assert towns["Damascus"].admin1 == "Damascus"
    assert towns["Idlib"].admin1 == "Idlib"


def test_countries_sit_at_geonames_point(paths: SourcePaths) -> None:
    syria = next(e for e in country_entries(paths, read_countries(paths)) if e.place.country_code == "SY")
    assert (syria.place.lat, syria.place.lon) == (35.0, 38.0)
    assert ("Syrian Arab Republic", "primary") in syria.names


def test_seas_are_added_unless_a_curated_site_has_the_name(paths: SourcePaths) -> None:
    added = {e.place.name for e in wide_feature_entries(paths, frozenset({"red sea"}))}
    assert added == {"Sea of Testing"}


def test_a_division_named_after_its_seat_keeps_its_bare_name_only_as_an_alternate(paths: SourcePaths) -> None:
    idlib = next(e for e in division_entries(paths) if e.place.name == "Idlib")
    assert ("Idlib", "alternate") in idlib.names and ("Idlib Governorate", "primary") in idlib.names


def test_airports_get_the_short_names_news_uses() -> None:
    assert _core_forms("Chicago O'Hare International Airport", "Chicago") == [
        "O'Hare airport",
        "O'Hare International",
        "O'Hare",
    ]
    # Several words are a person's name as often: never bare.
    assert _core_forms("Ben Gurion International Airport", "Tel Aviv") == [
        "Ben Gurion airport",
        "Ben Gurion International",
    ]
    # A one-word core that is an English word stays with "airport".
    assert _core_forms("Elk City Regional Business Airport", "Elk City") == ["Business airport"]
    assert _core_forms("Latakia Airport", "Latakia") == []
