"""`geomap check` end to end: CliRunner on the fixture gazetteer, plus real subprocess runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from junitparser import Failure, JUnitXml

from geomap.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Russia began construction of the Khmeimim Air Base near Latakia in 2015.\n"
    "Khmeimim Air Base is located around {km} from the Russian naval facility at Tartus, which was "
    "built by the Soviet Union in 1971.\n"
)


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def write(folder: Path, name: str, km: str = "60km") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(km=km), encoding="utf-8")
    return path


def distance_claims(document: dict) -> list[dict]:
    return [c for a in document["articles"] for c in a["claims"] if c["kind"] == "distance"]


def test_true_claim_holds_exit_0(fixture_env: Path) -> None:
    write(fixture_env, "articles/base.txt")
    result = invoke("check", "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    (claim,) = distance_claims(json.loads(result.stdout))
    assert claim["verdict"] == "holds"
    assert claim["measured_km"] == pytest.approx(57.1, abs=1.0)
    assert claim["subject"]["name"] == "Khmeimim Air Base"
    assert claim["line"] == 2
    assert claim["claimed"]["hedge"] == "about" and claim["claimed"]["km"] == 60


def test_false_claim_is_contradicted_exit_1_and_junit_fails_once(fixture_env: Path) -> None:
    write(fixture_env, "articles/base.txt", km="160km")
    result = invoke("check", "articles/base.txt", "--format", "junit", "--output", "report.xml")
    assert result.exit_code == 1, result.output
    xml = JUnitXml.fromfile(str(fixture_env / "report.xml"))
    failures = [r for suite in xml for case in suite for r in case.result if isinstance(r, Failure)]
    assert len(failures) == 1
    assert "claimed about 160 km, measured 57.1 km" in (failures[0].message or "")


@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "junit", "github"])
def test_every_format_from_the_command_line(fixture_env: Path, output_format: str) -> None:
    write(fixture_env, "a.txt", km="160km")
    result = invoke("check", "a.txt", "--format", output_format)
    assert result.exit_code == 1
    assert "160" in result.stdout


def test_text_report_shows_sentence_claim_measured_and_verdict(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    text = invoke("check", "a.txt").stdout
    assert "Khmeimim Air Base is located around 60km from" in text
    assert "sentence: Khmeimim Air Base is located around 60km" in text
    assert "57.1 km" in text and "holds" in text


def test_github_annotations_carry_file_and_line(fixture_env: Path) -> None:
    write(fixture_env, "news/a.txt", km="160km")
    lines = invoke("check", "news/a.txt", "--format", "github").stdout.splitlines()
    assert any(line.startswith("::error file=news/a.txt,line=2,") for line in lines)


def test_stdin_and_globs(fixture_env: Path) -> None:
    result = invoke("check", "-", "--format", "json", stdin=ARTICLE.format(km="60km"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["name"] == "-"
    write(fixture_env, "x/one.txt")
    write(fixture_env, "x/two.md", km="160 km")
    result = invoke("check", "x/*.txt", "--format", "json")
    assert [a["name"] for a in json.loads(result.stdout)["articles"]] == ["x/one.txt"]
    assert invoke("check", "x").exit_code == 1


def test_unverifiable_fails_only_when_strict(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text("Jablah is 60 km from the sea.\n", encoding="utf-8")
    relaxed = invoke("check", "a.txt", "--format", "json")
    assert relaxed.exit_code == 0, relaxed.output
    (claim,) = json.loads(relaxed.stdout)["articles"][0]["claims"]
    assert claim["verdict"] == "unverifiable" and "reference" in claim["explanation"]
    assert invoke("check", "a.txt", "--strict").exit_code == 1


def test_settings_from_pyproject_and_flags_override(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text("Jablah is 60 km from the sea.\n", encoding="utf-8")
    (fixture_env / "pyproject.toml").write_text("[tool.geomap]\nstrict = true\n", encoding="utf-8")
    assert invoke("check", "a.txt").exit_code == 1
    assert invoke("check", "a.txt", "--no-strict").exit_code == 0
    write(fixture_env, "b.txt", km="75km")
    assert invoke("check", "b.txt", "--no-strict").exit_code == 0
    assert invoke("check", "b.txt", "--no-strict", "--relative-tolerance", "0").exit_code == 1
    (fixture_env / "pyproject.toml").write_text("[tool.geomap]\nrelative-tolerance = 0\n", encoding="utf-8")
    assert invoke("check", "b.txt").exit_code == 1
    assert invoke("check", "b.txt", "--relative-tolerance", "0.5").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "missing.txt"],
        ["check", "no/such/*.txt"],
        ["check", "a.txt", "--format", "yaml"],
        ["check", "a.txt", "--relative-tolerance", "-1"],
        ["check", "binary.txt"],
        ["check", "a.txt", "--output", "a.txt/out.json"],  # a file where a folder must be
    ],
)
def test_bad_usage_or_input_exits_2_without_traceback(fixture_env: Path, args: list[str]) -> None:
    write(fixture_env, "a.txt")
    (fixture_env / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_bad_pyproject_exits_2(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    (fixture_env / "pyproject.toml").write_text("[tool.geomap]\ntolerance = 3\n", encoding="utf-8")
    result = invoke("check", "a.txt")
    assert result.exit_code == 2 and "valid keys" in result.output


def test_output_file_is_written_whole(fixture_env: Path) -> None:
    write(fixture_env, "a.txt")
    result = invoke("check", "a.txt", "--format", "markdown", "-o", "comment.md")
    assert result.exit_code == 0 and result.stdout == ""
    assert (fixture_env / "comment.md").read_text(encoding="utf-8").startswith("## geomap claim check")
    assert [p.name for p in fixture_env.iterdir() if p.name.startswith(".comment")] == []


def _geomap() -> list[str]:
    command = shutil.which("geomap")
    return [command] if command else [sys.executable, "-m", "geomap"]


def test_real_subprocess_exit_codes(fixture_env: Path) -> None:
    write(fixture_env, "good.txt")
    write(fixture_env, "bad.txt", km="160km")
    good = subprocess.run(
        [*_geomap(), "check", "good.txt"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    assert "57.1 km" in good.stdout
    bad = subprocess.run(
        [*_geomap(), "check", "good.txt", "bad.txt", "--format", "junit"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1, bad.stderr
    assert bad.stdout.count("<failure ") == 1


def test_seed_articles_acceptance(fixture_env: Path) -> None:
    """The repository's seed folder: the Khmeimim-Tartus claim holds at 57.1 km, exit 0."""
    result = invoke("check", str(ROOT / "seeds"), "--format", "json")
    assert result.exit_code == 0, result.output
    claims = [c for c in distance_claims(json.loads(result.stdout)) if "Khmeimim" in c["text"]]
    assert [c["verdict"] for c in claims] == ["holds"]
    assert claims[0]["measured_km"] == pytest.approx(57.1, abs=1.0)
    assert claims[0]["subject"]["id"] == "site:khmeimim-air-base"


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: geomap-check" in text and "entry: geomap check" in text
