"""--help and --version to a closed or full standard output: one line and exit 2, as any command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geomap import __version__

ARGUMENTS = [["--version"], ["--help"], ["-h"], ["check", "--help"], ["gazetteer", "--help"], ["map", "-h"]]


def geomap_in_shell(arguments: list[str], redirect: str) -> subprocess.CompletedProcess[str]:
    """`python -m geomap ARGS REDIRECT` through sh, which can close a descriptor (`>&-`)."""
    command = " ".join(["exec", '"$0"', "-m", "geomap", *arguments, redirect])
    return subprocess.run(
        ["sh", "-c", command, sys.executable], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("arguments", ARGUMENTS, ids=" ".join)
def test_closed_standard_output_is_one_line_and_exit_2(arguments: list[str]) -> None:
    result = geomap_in_shell(arguments, ">&-")
    assert result.returncode == 2
    assert result.stderr == "Error: cannot write standard output: it is closed\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("arguments", ARGUMENTS, ids=" ".join)
def test_full_disk_is_one_line_and_exit_2(arguments: list[str]) -> None:
    result = geomap_in_shell(arguments, ">/dev/full")
    assert result.returncode == 2
    assert result.stderr == "Error: cannot write standard output: No space left on device\n"


def test_broken_pipe_is_one_line_and_exit_2() -> None:
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: the first write is EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "geomap", "--help"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert result.returncode == 2
    assert result.stderr == "Error: cannot write standard output: Broken pipe\n"


@pytest.mark.parametrize(("arguments", "expected"), [(["--version"], f"geomap, version {__version__}\n")])
def test_open_standard_output_still_works(arguments: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "geomap", *arguments], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


def test_closed_standard_output_of_a_command_says_it_once(fixture_env: Path) -> None:
    (fixture_env / "a.txt").write_text("Protesters gathered in Latakia.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m geomap places a.txt >&-', sys.executable],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "Error: cannot write standard output: it is closed\n"
