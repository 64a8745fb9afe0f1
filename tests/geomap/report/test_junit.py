from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from junitparser import Failure, JUnitXml, Skipped

from geomap.model import Report
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
