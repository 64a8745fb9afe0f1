"""Writing outputs: all-or-nothing pairs, leftovers of killed runs, targets that are not files, stdout."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import geomap.cli.outputs
from tests.cli.helpers import assert_one_line_exit_2, invoke

ARTICLE = "Khmeimim Air Base is located around 60km from the Russian naval facility at Tartus.\n"


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("*.tmp"))


@pytest.fixture()
def article(fixture_env: Path) -> Path:
    path = fixture_env / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def fail_renaming_geojson(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the second rename of `map -o X --geojson Y` fail, after X is in place."""
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if str(target).endswith(".geojson"):
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(geomap.cli.outputs.os, "replace", replace)


def test_map_pair_keeps_both_old_files_when_the_second_rename_fails(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (article.parent / "x.html").write_text("old html", encoding="utf-8")
    (article.parent / "x.geojson").write_text("old geojson", encoding="utf-8")
    fail_renaming_geojson(monkeypatch)
    result = invoke("map", "a.txt", "-o", "x.html", "--geojson", "x.geojson")
    assert_one_line_exit_2(result, "cannot write x.geojson: Input/output error")
    assert (article.parent / "x.html").read_text(encoding="utf-8") == "old html"
    assert (article.parent / "x.geojson").read_text(encoding="utf-8") == "old geojson"
    assert temporaries(article.parent) == []


def test_map_pair_leaves_neither_file_when_the_second_rename_fails(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_renaming_geojson(monkeypatch)
    result = invoke("map", "a.txt", "-o", "out/x.html", "--geojson", "out/x.geojson")
    assert_one_line_exit_2(result, "cannot write out/x.geojson")
    assert sorted(path.name for path in (article.parent / "out").iterdir()) == []


def dead_pid() -> int:
    """The pid of a process that has exited (not reused this soon on any normal system)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


def test_temporaries_left_by_a_killed_run_are_removed_by_the_next(article: Path) -> None:
    maps = article.parent / "maps"
    maps.mkdir()
    dead = dead_pid()
    stale = [f".a.html.geomap-{dead}.tmp", f".other.html.geomap-{dead}.tmp", f".a.html.geomap-{dead}.bak.tmp"]
    kept = [".a.html.geomap-1.tmp", ".a.html.x7k2.tmp", "notes.tmp"]  # live pid 1; not geomap's names
    for name in stale + kept:
        (maps / name).write_text("partial", encoding="utf-8")
    result = invoke("map", "a.txt")
    assert result.exit_code == 0, result.output
    assert temporaries(maps) == sorted(kept)
    assert (maps / "a.html").stat().st_size > 1000


def test_temporary_name_of_a_dead_process_with_our_pid_is_replaced(article: Path) -> None:
    """A planted or stale temporary with this process's pid (even a symlink) is not written through."""
    victim = article.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (article.parent / f".r.json.geomap-{os.getpid()}.tmp").symlink_to(victim)
    result = invoke("check", "a.txt", "--format", "json", "-o", "r.json")
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert temporaries(article.parent) == []


@pytest.mark.parametrize("command", ["check", "map"])
def test_symbolic_link_target_is_refused_and_kept(article: Path, command: str) -> None:
    (article.parent / "out.file").symlink_to(article)
    result = invoke(command, "a.txt", "-o", "out.file")
    assert_one_line_exit_2(result, "cannot write out.file: it is a symbolic link")
    assert (article.parent / "out.file").is_symlink()
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_fifo_target_is_refused_without_blocking(article: Path) -> None:
    os.mkfifo(article.parent / "pipe")
    assert_one_line_exit_2(invoke("check", "a.txt", "-o", "pipe"), "cannot write pipe: not a regular file")
    assert stat.S_ISFIFO((article.parent / "pipe").lstat().st_mode)


@pytest.mark.parametrize("option", ["-o", "--geojson"])
def test_device_target_is_refused_and_not_replaced(article: Path, option: str) -> None:
    """As root, renaming over /dev/null would replace the device with a regular file."""
    result = invoke(
        "map", "a.txt", "-o" if option == "--geojson" else "--geojson", "x.out", option, os.devnull
    )
    assert_one_line_exit_2(result, f"cannot write {os.devnull}: not a regular file")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not (article.parent / "x.out").exists()


@pytest.mark.parametrize(
    ("command", "target"), [("check", "reports/"), ("map", "maps/"), ("check", "taken"), ("map", "taken")]
)
def test_folder_target_is_an_error_not_a_file(article: Path, command: str, target: str) -> None:
    (article.parent / "taken").mkdir()
    result = invoke(command, "a.txt", "-o", target)
    assert_one_line_exit_2(result, f"cannot write {target}: it is a folder, not a file")
    assert not (article.parent / target.rstrip("/")).is_file()


def run_geomap(shell_redirect: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A real `python -m geomap` with its standard streams redirected by a shell (`>&-` closes)."""
    command = f'exec "$0" -m geomap "$@" {shell_redirect}'
    return subprocess.run(
        ["sh", "-c", command, sys.executable, *args],
        cwd=cwd,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env={**os.environ},
    )


@pytest.mark.parametrize(
    ("redirect", "args", "message"),
    [
        (">/dev/full", ("check", "a.txt"), "Error: cannot write standard output: No space left on device"),
        (">/dev/full", ("places", "--format", "json", "a.txt"), "No space left on device"),
        (">&-", ("check", "a.txt"), "Error: cannot write standard output: it is closed"),
        (">&-", ("map", "a.txt", "-o", "m.html"), "Error: cannot write standard output: it is closed"),
        ("<&- >/dev/null", ("places", "-"), "Error: -: standard input is closed"),
    ],
)
def test_standard_streams_that_fail_are_one_line_and_exit_2(
    article: Path, redirect: str, args: tuple[str, ...], message: str
) -> None:
    if redirect.startswith(">/dev/full") and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    done = run_geomap(redirect, *args, cwd=article.parent)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
