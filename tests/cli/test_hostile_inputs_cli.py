"""Inputs built to break the CLI: undecodable file names, deep nesting, huge numbers, link loops, CR lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_exit_2, invoke

ARTICLE = "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
CLAIMS = [
    "Russia began construction of the Khmeimim Air Base near Latakia in 2015.",
    "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.",
]
#: b"\xff.txt" as Python names it (surrogateescape): not UTF-8, so not text any output can carry.
UNDECODABLE = os.fsdecode(b"\xff.txt")


@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "junit", "github", "csv"])
def test_undecodable_file_name_is_shown_with_a_replacement_character(
    fixture_env: Path, output_format: str
) -> None:
    # github annotates only what fails: there the claim is contradicted, so the file is named
    contradicted = output_format == "github"
    article = ARTICLE.replace("60km", "160km") if contradicted else ARTICLE
    (fixture_env / UNDECODABLE).write_text(article, encoding="utf-8")
    result = invoke("check", "--format", output_format, UNDECODABLE)
    assert result.exit_code == (1 if contradicted else 0), result.output
    output = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    assert "\ufffd" in output and "\udcff" not in output
    if output_format == "json":
        assert json.loads(output)["articles"][0]["name"] == "\ufffd.txt"
    if output_format == "junit":
        assert ET.fromstring(output.encode("utf-8")).find("testsuite").get("name") == "\ufffd.txt"


@pytest.mark.parametrize("command", [("check", "--format", "junit"), ("places", "--format", "json")])
def test_undecodable_file_name_in_a_real_process_gives_valid_output(
    fixture_env: Path, command: tuple[str, ...]
) -> None:
    (fixture_env / UNDECODABLE).write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"geomap", *(part.encode() for part in command), b"\xff.txt"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    output = done.stdout.decode("utf-8")
    parsed = ET.fromstring(done.stdout).find("testsuite").get("name") if "junit" in command else None
    assert parsed == "\ufffd.txt" or json.loads(output)[0]["article"] == "\ufffd.txt"


def test_missing_undecodable_file_name_is_one_line(fixture_env: Path) -> None:
    assert_one_line_exit_2(
        invoke("check", os.fsdecode(b"gone\xfe.txt")), "no such file or folder: gone\ufffd.txt"
    )


@pytest.mark.parametrize(
    "body", ["x = " + "[" * 50_000 + "]" * 50_000, "x = " + "{a = " * 5_000 + "}" * 5_000]
)
def test_deeply_nested_pyproject_is_one_line(fixture_env: Path, body: str) -> None:
    (fixture_env / "pyproject.toml").write_text(body + "\n", encoding="utf-8")
    (fixture_env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_one_line_exit_2(invoke("check", "a.txt"), "pyproject.toml: arrays or tables nested too deeply")


def point(properties: str) -> str:
    feature = '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.0, 35.4]}, '
    return '{"type": "FeatureCollection", "features": [' + feature + '"properties": ' + properties + "}]}"


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("deep.geojson", "[" * 100_000 + "]" * 100_000, "deep.geojson: arrays or objects nested too deeply"),
        (
            "deep.geojson",
            point('{"name": "X", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"),
            "too deeply",
        ),
        (
            "big.geojson",
            point('{"name": "X", "population": ' + "9" * 5_000 + "}"),
            "population must be a whole",
        ),
        (
            "big.csv",
            "name,lat,lon,population\nX,35.4,36.0," + "9" * 5_000 + "\n",
            "big.csv:2: population must",
        ),
        ("big.csv", "name,lat,lon,population\nX,35.4,36.0,-5\n", "from 0 to 10,000,000,000"),
    ],
)
def test_hostile_overlay_is_one_line(fixture_env: Path, name: str, body: str, message: str) -> None:
    (fixture_env / name).write_text(body, encoding="utf-8")
    assert_one_line_exit_2(invoke("gazetteer", "lookup", "X", "--gazetteer-extra", name), message)


@pytest.mark.parametrize("name", ["places.csv", "places.geojson"])
def test_overlay_saved_with_a_byte_order_mark_reads(fixture_env: Path, name: str) -> None:
    body = (
        "name,lat,lon\nQarqur Post,35.4,36.0\n" if name.endswith(".csv") else point('{"name": "Qarqur Post"}')
    )
    (fixture_env / name).write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    result = invoke("gazetteer", "lookup", "Qarqur Post", "--gazetteer-extra", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(" 1. Qarqur Post [feature]")


def test_double_star_glob_over_folders_linking_to_themselves_ends(fixture_env: Path) -> None:
    """glob.glob follows both links at every level: 2**40 paths. A real process, so a hang fails."""
    (fixture_env / "news" / "sub").mkdir(parents=True)
    (fixture_env / "news" / "sub" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (fixture_env / "news" / "self").symlink_to(".")
    (fixture_env / "news" / "again").symlink_to(".")
    (fixture_env / "news" / "sub" / "up").symlink_to("..")
    done = subprocess.run(
        [sys.executable, "-m", "geomap", "places", "--format", "json", "news/**/*.md"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert [entry["article"] for entry in json.loads(done.stdout)] == ["news/sub/a.md"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_claim_line_numbers_for_every_line_ending(fixture_env: Path, newline: str) -> None:
    (fixture_env / "a.txt").write_bytes(
        ("Headline\n\n" + "\n".join(CLAIMS) + "\n").replace("\n", newline).encode()
    )
    result = invoke("check", "--format", "json", "a.txt")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["articles"][0]["claims"]
    assert [(claim["line"], claim["sentence"]) for claim in claims] == [(3, CLAIMS[0]), (4, CLAIMS[1])]
