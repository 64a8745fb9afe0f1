"""The `geomap places` formats: each article's mentions as a table, JSON, GeoJSON points or CSV."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from geomap.escape import escape_terminal
from geomap.model import Article, Mention, Report
from geomap.report.base import FormatRegistry, Renderer, clip, json_text
from geomap.report.csv_report import PlacesCsvRenderer
from geomap.report.records import mention_record
from geomap.sentences import LineIndex


class PlacesFormat(enum.Enum):
    """The output formats of `geomap places`, each mapped to its renderer."""

    TEXT = "text"
    JSON = "json"
    GEOJSON = "geojson"
    CSV = "csv"


class PlacesTextRenderer(Renderer):
    """A table per article (a blank line between): line:column, mention, kind, place, coordinates."""

    def render(self, report: Report) -> str:
        tables = [mention_table(result.article, result.mentions) for result in report.results]
        return "\n\n".join(tables) + "\n" if tables else ""


class PlacesJsonRenderer(Renderer):
    """An array with one object per article: its name and its mentions (records.mention_record)."""

    def render(self, report: Report) -> str:
        return json_text(
            [
                {"article": result.article.name, "mentions": [mention_record(m) for m in result.mentions]}
                for result in report.results
            ]
        )


class PlacesGeojsonRenderer(Renderer):
    """A FeatureCollection with one Point per resolved mention; the mention's record as properties."""

    def render(self, report: Report) -> str:
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [mention.place.lon, mention.place.lat]},
                "properties": {"article": result.article.name, **mention_record(mention)},
            }
            for result in report.results
            for mention in result.mentions
            if mention.place is not None
        ]
        return json_text({"type": "FeatureCollection", "features": features})


PLACES_RENDERERS: FormatRegistry[PlacesFormat, type[Renderer]] = FormatRegistry(
    PlacesFormat,
    {
        PlacesFormat.TEXT: PlacesTextRenderer,
        PlacesFormat.JSON: PlacesJsonRenderer,
        PlacesFormat.GEOJSON: PlacesGeojsonRenderer,
        PlacesFormat.CSV: PlacesCsvRenderer,
    },
)


def render_places(report: Report, output_format: PlacesFormat | str) -> str:
    """The mentions of a report's articles in one places format (a wrong name is a ConfigError)."""
    return PLACES_RENDERERS[output_format]().render(report)


def mention_table(article: Article, mentions: Sequence[Mention]) -> str:
    """A readable table: line:column, surface, kind, resolved place, coordinates, confidence."""
    lines = [f"{escape_terminal(article.name)}: {len(mentions)} mention{'s' if len(mentions) != 1 else ''}"]
    if not mentions:
        return lines[0]
    lines_of = LineIndex(article.text)
    rows = [_row(lines_of, mention) for mention in mentions]
    header = ("at", "mention", "kind", "place", "lat, lon", "conf")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        lines.append(("  " + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def _row(lines_of: LineIndex, mention: Mention) -> tuple[str, ...]:
    line, column = lines_of.line_of(mention.start), lines_of.column_of(mention.start)
    place = mention.place
    where = ", ".join(p for p in (place.admin1, place.country_code) if p) if place else ""
    return (
        f"{line}:{column}",
        clip(escape_terminal(mention.surface), 28),
        mention.kind,
        clip(f"{place.name} [{place.kind}] {where}".strip(), 48) if place else "(unresolved)",
        f"{place.lat:.4f}, {place.lon:.4f}" if place else "",
        f"{mention.confidence:.2f}",
    )
