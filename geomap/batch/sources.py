"""Reading an archive as a stream of records: article files, JSONL, CSV and Parquet, `.gz` or not.

Nothing is loaded whole: files are read one record at a time, so memory stays bounded by the
partition being filled, not by the archive. A record that cannot be read (bad JSON, a missing or
non-text field, undecodable bytes, a damaged file) becomes a RecordError in the stream, in its
place, and reading goes on with the next one.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer import TextEnum
from geomap.articles import ARTICLE_SUFFIXES, NOT_ARTICLES, display_name
from geomap.errors import InputError

#: Largest article, as for the other commands (bytes of one file, characters of one record).
MAX_ARTICLE = 20_000_000
_WILDCARD = re.compile(r"[*?[]")


class InputFormat(TextEnum):
    """How a file is read, from its suffix (a trailing `.gz` is decompressed first)."""

    TEXT = "text"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


SUFFIXES = {
    **dict.fromkeys(ARTICLE_SUFFIXES, InputFormat.TEXT),
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".csv": InputFormat.CSV,
    ".parquet": InputFormat.PARQUET,
}


@dataclass(frozen=True, slots=True)
class Columns:
    """Which fields of a JSONL, CSV or Parquet record hold the article's id and its text."""

    id: str = "id"
    """Field with the article's id (missing or empty: SOURCE:POSITION)."""
    text: str = "text"
    """Field with the article's text."""


@dataclass(frozen=True, slots=True)
class Record:
    """One article read from the archive."""

    source: str
    """The file it came from, as shown in outputs."""
    position: int
    """Line (JSONL), row (CSV, Parquet; the first data row is 1), or 1 for an article file."""
    article_id: str
    """The id column's value, or SOURCE:POSITION."""
    text: str
    """The article's text."""


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record (or a whole file) that could not be read, and why."""

    source: str
    """The file."""
    position: int
    """Where in it (0: the file as a whole)."""
    message: str
    """One line: what was wrong."""
    article_id: str | None = None
    """The record's id, when it could be read."""


@dataclass(frozen=True, slots=True)
class Partition:
    """Consecutive records of the stream: the unit of work, of output files and of --resume."""

    number: int
    """0, 1, 2... in stream order; names the partition's files."""
    records: tuple[Record, ...] = ()
    """The readable records."""
    errors: tuple[RecordError, ...] = field(default_factory=tuple)
    """The unreadable ones met while filling it."""


def input_files(targets: Iterable[str]) -> list[Path]:
    """Every input file named by `targets` (files, folders, globs), sorted within each target.

    A missing path or a target naming no readable file is an InputError: a typo must not
    produce an empty archive.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for target in targets:
        if not target.strip():
            raise InputError("an empty path names no input (give a file, a folder or a glob)")
        if _WILDCARD.search(target):
            found = sorted(Path(p) for p in glob.glob(target, recursive=True) if Path(p).is_file())
            found = [p for p in found if input_format(p) is not None]
        elif Path(target).is_dir():
            found = sorted(
                p for p in Path(target).rglob("*") if p.is_file() and input_format(p) and _not_metadata(p)
            )
        elif Path(target).is_file():
            found = [Path(target)]
        else:
            raise InputError(f"{display_name(target)}: no such file or folder")
        if not found:
            raise InputError(f"{display_name(target)}: no article, JSONL, CSV or Parquet files")
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files


def _not_metadata(path: Path) -> bool:
    """README, LICENSE and the like in a folder are not articles (named alone, they are read)."""
    return path.name.split(".")[0].lower() not in NOT_ARTICLES


def input_format(path: Path) -> InputFormat | None:
    """The format a file is read in, from its suffix under any `.gz`; None for other files."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return SUFFIXES.get(suffixes[-1]) if suffixes else None


def read_records(files: Iterable[Path], columns: Columns) -> Iterator[Record | RecordError]:
    """Every record of every file in order; each unreadable record or file as a RecordError."""
    for path in files:
        source = display_name(str(path))
        kind = input_format(path) or InputFormat.TEXT
        try:
            if kind is InputFormat.TEXT:
                yield _article_file(path, source)
            elif kind is InputFormat.JSONL:
                yield from _jsonl(path, source, columns)
            elif kind is InputFormat.CSV:
                yield from _csv(path, source, columns)
            else:
                yield from _parquet(path, source, columns)
        except (OSError, EOFError, ValueError, csv.Error) as error:  # damaged gzip, truncated file...
            yield RecordError(source, 0, f"cannot read the rest of the file: {_reason(error)}")


