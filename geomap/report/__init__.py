"""Output formats: the check report (text, json, markdown, junit, github) behind one Renderer interface."""

from __future__ import annotations

from geomap.report.base import FormatRegistry, Renderer, claimed, measured, summary
from geomap.report.json_report import SCHEMA_VERSION
from geomap.report.records import claim_record, mention_record, place_record
from geomap.report.registry import RENDERERS, ReportFormat, render

__all__ = [
    "RENDERERS",
    "SCHEMA_VERSION",
    "FormatRegistry",
    "Renderer",
    "ReportFormat",
    "claim_record",
    "claimed",
    "measured",
    "mention_record",
    "place_record",
    "render",
    "summary",
]
