"""`geomap gazetteer ...` end to end: CliRunner on the fixture gazetteer, plus a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import __version__
from geomap.cli import main


def invoke(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(main, list(args))


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_lookup_text(fixture_env: Path) -> None:
    result = invoke("gazetteer", "lookup", "Hmeimim")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(" 1. Khmeimim Air Base [air_base]")


def test_lookup_json_schema(fixture_env: Path) -> None:
    result = invoke("gazetteer", "lookup", "Moscow", "--format", "json", "--limit", "3")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3
    assert {"id", "name", "kind", "lat", "lon", "country_code", "source"} <= set(rows[0])
    assert rows[0]["country_code"] == "RU"


def test_lookup_filters(fixture_env: Path) -> None:
    result = invoke("gazetteer", "lookup", "Idlib", "--kind", "admin1", "--format", "json")
    assert [row["kind"] for row in json.loads(result.output)] == ["admin1"]
    result = invoke("gazetteer", "lookup", "Moscow", "--country", "US", "--format", "json")
    assert {row["country_code"] for row in json.loads(result.output)} == {"US"}


def test_unknown_name_in_json_is_an_empty_list(fixture_env: Path) -> None:
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Mozcow", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_unknown_name_exits_1_with_suggestions(fixture_env: Path) -> None:
    result = invoke("gazetteer", "lookup", "Mozcow")
    assert result.exit_code == 1
    assert "no match" in result.output and "Moscow" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["gazetteer", "lookup"],
        ["gazetteer", "lookup", "Moscow", "--limit", "0"],
        ["gazetteer", "lookup", "Moscow", "--kind", "castle"],
        ["gazetteer", "lookup", "Moscow", "--country", "Russia"],
        ["gazetteer", "lookup", "Moscow", "--format", "xml"],
        ["gazetteer", "frobnicate"],
    ],
)
def test_bad_flags_exit_2(fixture_env: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output


def test_bad_overlay_exits_2_with_one_line(fixture_env: Path) -> None:
    (fixture_env / "bad.csv").write_text("name,lat,lon\nX,north,1\n")
    result = invoke("gazetteer", "lookup", "X", "--gazetteer-extra", "bad.csv")
    assert result.exit_code == 2
    assert "lat/lon must be numbers" in result.output and "Traceback" not in result.output


def test_overlay_from_pyproject(fixture_env: Path) -> None:
    (fixture_env / "places.csv").write_text("name,lat,lon,kind\nDamascus,1.5,2.5,military_site\n")
    (fixture_env / "pyproject.toml").write_text('[tool.geomap]\ngazetteer-extra = ["places.csv"]\n')
    rows = json.loads(invoke("gazetteer", "lookup", "Damascus", "--format", "json").output)
    assert (rows[0]["kind"], rows[0]["lat"]) == ("military_site", 1.5)


def test_info(fixture_env: Path) -> None:
    result = invoke("gazetteer", "info")
    assert result.exit_code == 0, result.output
    for word in ("populated places", "names:", "countrystatecity", "CC BY 4.0", "built:"):
        assert word in result.output
    data = json.loads(invoke("gazetteer", "info", "--format", "json").output)
    assert data["places_by_kind"]["country"] == 19


def test_real_subprocess_uses_installed_command(fixture_env: Path) -> None:
    command = shutil.which("geomap")
    argv = [command] if command else [sys.executable, "-m", "geomap"]
    done = subprocess.run(
        [*argv, "gazetteer", "lookup", "Ţarţūs", "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    top = json.loads(done.stdout)[0]
    assert (top["kind"], top["country_code"]) == ("city", "SY")
    assert abs(top["lat"] - 34.89) < 0.02 and abs(top["lon"] - 35.89) < 0.02
