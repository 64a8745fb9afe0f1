"""The `github` check format: GitHub Actions workflow commands."""

from __future__ import annotations

from geomap.escape import escape_annotation, escape_annotation_property, escape_terminal
from geomap.model import Report, Status
from geomap.report.base import Renderer, summary

_LEVELS = {Status.CONTRADICTED: "error", Status.UNVERIFIABLE: "warning", Status.HOLDS: "notice"}


class GithubRenderer(Renderer):
    """GitHub Actions workflow commands: an annotation per claim at its file and line."""

    def render(self, report: Report) -> str:
        lines = []
        for result in report.results:
            for verdict in result.verdicts:
                claim = verdict.claim
                props = (
                    []
                    if result.article.name == "-"
                    else [f"file={escape_annotation_property(result.article.name)}"]
                )
                props.append(f"line={claim.line}")
                props.append(
                    f"title={escape_annotation_property(f'geomap: {claim.kind} claim {verdict.status}')}"
                )
                message = escape_annotation(
                    f"{escape_terminal(claim.text)} — {escape_terminal(verdict.explanation)}"
                )
                lines.append(f"::{_LEVELS[verdict.status]} {','.join(props)}::{message}")
        lines.append(escape_annotation(summary(report)))
        return "\n".join(lines) + "\n"
