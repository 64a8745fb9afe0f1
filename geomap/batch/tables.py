"""The output tables of `geomap batch`: their columns, the rows of one article, and atomic writing.

Every partition writes one file per table (`TABLE/part-NNNNNN.parquet` or `.jsonl`), each to a
temporary name and renamed in, then a marker `_done/part-NNNNNN.json`; a partition counts as
written (and `--resume` skips it) only once its marker exists. The worker encodes the files
(`encode_partition`) and the client only writes their bytes: the client is one process for the
whole cluster, so every second of work left to it is a second no worker can share.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer import TextEnum
from geomap.fingerprint import claim_fingerprint
from geomap.model import ArticleResult, Status
from geomap.report.records import claim_record, mention_record

if TYPE_CHECKING:
    import pyarrow as pa

    from geomap.batch.sources import Record, RecordError

Row = dict[str, Any]


class Table(TextEnum):
    """The tables a batch run writes, one folder each."""

    MENTIONS = "mentions"
    CLAIMS = "claims"
    ARTICLES = "articles"
    ERRORS = "errors"


class OutputFormat(TextEnum):
    """How each partition's tables are written."""

    PARQUET = "parquet"
    JSONL = "jsonl"


#: Column name -> type ("str", "int", "float", "bool") of every table, in order.
COLUMNS: Mapping[Table, Mapping[str, str]] = {
    Table.MENTIONS: {
        "article_id": "str", "source": "str", "position": "int",
        "start": "int", "end": "int", "surface": "str", "kind": "str",
        "place_id": "str", "place_name": "str", "place_kind": "str", "lat": "float", "lon": "float",
        "country_code": "str", "admin1": "str", "population": "int", "confidence": "float",
        "alternatives": "str",
    },
    Table.CLAIMS: {
        "article_id": "str", "source": "str", "position": "int",
        "fingerprint": "str", "kind": "str", "verdict": "str", "explanation": "str", "text": "str",
        "sentence": "str",
        "start": "int", "end": "int", "line": "int",
        "claimed_value": "float", "claimed_unit": "str", "claimed_hedge": "str", "claimed_km": "float",
        "direction": "str", "country": "str", "measured_km": "float", "bearing_deg": "float",
        "subject": "str", "subject_id": "str", "subject_name": "str",
        "subject_lat": "float", "subject_lon": "float",
        "reference": "str", "reference_id": "str", "reference_name": "str",
        "reference_lat": "float", "reference_lon": "float", "unbound": "str",
    },
    Table.ARTICLES: {
        "article_id": "str", "source": "str", "position": "int", "partition": "int", "characters": "int",
        "mentions": "int", "resolved": "int", "claims": "int",
        "holds": "int", "contradicted": "int", "unverifiable": "int",
    },
    Table.ERRORS: {
        "source": "str", "position": "int", "article_id": "str", "partition": "int", "error": "str",
    },
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PartitionTables:
    """The rows of every table for one partition, as a worker hands them back."""

    number: int
    """The partition's number."""
    rows: Mapping[Table, Sequence[Row]]
    """Rows of each table, in article order."""

    def count(self, table: Table) -> int:
        """How many rows `table` has in this partition."""
        return len(self.rows[table])


def article_rows(record: Record, result: ArticleResult, partition: int) -> dict[Table, list[Row]]:
    """The mentions, claims and summary rows of one article (the same shape a test builds in-process)."""
    where = {"article_id": record.article_id, "source": record.source, "position": record.position}
    mentions = [{**where, **_mention_row(mention_record(m))} for m in result.mentions]
    claims = [
        {**where, **_claim_row(claim_record(v, claim_fingerprint(record.article_id, v.claim)))}
        for v in result.verdicts
    ]
    statuses = [v.status for v in result.verdicts]
    summary = {
        **where,
        "partition": partition,
        "characters": len(record.text),
        "mentions": len(result.mentions),
        "resolved": sum(m.place is not None for m in result.mentions),
        "claims": len(result.verdicts),
        "holds": statuses.count(Status.HOLDS),
        "contradicted": statuses.count(Status.CONTRADICTED),
        "unverifiable": statuses.count(Status.UNVERIFIABLE),
    }
    return {Table.MENTIONS: mentions, Table.CLAIMS: claims, Table.ARTICLES: [summary]}


def error_row(error: RecordError, partition: int) -> Row:
    """One row of the errors table."""
    return {
        "source": error.source,
        "position": error.position,
        "article_id": error.article_id,
        "partition": partition,
        "error": error.message,
    }


def _mention_row(record: Row) -> Row:
    place = record["place"] or {}
    return {
        "start": record["start"],
        "end": record["end"],
        "surface": record["surface"],
        "kind": str(record["kind"]),
        "place_id": place.get("id"),
        "place_name": place.get("name"),
        "place_kind": None if place.get("kind") is None else str(place["kind"]),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country_code"),
        "admin1": place.get("admin1"),
        "population": place.get("population"),
        "confidence": record["confidence"],
        "alternatives": json.dumps([alt["id"] for alt in record["alternatives"]]),
    }


def _claim_row(record: Row) -> Row:
    claimed = record["claimed"] or {}
    row = {
        key: record[key]
        for key in (
            "fingerprint",
            "explanation",
            "text",
            "sentence",
            "start",
            "end",
            "line",
            "direction",
            "country",
        )
    }
    row.update(
        kind=str(record["kind"]),
        verdict=str(record["verdict"]),
        claimed_value=claimed.get("value"),
        claimed_unit=claimed.get("unit"),
        claimed_hedge=None if claimed.get("hedge") is None else str(claimed["hedge"]),
        claimed_km=claimed.get("km"),
        measured_km=record["measured_km"],
        bearing_deg=record["bearing_deg"],
        unbound=record["unbound"],
    )
    for end in ("subject", "reference"):
        point = record[end] or {}
        row.update(
            {
                end: point.get("surface"),
                f"{end}_id": point.get("id"),
                f"{end}_name": point.get("name"),
                f"{end}_lat": point.get("lat"),
                f"{end}_lon": point.get("lon"),
            }
        )
    return row


def arrow_table(table: Table, rows: Sequence[Row]) -> pa.Table:
    """The rows as an Arrow table with the table's fixed schema (so empty partitions match too)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS[table].items()])
    return pa.Table.from_pylist([dict(row) for row in rows], schema=schema)


def part_name(number: int, output_format: OutputFormat) -> str:
    """File name of a partition's file in each table folder."""
    return f"part-{number:06d}.{output_format.value}"


@dataclass(frozen=True, slots=True)
class PartitionFiles:
    """One partition's table files, encoded, as a worker hands them back to be written."""

    number: int
    """The partition's number."""
    files: Mapping[Table, bytes]
    """The content of each table's file (Parquet or JSONL)."""
    counts: Mapping[Table, int]
    """Rows of each table."""

    def count(self, table: Table) -> int:
        """How many rows `table` has in this partition."""
        return self.counts[table]


def encode_partition(tables: PartitionTables, output_format: OutputFormat) -> PartitionFiles:
    """Every table of one partition as the bytes of its file."""
    files = {table: _encoded(table, tables.rows[table], output_format) for table in Table}
    return PartitionFiles(tables.number, files, {table: tables.count(table) for table in Table})


def _encoded(table: Table, rows: Sequence[Row], output_format: OutputFormat) -> bytes:
    if output_format is OutputFormat.PARQUET:
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(arrow_table(table, rows), sink)
        return bytes(sink.getvalue())
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def write_partition(folder: Path, encoded: PartitionFiles, output_format: OutputFormat) -> None:
    """Write every table file of one partition atomically, then its marker (which makes it count as done)."""
    name = part_name(encoded.number, output_format)
    for table in Table:
        content = encoded.files[table]
        _atomic(folder / table.value / name, lambda path, data=content: Path(path).write_bytes(data))
    counts = {table.value: encoded.count(table) for table in Table}
    marker = json.dumps({"partition": encoded.number, "rows": counts})
    _atomic(folder / "_done" / f"part-{encoded.number:06d}.json", lambda path: Path(path).write_text(marker))


def done_partitions(folder: Path) -> set[int]:
    """Numbers of the partitions whose marker exists (written completely by an earlier run)."""
    done = set()
    for marker in (folder / "_done").glob("part-*.json"):
        number = marker.stem.removeprefix("part-")
        if number.isdigit():
            done.add(int(number))
    return done


def remove_temporaries(folder: Path) -> None:
    """Delete temporary files a killed run left (called under the output folder's lock)."""
    for leftover in folder.glob("*/.part-*.tmp"):
        leftover.unlink(missing_ok=True)


def _atomic(target: Path, write: Any) -> None:
    """Call write(temporary path) beside `target`, flush it to disk, then rename it over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        write(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
