"""`geomap eval` end to end on fixture corpora and the fixture gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from geomap.cli import main

CORPORA = Path(__file__).parent.parent / "fixtures" / "corpora"


def test_text_report_for_three_formats(fixture_env: Path) -> None:
    paths = [str(CORPORA / name) for name in ("lgl_small.xml", "trnews_small.xml", "geovirus_small.xml")]
    result = CliRunner().invoke(main, ["eval", *paths, "--gold-spans"])
    assert result.exit_code == 0, result.output
    for name in ("lgl_small", "trnews_small", "geovirus_small", "gold spans", "end-to-end", "acc@161"):
        assert name in result.output
    assert "geovirus_small: demonyms not counted" in result.output


def test_json_report(fixture_env: Path) -> None:
    result = CliRunner().invoke(
        main, ["eval", str(CORPORA / "lgl_small.xml"), "--format", "json", "--gold-spans"]
    )
    assert result.exit_code == 0, result.output
    [score] = json.loads(result.output)
    assert score["corpus"] == "lgl_small" and score["articles"] == 2
    assert score["recognition"]["exact"]["recall"] == 0.875
    assert score["gold_spans"]["accuracy_161km"] == 1.0
    assert score["end_to_end"]["toponyms"] == 7


def test_demonyms_exclude_changes_recognition(fixture_env: Path) -> None:
    path = str(CORPORA / "lgl_small.xml")
    include = json.loads(CliRunner().invoke(main, ["eval", path, "--format", "json"]).output)[0]
    exclude = json.loads(
        CliRunner().invoke(main, ["eval", path, "--format", "json", "--demonyms", "exclude"]).output
    )[0]
    assert include["recognition"]["predicted"] == exclude["recognition"]["predicted"] + 1


def test_bad_corpus_is_one_line_exit_2(fixture_env: Path) -> None:
    (fixture_env / "bad.xml").write_text("<html></html>")
    result = CliRunner().invoke(main, ["eval", "bad.xml"])
    assert result.exit_code == 2
    assert "not a geoparsing corpus" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(main, ["eval", "missing.xml"])
    assert missing.exit_code == 2
