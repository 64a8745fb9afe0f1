"""Building the database: from fixture sources, atomically, with corruption detection and a lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer import BuildError, Gazetteer, SourcePaths, ensure_database
from gazetteer.build import DATABASE_NAME, expected_fingerprint, is_current
from tests.conftest import GAZETTEER_FIXTURE, fixture_sources


def test_fixture_build_has_every_source(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert set(info.places_by_source) >= {"geonames", "countrystatecity", "airport", "site"}
    assert info.places_by_kind["country"] == 19
    assert info.names > 500
    assert info.fingerprint == expected_fingerprint(fixture_sources())
    assert any("CC BY 4.0" in licence for licence in info.licences)


def test_build_is_reused_when_current(tmp_path: Path) -> None:
    first = ensure_database(tmp_path, fixture_sources())
    stamp = first.stat().st_mtime_ns
    second = ensure_database(tmp_path, fixture_sources())
    assert second == first and second.stat().st_mtime_ns == stamp


def test_force_rebuilds(tmp_path: Path) -> None:
    path = ensure_database(tmp_path, fixture_sources())
    inode = path.stat().st_ino
    ensure_database(tmp_path, fixture_sources(), force=True)
    assert path.stat().st_ino != inode  # a new file was renamed in


def test_changed_source_triggers_rebuild(tmp_path: Path) -> None:
    sources_dir = tmp_path / "src"
    import shutil

    shutil.copytree(GAZETTEER_FIXTURE, sources_dir)
    paths = fixture_sources(sources_dir)
    cache = tmp_path / "cache"
    database = ensure_database(cache, paths)
    with (sources_dir / "sites.csv").open("a", encoding="utf-8") as handle:
        handle.write("Test Crossing,,border_crossing,10.0,10.0,SY,test\n")
    assert not is_current(database, expected_fingerprint(paths))
    ensure_database(cache, paths)
    with Gazetteer(database) as gazetteer:
        assert gazetteer.lookup("Test Crossing")[0].kind == "border_crossing"


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "incomplete"])
def test_damaged_database_is_rebuilt(tmp_path: Path, damage: str) -> None:
    path = ensure_database(tmp_path, fixture_sources())
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a database" * 100)
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        with sqlite3.connect(path) as db:
            db.execute("DELETE FROM meta WHERE key = 'complete'")
        db.close()
    assert not is_current(path, expected_fingerprint(fixture_sources()))
    ensure_database(tmp_path, fixture_sources())
    with Gazetteer(path) as gazetteer:
        assert gazetteer.lookup("Syria")[0].kind == "country"


def test_failed_build_leaves_no_partial_file(tmp_path: Path) -> None:
    broken = SourcePaths(**{**vars_of(fixture_sources()), "geonames_cities": tmp_path / "missing.json"})
    with pytest.raises(BuildError):
        ensure_database(tmp_path / "cache", broken)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [DATABASE_NAME + ".lock"]


def vars_of(paths: SourcePaths) -> dict[str, Path]:
    return {name: getattr(paths, name) for name in paths.__dataclass_fields__}


def test_two_processes_building_at_once_do_not_corrupt(tmp_path: Path) -> None:
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from pathlib import Path; from tests.conftest import fixture_sources;"
        "from gazetteer import ensure_database, Gazetteer;"
        "p = ensure_database(Path(sys.argv[1]), fixture_sources(), force=True);"
        "print(Gazetteer(p).lookup('Damascus')[0].name)"
    )
    root = str(Path(__file__).resolve().parents[2])
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path), root], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert outputs == ["Damascus"] * 3
    assert is_current(tmp_path / DATABASE_NAME, expected_fingerprint(fixture_sources()))
    assert not list(tmp_path.glob(".gazetteer-*.tmp"))
