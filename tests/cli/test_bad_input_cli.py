"""Bad input across commands: one line on stderr, exit code 2, no traceback, no stray files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geomap.cli import main

ARTICLE = (
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus, which was "
    "built by the Soviet Union in 1971.\n"
)


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def assert_bad_input(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert message in result.stderr


def leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["check", "places", "map"])
def test_fifo_is_refused_instead_of_blocking(fixture_env: Path, command: str) -> None:
    os.mkfifo(fixture_env / "pipe.txt")
    assert_bad_input(invoke(command, "pipe.txt"), "pipe.txt: not a regular file")


def test_eval_refuses_a_fifo(fixture_env: Path) -> None:
    os.mkfifo(fixture_env / "corpus.xml")
    assert_bad_input(invoke("eval", "corpus.xml"), "not a regular file")


def test_empty_folder_names_every_suffix_read(fixture_env: Path) -> None:
    (fixture_env / "empty").mkdir()
    assert_bad_input(invoke("check", "empty"), "(.txt, .md, .text)")


def test_check_output_dash_is_standard_output(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", "a.txt", "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"]
    assert not (fixture_env / "-").exists()


def test_check_output_creates_missing_folders(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", "a.txt", "--format", "json", "-o", "reports/deep/claims.json")
    assert result.exit_code == 0, result.output
    assert json.loads((fixture_env / "reports/deep/claims.json").read_text(encoding="utf-8"))
    assert leftovers(fixture_env) == []


@pytest.mark.parametrize("command", ["check", "map"])
def test_output_below_a_file_is_one_line_without_temp_names(fixture_env: Path, command: str) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(command, "a.txt", "-o", "a.txt/out.file")
    assert_bad_input(result, "cannot write a.txt/out.file: a.txt is not a folder")
    assert ".tmp" not in result.stderr
    assert leftovers(fixture_env) == []


def test_map_writes_no_html_when_the_geojson_cannot_be_written(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("map", "a.txt", "-o", "out.html", "--geojson", "a.txt/x.geojson")
    assert_bad_input(result, "cannot write a.txt/x.geojson")
    assert not (fixture_env / "out.html").exists()
    assert leftovers(fixture_env) == []


def test_map_refuses_html_and_geojson_both_on_standard_output(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_bad_input(invoke("map", "a.txt", "-o", "-", "--geojson", "-"), "would mix HTML and GeoJSON")


def test_map_refuses_one_file_for_html_and_geojson(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_bad_input(invoke("map", "a.txt", "-o", "x.html", "--geojson", "./x.html"), "both name")
    assert not (fixture_env / "x.html").exists()


def test_map_summary_names_standard_output(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("map", "a.txt", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("wrote standard output (")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[tool]\ngeomap = 5\n", "[tool.geomap] must be a table"),
        ('[tool.geomap]\nstrict = "maybe"\n', "invalid value for strict: 'maybe'"),
        ("[tool.geomap]\nnear-km = -5\n", "invalid value for near-km: -5"),
        ("[tool.geomap]\nnear-km = nan\n", "invalid value for near-km: nan"),
        ("[tool.geomap]\nbearing-tolerance-deg = 400\n", "from 0 to 180"),
        ("[tool.geomap]\ncache-dir = 5\n", "invalid value for cache-dir: 5"),
        ("[tool.geomap]\ngazetteer-extra = 5\n", "invalid value for gazetteer-extra: 5"),
    ],
)
def test_bad_pyproject_values_are_exit_2(fixture_env: Path, body: str, message: str) -> None:
    (fixture_env / "pyproject.toml").write_text(body, encoding="utf-8")
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_bad_input(invoke("check", "a.txt"), message)


def test_nan_flag_is_refused(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_bad_input(invoke("check", "a.txt", "--near-km", "nan"), "invalid value for --near-km")


def test_blank_lookup_name_is_bad_usage(fixture_env: Path) -> None:
    result = invoke("gazetteer", "lookup", "  ")
    assert result.exit_code == 2, result.output
    assert "give a place name" in result.stderr


def test_places_table_shows_no_terminal_escapes_from_file_names(fixture_env: Path) -> None:
    (fixture_env / "a\x1b[2Jb\nc.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("places", ".")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("./a?[2Jb c.txt: ") or result.stdout.startswith("a?[2Jb c.txt: ")


def test_cache_dir_that_is_a_file_is_named(fixture_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEOMAP_CACHE_DIR")
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (fixture_env / "pyproject.toml").write_text('[tool.geomap]\ncache-dir = "a.txt"\n', encoding="utf-8")
    assert_bad_input(invoke("check", "a.txt"), "a.txt is not a folder")
