"""The `junit` check format: JUnit XML for CI test reports, built with xml.etree."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geomap.escape import escape_terminal, escape_xml
from geomap.model import Report, Status, Verdict
from geomap.report.base import Renderer

if TYPE_CHECKING:
    from xml.etree import ElementTree

#: Written by hand: ElementTree's own declaration uses single quotes and a lower-case encoding.
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class JunitRenderer(Renderer):
    """JUnit XML: a suite per article, a case per claim; contradicted fails, unverifiable is skipped."""

    def render(self, report: Report) -> str:
        from xml.etree import ElementTree

        root = ElementTree.Element("testsuites", _totals("geomap check", report.verdicts))
        for result in report.results:
            suite = _element(root, "testsuite", **_totals(result.article.name, result.verdicts))
            for verdict in result.verdicts:
                _case(suite, result.article.name, verdict)
            if not result.verdicts:
                suite.text = "\n  "  # an open and a close tag on two lines, not <testsuite ... />
        if not report.results:
            root.text = "\n"
        ElementTree.indent(root, space="  ")
        return f"{DECLARATION}\n{ElementTree.tostring(root, encoding='unicode')}\n"


def _case(suite: ElementTree.Element, article: str, verdict: Verdict) -> None:
    """A testcase for one claim: a failure when contradicted, skipped when unverifiable."""
    claim = verdict.claim
    case = _element(
        suite,
        "testcase",
        classname=f"geomap.{claim.kind}",
        name=f"line {claim.line}: {escape_terminal(claim.text)}",
        file=article,
        line=str(claim.line),
        time="0",
    )
    message = escape_terminal(verdict.explanation)
    if verdict.status == Status.CONTRADICTED:
        _element(case, "failure", claim.sentence, type="contradicted", message=message)
    elif verdict.status == Status.UNVERIFIABLE:
        _element(case, "skipped", message=message)
    else:
        _element(case, "system-out", message)


def _totals(name: str, verdicts: Sequence[Verdict]) -> dict[str, str]:
    """The attributes a testsuites or testsuite element opens with: its name and counts."""
    counts = Counter(verdict.status for verdict in verdicts)
    return {
        "name": _xml_chars(name),
        "tests": str(len(verdicts)),
        "failures": str(counts[Status.CONTRADICTED]),
        "errors": "0",
        "skipped": str(counts[Status.UNVERIFIABLE]),
        "time": "0",
    }


def _element(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
) -> ElementTree.Element:
    """A child element whose text and attribute values hold only characters XML 1.0 allows."""
    from xml.etree import ElementTree

    child = ElementTree.SubElement(parent, tag, {key: _xml_chars(v) for key, v in attributes.items()})
    if text is not None:
        child.text = _xml_chars(text)
    return child


def _xml_chars(text: str) -> str:
    """`text` without the characters XML 1.0 forbids; ElementTree escapes the rest itself.

    escape_xml is the one place that knows the forbidden set; undoing its entity escaping
    leaves exactly the text with those characters dropped.
    """
    return html.unescape(escape_xml(text))
