"""The `markdown` check format: a pull-request comment."""

from __future__ import annotations

from geomap.escape import escape_markdown
from geomap.model import Report, Status
from geomap.report.base import Renderer, claimed, measured, summary

_ICONS = {Status.HOLDS: "✅", Status.CONTRADICTED: "❌", Status.UNVERIFIABLE: "❔"}


class MarkdownRenderer(Renderer):
    """A pull-request comment: a summary line, then one table per article that has claims."""

    def render(self, report: Report) -> str:
        lines = ["## geomap claim check", "", escape_markdown(summary(report)), ""]
        for result in report.results:
            if not result.verdicts:
                continue
            lines += [f"### {escape_markdown(result.article.name)}", ""]
            lines.append("| Line | Verdict | Claim | Claimed | Measured | Explanation |")
            lines.append("|---:|---|---|---|---:|---|")
            for verdict in result.verdicts:
                claim = verdict.claim
                cells = [
                    str(claim.line),
                    f"{_ICONS[verdict.status]} {verdict.status}",
                    escape_markdown(claim.text),
                    escape_markdown(claimed(claim)),
                    escape_markdown(measured(verdict)),
                    escape_markdown(verdict.explanation),
                ]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"
