"""`geomap batch`: an archive (folders, globs, JSONL, CSV, Parquet) through the pipeline on Dask."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geomap.cli.common import gazetteer_options, open_gazetteer, reports_errors, settings_from


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the output tables (mentions/, claims/, articles/, errors/).",
)
@click.option(
    "--id-column", default="id", show_default=True, help="Field of the article id (JSONL, CSV, Parquet)."
)
@click.option("--text-column", default="text", show_default=True, help="Field of the article text.")
@click.option(
    "--output-format",
    type=click.Choice(["parquet", "jsonl"]),
    default="parquet",
    show_default=True,
    help="File format of the tables.",
)
@click.option("--scheduler", help="Run on an existing Dask cluster: its scheduler, tcp://HOST:PORT.")
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=1024),
    help="Worker processes of the local cluster [default: jobs setting, else every core].",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1, max=1_000_000),
    default=1000,
    show_default=True,
    help="Records per partition: the unit of work, of output files and of --resume.",
)
@click.option("--resume", is_flag=True, help="Skip the partitions an interrupted run already wrote.")
@gazetteer_options
@reports_errors
def batch_command(
    inputs: tuple[str, ...],
    output: Path,
    id_column: str,
    text_column: str,
    output_format: str,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
    resume: bool,
    cache_dir: Path | None,
    gazetteer_extra: tuple[Path, ...],
) -> None:
    """Geoparse and check every article of INPUTS into Parquet (or JSONL) tables, on Dask.

    INPUTS are article files, JSONL, CSV or Parquet files (any of them .gz), folders of them
    and globs. A record that cannot be read lands in the errors table; the run goes on.
    """
    from geomap.batch.runner import BatchOptions, check_scheduler, run_batch
    from geomap.batch.sources import Columns
    from geomap.batch.tables import OutputFormat

    settings = settings_from(cache_dir=cache_dir, gazetteer_extra=gazetteer_extra)
    options = BatchOptions(
        inputs=inputs,
        output=output,
        columns=Columns(id_column, text_column),
        output_format=OutputFormat(output_format),
        partition_size=partition_size,
        scheduler=None if scheduler is None else check_scheduler(scheduler),
        workers=workers,
        resume=resume,
    )
    if scheduler is None:  # local workers share this cache: build it once, here, with progress shown
        open_gazetteer(settings).close()
    from tqdm import tqdm

    with tqdm(unit=" articles", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        summary = run_batch(options, settings, bar.update)
    rows = summary.rows
    click.echo(
        f"wrote {output}: {summary.partitions} partition(s)"
        + (f" ({summary.skipped} already written, skipped)" if summary.skipped else "")
        + f", {rows['articles']} article(s), {rows['mentions']} mention(s), {rows['claims']} claim(s), "
        f"{rows['errors']} unreadable record(s)"
    )
