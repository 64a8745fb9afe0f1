"""A one-line warning on stderr for an article that does not look English; never a failure."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import invoke

FRENCH = (
    "La base aérienne de Khmeimim se trouve à environ 60 km de la base navale de Tartus, et les avions "
    "sont partis vers le nord pendant la nuit.\n"
)
ENGLISH = "Khmeimim Air Base is located around 60km from the naval facility at Tartus.\n"


def test_french_article_warns_once_and_is_still_checked(fixture_env: Path) -> None:
    (fixture_env / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (fixture_env / "en.txt").write_text(ENGLISH, encoding="utf-8")
    result = invoke("check", "fr.txt", "en.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "warning: fr.txt does not look English (its function words are not English; closest list: "
        "French); its places and claims may be wrong"
    ]
    assert [a["name"] for a in json.loads(result.stdout)["articles"]] == ["fr.txt", "en.txt"]


def test_places_and_map_warn_too(fixture_env: Path) -> None:
    (fixture_env / "fr.txt").write_text(FRENCH, encoding="utf-8")
    for args in (["places", "fr.txt"], ["map", "fr.txt", "-o", "fr.html"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert "fr.txt does not look English" in result.stderr


def test_english_article_gives_no_warning(fixture_env: Path) -> None:
    (fixture_env / "en.txt").write_text(ENGLISH, encoding="utf-8")
    result = invoke("check", "en.txt")
    assert result.exit_code == 0 and result.stderr == ""


def test_warning_escapes_the_file_name(fixture_env: Path) -> None:
    (fixture_env / "fr\x1b[31m.txt").write_text(FRENCH, encoding="utf-8")
    result = invoke("check", "fr\x1b[31m.txt")
    assert "\x1b" not in result.stderr and "does not look English" in result.stderr
