"""`geomap places`: list every place mention of each article, resolved, as a table, JSON or GeoJSON."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.common import (
    article_progress,
    exclude_option,
    gazetteer_options,
    jobs_option,
    open_gazetteer,
    read_inputs,
    reports_errors,
    settings_from,
    warn_on_stderr,
)
from geomap.model import ArticleResult, MentionKind, Report
from geomap.report.places import PLACES_RENDERERS, PlacesFormat, render_places


@click.command("places")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(PLACES_RENDERERS.choices),
    default=PlacesFormat.TEXT.value,
    show_default=True,
    help="text: a table per article; json: mentions with offsets and places; geojson: resolved points; "
    "csv: a row per mention.",
)
@click.option("--no-demonyms", is_flag=True, help='Leave out demonyms ("Russian", "Syrian").')
@exclude_option
@jobs_option
@gazetteer_options
@reports_errors
def places_command(
    paths: tuple[str, ...],
    output_format: str,
    no_demonyms: bool,
    exclude: tuple[str, ...],
    jobs: int | None,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Find and resolve every place mention in PATHS (files, folders, globs, or - for stdin).

    A file that cannot be read is named on standard error, the others are listed, and the
    exit status is then 2. Pins of the settings file apply as in `geomap check`.
    """
    from geomap.pipeline import run

    settings = settings_from(
        paths, cache_dir=cache_dir, gazetteer_extra=gazetteer_extra, exclude=exclude, jobs=jobs
    )
    articles, unreadable = read_inputs(paths, settings)
    with open_gazetteer(settings) as gazetteer, article_progress(len(articles)) as progress:
        parsed = run(articles, gazetteer, settings, claims=False, progress=progress)
    results = tuple(
        ArticleResult(
            result.article,
            tuple(m for m in result.mentions if not (no_demonyms and m.kind == MentionKind.DEMONYM)),
            language=result.language,
        )
        for result in parsed.results
    )
    report = Report(results, tuple(e.failure for e in unreadable), parsed.notices)
    warn_on_stderr(report)
    click.echo(render_places(report, output_format), nl=False)
    if report.failures:
        raise SystemExit(2)
