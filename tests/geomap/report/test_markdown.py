from __future__ import annotations

from geomap.model import Report
from geomap.report import render


def test_markdown_escapes_article_text(report: Report) -> None:
    text = render(report, "markdown")
    assert "<script>" not in text and "](http" not in text and "**bold**" not in text and "`tick`" not in text


def test_markdown_for_a_pull_request(report: Report) -> None:
    text = render(report, "markdown")
    assert text.startswith("## geomap claim check\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Line" not in line]
    assert len(rows) == 3
    assert all(line.count(" | ") == 6 for line in rows)  # article pipes are escaped, not cells
    assert "❌ contradicted" in text and "✅ holds" in text
    assert "empty" not in text
