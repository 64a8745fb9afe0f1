"""The `junit` check format: JUnit XML for CI test reports, built with xml.etree."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geomap.escape import escape_terminal, escape_xml
from geomap.fingerprint import claim_fingerprint
from geomap.model import BaselineState, ReadFailure, Report, Status, Verdict
from geomap.report.base import Renderer, named_text, notice_line, why

if TYPE_CHECKING:
    from xml.etree import ElementTree

#: Written by hand: ElementTree's own declaration uses single quotes and a lower-case encoding.
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class JunitRenderer(Renderer):
    """JUnit XML: a suite per article, a case per claim; contradicted fails, the rest but holds skip.

    Unverifiable and waived claims are skipped; a file that could not be read is a case with an <error>.
    """

    def render(self, report: Report) -> str:
        from xml.etree import ElementTree

        root = ElementTree.Element("testsuites", _totals("geomap check", report.verdicts))
        root.set("errors", str(len(report.failures)))
        root.set("tests", str(len(report.verdicts) + len(report.failures)))
        for result in report.results:
            suite = _element(root, "testsuite", **_totals(result.article.name, result.verdicts))
            for verdict in result.verdicts:
                _case(suite, result.article.name, verdict)
            if not result.verdicts:
                suite.text = "\n  "  # an open and a close tag on two lines, not <testsuite ... />
        for failure in report.failures:
            _unreadable(root, failure)
        if report.notices:
            notices = _element(root, "testsuite", **_totals("geomap notices", ()))
            _element(notices, "system-err", "\n".join(notice_line(notice) for notice in report.notices))
        if not (report.results or report.failures or report.notices):
            root.text = "\n"
        ElementTree.indent(root, space="  ")
        return f"{DECLARATION}\n{ElementTree.tostring(root, encoding='unicode')}\n"


def _case(suite: ElementTree.Element, article: str, verdict: Verdict) -> None:
    """A testcase for one claim, its fingerprint a property.

    A failure when contradicted (unless the baseline has it so), skipped when unverifiable or waived.
    """
    claim = verdict.claim
    case = _element(
        suite,
        "testcase",
        classname=f"geomap.{claim.kind}",
        name=f"line {claim.line}: {escape_terminal(named_text(claim))}",
        file=article,
        line=str(claim.line),
        time="0",
    )
    properties = _element(case, "properties")
    _element(properties, "property", name="fingerprint", value=claim_fingerprint(article, claim))
    if verdict.baseline is not None:
        _element(properties, "property", name="baseline", value=verdict.baseline)
    message = escape_terminal(why(verdict))
    if _is_failure(verdict):
        _element(case, "failure", claim.sentence, type="contradicted", message=message)
    elif verdict.status == Status.CONTRADICTED:
        _element(case, "skipped", message=f"contradicted, as in the baseline: {message}")
    elif verdict.status != Status.HOLDS:  # unverifiable; waived (its message says so)
        _element(case, "skipped", message=message)
    else:
        _element(case, "system-out", message)


def _is_failure(verdict: Verdict) -> bool:
    """A contradicted claim is a failed test unless the baseline already records it so."""
    return verdict.status == Status.CONTRADICTED and verdict.baseline is not BaselineState.KNOWN


def _unreadable(root: ElementTree.Element, failure: ReadFailure) -> None:
    """A suite for a file that could not be read: one case with an <error>, so CI shows it."""
    suite = _element(root, "testsuite", **_totals(failure.name, ()))
    suite.set("tests", "1")
    suite.set("errors", "1")
    case = _element(
        suite, "testcase", classname="geomap.read", name=f"read {failure.name}", file=failure.name
    )
    case.set("time", "0")
    _element(case, "error", failure.reason, type="unreadable", message=escape_terminal(failure.reason))


def _totals(name: str, verdicts: Sequence[Verdict]) -> dict[str, str]:
    """The attributes a testsuites or testsuite element opens with: its name and counts."""
    failures = sum(1 for verdict in verdicts if _is_failure(verdict))
    return {
        "name": _xml_chars(name),
        "tests": str(len(verdicts)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(sum(1 for verdict in verdicts if verdict.status != Status.HOLDS) - failures),
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
