"""`geomap places` end to end on the fixture gazetteer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main

TEXT = "Russian jets struck Idlib. Officials in Damascus said Moscow, Idaho, was not involved.\n"


@pytest.fixture()
def article(fixture_env: Path) -> Path:
    path = fixture_env / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_table(article: Path) -> None:
    result = CliRunner().invoke(main, ["places", str(article)])
    assert result.exit_code == 0, result.output
    assert "article.txt: 5 mentions" in result.output
    assert "Idlib" in result.output and "demonym" in result.output and "1:21" in result.output


def test_json_offsets_slice_back(article: Path) -> None:
    result = CliRunner().invoke(main, ["places", "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    mentions = payload[0]["mentions"]
    assert [m["surface"] for m in mentions] == ["Russian", "Idlib", "Damascus", "Moscow", "Idaho"]
    for mention in mentions:
        assert TEXT[mention["start"] : mention["end"]] == mention["surface"]
    moscow = mentions[3]
    assert moscow["place"]["country_code"] == "US" and moscow["place"]["admin1"] == "Idaho"
    assert isinstance(moscow["alternatives"], list)


def test_geojson_and_stdin(fixture_env: Path) -> None:
    result = CliRunner().invoke(main, ["places", "--format", "geojson", "--no-demonyms", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    surfaces = [f["properties"]["surface"] for f in collection["features"]]
    assert "Russian" not in surfaces and "Idlib" in surfaces
    assert all(f["geometry"]["type"] == "Point" for f in collection["features"])


def test_folder_and_empty_article(fixture_env: Path) -> None:
    folder = fixture_env / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Nothing to see.", encoding="utf-8")
    (folder / "b.txt").write_text("Latakia", encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(folder)])
    assert result.exit_code == 0, result.output
    assert "a.txt: 0 mentions" in result.output and "b.txt: 1 mention" in result.output


def test_missing_file_is_one_line_exit_2(fixture_env: Path) -> None:
    result = CliRunner().invoke(main, ["places", "nope.txt"])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_installed_command_runs(article: Path) -> None:
    geomap = Path(sys.executable).parent / "geomap"
    command = [str(geomap)] if geomap.exists() else [sys.executable, "-m", "geomap"]
    done = subprocess.run(
        [*command, "places", "--format", "json", str(article)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["mentions"][1]["surface"] == "Idlib"
