from __future__ import annotations

import enum

import pytest

from geomap.errors import ConfigError
from geomap.model import Report
from geomap.report import RENDERERS, FormatRegistry, Renderer, ReportFormat, render
from geomap.report.text import TextRenderer


@pytest.mark.parametrize("output_format", list(ReportFormat))
def test_every_format_renders_and_ends_with_a_newline(report: Report, output_format: ReportFormat) -> None:
    text = render(report, output_format)
    assert text.endswith("\n")
    assert render(Report(()), output_format).endswith("\n")


@pytest.mark.parametrize("output_format", list(ReportFormat))
def test_a_format_renders_the_same_by_member_by_name_and_through_its_renderer(
    report: Report, output_format: ReportFormat
) -> None:
    by_member = render(report, output_format)
    assert render(report, output_format.value) == by_member
    assert output_format.renderer.render(report) == by_member
    assert RENDERERS[output_format.value]().render(report) == by_member


def test_unknown_format_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="is not a valid ReportFormat"):
        render(Report(()), "yaml")
    with pytest.raises(ConfigError, match="valid: text, json, markdown, junit, github"):
        render(Report(()), "yaml")


def test_a_registry_refuses_a_member_without_an_implementation() -> None:
    class Shapes(enum.Enum):
        TEXT = "text"
        CSV = "csv"

    with pytest.raises(TypeError, match="no implementation for csv"):
        FormatRegistry(Shapes, {Shapes.TEXT: TextRenderer})
    with pytest.raises(TypeError, match="not a member"):
        FormatRegistry(Shapes, {Shapes.TEXT: TextRenderer, Shapes.CSV: TextRenderer, "x": TextRenderer})


def test_the_registry_covers_the_enum_in_its_order() -> None:
    assert list(RENDERERS) == list(ReportFormat) and len(RENDERERS) == len(ReportFormat)
    assert all(issubclass(RENDERERS[member], Renderer) for member in ReportFormat)