def partitions(stream: Iterable[Record | RecordError], size: int) -> Iterator[Partition]:
    """The stream cut every `size` items (records and errors alike), numbered from 0.

    The cut depends only on the stream and `size`, so a resumed run sees the same partitions.
    """
    records: list[Record] = []
    errors: list[RecordError] = []
    number = 0
    for item in stream:
        if isinstance(item, Record):
            records.append(item)
        else:
            errors.append(item)
        if len(records) + len(errors) >= size:
            yield Partition(number, tuple(records), tuple(errors))
            records, errors, number = [], [], number + 1
    if records or errors:
        yield Partition(number, tuple(records), tuple(errors))


def _open_binary(path: Path) -> io.BufferedIOBase:
    handle = path.open("rb")
    return gzip.GzipFile(fileobj=handle, mode="rb") if path.suffix.lower() == ".gz" else handle


def _article_file(path: Path, source: str) -> Record | RecordError:
    """A whole file as one article; refused as the other commands refuse it (binary, not UTF-8, huge)."""
    with _open_binary(path) as handle:
        data = handle.read(MAX_ARTICLE + 1)
    if len(data) > MAX_ARTICLE:
        return RecordError(source, 1, f"larger than {MAX_ARTICLE // 1_000_000} MB, not an article")
    if b"\x00" in data[:8192]:
        return RecordError(source, 1, "binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return RecordError(source, 1, f"not UTF-8 text ({error.reason} at byte {error.start})")
    return Record(source, 1, source, text)


def _from_fields(
    source: str, position: int, values: Any, columns: Columns, what: str
) -> Record | RecordError:
    """A record from one JSON object, CSV row or Parquet row, or why it is none."""
    if not isinstance(values, dict):
        return RecordError(source, position, f"{what} {position}: not an object with fields")
    raw_id = values.get(columns.id)
    article_id = f"{source}:{position}" if raw_id in (None, "") else str(raw_id)
    text = values.get(columns.text)
    if text is None:
        return RecordError(source, position, f"{what} {position}: no {columns.text!r} field", article_id)
    if not isinstance(text, str):
        kind = type(text).__name__
        return RecordError(
            source, position, f"{what} {position}: {columns.text!r} is {kind}, not text", article_id
        )
    if len(text) > MAX_ARTICLE:
        message = f"{what} {position}: larger than {MAX_ARTICLE // 1_000_000} MB, not an article"
        return RecordError(source, position, message, article_id)
    return Record(source, position, article_id, text)


def _jsonl(path: Path, source: str, columns: Columns) -> Iterator[Record | RecordError]:
    with _open_binary(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                values = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as error:
                yield RecordError(source, number, f"line {number}: not UTF-8 ({error.reason})")
                continue
            except (ValueError, RecursionError) as error:
                yield RecordError(source, number, f"line {number}: not valid JSON ({_reason(error)})")
                continue
            yield _from_fields(source, number, values, columns, "line")


def _csv(path: Path, source: str, columns: Columns) -> Iterator[Record | RecordError]:
    csv.field_size_limit(MAX_ARTICLE + 1)  # articles are longer than csv's 128 KB default
    binary = _open_binary(path)
    with binary, io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as text:  # type: ignore[type-var]
        reader = csv.DictReader(text)
        if reader.fieldnames is None or columns.text not in reader.fieldnames:
            yield RecordError(source, 0, f"no {columns.text!r} column (columns: {reader.fieldnames or []})")
            return
        for number, row in enumerate(reader, start=1):
            if None in row:  # more fields than the header names
                yield RecordError(source, number, f"row {number}: more fields than the header has")
                continue
            yield _from_fields(source, number, row, columns, "row")


def _parquet(path: Path, source: str, columns: Columns) -> Iterator[Record | RecordError]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    if columns.text not in names:
        yield RecordError(source, 0, f"no {columns.text!r} column (columns: {names})")
        return
    wanted = [name for name in (columns.id, columns.text) if name in names]
    number = 0
    for batch in parquet.iter_batches(batch_size=256, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            yield _from_fields(source, number, row, columns, "row")


def _reason(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
