"""Output formats behind one Renderer interface: the check report formats and the places formats."""

from __future__ import annotations

from geomap.report.base import FormatRegistry, Renderer, claimed, measured, summary
from geomap.report.json_report import SCHEMA_VERSION
from geomap.report.places import PLACES_RENDERERS, PlacesFormat, render_places
from geomap.report.records import claim_record, mention_record, place_record
from geomap.report.registry import RENDERERS, ReportFormat, render

__all__ = [
    "PLACES_RENDERERS",
    "RENDERERS",
    "SCHEMA_VERSION",
    "FormatRegistry",
    "PlacesFormat",
    "Renderer",
    "ReportFormat",
    "claim_record",
    "claimed",
    "measured",
    "mention_record",
    "place_record",
    "render",
    "render_places",
    "summary",
]
