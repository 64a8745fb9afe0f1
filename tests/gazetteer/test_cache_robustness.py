"""The cache folder: odd names stay inside it, folders and leftovers in it, damage found by checksum."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gazetteer import BuildError, Gazetteer, ensure_database
from gazetteer.build import DATABASE_NAME, expected_fingerprint, file_checksum, is_current
from tests.conftest import fixture_sources


@pytest.mark.parametrize("name", ["a?b", "x#y", "%2e%2e", "q?mode=rwc", "100%"])
def test_cache_dir_with_uri_characters_reads_and_writes_only_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """As a URI, `?` starts a query, `#` a fragment, and `%2e%2e` is `..`: none may leave the folder."""
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "sub" / name
    database = ensure_database(cache, fixture_sources())
    built = database.stat().st_mtime_ns
    assert is_current(database, expected_fingerprint(fixture_sources()))
    with Gazetteer.open(cache, paths=fixture_sources()) as gazetteer:
        assert gazetteer.lookup("Syria")[0].kind == "country"
    assert database.stat().st_mtime_ns == built  # found current: not rebuilt on every run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == [name]


def test_folder_in_place_of_the_database_is_one_error_without_building(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).mkdir()
    with pytest.raises(BuildError, match="gazetteer.sqlite is not a file"):
        ensure_database(tmp_path, fixture_sources())
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_NAME]


@pytest.mark.parametrize("force", [False, True])
def test_partial_builds_left_by_a_killed_build_are_removed(tmp_path: Path, force: bool) -> None:
    ensure_database(tmp_path, fixture_sources())
    (tmp_path / ".gazetteer-k1ll3d.tmp").write_bytes(b"SQLite format 3\x00 half a database")
    ensure_database(tmp_path, fixture_sources(), force=force)
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE_NAME, DATABASE_NAME + ".lock"]


def overwrite_middle_pages(path: Path, pages: int = 2) -> None:
    """Overwrite whole pages in the middle of the file, keeping its size (what a bad disk does)."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        page_count = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    with path.open("r+b") as handle:
        handle.seek((page_count // 2) * page_size)
        handle.write(bytes(range(256)) * (pages * page_size // 256))


def test_pages_overwritten_in_the_middle_are_detected_and_rebuilt(tmp_path: Path) -> None:
    database = ensure_database(tmp_path, fixture_sources())
    size = database.stat().st_size
    overwrite_middle_pages(database)
    assert database.stat().st_size == size  # the size and page-count test alone passes
    assert not is_current(database, expected_fingerprint(fixture_sources()))
    ensure_database(tmp_path, fixture_sources())
    assert is_current(database, expected_fingerprint(fixture_sources()))
    with Gazetteer(database) as gazetteer:
        assert gazetteer.lookup("Khmeimim Air Base")[0].kind == "air_base"


def test_checksum_covers_every_byte_but_its_own(tmp_path: Path) -> None:
    database = ensure_database(tmp_path, fixture_sources())
    before = file_checksum(database)
    data = bytearray(database.read_bytes())
    data[60:64] = b"\xff\xff\xff\xff"  # where the checksum itself is kept
    database.write_bytes(bytes(data))
    assert file_checksum(database) == before
    data[len(data) - 1] ^= 1
    database.write_bytes(bytes(data))
    assert file_checksum(database) != before
