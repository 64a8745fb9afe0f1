"""A worker's side of `geomap batch`: one partition in, its table files encoded, ready to write."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from geomap.batch.sources import Columns, partitions, read_records
from geomap.batch.tables import OutputFormat, Table, write_partition
from geomap.batch.worker import analyse_partition
from geomap.settings import Settings


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_the_worker_encodes_and_the_client_only_writes(
    tmp_path: Path, fixture_env: Path, output_format: OutputFormat
) -> None:
    lines = [json.dumps({"id": "a", "text": "Shelling hit Homs, 160 km north of Damascus."}), "{bad"]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (partition,) = partitions(read_records([tmp_path / "in.jsonl"], Columns()), 10)
    encoded = analyse_partition(partition, Settings(), output_format)
    assert {table: encoded.count(table) for table in Table} == {
        Table.MENTIONS: 2, Table.CLAIMS: 1, Table.ARTICLES: 1, Table.ERRORS: 1,
    }  # fmt: skip
    if output_format is OutputFormat.PARQUET:
        assert pq.read_table(io.BytesIO(encoded.files[Table.CLAIMS])).num_rows == 1
    write_partition(tmp_path / "out", encoded, output_format)
    name = f"part-{partition.number:06d}.{output_format.value}"
    assert (tmp_path / "out" / "claims" / name).read_bytes() == encoded.files[Table.CLAIMS]
    marker = tmp_path / "out" / "_done" / f"part-{partition.number:06d}.json"
    assert json.loads(marker.read_text())["rows"] == {"mentions": 2, "claims": 1, "articles": 1, "errors": 1}
