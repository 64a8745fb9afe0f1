from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Place
from geomap.fingerprint import claim_fingerprint
from geomap.model import Article, ArticleResult, Mention, MentionKind, ReadFailure, Report
from geomap.report import render, render_places
from geomap.report.csv_report import CHECK_COLUMNS, FORMULA_STARTS, PLACES_COLUMNS, csv_text, safe_cell


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_check_csv_has_a_header_and_a_row_per_claim_with_both_ends(report: Report) -> None:
    text = render(report, "csv")
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == CHECK_COLUMNS
    rows = _rows(text)
    assert [row["verdict"] for row in rows] == ["holds", "contradicted", "unverifiable"]
    first = rows[0]
    assert first["article"] == "news/a <b>.txt" and first["line"] == "2" and first["kind"] == "distance"
    assert (first["subject_name"], first["subject_kind"], first["subject_country"]) == (
        "Khmeimim Air Base",
        "air_base",
        "SY",
    )
    assert (first["reference_name"], first["reference_kind"], first["reference_confidence"]) == (
        "Tartus",
        "city",
        "1.0",
    )
    verdict = report.results[0].verdicts[0]
    assert first["fingerprint"] == claim_fingerprint("news/a <b>.txt", verdict.claim)
    assert first["measured_km"] == "57.1"


def test_check_csv_lists_unreadable_files(report: Report) -> None:
    rows = _rows(render(replace(report, failures=(ReadFailure("old.txt", "not UTF-8 text"),)), "csv"))
    assert rows[-1]["verdict"] == "unreadable" and rows[-1]["article"] == "old.txt"
    assert rows[-1]["explanation"] == "not UTF-8 text"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_a_spreadsheet_would_run_gets_an_apostrophe(start: str) -> None:
    assert safe_cell(f'{start}HYPERLINK("http://e.vil")') == f'\'{start}HYPERLINK("http://e.vil")'
    assert safe_cell(f"a{start}b") == f"a{start}b"


def test_numbers_are_not_neutralised() -> None:
    assert safe_cell(-33.9) == "-33.9" and safe_cell(-4) == "-4" and safe_cell(None) == ""


def test_places_csv_neutralises_formulas_from_article_and_file_name() -> None:
    text = "=Damascus is big."
    place = Place("geonames:170654", "Damascus", "capital", 33.5102, 36.29128, "SY", "Damascus", 1569394)
    mention = Mention(1, 9, "Damascus", MentionKind.PLACE, place, 0.9)
    unresolved = Mention(10, 12, "is", MentionKind.PLACE, None, 0.0)
    report = Report((ArticleResult(Article("=cmd|' /C calc'!A0.txt", text), (mention, unresolved)),))
    output = render_places(report, "csv")
    rows = _rows(output)
    assert tuple(next(csv.reader(io.StringIO(output, newline="")))) == PLACES_COLUMNS
    assert rows[0]["article"] == "'=cmd|' /C calc'!A0.txt"
    assert (rows[0]["name"], rows[0]["kind"], rows[0]["division"], rows[0]["country"]) == (
        "Damascus",
        "capital",
        "Damascus",
        "SY",
    )
    assert (rows[0]["line"], rows[0]["column"], rows[0]["lon"]) == ("1", "2", "36.29128")
    assert rows[1]["name"] == "" and rows[1]["confidence"] == "0.0"


def test_no_cell_of_a_check_csv_starts_a_formula(report: Report) -> None:
    from geomap.model import Notice, NoticeKind, Status

    second = report.results[1]
    waived = replace(second.verdicts[0], status=Status.WAIVED, waiver="=HYPERLINK(1)")
    troubled = replace(
        report,
        results=(report.results[0], replace(second, verdicts=(waived,)), report.results[2]),
        failures=(ReadFailure("@evil.txt", "-not text"),),
        notices=(Notice(NoticeKind.UNMATCHED_PIN, "+pin", "=name"),),
    )
    rows = list(csv.reader(io.StringIO(render(troubled, "csv"), newline="")))
    assert len(rows) == 1 + 2 + 1 + 1
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert rows[2][CHECK_COLUMNS.index("waiver")] == "'=HYPERLINK(1)"


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_any_text_reads_back_from_the_csv_as_written_or_neutralised(cells: list[str]) -> None:
    header, row = list(csv.reader(io.StringIO(csv_text(["c"] * len(cells), [cells]), newline="")))
    assert header == ["c"] * len(cells)
    for written, read in zip(cells, row, strict=True):
        assert read == (f"'{written}" if written.startswith(FORMULA_STARTS) else written)
