"""Waivers, pins and settings files end to end: CliRunner on the fixture gazetteer."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_exit_2, invoke

BASE = "Khmeimim Air Base is located around {km} from the Russian naval facility at Tartus.\n"
LATAKIA = (35.53168, 35.79011)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def claims(output: str) -> list[dict]:
    return [claim for article in json.loads(output)["articles"] for claim in article["claims"]]


def fingerprint_of(path: str) -> str:
    result = invoke("check", path, "--format", "json")
    (claim,) = claims(result.stdout)
    return str(claim["fingerprint"])


def test_a_fingerprint_survives_other_lines_moving(fixture_env: Path) -> None:
    story = write(fixture_env / "news/a.txt", BASE.format(km="160km"))
    before = fingerprint_of("news/a.txt")
    story.write_text("A new first paragraph.\n\nAnd another.\n" + story.read_text(), encoding="utf-8")
    assert fingerprint_of("news/a.txt") == before
    assert fingerprint_of("./news/a.txt") == before


def test_a_waiver_waives_its_claim_in_every_format_and_never_fails(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", BASE.format(km="160km"))
    fingerprint = fingerprint_of("news/a.txt")
    assert invoke("check", "news/a.txt").exit_code == 1
    reason = "The desk measured it by road; see ticket 12."
    write(
        fixture_env / "pyproject.toml",
        f'[[tool.geomap.waive]]\nclaim = "{fingerprint}"\nreason = "{reason}"\n',
    )
    for form in ("text", "json", "markdown", "junit", "github", "csv"):
        result = invoke("check", "news/a.txt", "--format", form, "--strict")
        assert result.exit_code == 0, (form, result.output)
        assert "warning" not in result.stderr
        if form == "json":
            (claim,) = claims(result.stdout)
            assert claim["verdict"] == "waived" and claim["waiver"] == reason
            assert json.loads(result.stdout)["summary"]["waived"] == 1
        elif form == "junit":
            case = ElementTree.fromstring(result.stdout).find("testsuite/testcase")
            assert case is not None and case.find("failure") is None
            skipped = case.find("skipped")
            assert skipped is not None and reason in skipped.get("message", "")
        elif form == "csv":
            (row,) = csv.DictReader(io.StringIO(result.stdout, newline=""))
            assert (row["verdict"], row["waiver"], row["fingerprint"]) == ("waived", reason, fingerprint)
        elif form == "github":
            assert "::error" not in result.stdout and "1 waived" in result.stdout
            assert (
                result.stdout.startswith("::notice file=news/a.txt,line=1,") and "ticket 12" in result.stdout
            )
        else:
            assert "waived" in result.stdout and "ticket 12" in result.stdout, form


def test_a_waiver_that_matches_no_claim_is_reported(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", BASE.format(km="60km"))
    write(fixture_env / "pyproject.toml", '[[tool.geomap.waive]]\nclaim = "0123456789ab"\nreason = "old"\n')
    result = invoke("check", "news/a.txt", "--format", "json")
    assert result.exit_code == 0
    assert "warning: waiver 0123456789ab (old) matches no claim" in result.stderr
    (notice,) = json.loads(result.stdout)["notices"]
    assert notice == {
        "kind": "unmatched_waiver",
        "message": "waiver 0123456789ab (old) matches no claim",
        "key": "0123456789ab",
    }
    assert "warning: waiver 0123456789ab" in invoke("check", "news/a.txt").stdout


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[[tool.geomap.waive]]\nclaim = "abc"\nreason = "x"\n',
            "waive #1: claim must be a fingerprint of 12 hex digits",
        ),
        ('[[tool.geomap.waive]]\nclaim = "0123456789ab"\n', "waive #1: reason must be a non-empty string"),
        ('[tool.geomap]\nwaive = "0123456789ab"\n', "waive must be an array of tables"),
        ('[[tool.geomap.waive]]\nclaim = "0123456789ab"\nreason = "x"\nwhy = 1\n', "unknown key 'why'"),
        (
            '[[tool.geomap.pin]]\nname = "Tartus"\narticles = "*.txt"\n',
            "give either place (a gazetteer id) or lat and lon",
        ),
        (
            '[[tool.geomap.pin]]\nname = "Tartus"\narticles = "*.txt"\nlat = 95\nlon = 1\n',
            "lat must be a number from -90 to 90",
        ),
        (
            '[[tool.geomap.pin]]\nname = "Tartus"\nlat = 5\nlon = 1\n',
            "articles must be a glob or a list of globs",
        ),
        (
            '[[tool.geomap.pin]]\nname = "Tartus"\narticles = "*"\nlat = 5\nlon = 1\nkind = "town"\n',
            "kind 'town' is not a place kind",
        ),
        (
            '[[tool.geomap.pin]]\nname = "Tartus"\narticles = "*"\nplace = "geonames:1"\nlat = 5\n',
            "give either place",
        ),
    ],
)
def test_an_invalid_waiver_or_pin_is_one_line_exit_2(fixture_env: Path, body: str, message: str) -> None:
    write(fixture_env / "news/a.txt", BASE.format(km="60km"))
    write(fixture_env / "pyproject.toml", body)
    assert_one_line_exit_2(invoke("check", "news/a.txt"), message)


def test_a_pin_by_id_applies_to_matching_articles_only(fixture_env: Path) -> None:
    write(fixture_env / "news/pinned.txt", BASE.format(km="60km"))
    write(fixture_env / "news/other.txt", BASE.format(km="60km"))
    write(
        fixture_env / "pyproject.toml",
        '[[tool.geomap.pin]]\nname = "Tartus"\narticles = "pinned.*"\nplace = "geonames:173576"\n',
    )
    result = invoke("check", "news", "--format", "json")
    assert result.exit_code == 1, result.output  # Latakia is 20 km from the base, not 60
    by_article = {a["name"]: a["claims"] for a in json.loads(result.stdout)["articles"]}
    (pinned,) = by_article["news/pinned.txt"]
    (other,) = by_article["news/other.txt"]
    assert (
        pinned["reference"]["id"] == "geonames:173576"
        and pinned["reference"]["evidence"] == "pinned by config"
    )
    assert pinned["verdict"] == "contradicted" and "confidence 1.00" in pinned["explanation"]
    assert other["reference"]["id"] == "geonames:163345" and other["reference"]["evidence"] is None
    assert other["verdict"] == "holds"
    places = invoke("places", "news/pinned.txt", "--format", "csv")
    rows = {row["surface"]: row for row in csv.DictReader(io.StringIO(places.stdout, newline=""))}
    assert rows["Tartus"]["id"] == "geonames:173576" and rows["Tartus"]["evidence"] == "pinned by config"


def test_a_pin_by_lat_lon_resolves_a_name_the_gazetteer_lacks(fixture_env: Path) -> None:
    story = "Swanton lies about 20 km from Khmeimim Air Base.\n"
    write(fixture_env / "news/a.txt", story)
    before = claims(invoke("check", "news/a.txt", "--format", "json").stdout)
    assert before and all(claim["verdict"] == "unverifiable" for claim in before)
    lat, lon = LATAKIA
    write(
        fixture_env / "geomap.toml",
        f'[[pin]]\nname = "Swanton"\narticles = ["news/*.txt"]\nlat = {lat}\nlon = {lon}\ncountry = "sy"\n',
    )
    (claim,) = claims(invoke("check", "news/a.txt", "--format", "json").stdout)
    assert claim["subject"]["name"] == "Swanton" and claim["subject"]["country_code"] == "SY"
    assert claim["subject"]["id"] == "pin:swanton" and claim["verdict"] == "holds", claim["explanation"]


def test_an_unknown_place_id_is_one_line_exit_2(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", BASE.format(km="60km"))
    write(fixture_env / "geomap.toml", '[[pin]]\nname = "Tartus"\narticles = "*"\nplace = "geonames:1"\n')
    assert_one_line_exit_2(invoke("check", "news/a.txt"), "no place with id 'geonames:1' in the gazetteer")


def test_a_pin_that_matches_no_article_is_reported(fixture_env: Path) -> None:
    write(fixture_env / "news/a.txt", BASE.format(km="60km"))
    write(
        fixture_env / "geomap.toml",
        '[[pin]]\nname = "Tartus"\narticles = "sport/*"\nplace = "geonames:173576"\n',
    )
    for command in ("check", "places"):
        result = invoke(command, "news/a.txt")
        assert result.exit_code == 0, result.output
        assert "warning: pin 'Tartus' (sport/*) matches no article that names it" in result.stderr


def test_the_settings_file_nearest_the_articles_wins(fixture_env: Path) -> None:
    write(fixture_env / "desk/news/a.txt", BASE.format(km="160km"))
    fingerprint = fingerprint_of("desk/news/a.txt")
    write(fixture_env / "pyproject.toml", "[tool.geomap]\nstrict = true\n")
    write(fixture_env / "desk/geomap.toml", f'[[waive]]\nclaim = "{fingerprint}"\nreason = "accepted"\n')
    result = invoke("check", "desk/news", "--format", "json")
    assert result.exit_code == 0, result.output
    assert claims(result.stdout)[0]["verdict"] == "waived"
    (fixture_env / "desk/geomap.toml").write_text("near-km = -1\n", encoding="utf-8")
    assert_one_line_exit_2(invoke("check", "desk/news"), "geomap.toml: invalid value for near-km: -1")
    (fixture_env / "desk/geomap.toml").write_text("[tool.geomap]\nstrict = true\n", encoding="utf-8")
    assert_one_line_exit_2(invoke("check", "desk/news"), "geomap.toml: unknown key 'tool'")
