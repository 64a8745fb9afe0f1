"""`--jobs` for check, places and map: the same bytes as one process, in the same order."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from geomap.batch.pool import MIN_ARTICLES
from geomap.cli import main
from tests.cli.many_articles import article


def write_articles(folder: Path, count: int = MIN_ARTICLES + 8) -> Path:
    articles = folder / "articles"
    articles.mkdir()
    for number in range(count):
        (articles / f"a{number:03d}.txt").write_text(article(number), encoding="utf-8")
    return articles


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--format", "json"],
        ["check", "--format", "text"],
        ["places", "--format", "json"],
        ["places", "--no-demonyms"],
    ],
)
def test_two_jobs_print_the_same_bytes_as_one(fixture_env: Path, command: list[str]) -> None:
    folder = write_articles(fixture_env)
    one = invoke(*command, str(folder), "--jobs", "1")
    two = invoke(*command, str(folder), "--jobs", "2")
    assert one.exit_code == two.exit_code and one.exit_code in (0, 1), one.output
    assert two.stdout == one.stdout and two.stderr == one.stderr == ""
    if command[-1] == "json" and command[0] == "check":
        names = [entry["name"] for entry in json.loads(two.stdout)["articles"]]
        assert names == sorted(names) and len(names) == MIN_ARTICLES + 8


def test_one_two_and_three_jobs_agree_with_a_bad_file_and_a_foreign_article(fixture_env: Path) -> None:
    folder = write_articles(fixture_env)
    (folder / "a010.txt").write_bytes(b"\xff\xfe not UTF-8")
    (folder / "a020.txt").write_text(
        "La base aérienne se trouve à environ 60 km de Tartus, et les avions sont partis vers le nord "
        "pendant la nuit.\n",
        encoding="utf-8",
    )
    runs = [invoke("check", str(folder), "--format", "json", "--jobs", jobs) for jobs in ("1", "2", "3")]
    assert {run.exit_code for run in runs} == {2}
    assert runs[1].stdout == runs[0].stdout == runs[2].stdout
    assert runs[1].stderr == runs[0].stderr == runs[2].stderr
    lines = runs[0].stderr.splitlines()
    assert len(lines) == 2 and "a020.txt does not look English" in lines[0] and "a010.txt" in lines[1]
    report = json.loads(runs[0].stdout)
    assert len(report["articles"]) == MIN_ARTICLES + 7 and [e["name"] for e in report["errors"]] == [
        str(folder / "a010.txt")
    ]


def test_map_with_two_jobs_writes_the_same_files(fixture_env: Path) -> None:
    folder = write_articles(fixture_env)
    outputs = []
    for jobs in ("1", "2"):
        html, geojson = fixture_env / f"map{jobs}.html", fixture_env / f"map{jobs}.geojson"
        result = invoke("map", str(folder), "-o", str(html), "--geojson", str(geojson), "-j", jobs)
        assert result.exit_code == 0, result.output
        outputs.append((html.read_bytes(), geojson.read_bytes()))
    assert outputs[0] == outputs[1]


def test_jobs_from_pyproject_and_environment(fixture_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_articles(fixture_env)
    expected = invoke("check", str(folder), "--jobs", "1").stdout
    (fixture_env / "pyproject.toml").write_text("[tool.geomap]\njobs = 2\n", encoding="utf-8")
    assert invoke("check", str(folder)).stdout == expected
    monkeypatch.setenv("GEOMAP_JOBS", "3")
    assert invoke("check", str(folder)).stdout == expected


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("flag", "Invalid value for '--jobs' / '-j'"),
        ("pyproject", "invalid value for jobs: 0 (expected a whole number from 1 to 1024)"),
        ("env", "environment variable GEOMAP_JOBS: invalid value for jobs: 'many'"),
    ],
)
def test_bad_jobs_is_one_line_exit_2(
    fixture_env: Path, monkeypatch: pytest.MonkeyPatch, where: str, message: str
) -> None:
    folder = write_articles(fixture_env, 2)
    args = ["check", str(folder)]
    if where == "flag":
        args += ["--jobs", "0"]
    elif where == "pyproject":
        (fixture_env / "pyproject.toml").write_text("[tool.geomap]\njobs = 0\n", encoding="utf-8")
    else:
        monkeypatch.setenv("GEOMAP_JOBS", "many")
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def run_with_terminal_stderr(args: list[str], cwd: Path) -> tuple[int, str, bytes]:
    """Run geomap with stderr on a pseudo-terminal, stdout on a pipe: (exit code, stdout, terminal)."""
    main_fd, terminal_fd = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "geomap", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=terminal_fd
    )
    os.close(terminal_fd)
    seen = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # EIO: the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    stdout, _ = process.communicate(timeout=120)
    os.close(main_fd)
    return process.returncode, stdout.decode(), seen


def test_progress_bar_on_a_terminal_only(fixture_env: Path) -> None:
    folder = write_articles(fixture_env)
    code, stdout, terminal = run_with_terminal_stderr(["places", str(folder), "--jobs", "2"], fixture_env)
    assert code == 0
    assert b"Articles" in terminal and f"{MIN_ARTICLES + 8}/{MIN_ARTICLES + 8}".encode() in terminal
    assert "Articles" not in stdout
    piped = subprocess.run(
        [sys.executable, "-m", "geomap", "places", str(folder), "--jobs", "2"],
        cwd=fixture_env,
        capture_output=True,
        check=False,
    )
    assert piped.returncode == 0 and piped.stderr == b"" and piped.stdout.decode() == stdout


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_end_when_the_command_is_killed(fixture_env: Path) -> None:
    folder = write_articles(fixture_env, 600)
    process = subprocess.Popen(
        [sys.executable, "-m", "geomap", "check", str(folder), "--jobs", "3"],  # this process and 2 workers
        cwd=fixture_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers = children(process.pid)
        time.sleep(0.01)
    process.kill()
    assert process.wait() == -signal.SIGKILL and len(workers) == 2, "the run ended before its workers started"
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
