"""`--exclude GLOB` and the `exclude` setting on every command that reads article paths."""

from __future__ import annotations

import json
from pathlib import Path, PurePath

import pytest

from geomap.articles import is_excluded
from tests.cli.helpers import assert_one_line_exit_2, invoke

ARTICLE = "Protesters gathered in Latakia and Tartus on Friday.\n"


def tree(root: Path) -> Path:
    """articles/{a.txt, b.md, drafts/c.txt, old/2019/d.txt}."""
    folder = root / "articles"
    for name in ("a.txt", "b.md", "drafts/c.txt", "old/2019/d.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    return folder


def names_checked(*args: str) -> list[str]:
    result = invoke("check", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [article["name"] for article in json.loads(result.stdout)["articles"]]


@pytest.mark.parametrize(
    ("path", "pattern", "excluded"),
    [
        ("articles/drafts/c.txt", "drafts", True),  # a folder name anywhere
        ("articles/drafts/c.txt", "drafts/", True),
        ("articles/drafts/c.txt", "./articles/drafts/*", True),
        ("articles/drafts/c.txt", "articles/drafts/**", True),
        ("articles/old/2019/d.txt", "old/*", True),  # * crosses folders
        ("articles/b.md", "*.md", True),
        ("articles/a.txt", "*.md", False),
        ("articles/a.txt", "a", False),  # the file's stem is not its name
        ("articles/a.txt", "rticles", False),  # parts match whole, not inside
        ("/srv/articles/a.txt", "/srv/articles/*", True),
        ("/srv/articles/a.txt", "srv", True),
        ("articles/A.TXT", "*.txt", False),  # case matters, as in git
    ],
)
def test_is_excluded(path: str, pattern: str, excluded: bool) -> None:
    assert is_excluded(PurePath(path), [pattern]) is excluded


def test_exclude_is_repeatable_on_check(fixture_env: Path) -> None:
    tree(fixture_env)
    assert names_checked("articles") == [
        "articles/a.txt",
        "articles/b.md",
        "articles/drafts/c.txt",
        "articles/old/2019/d.txt",
    ]
    assert names_checked("articles", "--exclude", "drafts", "--exclude", "*.md") == [
        "articles/a.txt",
        "articles/old/2019/d.txt",
    ]


def test_exclude_applies_to_globs_and_named_files(fixture_env: Path) -> None:
    tree(fixture_env)
    assert names_checked("articles/**/*.txt", "--exclude", "old") == [
        "articles/a.txt",
        "articles/drafts/c.txt",
    ]
    # pre-commit passes the changed files by name: an excluded one is left out, not an error
    assert names_checked("articles/a.txt", "articles/b.md", "--exclude", "*.md") == ["articles/a.txt"]


def test_everything_excluded_is_an_empty_report_not_an_error(fixture_env: Path) -> None:
    tree(fixture_env)
    assert names_checked("articles", "--exclude", "*") == []


def test_exclude_on_places_and_map(fixture_env: Path) -> None:
    tree(fixture_env)
    places = invoke("places", "articles", "--format", "json", "--exclude", "drafts", "--exclude", "old")
    assert places.exit_code == 0, places.output
    assert [a["article"] for a in json.loads(places.stdout)] == ["articles/a.txt", "articles/b.md"]
    mapped = invoke("map", "articles", "-o", "m.html", "--exclude", "*.txt")
    assert mapped.exit_code == 0, mapped.output
    assert "1 article(s)" in mapped.stdout


def test_exclude_from_pyproject_and_flag_overrides_it(fixture_env: Path) -> None:
    tree(fixture_env)
    (fixture_env / "pyproject.toml").write_text(
        '[tool.geomap]\nexclude = ["drafts", "old"]\n', encoding="utf-8"
    )
    assert names_checked("articles") == ["articles/a.txt", "articles/b.md"]
    assert names_checked("articles", "--exclude", "*.md") == [
        "articles/a.txt",
        "articles/drafts/c.txt",
        "articles/old/2019/d.txt",
    ]


def test_exclude_from_the_environment(fixture_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(fixture_env)
    monkeypatch.setenv("GEOMAP_EXCLUDE", "drafts:*.md")
    assert names_checked("articles") == ["articles/a.txt", "articles/old/2019/d.txt"]


@pytest.mark.parametrize("value", ["3", "[1, 2]", "{ a = 1 }"])
def test_bad_exclude_setting_is_one_line(fixture_env: Path, value: str) -> None:
    tree(fixture_env)
    (fixture_env / "pyproject.toml").write_text(f"[tool.geomap]\nexclude = {value}\n", encoding="utf-8")
    assert_one_line_exit_2(invoke("check", "articles"), "invalid value for exclude")


def test_exclude_is_in_every_article_command_help() -> None:
    for command in ("check", "places", "map"):
        result = invoke(command, "--help")
        assert "--exclude GLOB" in result.stdout, command
