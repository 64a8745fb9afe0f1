"""`geomap check`: find the geographic claims of articles, check them, report for people or CI."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.common import (
    OutputFile,
    article_progress,
    gazetteer_options,
    jobs_option,
    open_gazetteer,
    reports_errors,
    settings_from,
    write_outputs,
)
from geomap.model import Report, Status
from geomap.report import RENDERERS, ReportFormat, render


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(RENDERERS.choices),
    default=ReportFormat.TEXT.value,
    show_default=True,
    help="Report format: a table, JSON (docs/claim-report-schema.md), Markdown, JUnit XML or "
    "GitHub Actions annotations.",
)
@click.option(
    "--output",
    "-o",
    type=OutputFile(),
    help="Write the report to FILE (atomically; folders are created) instead of standard output.",
)
@click.option(
    "--strict/--no-strict",
    default=None,
    help="Also exit 1 when a claim is unverifiable [pyproject: strict; default: off].",
)
@click.option(
    "--relative-tolerance",
    type=click.FloatRange(min=0),
    help="Fraction of a hedged figure allowed either way [default: 0.15].",
)
@click.option(
    "--unhedged-tolerance",
    type=click.FloatRange(min=0),
    help="Fraction of an unhedged figure allowed either way [default: 0.10].",
)
@click.option(
    "--absolute-tolerance-km",
    type=click.FloatRange(min=0),
    help="Smallest slack in km, whatever the figure [default: 2].",
)
@click.option(
    "--bearing-tolerance-deg",
    type=click.FloatRange(min=0, max=180),
    help="Degrees allowed beyond half a compass sector [default: 10].",
)
@click.option(
    "--near-km", type=click.FloatRange(min=0), help='Largest distance that counts as "near" [default: 50].'
)
@jobs_option
@gazetteer_options
@reports_errors
def check_command(
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    strict: bool | None,
    relative_tolerance: float | None,
    unhedged_tolerance: float | None,
    absolute_tolerance_km: float | None,
    bearing_tolerance_deg: float | None,
    near_km: float | None,
    jobs: int | None,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Check the distance, direction, proximity, border and containment claims in PATHS.

    PATHS are files, folders (their .txt/.md/.text files), globs, or "-" for standard input.
    Exit status: 0 when no claim is contradicted, 1 when one is (with --strict, also when
    one is unverifiable), 2 for bad usage or unreadable input. Settings come from
    [tool.geomap] in pyproject.toml and GEOMAP_* variables; flags override them.
    """
    from geomap.articles import read_articles
    from geomap.pipeline import run

    settings = settings_from(
        cache_dir=cache_dir,
        gazetteer_extra=gazetteer_extra,
        strict=strict,
        relative_tolerance=relative_tolerance,
        unhedged_tolerance=unhedged_tolerance,
        absolute_tolerance_km=absolute_tolerance_km,
        bearing_tolerance_deg=bearing_tolerance_deg,
        near_km=near_km,
        jobs=jobs,
    )
    articles = read_articles(paths)
    with open_gazetteer(settings) as gazetteer, article_progress(len(articles)) as progress:
        report = run(articles, gazetteer, settings, progress=progress)
    write_outputs([(output or Path("-"), render(report, output_format))])
    code = exit_code(report, settings.strict)
    if code:
        raise SystemExit(code)


def exit_code(report: Report, strict: bool) -> int:
    """1 when a claim is contradicted (or, when strict, unverifiable); else 0."""
    failing = {Status.CONTRADICTED, Status.UNVERIFIABLE} if strict else {Status.CONTRADICTED}
    return 1 if any(verdict.status in failing for verdict in report.verdicts) else 0
