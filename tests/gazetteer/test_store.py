"""Querying: ranking by priors, filters, proximity, suggestions and the user overlay."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind, SourceError
from gazetteer.sources.curated import read_overlay
from geomap.geodesy import haversine_km
from tests.conftest import fixture_sources


def test_country_outranks_everything(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Syria")[0].kind == "country"
    assert gazetteer.lookup("Syrian Arab Republic")[0].country_code == "SY"


def test_population_ranks_namesakes(gazetteer: Gazetteer) -> None:
    places = gazetteer.lookup("Moscow")
    assert (places[0].country_code, places[0].kind) == ("RU", "capital")
    assert any(p.country_code == "US" and p.admin1 == "Idaho" for p in places)


def test_primary_name_beats_alternate_name(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.candidates("Paris")
    assert candidates[0].place.country_code == "FR"
    assert [c.matched for c in candidates][:1] == ["primary"]
    assert all(a.score >= b.score for a, b in zip(candidates, candidates[1:], strict=False))


def test_city_and_division_both_returned_with_kinds(gazetteer: Gazetteer) -> None:
    kinds = {p.kind for p in gazetteer.lookup("Idlib")}
    assert {"city", "admin1"} <= kinds


def test_transliterations_and_diacritics(gazetteer: Gazetteer) -> None:
    for spelling in ("Tartus", "Tartous", "Ţarţūs", "TARTUS"):
        top = gazetteer.lookup(spelling)[0]
        assert (top.kind, top.country_code) == ("city", "SY"), spelling
        assert abs(top.lat - 34.89) < 0.02 and abs(top.lon - 35.89) < 0.02
    assert gazetteer.lookup("Lattakia")[0].name == "Latakia"
    assert gazetteer.lookup("Al Ladhiqiyah")[0].name == "Latakia"


def test_division_aliases_name_the_division(gazetteer: Gazetteer) -> None:
    for spelling in ("Rural Damascus", "Damascus Countryside", "Rif Dimashq"):
        top = gazetteer.candidates(spelling)[0]
        assert (top.place.kind, top.place.name) == ("admin1", "Rif Dimashq"), spelling
    assert gazetteer.candidates("Rural Damascus")[0].matched == "alternate"


def test_curated_site_with_aliases(gazetteer: Gazetteer) -> None:
    for spelling in ("Khmeimim", "Hmeimim", "Humaymim Air Base"):
        top = gazetteer.lookup(spelling)[0]
        assert top.kind == "air_base" and top.name == "Khmeimim Air Base"
        assert top.source.startswith("curated")


def test_country_and_kind_filters(gazetteer: Gazetteer) -> None:
    assert {p.country_code for p in gazetteer.lookup("Moscow", country="us")} == {"US"}
    assert {p.kind for p in gazetteer.lookup("Idlib", kinds=["admin1"])} == {"admin1"}
    # a capital is a city
    assert gazetteer.lookup("Damascus", kinds=["city"])[0].kind == "capital"
    assert gazetteer.lookup("Nowhereville") == []
    assert gazetteer.lookup("") == []


def test_near_is_sorted_by_distance(gazetteer: Gazetteer) -> None:
    places = gazetteer.near(35.40, 35.95, 60)
    names = [p.name for p in places]
    assert names[0] in ("Khmeimim Air Base", "Bassel Al-Assad International Airport")
    assert "Jablah" in names and "Latakia" in names
    assert "Damascus" not in names
    assert gazetteer.near(35.40, 35.95, 60, kinds=["air_base"])[0].name == "Khmeimim Air Base"


def test_get_by_id(gazetteer: Gazetteer) -> None:
    syria = gazetteer.lookup("Syria")[0]
    assert gazetteer.get(syria.id) == syria
    assert gazetteer.get("geonames:0") is None


def test_suggest_close_spellings(gazetteer: Gazetteer) -> None:
    assert "Moscow" in gazetteer.suggest("Mozcow")
    assert gazetteer.suggest("x") == []


def test_countries_and_demonyms(gazetteer: Gazetteer) -> None:
    syria = gazetteer.countries()["SY"]
    assert syria.capital == "Damascus" and "TR" in syria.neighbours
    assert gazetteer.demonyms()["russian"] == "RU"
    assert gazetteer.country("sy").name == "Syria"


def test_overlay_outranks_builtin_without_rebuild(gazetteer: Gazetteer, tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("name,aliases,kind,lat,lon,country\nDamascus,Dimashq HQ,military_site,33.5,36.3,SY\n")
    with Gazetteer(gazetteer.path, read_overlay(extra)) as overlaid:
        top = overlaid.lookup("Damascus")[0]
        assert (top.kind, top.source) == ("military_site", "user")
        assert overlaid.lookup("Dimashq HQ")[0] == top
        assert len(overlaid.lookup("Damascus")) == len(gazetteer.lookup("Damascus")) + 1


def test_geojson_overlay(tmp_path: Path) -> None:
    extra = tmp_path / "extra.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [36.1, 34.2]},
        "properties": {"name": "Camp X", "aliases": ["X Camp"], "kind": "military_site"},
    }
    extra.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    (entry,) = read_overlay(extra)
    assert (entry.place.lat, entry.place.lon) == (34.2, 36.1)
    assert ("X Camp", "primary") in entry.names


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,lat\nA,1\n", "missing column"),
        ("name,lat,lon\nA,north,1\n", "must be numbers"),
        ("name,lat,lon\nA,95,1\n", "out of range"),
        ("name,lat,lon,kind\nA,1,1,castle\n", "unknown kind"),
        ("name,lat,lon\n,1,1\n", "empty name"),
    ],
)
def test_bad_overlay_csv_is_reported(tmp_path: Path, content: str, message: str) -> None:
    extra = tmp_path / "bad.csv"
    extra.write_text(content)
    with pytest.raises(SourceError, match=message):
        read_overlay(extra)


def test_missing_overlay_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        read_overlay(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.csv", "name,lat,lon,population\nA,1,1,many\n", "population must be a whole number"),
        ("p.csv", "name,lat,lon,population\nA,1,1,1e400\n", "population must be a whole number"),
        ("f.geojson", '{"type": "FeatureCollection", "features": [5]}', "is not a Point"),
        (
            "c.geojson",
            '{"type": "FeatureCollection", "features": [{"geometry": {"type": "Point", "coordinates": 5}}]}',
            "has no coordinates",
        ),
        (
            "q.geojson",
            '{"type": "FeatureCollection", "features": [{"geometry": {"type": "Point",'
            ' "coordinates": [1, 2]}, "properties": [1]}]}',
            "properties must be an object",
        ),
        ("n.geojson", "[1, 2]", "not a GeoJSON FeatureCollection"),
    ],
)
def test_malformed_overlays_raise_source_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    extra = tmp_path / name
    extra.write_text(content)
    with pytest.raises(SourceError, match=message):
        read_overlay(extra)


def test_overlay_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a regular file"):
        read_overlay(tmp_path)


def test_a_name_that_lost_its_accented_letters_still_finds_its_place(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Bniys")  # Bāniyās as a dataset that drops non-ASCII letters prints it
    assert [place.name for place in found[:1]] == ["Bāniyās"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_reconnects_in_place(fixture_cache_dir: Path) -> None:
    with Gazetteer.open(fixture_cache_dir, paths=fixture_sources()) as gazetteer:
        expected = gazetteer.lookup("Idlib")
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            try:
                gazetteer.reconnect_after_fork()
                os.write(writing, pickle.dumps(gazetteer.lookup("Idlib")))
            finally:
                os._exit(0)
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe:
            found = pickle.loads(pipe.read())
        os.waitpid(child, 0)
        assert found == expected and gazetteer.lookup("Idlib") == expected  # the parent's still works


def test_places_pickle_as_equal_places(gazetteer: Gazetteer) -> None:
    places = gazetteer.lookup("Moscow")
    again = pickle.loads(pickle.dumps(places))
    assert again == places and all(type(place.kind) is Kind for place in again)


def test_a_county_carries_the_centre_of_its_census_outline(gazetteer: Gazetteer) -> None:
    centre = gazetteer.county_centre("walker county", "Texas")
    assert centre is not None and haversine_km(*centre, 30.74, -95.57) < 10  # not Alabama's Walker County
    assert gazetteer.county_centre("walker county", "Ruritania") is None
    assert "walker county" in gazetteer.county_states()
