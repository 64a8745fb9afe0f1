"""Source readers: what the build learns from combining sources."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from gazetteer import SourcePaths
from gazetteer.sources.geonames import division_names_by_code
from tests.conftest import fixture_sources


def _town(name: str, lat: float, lon: float, code: str, country: str = "CA") -> dict:
    return {"name": name, "latitude": lat, "longitude": lon, "admin1code": code, "countrycode": country}


def _csc(tmp_path: Path) -> SourcePaths:
    country = tmp_path / "csc" / "by-country" / "CA"
    (country / "states" / "ON").mkdir(parents=True)
    (country / "states" / "QC").mkdir(parents=True)
    (country / "states.json").write_text(
        json.dumps([{"state_code": "ON", "name": "Ontario"}, {"state_code": "QC", "name": "Quebec"}])
    )
    towns = [("Mississauga", 43.59, -79.64), ("Kingston", 44.23, -76.48), ("London", 42.98, -81.23)]
    records = [{"name": n, "country_code": "CA", "latitude": y, "longitude": x} for n, y, x in towns]
    (country / "states" / "ON" / "cities.json").write_text(json.dumps(records))
    (country / "states" / "QC" / "cities.json").write_text(
        json.dumps([{"name": "Laval", "country_code": "CA", "latitude": "45.57", "longitude": "-73.69"}])
    )
    return replace(fixture_sources(), csc_data=tmp_path / "csc")


def test_geonames_codes_take_the_name_their_towns_are_filed_under(tmp_path: Path) -> None:
    towns = [
        _town("Mississauga", 43.58, -79.65, "08"),
        _town("Kingston", 44.22, -76.49, "08"),
        _town("London", 42.98, -81.24, "08"),
        _town("Laval", 45.57, -73.69, "10"),
    ]
    names = division_names_by_code(_csc(tmp_path), towns)
    assert names == {("CA", "08"): "Ontario"}  # one town is too little evidence for "10"


def test_a_namesake_far_away_casts_no_vote(tmp_path: Path) -> None:
    towns = [_town("Kingston", 18.0, -76.8, "08"), _town("London", 51.5, -0.1, "08")]
    assert division_names_by_code(_csc(tmp_path), towns) == {}
