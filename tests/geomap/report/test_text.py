from __future__ import annotations

from geomap.model import Report
from geomap.report import render


def test_text_table(report: Report) -> None:
    text = render(report, "text")
    assert "== news/a <b>.txt: 1 claim(s)" in text
    assert "sentence: Khmeimim is located around 60km from Tartus." in text
    assert "57.1 km" in text and "holds" in text and "contradicted" in text
    assert "(no geographic claims found)" in text
    assert text.rstrip().endswith("3 claims in 3 articles: 1 holds, 1 contradicted, 1 unverifiable")
