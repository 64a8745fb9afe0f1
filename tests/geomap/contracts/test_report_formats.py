"""One set of checks run over every registered output format: check reports and places listings.

A format joins the contract by being in its registry; the table FORMATS says how a reader
gets at its text (parsed, for machine formats) and how an article name is written in it.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.escape import escape_annotation_property, escape_markdown, escape_terminal
from geomap.evaluate.formats import EVAL_FORMATS
from geomap.model import (
    Article,
    ArticleResult,
    BaselineState,
    Notice,
    NoticeKind,
    ReadFailure,
    Report,
    Status,
)
from geomap.report import (
    PLACES_RENDERERS,
    RENDERERS,
    FormatRegistry,
    PlacesFormat,
    Renderer,
    ReportFormat,
)
from tests.browser.handmade import evil_report, seeds_like_report
from tests.geomap.contracts.readers import csv_strings, json_strings, strict_json, xml_strings
from tests.geomap.report.sample import EVIL, sample_report

#: The registries of Renderers (functions of a Report), run through every check below.
RENDERER_REGISTRIES: dict[type[enum.Enum], FormatRegistry[Any, type[Renderer]]] = {
    ReportFormat: RENDERERS,
    PlacesFormat: PLACES_RENDERERS,
}
REGISTRIES: tuple[FormatRegistry[Any, Any], ...] = (*RENDERER_REGISTRIES.values(), EVAL_FORMATS)


@dataclass(frozen=True)
class Contract:
    """How the contract reads one format."""

    read: Callable[[str], list[str]] | None
    """A machine format's parser, returning every string a reader gets; None for text for people."""
    written: Callable[[str], str] = str
    """How an article name is written in a format for people (its escaping)."""


FORMATS: dict[enum.Enum, Contract] = {
    ReportFormat.TEXT: Contract(None, escape_terminal),
    ReportFormat.JSON: Contract(json_strings),
    ReportFormat.MARKDOWN: Contract(None, escape_markdown),
    ReportFormat.JUNIT: Contract(xml_strings),
    ReportFormat.GITHUB: Contract(None, escape_annotation_property),
    ReportFormat.CSV: Contract(csv_strings),
    PlacesFormat.TEXT: Contract(None, escape_terminal),
    PlacesFormat.JSON: Contract(json_strings),
    PlacesFormat.GEOJSON: Contract(json_strings),
    PlacesFormat.CSV: Contract(csv_strings),
}
MEMBERS = [member for registry in RENDERER_REGISTRIES.values() for member in registry]
MACHINE = [member for member in MEMBERS if FORMATS[member].read is not None]


def troubled_report() -> Report:
    """The sample with a waived claim, baseline states, an unreadable file and a notice, all hostile."""
    sample = sample_report()
    first, second, empty = sample.results
    waived = dataclasses.replace(second.verdicts[0], status=Status.WAIVED, waiver=f"=cmd {EVIL}")
    known = dataclasses.replace(second.verdicts[1], baseline=BaselineState.KNOWN)
    results = (first, dataclasses.replace(second, verdicts=(waived, known)), empty)
    return Report(
        results,
        failures=(ReadFailure(f"old {EVIL}.txt", f"not UTF-8 text {EVIL}"),),
        notices=(Notice(NoticeKind.UNMATCHED_PIN, f"pin {EVIL!r} matches no article", EVIL),),
        strict=True,
    )


REPORTS = {
    "troubled": troubled_report,
    "seeds-like": seeds_like_report,
    "evil": evil_report,
    "sample": sample_report,
    "bare article": lambda: Report((ArticleResult(Article("bare.txt", "Nothing.")),)),
    "empty": Report,
}


def render(member: enum.Enum, report: Report) -> str:
    return RENDERER_REGISTRIES[type(member)][member]().render(report)


def listed_articles(member: enum.Enum, report: Report) -> list[str]:
    """The articles a format must name: those with a claim (check) or a resolved mention (places)."""
    unreadable = [failure.name for failure in report.failures]
    if member is ReportFormat.GITHUB:  # annotates only what fails the run, and what was waived
        annotated = [r for r in report.results if any(v.fails(report.strict) or v.waiver for v in r.verdicts)]
        return [r.article.name for r in annotated] + unreadable
    if isinstance(member, ReportFormat):
        return [r.article.name for r in report.results if r.verdicts] + unreadable
    return [r.article.name for r in report.results if any(m.place for m in r.mentions)]


def test_every_format_is_registered_and_under_contract() -> None:
    for registry in REGISTRIES:
        assert list(registry) == list(registry.names)
    assert set(FORMATS) == set(MEMBERS)


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.names.__name__)
def test_a_new_format_name_without_an_implementation_is_refused(registry: FormatRegistry[Any, Any]) -> None:
    grown = enum.Enum(
        registry.names.__name__, [*((m.name, m.value) for m in registry.names), ("YAML", "yaml")]
    )
    entries = {grown[member.name]: registry[member] for member in registry.names}
    with pytest.raises(TypeError, match="no implementation for yaml"):
        FormatRegistry(grown, entries)
    FormatRegistry(grown, {**entries, grown["YAML"]: registry[next(iter(registry))]})


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.value}")
def test_format_contract(member: enum.Enum, name: str) -> None:
    report = REPORTS[name]()
    text = render(member, report)
    assert isinstance(text, str)
    text.encode("utf-8")
    assert text == "" or text.endswith("\n")
    if isinstance(member, ReportFormat):
        assert text.endswith("\n")
    contract = FORMATS[member]
    seen = contract.read(text) if contract.read else [text]
    for article in listed_articles(member, report):
        assert any(contract.written(article) in value for value in seen), (member, article)


@pytest.mark.parametrize("member", MACHINE, ids=lambda m: f"{type(m).__name__}.{m.value}")
def test_machine_formats_count_what_they_list(member: enum.Enum) -> None:
    report = seeds_like_report()
    text = render(member, report)
    if member is ReportFormat.JSON:
        claims = [c for a in strict_json(text)["articles"] for c in a["claims"]]
        assert len(claims) == len(report.verdicts)
    elif member is ReportFormat.JUNIT:
        root = ElementTree.fromstring(text)
        assert len(root.findall("testsuite/testcase")) == len(report.verdicts)
    elif member in (ReportFormat.CSV, PlacesFormat.CSV):
        rows = list(csv.reader(io.StringIO(text, newline="")))
        listed = (
            report.verdicts if member is ReportFormat.CSV else [m for r in report.results for m in r.mentions]
        )
        assert len(rows) == len(listed) + 1 and len({len(row) for row in rows}) == 1
    elif member is PlacesFormat.JSON:
        mentions = [m for a in strict_json(text) for m in a["mentions"]]
        assert len(mentions) == sum(len(r.mentions) for r in report.results)
    else:
        assert member is PlacesFormat.GEOJSON
        features = strict_json(text)["features"]
        assert len(features) == sum(1 for r in report.results for m in r.mentions if m.place)


@settings(max_examples=30, deadline=None)
@given(names=st.lists(st.text(), min_size=1, max_size=3))
@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.value}")
def test_any_article_name_renders_and_machine_formats_still_parse(
    member: enum.Enum, names: list[str]
) -> None:
    template = seeds_like_report().results[0]
    report = Report(
        tuple(
            ArticleResult(Article(n, template.article.text), template.mentions, template.verdicts)
            for n in names
        )
    )
    text = render(member, report)
    text.encode("utf-8")
    contract = FORMATS[member]
    if contract.read is not None:
        contract.read(text)
