"""Claim-check reports: one renderer per format behind one interface, chosen by a ReportFormat."""

from __future__ import annotations

import enum
import json
from abc import ABC, abstractmethod
from collections import Counter
from typing import Any

from geomap import __version__
from geomap.claims.quantities import describe
from geomap.escape import (
    escape_annotation,
    escape_annotation_property,
    escape_markdown,
    escape_terminal,
    escape_xml,
)
from geomap.model import Claim, ClaimKind, Mention, Report, Status, Verdict

#: Version of the JSON report layout (docs/claim-report-schema.md); bumped on breaking changes.
SCHEMA_VERSION = 1


class Renderer(ABC):
    """Turns a Report into the text of one output format."""

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole output, ending with a newline."""


def summary(report: Report) -> str:
    """The closing line: "3 claims in 2 articles: 1 holds, 1 contradicted, 1 unverifiable"."""
    counts = Counter(v.status for v in report.verdicts)
    total = len(report.verdicts)
    return (
        f"{total} claim{'s' if total != 1 else ''} in {len(report.results)} "
        f"article{'s' if len(report.results) != 1 else ''}: {counts[Status.HOLDS]} holds, "
        f"{counts[Status.CONTRADICTED]} contradicted, {counts[Status.UNVERIFIABLE]} unverifiable"
    )


def claimed(claim: Claim) -> str:
    """What the claim states, in a few words."""
    parts = []
    if claim.quantity is not None:
        parts.append(describe(claim.quantity))
    if claim.direction is not None:
        parts.append(claim.direction)
    if claim.kind == ClaimKind.PROXIMITY:
        parts.append("near")
    if claim.kind == ClaimKind.BORDER_DISTANCE:
        parts.append(f"from {claim.country or 'the'} border")
    if claim.kind == ClaimKind.CONTAINMENT:
        parts.append(f"inside {claim.country or '?'}")
    return " ".join(parts)


def measured(verdict: Verdict) -> str:
    """The measured distance, or "-" when nothing could be measured."""
    return "-" if verdict.measured_km is None else f"{verdict.measured_km:.1f} km"


def _plain(text: str) -> str:
    """Article text for a terminal: one line, no control characters (no terminal escapes)."""
    return escape_terminal(text)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class TextRenderer(Renderer):
    """A readable table per article: line, verdict, kind, claim, measured; sentence and reason below."""

    def render(self, report: Report) -> str:
        lines: list[str] = []
        for result in report.results:
            lines.append(f"== {_plain(result.article.name)}: {len(result.verdicts)} claim(s)")
            if not result.verdicts:
                lines.append("   (no geographic claims found)")
            else:
                lines.append(f"{'LINE':>5}  {'VERDICT':<13}{'KIND':<16}{'CLAIM':<58}{'MEASURED':>10}")
            for verdict in result.verdicts:
                claim = verdict.claim
                lines.append(
                    f"{claim.line:>5}  {verdict.status:<13}{claim.kind:<16}"
                    f"{_clip(_plain(claim.text), 56):<58}{measured(verdict):>10}"
                )
                lines.append(f"{'':7}sentence: {_plain(claim.sentence)}")
                lines.append(f"{'':7}why:      {_plain(verdict.explanation)}")
            lines.append("")
        lines.append(summary(report))
        return "\n".join(lines) + "\n"


def _place(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    place = mention.place
    return {
        "surface": mention.surface,
        "start": mention.start,
        "end": mention.end,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "id": place.id if place else None,
        "kind": place.kind if place else None,
        "country_code": place.country_code if place else None,
    }


def claim_record(verdict: Verdict) -> dict[str, Any]:
    """One claim and its verdict as a JSON object (see docs/claim-report-schema.md)."""
    claim = verdict.claim
    quantity = claim.quantity
    return {
        "kind": claim.kind,
        "verdict": verdict.status,
        "explanation": verdict.explanation,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "claimed": None
        if quantity is None
        else {
            "value": quantity.value,
            "unit": quantity.unit,
            "hedge": quantity.hedge,
            "km": quantity.km,
            "low_km": quantity.low_km,
            "high_km": quantity.high_km,
            "text": quantity.text,
        },
        "direction": claim.direction,
        "country": claim.country,
        "measured_km": None if verdict.measured_km is None else round(verdict.measured_km, 3),
        "bearing_deg": None if verdict.bearing_deg is None else round(verdict.bearing_deg, 1),
        "subject": _place(claim.subject),
        "reference": _place(claim.reference),
        "unbound": claim.unbound,
    }


class JsonRenderer(Renderer):
    """The documented, versioned JSON layout (docs/claim-report-schema.md)."""

    def render(self, report: Report) -> str:
        counts = Counter(v.status for v in report.verdicts)
        document = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "geomap", "version": __version__},
            "summary": {
                "articles": len(report.results),
                "claims": len(report.verdicts),
                Status.HOLDS: counts[Status.HOLDS],
                Status.CONTRADICTED: counts[Status.CONTRADICTED],
                Status.UNVERIFIABLE: counts[Status.UNVERIFIABLE],
            },
            "articles": [
                {"name": r.article.name, "claims": [claim_record(v) for v in r.verdicts]}
                for r in report.results
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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


class JunitRenderer(Renderer):
    """JUnit XML: a suite per article, a case per claim; contradicted fails, unverifiable is skipped."""

    def render(self, report: Report) -> str:
        counts = Counter(v.status for v in report.verdicts)
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
        title = escape_xml(f"line {claim.line}: {_plain(claim.text)}")
        opening = (
            f'    <testcase classname="geomap.{escape_xml(claim.kind)}" name="{title}" '
            f'file="{escape_xml(article)}" line="{claim.line}" time="0"'
        )
        message = escape_xml(_plain(verdict.explanation))
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
                message = escape_annotation(f"{_plain(claim.text)} — {_plain(verdict.explanation)}")
                lines.append(f"::{_LEVELS[verdict.status]} {','.join(props)}::{message}")
        lines.append(escape_annotation(summary(report)))
        return "\n".join(lines) + "\n"


class ReportFormat(enum.Enum):
    """The output formats of `geomap check`, each mapped to its renderer."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    JUNIT = "junit"
    GITHUB = "github"

    @property
    def renderer(self) -> Renderer:
        """A renderer for this format."""
        return _RENDERERS[self]()


_RENDERERS: dict[ReportFormat, type[Renderer]] = {
    ReportFormat.TEXT: TextRenderer,
    ReportFormat.JSON: JsonRenderer,
    ReportFormat.MARKDOWN: MarkdownRenderer,
    ReportFormat.JUNIT: JunitRenderer,
    ReportFormat.GITHUB: GithubRenderer,
}


def render(report: Report, output_format: ReportFormat | str) -> str:
    """The report in one format, by enum member or name."""
    return ReportFormat(output_format).renderer.render(report)
