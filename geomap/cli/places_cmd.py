"""`geomap places`: list every place mention of each article, resolved, as a table, JSON or GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.common import gazetteer_options, open_gazetteer, reports_errors, settings_from
from geomap.escape import escape_terminal
from geomap.model import Article, Mention, MentionKind

FORMATS = ("text", "json", "geojson")


@click.command("places")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: a table per article; json: mentions with offsets and places; geojson: resolved points.",
)
@click.option("--no-demonyms", is_flag=True, help='Leave out demonyms ("Russian", "Syrian").')
@gazetteer_options
@reports_errors
def places_command(
    paths: tuple[str, ...],
    output_format: str,
    no_demonyms: bool,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Find and resolve every place mention in PATHS (files, folders, globs, or - for stdin)."""
    from geomap.articles import read_articles
    from geomap.pipeline import Geoparser

    articles = read_articles(paths)
    settings = settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra)
    with open_gazetteer(settings) as gazetteer:
        geoparser = Geoparser(gazetteer)
        results = [
            (
                article,
                [
                    m
                    for m in geoparser.parse(article.text)
                    if not (no_demonyms and m.kind == MentionKind.DEMONYM)
                ],
            )
            for article in articles
        ]
    if output_format == "json":
        payload = [{"article": a.name, "mentions": [mention_dict(m) for m in ms]} for a, ms in results]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output_format == "geojson":
        click.echo(json.dumps(geojson(results), ensure_ascii=False, indent=2))
    else:
        for number, (article, mentions) in enumerate(results):
            if number:
                click.echo()
            click.echo(text_table(article, mentions))


def place_dict(mention: Mention) -> dict[str, object] | None:
    """The resolved place of a mention as plain JSON values."""
    place = mention.place
    if place is None:
        return None
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
    }


def mention_dict(mention: Mention) -> dict[str, object]:
    """One mention as JSON: offsets into the article text, surface, kind, place, confidence, runners-up."""
    return {
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "kind": mention.kind,
        "place": place_dict(mention),
        "confidence": mention.confidence,
        "alternatives": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "country_code": p.country_code,
                "lat": p.lat,
                "lon": p.lon,
            }
            for p in mention.alternatives
        ],
    }


def geojson(results: list[tuple[Article, list[Mention]]]) -> dict[str, object]:
    """A FeatureCollection with one Point per resolved mention."""
    features = []
    for article, mentions in results:
        for mention in mentions:
            if mention.place is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [mention.place.lon, mention.place.lat]},
                    "properties": {
                        "article": article.name,
                        **mention_dict(mention),
                        "place": place_dict(mention),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def text_table(article: Article, mentions: list[Mention]) -> str:
    """A readable table: line:column, surface, kind, resolved place, coordinates, confidence."""
    lines = [f"{escape_terminal(article.name)}: {len(mentions)} mention{'s' if len(mentions) != 1 else ''}"]
    if not mentions:
        return lines[0]
    rows = []
    for mention in mentions:
        line = article.text.count("\n", 0, mention.start) + 1
        column = mention.start - (article.text.rfind("\n", 0, mention.start) + 1) + 1
        place = mention.place
        where = ", ".join(p for p in (place.admin1, place.country_code) if p) if place else ""
        rows.append(
            (
                f"{line}:{column}",
                _clip(escape_terminal(mention.surface), 28),
                mention.kind,
                _clip(f"{place.name} [{place.kind}] {where}".strip(), 48) if place else "(unresolved)",
                f"{place.lat:.4f}, {place.lon:.4f}" if place else "",
                f"{mention.confidence:.2f}",
            )
        )
    header = ("at", "mention", "kind", "place", "lat, lon", "conf")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        lines.append(("  " + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"
