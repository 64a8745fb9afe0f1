from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from junitparser import Failure, JUnitXml, Skipped

from geomap.escape import escape_terminal
from geomap.model import Article, ArticleResult, Claim, ClaimKind, Report, Status, Verdict
from geomap.report import render


def test_junit_escapes_article_text(report: Report) -> None:
    text = render(report, "junit")
    assert "<script>" not in text and "]]>" not in text
    ElementTree.fromstring(text.encode("utf-8"))


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


def _claim_report(name: str, claim_text: str, sentence: str, status: Status) -> Report:
    claim = Claim(ClaimKind.DISTANCE, claim_text, 0, len(claim_text), sentence, 1, None, None)
    verdict = Verdict(claim, status, f"why: {claim_text}")
    return Report((ArticleResult(Article(name, sentence), (), (verdict,)),))


def _xml_chars(text: str) -> str:
    """What survives of `text` in XML 1.0: the characters it forbids dropped."""
    return "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))


@settings(max_examples=200, deadline=None)
@given(name=st.text(), claim_text=st.text(), sentence=st.text(), status=st.sampled_from(Status))
def test_junit_is_well_formed_for_any_text(name: str, claim_text: str, sentence: str, status: Status) -> None:
    text = render(_claim_report(name, claim_text, sentence, status), "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ElementTree.fromstring(text.encode("utf-8"))
    [suite] = root
    [case] = suite
    assert suite.get("name") == _xml_chars(name) and case.get("file") == _xml_chars(name)
    assert case.get("name") == f"line 1: {_xml_chars(escape_terminal(claim_text))}"
    if status == Status.CONTRADICTED:
        failure = case.find("failure")
        assert failure is not None
        assert (failure.text or "") == _xml_chars(sentence).replace("\r\n", "\n").replace("\r", "\n")
    [parsed] = JUnitXml.fromstring(text.encode("utf-8"))
    assert [c.name for c in parsed] == [case.get("name")]


def test_junit_drops_characters_xml_forbids() -> None:
    text = render(_claim_report("a\x00b\x1b.txt", "x\x0by", "s\ufffet", Status.CONTRADICTED), "junit")
    root = ElementTree.fromstring(text)
    assert root[0].get("name") == "ab.txt"
    assert root[0][0].get("name") == "line 1: x y" and root[0][0].find("failure").text == "st"
