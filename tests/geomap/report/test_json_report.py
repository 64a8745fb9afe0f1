from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from geomap.model import BaselineState, Notice, NoticeKind, ReadFailure, Report, Status
from geomap.report import SCHEMA_VERSION, render
from tests.geomap.report.sample import TARTUS


def test_json_schema(report: Report) -> None:
    document = json.loads(render(report, "json"))
    assert document["version"] == SCHEMA_VERSION
    assert document["summary"] == {
        "articles": 3,
        "claims": 3,
        "holds": 1,
        "contradicted": 1,
        "unverifiable": 1,
        "waived": 0,
        "failing": 1,
        "errors": 0,
    }
    claim = document["articles"][0]["claims"][0]
    assert claim["kind"] == "distance" and claim["verdict"] == "holds"
    assert claim["claimed"] == {
        "value": 60.0,
        "unit": "km",
        "hedge": "about",
        "km": 60.0,
        "low_km": None,
        "high_km": None,
        "text": "around 60km",
    }
    assert claim["measured_km"] == 57.1 and claim["bearing_deg"] == 6.2
    assert (
        claim["subject"]["name"] == "Khmeimim Air Base" and claim["subject"]["id"] == "site:khmeimim-air-base"
    )
    assert (claim["reference"]["lat"], claim["reference"]["lon"]) == (TARTUS.lat, TARTUS.lon)
    assert claim["line"] == 2
    article_text = f"Intro.\n{claim['sentence']}"
    assert article_text[claim["start"] : claim["end"]] == claim["text"]


def test_json_schema_document_lists_every_field(report: Report) -> None:
    schema = (Path(__file__).resolve().parents[3] / "docs" / "claim-report-schema.md").read_text()
    document = json.loads(render(report, "json"))
    claim = document["articles"][0]["claims"][0]
    troubled = replace(
        report,
        failures=(ReadFailure("old.txt", "not UTF-8 text"),),
        notices=(Notice(NoticeKind.STALE_BASELINE, "baseline entry abc matches no claim", "abc"),),
    )
    extra = json.loads(render(troubled, "json"))
    for key in [*document, *document["summary"], *claim, *claim["claimed"], *claim["subject"]]:
        assert f"`{key}`" in schema, key
    for key in [*extra["errors"][0], *extra["notices"][0]]:
        assert f"`{key}`" in schema, key
    for value in [*NoticeKind, *BaselineState, *Status]:
        assert f"`{value}`" in schema, value
