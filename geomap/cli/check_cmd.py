"""`geomap check`: find the geographic claims of articles, check them, report for people or CI."""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.common import (
    BadInput,
    OutputFile,
    article_progress,
    exclude_option,
    gazetteer_options,
    jobs_option,
    open_gazetteer,
    read_inputs,
    reports_errors,
    settings_from,
    warn_on_stderr,
    write_outputs,
)
from geomap.model import Report
from geomap.report import RENDERERS, ReportFormat, render


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(RENDERERS.choices),
    default=ReportFormat.TEXT.value,
    show_default=True,
    help="Report format: a table, JSON (docs/claim-report-schema.md), Markdown, JUnit XML, "
    "GitHub Actions annotations or CSV.",
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
    help="Degrees allowed beyond a compass point's own width (±45° cardinal, ±35° finer) [default: 10].",
)
@click.option(
    "--near-km", type=click.FloatRange(min=0), help='Largest distance that counts as "near" [default: 50].'
)
@jobs_option
@click.option(
    "--baseline",
    type=OutputFile(),
    help="Baseline file (JSON): written with the current verdicts when missing; when present, only "
    "claims that are new or changed against it fail the run.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Rewrite the --baseline file with the current verdicts (and exit 0 unless a file is unreadable).",
)
@exclude_option
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
    baseline: Path | None,
    update_baseline: bool,
    exclude: tuple[str, ...],
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Check the distance, direction, proximity, border and containment claims in PATHS.

    PATHS are files, folders (their .txt/.md/.text files), globs, or "-" for standard input.
    Exit status: 0 when no claim is contradicted, 1 when one is (with --strict, also when
    one is unverifiable; with --baseline, only claims new or changed against it), 2 for bad
    usage or when a file could not be read (after the report of the others is written).
    Settings come from geomap.toml or [tool.geomap] in pyproject.toml nearest the articles,
    and GEOMAP_* variables; flags override them.
    """
    from dataclasses import replace

    from geomap.pipeline import run

    if update_baseline and baseline is None:
        raise BadInput("--update-baseline needs --baseline FILE")
    if baseline is not None and str(baseline) == "-":
        raise BadInput("--baseline needs a file, not standard output")
    if baseline is not None and output is not None and baseline.resolve() == output.resolve():
        raise BadInput(f"--output and --baseline both name {baseline}: give two files")
    settings = settings_from(
        paths,
        cache_dir=cache_dir,
        gazetteer_extra=gazetteer_extra,
        strict=strict,
        relative_tolerance=relative_tolerance,
        unhedged_tolerance=unhedged_tolerance,
        absolute_tolerance_km=absolute_tolerance_km,
        bearing_tolerance_deg=bearing_tolerance_deg,
        near_km=near_km,
        exclude=exclude,
        jobs=jobs,
    )
    articles, unreadable = read_inputs(paths, settings)
    with open_gazetteer(settings) as gazetteer, article_progress(len(articles)) as progress:
        report = run(articles, gazetteer, settings, progress=progress)
    report = replace(report, failures=tuple(error.failure for error in unreadable))
    report, recorded = _with_baseline(report, baseline, update_baseline)
    warn_on_stderr(report)
    write_outputs([(output or Path("-"), render(report, output_format)), *recorded])
    code = exit_code(report, recording=bool(recorded))
    if code:
        raise SystemExit(code)


def _with_baseline(report: Report, path: Path | None, update: bool) -> tuple[Report, list[tuple[Path, str]]]:
    """The report compared with the baseline at `path`, or the baseline file to write.

    A missing baseline (or --update-baseline) is written with this run's verdicts; entries of
    articles this run did not read are kept.
    """
    from geomap.baseline import baseline_text, compare, read_baseline

    if path is None:
        return report, []
    previous = read_baseline(path) if path.exists() else None
    if update or previous is None:
        return report, [(path, baseline_text(report, previous))]
    return compare(report, previous, path), []


def exit_code(report: Report, recording: bool = False) -> int:
    """2 when a file could not be read; else 1 when a claim fails the run; else 0.

    A run that records the baseline accepts what it records: 0.
    """
    if report.failures:
        return 2
    return 1 if report.failing and not recording else 0
