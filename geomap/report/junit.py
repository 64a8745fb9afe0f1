"""The `junit` check format: JUnit XML for CI test reports."""

from __future__ import annotations

from collections import Counter

from geomap.escape import escape_terminal, escape_xml
from geomap.model import Report, Status, Verdict
from geomap.report.base import Renderer, status_counts


class JunitRenderer(Renderer):
    """JUnit XML: a suite per article, a case per claim; contradicted fails, unverifiable is skipped."""

    def render(self, report: Report) -> str:
        counts = status_counts(report)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="geomap check" tests="{len(report.verdicts)}" '
            f'failures="{counts[Status.CONTRADICTED]}" errors="0" '
            f'skipped="{counts[Status.UNVERIFIABLE]}" time="0">',
        ]
        for result in report.results:
            name = escape_xml(result.article.name)
            local = Counter(v.status for v in result.verdicts)
            out.append(
                f'  <testsuite name="{name}" tests="{len(result.verdicts)}" '
                f'failures="{local[Status.CONTRADICTED]}" '
                f'errors="0" skipped="{local[Status.UNVERIFIABLE]}" time="0">'
            )
            for verdict in result.verdicts:
                out.extend(self._case(result.article.name, verdict))
            out.append("  </testsuite>")
        out.append("</testsuites>")
        return "\n".join(out) + "\n"

    @staticmethod
    def _case(article: str, verdict: Verdict) -> list[str]:
        claim = verdict.claim
        title = escape_xml(f"line {claim.line}: {escape_terminal(claim.text)}")
        opening = (
            f'    <testcase classname="geomap.{escape_xml(claim.kind)}" name="{title}" '
            f'file="{escape_xml(article)}" line="{claim.line}" time="0"'
        )
        message = escape_xml(escape_terminal(verdict.explanation))
        if verdict.status == Status.CONTRADICTED:
            return [
                opening + ">",
                f'      <failure type="contradicted" message="{message}">'
                f"{escape_xml(claim.sentence)}</failure>",
                "    </testcase>",
            ]
        if verdict.status == Status.UNVERIFIABLE:
            return [opening + ">", f'      <skipped message="{message}"/>', "    </testcase>"]
        return [opening + ">", f"      <system-out>{message}</system-out>", "    </testcase>"]
