"""`geomap batch` against a real Dask cluster on loopback: a scheduler and two workers started here.

The results must equal the in-process pipeline on the same articles, unreadable records must land
in the errors table, and a run killed with SIGKILL must finish with --resume, every article once.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gazetteer import Gazetteer
from geomap.batch.sources import Record
from geomap.batch.tables import Table, article_rows
from geomap.model import Article
from geomap.pipeline import run
from geomap.settings import Settings
from tests.cli.many_articles import article

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def scheduler(cli_cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes on 127.0.0.1, stopped after the module."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cli_cache_dir)}
    logs = tmp_path_factory.mktemp("dask-logs")
    common = {"env": env, "stdout": subprocess.DEVNULL, "cwd": logs}
    processes = [
        subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stderr=(logs / "scheduler.log").open("w"),
            **common,  # type: ignore[call-overload]
        )
    ]
    for number in range(2):
        processes.append(
            subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny"]
                + ["--host", "127.0.0.1", "--name", f"w{number}", "--local-directory", str(logs)],
                stderr=(logs / f"worker{number}.log").open("w"),
                **common,  # type: ignore[call-overload]
            )
        )
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def geomap(*args: str, cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cache)}
    return subprocess.run(
        [str(BIN / "geomap"), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def table(folder: Path, name: Table) -> list[dict]:
    return pq.read_table(folder / name.value).to_pylist()


def write_archive(folder: Path) -> tuple[list[Record], list[tuple[str, int]]]:
    """Articles in every input format, with one unreadable record in each; (records, bad spots)."""
    folder.mkdir()
    texts = [article(n) for n in range(24)]
    expected: list[Record] = []
    lines = []
    for n in range(8):
        lines.append(json.dumps({"id": f"j{n}", "text": texts[n]}))
        if n == 3:
            lines.append('{"id": "broken", "text": ')
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    position = 0
    for n in range(8):
        position += 1 + (n == 4)  # the broken line is line 5
        expected.append(Record(str(folder / "a.jsonl"), position, f"j{n}", texts[n]))
    with gzip.open(folder / "b.csv.gz", "wt", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["key", "body"])
        for n in range(8, 16):
            writer.writerow([f"c{n}", texts[n]])
        writer.writerow(["c-extra", "text", "one field too many"])
    expected += [Record(str(folder / "b.csv.gz"), n - 7, f"c{n}", texts[n]) for n in range(8, 16)]
    pq.write_table(
        pa.table({"key": [f"p{n}" for n in range(16, 24)] + ["p-null"], "body": texts[16:24] + [None]}),
        folder / "c.parquet",
    )
    expected += [Record(str(folder / "c.parquet"), n - 15, f"p{n}", texts[n]) for n in range(16, 24)]
    bad = [(str(folder / "a.jsonl"), 5), (str(folder / "b.csv.gz"), 9), (str(folder / "c.parquet"), 9)]
    return expected, bad


def test_cluster_results_equal_the_in_process_pipeline(
    scheduler: str, cli_cache_dir: Path, tmp_path: Path
) -> None:
    records, bad = write_archive(tmp_path / "archive")
    out = tmp_path / "out"
    # JSONL records carry "id"/"text", CSV and Parquet "key"/"body": run each kind with its own columns.
    done = geomap("batch", str(tmp_path / "archive" / "a.jsonl"), "-o", str(out), "--scheduler", scheduler,
                  "--partition-size", "5", cache=cli_cache_dir, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    other = tmp_path / "out2"
    done = geomap(
        "batch", str(tmp_path / "archive" / "b.csv.gz"), str(tmp_path / "archive" / "c.parquet"),
        "-o", str(other), "--scheduler", scheduler, "--partition-size", "5",
        "--id-column", "key", "--text-column", "body", cache=cli_cache_dir, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "16 article(s)" in done.stdout and "2 unreadable record(s)" in done.stdout

    with Gazetteer.open(cli_cache_dir) as gazetteer:
        report = run([Article(r.article_id, r.text) for r in records], gazetteer, Settings(jobs=1))
    expected: dict[Table, list[dict]] = {Table.MENTIONS: [], Table.CLAIMS: [], Table.ARTICLES: []}
    for record, result in zip(records, report.results, strict=True):
        for name, rows in article_rows(record, result, 0).items():
            expected[name] += rows
    for name, rows in expected.items():
        got = table(out, name) + table(other, name)
        for row in got + rows:
            row.pop("partition", None)
        key = lambda row: (row["source"], row["position"], row.get("start") or 0)  # noqa: E731
        assert sorted(got, key=key) == sorted(rows, key=key), name
    assert len(expected[Table.CLAIMS]) > 10 and len(expected[Table.MENTIONS]) > 50
    errors = sorted(
        (row["source"], row["position"]) for row in table(out, Table.ERRORS) + table(other, Table.ERRORS)
    )
    assert errors == sorted(bad)


def test_resume_after_kill_minus_9_writes_every_article_once(
    scheduler: str, cli_cache_dir: Path, tmp_path: Path
) -> None:
    count, size = 150, 3
    source = tmp_path / "archive.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"id": f"a{n}", "text": article(n)}) + "\n")
    out = tmp_path / "out"
    args = ["batch", str(source), "-o", str(out), "--scheduler", scheduler, "--partition-size", str(size)]
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(cli_cache_dir)}
    process = subprocess.Popen([str(BIN / "geomap"), *args], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while (
        not list((out / "_done").glob("part-*.json"))
        and time.monotonic() < deadline
        and process.poll() is None
    ):
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    written = len(list((out / "_done").glob("part-*.json")))
    assert 0 < written < count // size
    again = geomap(*args, cache=cli_cache_dir, cwd=tmp_path)
    assert again.returncode == 2 and "add --resume" in again.stderr
    resumed = geomap(*args, "--resume", cache=cli_cache_dir, cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert (
        f"{count // size} partition(s) (" in resumed.stdout and "already written, skipped" in resumed.stdout
    )
    ids = Counter(row["article_id"] for row in table(out, Table.ARTICLES))
    assert ids == Counter(f"a{n}" for n in range(count))
    assert not list(out.glob("*/.part-*.tmp"))


def test_local_cluster_and_jsonl_tables(cli_cache_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.txt").write_text(article(n), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"caf\xe9")
    done = geomap("batch", str(folder), "-o", "out", "--workers", "1", "--output-format", "jsonl",
                  cache=cli_cache_dir, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0 and done.stderr == "", done.stderr
    rows = [
        json.loads(line) for line in (tmp_path / "out/articles/part-000000.jsonl").read_text().splitlines()
    ]
    assert sorted(Path(row["article_id"]).name for row in rows) == [f"{n}.txt" for n in range(6)]
    (error,) = [
        json.loads(line) for line in (tmp_path / "out/errors/part-000000.jsonl").read_text().splitlines()
    ]
    assert error["source"].endswith("bad.txt") and "not UTF-8" in error["error"]


def test_tables_inside_an_input_folder_are_not_read_back(cli_cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": article(1)}) + "\n", encoding="utf-8")
    args = [
        "batch",
        str(tmp_path),
        "-o",
        str(tmp_path / "tables"),
        "--workers",
        "1",
        "--output-format",
        "jsonl",
    ]
    first = geomap(*args, cache=cli_cache_dir, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = geomap(*args, "--resume", cache=cli_cache_dir, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 partition(s) (1 already written, skipped), 1 article(s)" in again.stdout
