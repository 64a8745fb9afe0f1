"""Reading archives as records: every format, .gz, bad records in place, deterministic partitions."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geomap.batch.sources import Columns, Record, RecordError, input_files, partitions, read_records
from geomap.errors import InputError

TEXTS = ["Shelling hit Homs on Monday.", "Talks resumed in Amman.", "Kharkiv was calm."]


def records(*paths: Path, columns: Columns | None = None) -> list[Record | RecordError]:
    return list(read_records(list(paths), columns or Columns()))


def test_jsonl_plain_and_gzipped_with_bad_lines_in_place(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": TEXTS[0]}), "{not json", json.dumps([1]), json.dumps({"id": 7})]
    lines += ["", json.dumps({"text": TEXTS[1]}), json.dumps({"id": "b", "text": 5})]
    (tmp_path / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "y.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    plain, zipped = records(tmp_path / "x.jsonl"), records(tmp_path / "y.jsonl.gz")
    assert [type(r).__name__ for r in plain] == [
        "Record", "RecordError", "RecordError", "RecordError", "Record", "RecordError",
    ]  # fmt: skip
    assert plain[0] == Record(str(tmp_path / "x.jsonl"), 1, "a", TEXTS[0])
    assert plain[4].article_id == f"{tmp_path / 'x.jsonl'}:6"  # no id: SOURCE:LINE
    assert isinstance(plain[1], RecordError) and plain[1].message.startswith("line 2: not valid JSON")
    assert isinstance(plain[3], RecordError) and plain[3].message == "line 4: no 'text' field"
    assert isinstance(plain[5], RecordError) and plain[5].message == "line 7: 'text' is int, not text"
    assert [(type(r), getattr(r, "text", None)) for r in zipped] == [
        (type(r), getattr(r, "text", None)) for r in plain
    ]


def test_csv_and_parquet_with_named_columns(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "body"])
        writer.writerow(["k1", TEXTS[0] + "\nsecond line, with a comma"])
        writer.writerow(["k2", TEXTS[1], "extra"])
        writer.writerow(["k3", "x" * 200_000])  # longer than csv's default field limit
    pq.write_table(pa.table({"key": ["p1", "p2"], "body": [TEXTS[2], None]}), tmp_path / "b.parquet")
    columns = Columns(id="key", text="body")
    got = records(tmp_path / "a.csv.gz", tmp_path / "b.parquet", columns=columns)
    assert [(type(r).__name__, r.position, r.article_id) for r in got] == [
        ("Record", 1, "k1"), ("RecordError", 2, None), ("Record", 3, "k3"),
        ("Record", 1, "p1"), ("RecordError", 2, "p2"),
    ]  # fmt: skip
    assert got[0].text.endswith("second line, with a comma")  # type: ignore[union-attr]
    assert records(tmp_path / "b.parquet")[0] == RecordError(
        str(tmp_path / "b.parquet"), 0, "no 'text' column (columns: ['key', 'body'])"
    )


def test_bad_files_are_errors_not_aborts(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "ok.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Homs"}\n' * 50)[:-30])
    got = records(*sorted(tmp_path.iterdir()))
    kinds = [(Path(r.source).name, type(r).__name__) for r in got]
    assert ("binary.txt", "RecordError") in kinds and ("latin.txt", "RecordError") in kinds
    assert ("ok.txt", "Record") in kinds
    broken = [r for r in got if Path(r.source).name == "broken.jsonl.gz"]
    assert isinstance(broken[-1], RecordError) and broken[-1].position == 0
    assert "cannot read the rest of the file" in broken[-1].message


def test_input_files_folders_globs_and_mistakes(tmp_path: Path) -> None:
    (tmp_path / "in" / "deep").mkdir(parents=True)
    for name in ("a.txt", "deep/b.jsonl.gz", "c.csv", "README.md", "notes.pdf"):
        (tmp_path / "in" / name).write_text("x", encoding="utf-8")
    assert [p.name for p in input_files([str(tmp_path / "in")])] == ["a.txt", "c.csv", "b.jsonl.gz"]
    assert [p.name for p in input_files([str(tmp_path / "in" / "**" / "*.gz")])] == ["b.jsonl.gz"]
    with pytest.raises(InputError, match="no such file or folder"):
        input_files([str(tmp_path / "missing")])
    with pytest.raises(InputError, match="no article, JSONL, CSV or Parquet files"):
        input_files([str(tmp_path / "in" / "*.pdf")])


def test_partitions_cut_every_n_items_the_same_way_each_time(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(n), "text": "Homs"}) if n % 4 else "{bad" for n in range(10)]
    (tmp_path / "x.jsonl").write_text("\n".join(lines), encoding="utf-8")
    cut = list(partitions(read_records([tmp_path / "x.jsonl"], Columns()), 3))
    assert [(p.number, len(p.records), len(p.errors)) for p in cut] == [
        (0, 2, 1),
        (1, 2, 1),
        (2, 2, 1),
        (3, 1, 0),
    ]
    assert cut == list(partitions(read_records([tmp_path / "x.jsonl"], Columns()), 3))
