"""The `github` check format: GitHub Actions workflow commands."""

from __future__ import annotations

from geomap.escape import escape_annotation, escape_annotation_property, escape_terminal
from geomap.fingerprint import claim_fingerprint
from geomap.model import Report, Status
from geomap.report.base import Renderer, named_text, summary, why

#: The annotation a failing claim gets; claims that do not fail the run get none, so the ones
#: that matter are not hidden among notices (GitHub shows only the first few of each level).
_LEVELS = {Status.CONTRADICTED: "error", Status.UNVERIFIABLE: "warning", Status.WAIVED: "notice"}


class GithubRenderer(Renderer):
    """Workflow commands: an annotation per failing claim, per unreadable file and per notice.

    Contradicted is an error and unverifiable under --strict a warning, at the claim's file and
    line (not when the baseline already has it so); a waived claim is a notice with its reason;
    a file that could not be read is an error, a notice a warning; one summary notice last.
    """

    def render(self, report: Report) -> str:
        lines = []
        for result in report.results:
            for verdict in result.verdicts:
                if not (verdict.fails(report.strict) or verdict.status == Status.WAIVED):
                    continue
                claim = verdict.claim
                props = _file(result.article.name)
                props.append(f"line={claim.line}")
                props.append(
                    f"title={escape_annotation_property(f'geomap: {claim.kind} claim {verdict.status}')}"
                )
                fingerprint = claim_fingerprint(result.article.name, claim)
                message = escape_annotation(
                    f"{escape_terminal(named_text(claim))} — {escape_terminal(why(verdict))} [{fingerprint}]"
                )
                lines.append(f"::{_LEVELS[verdict.status]} {','.join(props)}::{message}")
        for failure in report.failures:
            props = [*_file(failure.name), _title("geomap: cannot read")]
            lines.append(f"::error {','.join(props)}::{_message(failure.reason)}")
        for notice in report.notices:
            lines.append(f"::warning {_title(f'geomap: {notice.kind}')}::{_message(notice.message)}")
        lines.append(f"::notice {_title('geomap claim check')}::{_message(summary(report))}")
        return "\n".join(lines) + "\n"


def _file(name: str) -> list[str]:
    """The file property of an annotation (none for standard input)."""
    return [] if name == "-" else [f"file={escape_annotation_property(name)}"]


def _title(text: str) -> str:
    """The title property of an annotation."""
    return f"title={escape_annotation_property(text)}"


def _message(text: str) -> str:
    """An annotation's message: one line, no control characters, workflow-command escaped."""
    return escape_annotation(escape_terminal(text))
