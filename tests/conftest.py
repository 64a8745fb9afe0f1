"""Shared fixtures: a tiny gazetteer compiled from real-format fixture sources, once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gazetteer import Gazetteer, SourcePaths, ensure_database

FIXTURES = Path(__file__).parent / "fixtures"
GAZETTEER_FIXTURE = FIXTURES / "gazetteer"


def fixture_sources(root: Path = GAZETTEER_FIXTURE) -> SourcePaths:
    """SourcePaths pointing at the fixture files (same formats as the installed packages)."""
    return SourcePaths(
        geonames_cities=root / "cities500.json",
        geonames_countries=root / "countries.json",
        geonames_continents=root / "continents.json",
        geonames_us_states=root / "us_states.json",
        csc_data=root / "csc",
        airports=root / "airports.csv",
        sites=root / "sites.csv",
        country_aliases=root / "country_aliases.csv",
        demonyms=root / "demonyms.csv",
        division_aliases=root / "division_aliases.csv",
        geonames_features=root / "geonames_features.tsv",
    )


@pytest.fixture(scope="session")
def fixture_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache dir holding the compiled fixture gazetteer."""
    cache = tmp_path_factory.mktemp("gazetteer-cache")
    ensure_database(cache, fixture_sources())
    return cache


@pytest.fixture(scope="session")
def gazetteer(fixture_cache_dir: Path) -> Iterator[Gazetteer]:
    """The fixture gazetteer, opened once for the whole session."""
    with Gazetteer.open(fixture_cache_dir, paths=fixture_sources()) as opened:
        yield opened


@pytest.fixture(scope="session")
def cli_cache_dir(fixture_cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fixture gazetteer stamped as current for the installed sources.

    The CLI checks the database against the installed sources' fingerprint; the stamp
    makes it use the tiny fixture as is instead of rebuilding the world.
    """
    import shutil
    import sqlite3

    from gazetteer.build import DATABASE_NAME, expected_fingerprint, stamp_checksum

    cache = tmp_path_factory.mktemp("cli-cache")
    shutil.copy(fixture_cache_dir / DATABASE_NAME, cache / DATABASE_NAME)
    db = sqlite3.connect(cache / DATABASE_NAME)
    with db:
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'fingerprint'", (expected_fingerprint(SourcePaths()),)
        )
    db.close()
    stamp_checksum(cache / DATABASE_NAME)
    return cache


@pytest.fixture()
def fixture_env(cli_cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the CLI against the fixture gazetteer, in an empty working directory."""
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(cli_cache_dir))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def real_gazetteer() -> Iterator[Gazetteer]:
    """The full gazetteer built from the installed sources (built on first use)."""
    with Gazetteer.open() as opened:
        yield opened
