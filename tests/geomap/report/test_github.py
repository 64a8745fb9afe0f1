from __future__ import annotations

from dataclasses import replace

from geomap.model import Notice, NoticeKind, ReadFailure, Report
from geomap.report import render


def test_github_escapes_article_text(report: Report) -> None:
    lines = render(replace(report, strict=True), "github").splitlines()
    assert len(lines) == 3  # the newline in the sentence did not start a new (forged) command
    assert "%250A" in lines[0]  # a literal "%0A" in the article is not turned into a newline
    for line in lines:
        command, _, message = line.partition("::")[2].partition("::")
        assert "::" not in command and message


def test_github_annotates_what_fails_and_sums_up_in_one_notice(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert lines[0].startswith(
        "::error file=news/b%2Cc%3Ad.md,line=1,title=geomap%3A distance claim contradicted::"
    )
    assert len(lines) == 2  # no notice for what holds, no warning for unverifiable without --strict
    summary = "3 claims in 3 articles: 1 holds, 1 contradicted, 1 unverifiable"
    assert lines[-1] == f"::notice title=geomap claim check::{summary}"
    assert all("\n" not in line for line in lines)


def test_github_warns_of_unverifiable_claims_under_strict(report: Report) -> None:
    lines = render(replace(report, strict=True), "github").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]


def test_github_reports_unreadable_files_and_notices(report: Report) -> None:
    troubled = replace(
        report,
        failures=(ReadFailure("news/old,1.txt", "not UTF-8 text (invalid start byte at byte 3)"),),
        notices=(
            Notice(NoticeKind.UNMATCHED_WAIVER, "waiver abc123abc123 matches no claim", "abc123abc123"),
        ),
    )
    lines = render(troubled, "github").splitlines()
    reason = "not UTF-8 text (invalid start byte at byte 3)"
    assert f"::error file=news/old%2C1.txt,title=geomap%3A cannot read::{reason}" in lines
    assert "::warning title=geomap%3A unmatched_waiver::waiver abc123abc123 matches no claim" in lines
    assert lines[-1].endswith("1 file could not be read; 1 warning")
