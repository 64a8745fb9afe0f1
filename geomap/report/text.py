"""The `text` check format: a table per article for a terminal."""

from __future__ import annotations

from geomap.escape import escape_terminal
from geomap.model import Report
from geomap.report.base import Renderer, clip, measured, summary


class TextRenderer(Renderer):
    """A readable table per article: line, verdict, kind, claim, measured; sentence and reason below."""

    def render(self, report: Report) -> str:
        lines: list[str] = []
        for result in report.results:
            lines.append(f"== {escape_terminal(result.article.name)}: {len(result.verdicts)} claim(s)")
            if not result.verdicts:
                lines.append("   (no geographic claims found)")
            else:
                lines.append(f"{'LINE':>5}  {'VERDICT':<13}{'KIND':<16}{'CLAIM':<58}{'MEASURED':>10}")
            for verdict in result.verdicts:
                claim = verdict.claim
                lines.append(
                    f"{claim.line:>5}  {verdict.status:<13}{claim.kind:<16}"
                    f"{clip(escape_terminal(claim.text), 56):<58}{measured(verdict):>10}"
                )
                lines.append(f"{'':7}sentence: {escape_terminal(claim.sentence)}")
                lines.append(f"{'':7}why:      {escape_terminal(verdict.explanation)}")
            lines.append("")
        lines.append(summary(report))
        return "\n".join(lines) + "\n"
