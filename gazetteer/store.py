"""Querying the compiled gazetteer: ranked lookups, proximity search, suggestions."""

from __future__ import annotations

import difflib
import json
import math
import os
import sqlite3
from collections.abc import Container, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from gazetteer.build import LICENCES, RECOGNITION_BLOB, Progress, connect_read_only, ensure_database
from gazetteer.errors import GazetteerError
from gazetteer.kinds import SETTLEMENT
from gazetteer.model import Candidate, CountryInfo, GazetteerInfo, OutlineBox, Place, RankedName
from gazetteer.normalize import MIN_SKELETON, normalize, skeleton
from gazetteer.precompute import STRENGTH_BLOB, STRENGTHS, UNRANKED
from gazetteer.sources import Entry, SourcePaths
from gazetteer.sources.curated import read_overlay

if TYPE_CHECKING:
    import marisa_trie

CACHE_ENV = "GEOMAP_CACHE_DIR"
_EARTH_RADIUS_KM = 6371.0088
#: Map the whole database (about 100 MB) into memory; pages load lazily and are shared.
_MMAP_BYTES = 256 * 1024 * 1024
_PLACE_COLUMNS = "p.id, p.name, p.kind, p.lat, p.lon, p.country_code, p.admin1, p.population, p.source"


def default_cache_dir() -> Path:
    """$GEOMAP_CACHE_DIR, else the platform's user cache directory."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("geomap"))


def _expand_kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    """A filter on "city" also admits capitals: a capital is a city."""
    if kinds is None:
        return None
    wanted = set(kinds)
    if wanted & SETTLEMENT:
        wanted |= SETTLEMENT
    return frozenset(wanted)


class Gazetteer:
    """Read-only access to a compiled gazetteer plus an in-memory user overlay.

    Overlay entries (from `--gazetteer-extra` files) are consulted first and outrank
    built-in places, without rebuilding the database.
    """

    def __init__(self, database: Path, overlay: Sequence[Entry] = ()) -> None:
        self.path = database
        self._db = _connect(database)
        self._inherited: list[sqlite3.Connection] = []
        self._entries = tuple(overlay)
        self._overlay: dict[str, list[Candidate]] = {}
        for entry in overlay:
            for name, _ in entry.names:
                candidate = Candidate(entry.place, entry.prior, "primary")
                self._overlay.setdefault(normalize(name), []).append(candidate)
        self._countries: dict[str, CountryInfo] | None = None
        self._index: Container[str] | None = None
        self._trie: marisa_trie.Trie | None = None
        self._strengths = b""
        self._county_states: Mapping[str, tuple[str, ...]] | None = None

    @classmethod
    def open(
        cls,
        cache_dir: Path | None = None,
        extra_files: Sequence[Path] = (),
        *,
        paths: SourcePaths | None = None,
        progress: Progress | None = None,
    ) -> Gazetteer:
        """Open the gazetteer in `cache_dir`, building or rebuilding it first if needed."""
        overlay = [entry for path in extra_files for entry in read_overlay(Path(path))]
        database = ensure_database(cache_dir or default_cache_dir(), paths, progress=progress)
        return cls(database, overlay)

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[Path, tuple[Entry, ...]]]:
        """Pickled as its database path and overlay: a worker process opens its own connection."""
        return (Gazetteer, (self.path, self._entries))

    def reconnect_after_fork(self) -> None:
        """Give this process, a fork of the one that opened the gazetteer, its own connection.

        SQLite forbids using a connection in a forked child. Reconnecting in place (not
        opening a second Gazetteer) lets a worker keep every object built on this one, with
        the name caches its parent already filled. The inherited connection is kept, never
        used and never closed: closing it here could disturb the parent's.
        """
        self._inherited.append(self._db)
        self._db = _connect(self.path)

    def close(self) -> None:
        """Release the database connection."""
        self._db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def candidates(
        self, name: str, country: str | None = None, kinds: Iterable[str] | None = None
    ) -> list[Candidate]:
        """Every place `name` may refer to, best first (overlay first, then by score)."""
        norm = normalize(name)
        if not norm:
            return []
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS}, p.prior, n.matched FROM names n "
            "JOIN places p ON p.rowid = n.place WHERE n.norm = ?",
            (norm,),
        ).fetchall()
        found = list(self._overlay.get(norm, ()))
        found += [Candidate(Place(*row[:9]), row[9], row[10]) for row in rows]
        return self._filtered(found, country, kinds)

    def ranked(self, norm: str) -> RankedName | None:
        """The build's ranking of a bare normalised name (gazetteer.precompute), or None.

        None when the build did not rank it: a name of the overlay (it outranks the build's
        places), a US county name, or one prose cannot spell. The caller ranks those itself.
        """
        if self.strength(norm) is None:
            return None
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS}, p.prior, r.matched, r.prior FROM ranked r "
            "JOIN places p ON p.rowid = r.place WHERE r.norm = ? ORDER BY r.rank",
            (norm,),
        ).fetchall()
        candidates = tuple(Candidate(Place(*row[:9]), row[9], row[10]) for row in rows)
        return RankedName(candidates, tuple(row[11] for row in rows))

    def spelled_like(self, norm: str) -> tuple[str, ...]:
        """The stored names spelt like `norm` but for vowels, doubled letters and the article."""
        key = skeleton(norm)
        if len(key) < MIN_SKELETON:
            return ()
        rows = self._db.execute("SELECT norm FROM variants WHERE skeleton = ? ORDER BY norm", (key,))
        return tuple(found for (found,) in rows if found != norm)

    def lookup(
        self, name: str, country: str | None = None, kinds: Iterable[str] | None = None
    ) -> list[Place]:
        """Places called `name`, ranked best first by population and kind priors."""
        return [candidate.place for candidate in self.candidates(name, country, kinds)]

    @staticmethod
    def _filtered(
        found: list[Candidate], country: str | None, kinds: Iterable[str] | None
    ) -> list[Candidate]:
        wanted = _expand_kinds(kinds)
        code = country.upper() if country else None
        seen: set[str] = set()
        kept = []
        for candidate in sorted(found, key=lambda c: -c.score):
            place = candidate.place
            if place.id in seen or (code and place.country_code != code):
                continue
            if wanted is not None and place.kind not in wanted:
                continue
            seen.add(place.id)
            kept.append(candidate)
        return kept

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        for candidates in self._overlay.values():
            for candidate in candidates:
                if candidate.place.id == place_id:
                    return candidate.place
        query = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?"
        row = self._db.execute(query, (place_id,)).fetchone()
        return Place(*row) if row else None

    def near(
        self, lat: float, lon: float, radius_km: float, kinds: Iterable[str] | None = None
    ) -> list[Place]:
        """Places within `radius_km` of a point, nearest first (great-circle distance)."""
        dlat = math.degrees(radius_km / _EARTH_RADIUS_KM)
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.lat BETWEEN ? AND ?",
            (lat - dlat, lat + dlat),
        ).fetchall()
        wanted = _expand_kinds(kinds)
        scored = []
        for row in rows:
            place = Place(*row)
            if wanted is not None and place.kind not in wanted:
                continue
            distance = _haversine_km(lat, lon, place.lat, place.lon)
            if distance <= radius_km:
                scored.append((distance, place))
        scored.sort(key=lambda pair: pair[0])
        return [place for _, place in scored]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Close spellings of an unknown name, for "did you mean" messages."""
        norm = normalize(name)
        if len(norm) < 2:
            return []
        prefix = norm[:2]
        rows = self._db.execute(
            "SELECT DISTINCT n.norm FROM names n WHERE n.norm >= ? AND n.norm < ? LIMIT 20000",
            (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)),
        ).fetchall()
        close = difflib.get_close_matches(norm, [row[0] for row in rows], n=limit, cutoff=0.75)
        return [self.lookup(match)[0].name if self.lookup(match) else match for match in close]

    def countries(self) -> dict[str, CountryInfo]:
        """Facts about every country, keyed by ISO alpha-2 code."""
        if self._countries is None:
            rows = self._db.execute("SELECT code, record FROM countries").fetchall()
            self._countries = {
                code: CountryInfo(**{**fields, "neighbours": tuple(fields["neighbours"])})
                for code, fields in ((code, json.loads(record)) for code, record in rows)
            }
        return self._countries

    def country(self, code: str) -> Place | None:
        """The country Place for an ISO alpha-2 code."""
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = 'country' AND p.country_code = ?",
            (code.upper(),),
        ).fetchone()
        return Place(*row) if row else None

    def county_states(self) -> Mapping[str, tuple[str, ...]]:
        """Normalised US county name ("walker county") -> the states that have one, sorted."""
        if self._county_states is None:
            table: dict[str, list[str]] = {}
            for norm, state in self._db.execute("SELECT norm, state FROM counties ORDER BY norm, state"):
                table.setdefault(norm, []).append(state)
            self._county_states = MappingProxyType({norm: tuple(states) for norm, states in table.items()})
        return self._county_states

    def county_centre(self, norm: str, state: str) -> tuple[float, float] | None:
        """(lat, lon) of the centre of the county's Census outline, or None where they lack it."""
        row = self._db.execute(
            "SELECT lat, lon FROM counties WHERE norm = ? AND state = ? AND lat IS NOT NULL", (norm, state)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def demonyms(self) -> dict[str, str]:
        """Normalised demonym ("russian", "syrians") -> ISO alpha-2 country code."""
        return dict(self._db.execute("SELECT norm, country FROM demonyms").fetchall())

    def recognition_index(self) -> Container[str]:
        """Every normalised name prose may contain (Latin script, codes excluded), for `in` tests.

        The marisa trie compiled with the database (plus the overlay's names, if any): loading
        takes about a millisecond and holds no million-string set in memory, so there is nothing
        for the garbage collector to walk either.
        """
        if self._index is None:
            trie = self._names_trie()
            self._index = NameIndex(trie, frozenset(self._overlay)) if self._overlay else trie
        return self._index

    def _names_trie(self) -> marisa_trie.Trie:
        """The compiled trie of prose names, and the strength bytes indexed by its key ids: read once."""
        if self._trie is None:
            import marisa_trie

            blobs = dict(
                self._db.execute(
                    "SELECT key, value FROM blobs WHERE key IN (?, ?)", (RECOGNITION_BLOB, STRENGTH_BLOB)
                ).fetchall()
            )
            trie = marisa_trie.Trie()
            self._trie = trie.frombytes(blobs[RECOGNITION_BLOB]) if RECOGNITION_BLOB in blobs else trie
            self._strengths = bytes(blobs.get(STRENGTH_BLOB, b""))
        return self._trie

    def strength(self, norm: str) -> str | None:
        """How much a bare normalised name proves on its own, as the build worked it out; or None.

        None for the names `ranked` gives None for. No query: one trie look-up and one byte.
        """
        if norm in self._overlay:
            return None
        key_id = self._names_trie().get(norm)
        if key_id is None or key_id >= len(self._strengths) or self._strengths[key_id] == UNRANKED:
            return None
        return STRENGTHS[self._strengths[key_id]]

    def recognition_names(self) -> frozenset[str]:
        """The names of `recognition_index()` as one set (a third of a second to build: prefer the index)."""
        index = self.recognition_index()
        if isinstance(index, NameIndex):
            return frozenset(index.trie.keys()) | index.extra
        return frozenset(index.keys())  # type: ignore[attr-defined]

    def outline_boxes(self) -> tuple[OutlineBox, ...]:
        """Every country outline's code, name and bounding box, by code (no geometry: cheap)."""
        rows = self._db.execute("SELECT code, name, west, south, east, north FROM outlines ORDER BY code")
        return tuple(OutlineBox(*row) for row in rows)

    def outline_wkb(self, code: str) -> bytes | None:
        """One country's outline as WKB (Natural Earth 1:10m, lon/lat), or None without one."""
        row = self._db.execute("SELECT wkb FROM outlines WHERE code = ?", (code,)).fetchone()
        return None if row is None else bytes(row[0])

    def info(self) -> GazetteerInfo:
        """Counts per source and kind, size, path and build facts."""
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        by_source: dict[str, int] = {}
        for source, count in self._db.execute(
            "SELECT substr(id, 1, instr(id, ':') - 1), COUNT(*) FROM places GROUP BY 1"
        ):
            by_source[source] = count
        by_kind = dict(self._db.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        names = self._db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return GazetteerInfo(
            path=str(self.path),
            size_bytes=self.path.stat().st_size,
            built_at=meta.get("built_at", ""),
            build_seconds=float(meta.get("build_seconds", 0)),
            fingerprint=meta.get("fingerprint", ""),
            places_by_source=by_source,
            places_by_kind=by_kind,
            names=names,
            licences=LICENCES,
        )


class NameIndex:
    """Membership in the compiled name trie or among the overlay's names: `norm in index`."""

    __slots__ = ("trie", "extra")

    def __init__(self, trie: marisa_trie.Trie, extra: frozenset[str] = frozenset()) -> None:
        self.trie = trie
        self.extra = extra

    def __contains__(self, norm: object) -> bool:
        return isinstance(norm, str) and (norm in self.trie or norm in self.extra)

    def __len__(self) -> int:
        return len(self.trie) + sum(1 for norm in self.extra if norm not in self.trie)


def _connect(database: Path) -> sqlite3.Connection:
    """A read-only connection to the compiled database, checked to be one."""
    try:
        connection = connect_read_only(database, check_same_thread=False)
        # Memory-mapped reads: a name's first lookup costs a third as much as through
        # SQLite's small page cache (about 16 us instead of 50 us, measured).
        connection.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        connection.execute("SELECT 1 FROM meta LIMIT 1")
    except (OSError, sqlite3.Error) as error:
        raise GazetteerError(f"cannot open gazetteer {database}: {error}") from error
    return connection


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, good enough for ranking and radius filters (geodesy is geopy's)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
