"""The `markdown` check format: a pull-request comment."""

from __future__ import annotations

from geomap.escape import escape_markdown
from geomap.fingerprint import claim_fingerprint
from geomap.model import Report, Status
from geomap.report.base import (
    Renderer,
    claimed,
    failure_line,
    measured,
    named_text,
    notice_line,
    summary,
    why,
)

_ICONS = {Status.HOLDS: "✅", Status.CONTRADICTED: "❌", Status.UNVERIFIABLE: "❔", Status.WAIVED: "➖"}


class MarkdownRenderer(Renderer):
    """A pull-request comment: a summary line, one table per article that has claims.

    Then the files that could not be read and the warnings, as lists.
    """

    def render(self, report: Report) -> str:
        lines = ["## geomap claim check", "", escape_markdown(summary(report)), ""]
        for result in report.results:
            if not result.verdicts:
                continue
            lines += [f"### {escape_markdown(result.article.name)}", ""]
            lines.append("| Line | Verdict | Claim | Claimed | Measured | Explanation | Fingerprint |")
            lines.append("|---:|---|---|---|---:|---|---|")
            for verdict in result.verdicts:
                claim = verdict.claim
                baseline = "" if verdict.baseline is None else f" ({verdict.baseline})"
                cells = [
                    str(claim.line),
                    f"{_ICONS[verdict.status]} {verdict.status}{baseline}",
                    escape_markdown(named_text(claim)),
                    escape_markdown(claimed(claim)),
                    escape_markdown(measured(verdict)),
                    escape_markdown(why(verdict)),
                    f"`{claim_fingerprint(result.article.name, claim)}`",
                ]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        for heading, items in (
            ("Not checked", [failure_line(failure) for failure in report.failures]),
            ("Warnings", [notice_line(notice) for notice in report.notices]),
        ):
            if items:
                lines += [f"### {heading}", "", *(f"- {escape_markdown(item)}" for item in items), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
