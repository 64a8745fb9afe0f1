from __future__ import annotations

from geomap.model import Report
from geomap.report import render


def test_github_escapes_article_text(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert len(lines) == 4  # the newline in the sentence did not start a new (forged) command
    assert "%250A" in lines[1]  # a literal "%0A" in the article is not turned into a newline
    for line in lines[:3]:
        command, _, message = line.partition("::")[2].partition("::")
        assert "::" not in command and message


def test_github_annotations(report: Report) -> None:
    lines = render(report, "github").splitlines()
    assert lines[0].startswith("::notice file=news/a <b>.txt,line=2,title=geomap%3A distance claim holds::")
    assert lines[1].startswith("::error file=news/b%2Cc%3Ad.md,line=1,")
    assert lines[2].startswith("::warning ")
    assert len(lines) == 4 and lines[-1].startswith("3 claims")
    assert all("\n" not in line for line in lines)
