"""The check formats by name: ReportFormat, each member mapped to its renderer."""

from __future__ import annotations

import enum

from geomap.model import Report
from geomap.report.base import FormatRegistry, Renderer
from geomap.report.csv_report import CheckCsvRenderer
from geomap.report.github import GithubRenderer
from geomap.report.json_report import JsonRenderer
from geomap.report.junit import JunitRenderer
from geomap.report.markdown import MarkdownRenderer
from geomap.report.text import TextRenderer


class ReportFormat(enum.Enum):
    """The output formats of `geomap check`, each mapped to its renderer."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    JUNIT = "junit"
    GITHUB = "github"
    CSV = "csv"

    @property
    def renderer(self) -> Renderer:
        """A renderer for this format."""
        return RENDERERS[self]()


RENDERERS: FormatRegistry[ReportFormat, type[Renderer]] = FormatRegistry(
    ReportFormat,
    {
        ReportFormat.TEXT: TextRenderer,
        ReportFormat.JSON: JsonRenderer,
        ReportFormat.MARKDOWN: MarkdownRenderer,
        ReportFormat.JUNIT: JunitRenderer,
        ReportFormat.GITHUB: GithubRenderer,
        ReportFormat.CSV: CheckCsvRenderer,
    },
)


def render(report: Report, output_format: ReportFormat | str) -> str:
    """The report in one format, by enum member or name (a wrong name is a ConfigError)."""
    return RENDERERS[output_format]().render(report)
