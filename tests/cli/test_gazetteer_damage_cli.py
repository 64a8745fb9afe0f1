"""`geomap gazetteer info` (and every command) on a damaged or misplaced database: rebuilt or one line."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import gazetteer.build
from gazetteer.build import DATABASE_NAME, expected_fingerprint, is_current
from tests.cli.helpers import assert_one_line_exit_2, invoke
from tests.conftest import fixture_sources
from tests.gazetteer.test_cache_robustness import overwrite_middle_pages


@pytest.fixture()
def damaged_cache(cli_cache_dir: Path, tmp_path: Path) -> Path:
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(cli_cache_dir / DATABASE_NAME, cache / DATABASE_NAME)
    overwrite_middle_pages(cache / DATABASE_NAME, pages=4)
    return cache


def test_info_rebuilds_a_database_with_overwritten_pages(
    damaged_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gazetteer.build, "SourcePaths", fixture_sources)  # rebuild the fixture, not the world
    result = invoke("gazetteer", "info", "--cache-dir", str(damaged_cache))
    assert result.exit_code == 0, result.output
    assert "places:" in result.output
    assert is_current(damaged_cache / DATABASE_NAME, expected_fingerprint(fixture_sources()))


def overwrite_root_pages(path: Path, table: str) -> None:
    """Garbage over the first page of `table` and of its indexes: SQLite fails when it reads them."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = db.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = ?", (table,)).fetchall()
    db.close()
    with path.open("r+b") as handle:
        for (root,) in roots:
            handle.seek((root - 1) * page_size)
            handle.write(b"\xde\xad" * (page_size // 2))


def test_info_on_a_database_damaged_after_the_check_is_one_line(
    damaged_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage the checksum did not see (it came later, or the check was skipped) is still one line."""
    overwrite_root_pages(damaged_cache / DATABASE_NAME, "places")
    monkeypatch.setattr(gazetteer.build, "is_current", lambda path, fingerprint: True)
    result = invoke("gazetteer", "info", "--cache-dir", str(damaged_cache))
    message = "gazetteer database error: database disk image is malformed; rebuild it"
    assert_one_line_exit_2(result, message)


def test_folder_in_place_of_the_database_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "cache" / DATABASE_NAME).mkdir(parents=True)
    done = subprocess.run(
        [sys.executable, "-m", "geomap", "gazetteer", "info", "--cache-dir", str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "gazetteer.sqlite is not a file" in done.stderr, done.stderr
