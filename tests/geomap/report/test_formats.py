from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml, Skipped

from gazetteer import Place
from geomap.claims.quantities import parse_quantity
from geomap.model import Article, ArticleResult, Claim, Mention, MentionKind, Report, Status, Verdict
from geomap.report.formats import SCHEMA_VERSION, ReportFormat, render

KHMEIMIM = Place("site:khmeimim-air-base", "Khmeimim Air Base", "air_base", 35.4011, 35.9486, "SY")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", population=458327)
EVIL = '<script>alert("x")</script> | **bold** [link](http://e.vil) ]]> ::error::boom %0A & `tick`'


def _verdict(text: str, sentence_text: str, status: str, line: int, offset: int) -> Verdict:
    start = offset + sentence_text.index(text)
    subject = Mention(start, start + 8, "Khmeimim", MentionKind.PLACE, KHMEIMIM, 1.0)
    reference = Mention(start + 30, start + 36, "Tartus", MentionKind.PLACE, TARTUS, 1.0)
    claim = Claim(
        kind="distance",
        text=text,
        start=start,
        end=start + len(text),
        sentence=sentence_text,
        line=line,
        subject=subject,
        reference=reference,
        quantity=parse_quantity("around 60km"),
        sentence_start=offset,
    )
    explanation = {
        Status.HOLDS: "claimed about 60 km, measured 57.1 km (allowed 38.6-81.4 km)",
        Status.CONTRADICTED: "claimed about 160 km, measured 57.1 km (allowed 129.0-191.0 km)",
        Status.UNVERIFIABLE: f"cannot check: reference: {EVIL!r} is not in the gazetteer",
    }[status]
    measured = None if status == Status.UNVERIFIABLE else 57.1
    return Verdict(claim, status, explanation, measured, None if measured is None else 6.2)


@pytest.fixture()
def report() -> Report:
    first = "Khmeimim is located around 60km from Tartus."
    evil_sentence = f"Khmeimim {EVIL}\nis around 60km from Tartus."
    article_a = Article("news/a <b>.txt", f"Intro.\n{first}")
    article_b = Article("news/b,c:d.md", evil_sentence)
    return Report(
        (
            ArticleResult(article_a, (), (_verdict(first[:-1], first, Status.HOLDS, 2, 7),)),
            ArticleResult(
                article_b,
                (),
                (
                    _verdict(evil_sentence[:-1], evil_sentence, Status.CONTRADICTED, 1, 0),
                    _verdict(evil_sentence[:-1], evil_sentence, Status.UNVERIFIABLE, 1, 0),
                ),
            ),
            ArticleResult(Article("empty.txt", "Nothing here."), (), ()),
        )
    )


@pytest.mark.parametrize("output_format", list(ReportFormat))
def test_every_format_renders_and_ends_with_a_newline(report: Report, output_format: ReportFormat) -> None:
    text = render(report, output_format)
    assert text.endswith("\n")
    assert render(Report(()), output_format).endswith("\n")


def test_markdown_escapes_article_text(report: Report) -> None:
    text = render(report, "markdown")
    assert "<script>" not in text and "](http" not in text and "**bold**" not in text and "`tick`" not in text


def test_junit_escapes_article_text(report: Report) -> None:
    text = render(report, "junit")
    assert "<script>" not in text and "]]>" not in text
    ElementTree.fromstring(text.encode("utf-8"))


def test_github_escapes_article_text(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert len(lines) == 4  # the newline in the sentence did not start a new (forged) command
    assert "%250A" in lines[1]  # a literal "%0A" in the article is not turned into a newline
    for line in lines[:3]:
        command, _, message = line.partition("::")[2].partition("::")
        assert "::" not in command and message


def test_text_table(report: Report) -> None:
    text = render(report, "text")
    assert "== news/a <b>.txt: 1 claim(s)" in text
    assert "sentence: Khmeimim is located around 60km from Tartus." in text
    assert "57.1 km" in text and "holds" in text and "contradicted" in text
    assert "(no geographic claims found)" in text
    assert text.rstrip().endswith("3 claims in 3 articles: 1 holds, 1 contradicted, 1 unverifiable")


def test_json_schema(report: Report) -> None:
    document = json.loads(render(report, "json"))
    assert document["version"] == SCHEMA_VERSION
    assert document["summary"] == {
        "articles": 3,
        "claims": 3,
        "holds": 1,
        "contradicted": 1,
        "unverifiable": 1,
    }
    claim = document["articles"][0]["claims"][0]
    assert claim["kind"] == "distance" and claim["verdict"] == "holds"
    assert claim["claimed"] == {
        "value": 60.0,
        "unit": "km",
        "hedge": "about",
        "km": 60.0,
        "low_km": None,
        "high_km": None,
        "text": "around 60km",
    }
    assert claim["measured_km"] == 57.1 and claim["bearing_deg"] == 6.2
    assert (
        claim["subject"]["name"] == "Khmeimim Air Base" and claim["subject"]["id"] == "site:khmeimim-air-base"
    )
    assert (claim["reference"]["lat"], claim["reference"]["lon"]) == (TARTUS.lat, TARTUS.lon)
    assert claim["line"] == 2
    article_text = f"Intro.\n{claim['sentence']}"
    assert article_text[claim["start"] : claim["end"]] == claim["text"]


def test_json_schema_document_lists_every_field(report: Report) -> None:
    schema = (Path(__file__).resolve().parents[3] / "docs" / "claim-report-schema.md").read_text()
    document = json.loads(render(report, "json"))
    claim = document["articles"][0]["claims"][0]
    for key in [*document, *document["summary"], *claim, *claim["claimed"], *claim["subject"]]:
        assert f"`{key}`" in schema, key


def test_junit_is_read_by_junitparser(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.xml"
    path.write_text(render(report, "junit"), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    assert len(cases) == 3
    results = [type(r) for case in cases for r in case.result]
    assert results.count(Failure) == 1 and results.count(Skipped) == 1
    failure = next(r for case in cases for r in case.result if isinstance(r, Failure))
    assert "claimed about 160 km" in (failure.message or "")
    assert "<script>" in (failure.text or "")  # the sentence, escaped in XML, reads back intact
    root = ElementTree.parse(path).getroot()
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("skipped") == "1"


def test_github_annotations(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert lines[0].startswith("::notice file=news/a <b>.txt,line=2,title=geomap%3A distance claim holds::")
    assert lines[1].startswith("::error file=news/b%2Cc%3Ad.md,line=1,")
    assert lines[2].startswith("::warning ")
    assert len(lines) == 4 and lines[-1].startswith("3 claims")
    assert all("\n" not in line for line in lines)


def test_markdown_for_a_pull_request(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("## geomap claim check\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Line" not in line]
    assert len(rows) == 3
    assert all(line.count(" | ") == 5 for line in rows)  # article pipes are escaped, not cells
    assert "❌ contradicted" in text and "✅ holds" in text
    assert "empty" not in text


def test_unknown_format_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="is not a valid ReportFormat"):
        render(Report(()), "yaml")
