"""An unreadable or undecodable file among good ones: every format reports it, the rest is checked, exit 2."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from junitparser import Error, JUnitXml

from geomap.escape import escape_markdown
from tests.cli.helpers import invoke

GOOD = "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"
#: Windows-1252 text: "é" is the single byte 0xE9, not UTF-8.
CP1252 = "Le café de Latakia.\n".encode("cp1252")
REASON = "not UTF-8 text (invalid continuation byte at byte 6)"


@pytest.fixture()
def folder(fixture_env: Path) -> Path:
    news = fixture_env / "news"
    news.mkdir()
    (news / "a.txt").write_text(GOOD, encoding="utf-8")
    (news / "b-old.txt").write_bytes(CP1252)
    (news / "c.txt").write_text(GOOD.replace("60km", "61km"), encoding="utf-8")
    (news / "d.txt").write_bytes(b"PK\x03\x04\x00\x00 zipped")
    return news


def _check(*args: str) -> tuple[int, str, str]:
    result = invoke("check", "news", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_every_format_reports_the_bad_files_and_checks_the_rest(folder: Path) -> None:
    for form in ("text", "json", "markdown", "junit", "github", "csv"):
        code, out, err = _check("--format", form)
        assert code == 2, (form, out, err)
        assert err == f"error: news/b-old.txt: {REASON}\nerror: news/d.txt: binary file, not a text article\n"
        if form == "json":
            document = json.loads(out)
            assert [a["name"] for a in document["articles"]] == ["news/a.txt", "news/c.txt"]
            assert document["errors"] == [
                {"name": "news/b-old.txt", "reason": REASON},
                {"name": "news/d.txt", "reason": "binary file, not a text article"},
            ]
            assert document["summary"]["errors"] == 2 and document["summary"]["claims"] == 2
        elif form == "csv":
            rows = list(csv.DictReader(io.StringIO(out, newline="")))
            assert [(r["article"], r["verdict"]) for r in rows] == [
                ("news/a.txt", "holds"),
                ("news/c.txt", "holds"),
                ("news/b-old.txt", "unreadable"),
                ("news/d.txt", "unreadable"),
            ]
        elif form == "github":
            assert f"::error file=news/b-old.txt,title=geomap%3A cannot read::{REASON}" in out.splitlines()
            assert out.rstrip().endswith("2 files could not be read")
        elif form == "markdown":
            assert f"- {escape_markdown(f'error: news/b-old.txt: {REASON}')}" in out.splitlines()
        elif form == "text":
            assert f"error: news/b-old.txt: {REASON}" in out.splitlines() and "2 claims in 2 articles" in out


def test_junit_has_an_error_case_per_bad_file(folder: Path, fixture_env: Path) -> None:
    code, out, _ = _check("--format", "junit", "-o", "out/report.xml")
    assert code == 2 and out == ""
    xml = JUnitXml.fromfile(str(fixture_env / "out/report.xml"))
    cases = [case for suite in xml for case in suite]
    errors = [(case.name, r.message) for case in cases for r in case.result if isinstance(r, Error)]
    assert errors == [
        ("read news/b-old.txt", REASON),
        ("read news/d.txt", "binary file, not a text article"),
    ]
    assert len(cases) == 4 and xml.errors == 2


def test_places_lists_the_good_files_and_exits_2(folder: Path) -> None:
    result = invoke("places", "news", "--format", "json")
    assert result.exit_code == 2
    assert [a["article"] for a in json.loads(result.stdout)] == ["news/a.txt", "news/c.txt"]
    assert f"error: news/b-old.txt: {REASON}" in result.stderr


def test_a_file_without_read_permission_is_reported_too(folder: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    (folder / "b-old.txt").unlink()
    (folder / "d.txt").chmod(0)
    code, out, err = _check("--format", "json")
    assert code == 2 and "Permission denied" in json.loads(out)["errors"][0]["reason"], err


def test_standard_input_that_is_not_utf8_is_reported(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text(GOOD, encoding="utf-8")
    from click.testing import CliRunner

    from geomap.cli import main

    result = CliRunner().invoke(main, ["check", "a.txt", "-", "--format", "json"], input=CP1252)
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"] == [{"name": "-", "reason": REASON}]


def test_a_real_subprocess_writes_the_report_then_exits_2(
    folder: Path, fixture_env: Path, cli_cache_dir: Path
) -> None:
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cli_cache_dir)}
    command = [sys.executable, "-m", "geomap", "check", "news", "--format", "json", "-o", "r.json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=fixture_env, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(json.loads((fixture_env / "r.json").read_text(encoding="utf-8"))["errors"]) == 2


def test_the_map_shows_the_readable_articles_and_names_the_bad_files(folder: Path) -> None:
    result = invoke("map", "news", "-o", "out.html")
    assert result.exit_code == 2, result.output
    page = Path("out.html").read_text(encoding="utf-8")
    assert "Khmeimim" in page and "Le café" not in page
    assert "b-old.txt" in result.stderr and "d.txt" in result.stderr


def test_per_article_maps_are_written_for_the_readable_articles(folder: Path) -> None:
    result = invoke("map", "news", "--per-article", "-o", "pages")
    assert result.exit_code == 2, result.output
    assert (Path("pages") / "index.html").is_file() and (Path("pages") / "a.html").is_file()
    assert not (Path("pages") / "b-old.html").exists()
