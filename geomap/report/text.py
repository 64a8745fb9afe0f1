"""The `text` check format: a table per article for a terminal."""

from __future__ import annotations

from geomap.escape import escape_terminal
from geomap.fingerprint import claim_fingerprint
from geomap.model import Report, Verdict
from geomap.report.base import Renderer, failure_line, measured, named_text, notice_line, summary, why


class TextRenderer(Renderer):
    """A readable table per article: line, verdict, kind, claim, measured; sentence, reason, fingerprint.

    The files that could not be read and the warnings follow the tables, one line each.
    """

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
                    f"{escape_terminal(named_text(claim, 56)):<58}{measured(verdict):>10}"
                )
                lines.append(f"{'':7}sentence: {escape_terminal(claim.sentence)}")
                lines.append(f"{'':7}why:      {escape_terminal(why(verdict))}")
                fingerprint = claim_fingerprint(result.article.name, claim)
                lines.append(f"{'':7}fingerprint: {fingerprint}{_baseline(verdict)}")
            lines.append("")
        lines += [escape_terminal(failure_line(failure)) for failure in report.failures]
        lines += [escape_terminal(notice_line(notice)) for notice in report.notices]
        if report.failures or report.notices:
            lines.append("")
        lines.append(summary(report))
        return "\n".join(lines) + "\n"


def _baseline(verdict: Verdict) -> str:
    """The baseline state after the fingerprint ("(baseline: new)") when a baseline is in use."""
    return "" if verdict.baseline is None else f" (baseline: {verdict.baseline})"
