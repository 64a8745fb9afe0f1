"""`geomap batch`: an archive through the pipeline on a Dask cluster, partition by partition.

The client streams the inputs (never loading the archive), cuts them into partitions, keeps a
bounded number of them in flight on the cluster and writes each finished one (atomically, with
its marker) as it comes back. Memory is bounded by partition size times partitions in flight.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.batch.sources import Columns, Partition, input_files, partitions, read_records
from geomap.batch.tables import (
    OutputFormat,
    PartitionFiles,
    Table,
    done_partitions,
    remove_temporaries,
    write_partition,
)
from geomap.errors import GeomapError, InputError, OutputError
from geomap.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

_SCHEDULER = re.compile(r"(tcp|tls|ws|wss)://[^\s/]+:\d{1,5}")
_MANIFEST = "_manifest.json"
#: How each manifest entry is named to the user when --resume finds it changed.
_MANIFEST_NAMES = {
    "files": "input files",
    "columns": "--id-column/--text-column",
    "partition_size": "--partition-size",
    "output_format": "--output-format",
}


class BatchError(GeomapError, RuntimeError):
    """The cluster could not be reached, or a partition failed as a whole (not one record)."""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything about one batch run besides the pipeline's Settings."""

    inputs: tuple[str, ...]
    """Files, folders and globs of articles, JSONL, CSV or Parquet."""
    output: Path
    """Folder of the output tables."""
    columns: Columns = Columns()
    """Id and text fields of JSONL, CSV and Parquet records."""
    output_format: OutputFormat = OutputFormat.PARQUET
    """Parquet or JSONL files."""
    partition_size: int = 1000
    """Records (readable or not) per partition."""
    scheduler: str | None = None
    """Address of an existing Dask scheduler; None starts a local cluster."""
    workers: int | None = None
    """Worker processes of the local cluster (None: every core)."""
    resume: bool = False
    """Skip the partitions an earlier run of the same inputs and options wrote."""


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What the output folder holds after the run (earlier runs' partitions included)."""

    partitions: int
    """Partitions written in all."""
    skipped: int
    """Of those, written by an earlier run and skipped by --resume."""
    rows: dict[str, int]
    """Rows of each table."""


def check_scheduler(address: str) -> str:
    """The address, or an InputError naming the expected form."""
    if not _SCHEDULER.fullmatch(address):
        raise InputError(f"invalid --scheduler {address!r} (expected tcp://HOST:PORT)")
    return address


def run_batch(
    options: BatchOptions, settings: Settings, progress: Callable[[int], None] | None = None
) -> BatchSummary:
    """Run the archive through the pipeline; `progress(n)` is told of every n articles written."""
    from filelock import FileLock, Timeout

    output = options.output.resolve()
    files = [path for path in input_files(options.inputs) if output not in path.resolve().parents]
    if not files:
        raise InputError(f"every input file is inside the output folder {options.output}")
    manifest = _manifest(options, files)
    options.output.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(options.output / ".geomap-batch.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputError(f"{options.output}: another geomap batch is writing there") from None
    try:
        done = _prepare_output(options, manifest)
        stream = partitions(read_records(files, options.columns), options.partition_size)
        with _client(options, settings) as client:
            skipped = _process(client, stream, done, settings, options, progress)
        return _summary(options.output, skipped)
    finally:
        lock.release()


def _manifest(options: BatchOptions, files: list[Path]) -> dict[str, Any]:
    """What must match for --resume to find the same partitions: inputs, columns, size, format."""
    return {
        "files": [str(path.resolve()) for path in files],
        "columns": asdict(options.columns),
        "partition_size": options.partition_size,
        "output_format": options.output_format.value,
    }


def _prepare_output(options: BatchOptions, manifest: dict[str, Any]) -> set[int]:
    """Check the folder against --resume, write the manifest, return partitions already done."""
    path = options.output / _MANIFEST
    remove_temporaries(options.output)
    if path.exists():
        if not options.resume:
            hint = "add --resume to finish it, or name an empty folder"
            raise OutputError(f"{options.output} holds an earlier batch run: {hint}")
        try:
            earlier = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise OutputError(f"cannot read {path}: {error}") from error
        if earlier != manifest:
            changed = ", ".join(_MANIFEST_NAMES[key] for key in manifest if earlier.get(key) != manifest[key])
            raise InputError(f"--resume: {options.output} was written from other {changed}; use a new folder")
        return done_partitions(options.output)
    if any(entry.name != ".geomap-batch.lock" for entry in os.scandir(options.output)):
        raise OutputError(f"{options.output} is not empty: name a new or empty folder for the tables")
    path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return set()


@contextmanager
def _client(options: BatchOptions, settings: Settings) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster of single-threaded worker processes."""
    from distributed import Client, LocalCluster

    if options.scheduler is not None:
        try:
            client = Client(options.scheduler, timeout="15s")
        except (OSError, TimeoutError) as error:
            raise BatchError(f"cannot reach the Dask scheduler at {options.scheduler}: {error}") from error
        with client:
            yield client
        return
    workers = options.workers or settings.job_count()
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: never clashes (None would still try 8787)
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


def _process(
    client: Client,
    stream: Iterator[Partition],
    done: set[int],
    settings: Settings,
    options: BatchOptions,
    progress: Callable[[int], None] | None,
) -> int:
    """Submit partitions with a bounded number in flight, writing each as it finishes; count skipped."""
    from distributed import as_completed

    from geomap.batch.worker import analyse_partition

    in_flight = max(2, 2 * sum(client.nthreads().values()))
    pending = as_completed()
    skipped = 0

    def finish_one() -> None:
        future = next(pending)
        try:
            tables: PartitionFiles = future.result()
        except Exception as error:
            raise BatchError(f"a partition failed on the cluster: {type(error).__name__}: {error}") from error
        write_partition(options.output, tables, options.output_format)
        if progress is not None:
            progress(tables.count(Table.ARTICLES) + tables.count(Table.ERRORS))

    for partition in stream:
        if partition.number in done:
            skipped += 1
            if progress is not None:
                progress(len(partition.records) + len(partition.errors))
            continue
        pending.add(client.submit(analyse_partition, partition, settings, options.output_format, pure=False))
        while pending.count() >= in_flight:
            finish_one()
    while not pending.is_empty():
        finish_one()
    return skipped


def _summary(folder: Path, skipped: int) -> BatchSummary:
    """Totals over every partition marker in the folder."""
    rows = dict.fromkeys((table.value for table in Table), 0)
    markers = sorted((folder / "_done").glob("part-*.json"))
    for marker in markers:
        for table, count in json.loads(marker.read_text(encoding="utf-8"))["rows"].items():
            rows[table] = rows.get(table, 0) + count
    return BatchSummary(len(markers), skipped, rows)
