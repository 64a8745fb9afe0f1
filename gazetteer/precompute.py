"""Rank every recognisable name's candidates at build time, and work out how strong each name is.

Ranking a name new to a process (the SQL join, a Candidate per row, the rules of
gazetteer.ranking, the name's strength) is most of what a first pass over news spends on
names; the rules need no article, so the build applies them once per name. It stores the
order and the priors per name, and the strengths as one byte per name of the recognition
trie (by the trie's key id): recognition asks the strength of about twice as many names as
resolution ranks, and gets it with no query at all. geomap still ranks at run time what the
build cannot know: overlay names, the US counties it makes up, kind-filtered and country keys.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Container, Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from gazetteer.model import Candidate, Place
from gazetteer.ranking import divisions_over_aliases, plain_candidates, rank, strength

if TYPE_CHECKING:
    import marisa_trie

#: One ranked candidate: place row id, how the name matched (index in MATCHED), ranking prior.
ENTRY = struct.Struct("<IBd")
MATCHED = ("primary", "alternate", "code")
#: Stored as their index here (a byte, not a word, per name).
STRENGTHS = ("country", "city", "strong", "weak")
#: The strength byte of a trie name the build did not rank (a US county name).
UNRANKED = 255
#: Key in the blobs table of the strength bytes, indexed by recognition trie key id.
STRENGTH_BLOB = "name_strengths"
_MATCHED_CODE = {matched: code for code, matched in enumerate(MATCHED)}
_STRENGTH_CODE = {value: code for code, value in enumerate(STRENGTHS)}

TABLE = "CREATE TABLE ranked (norm TEXT PRIMARY KEY, entries BLOB NOT NULL) WITHOUT ROWID"
_ROWS = (
    "SELECT n.norm, n.place, p.id, p.name, p.kind, p.lat, p.lon, p.country_code, p.admin1, "
    "p.population, p.source, p.prior, n.matched FROM names n JOIN places p ON p.rowid = n.place "
    "ORDER BY n.norm, n.place"
)


def insert_ranked(db: sqlite3.Connection, names: marisa_trie.Trie, skip: Container[str]) -> None:
    """Rank each name of the trie `names` not in `skip` (US county names: geomap adds candidates to them)."""
    db.execute(TABLE)
    rows = (row for row in db.execute(_ROWS) if row[0] in names and row[0] not in skip)
    ranked = list(_ranked_rows(rows))
    db.executemany("INSERT INTO ranked VALUES (?, ?)", ((norm, entries) for norm, _, entries in ranked))
    strengths = bytearray([UNRANKED]) * len(names)
    for norm, code, _ in ranked:
        strengths[names[norm]] = code
    db.execute("INSERT INTO blobs VALUES (?, ?)", (STRENGTH_BLOB, bytes(strengths)))


def _ranked_rows(rows: Iterable[tuple[object, ...]]) -> Iterator[tuple[str, int, bytes]]:
    for norm, group in groupby(rows, key=lambda row: row[0]):
        rowids: dict[str, int] = {}
        found = []
        for row in group:
            found.append(Candidate(Place(*row[2:11]), row[11], row[12]))  # type: ignore[arg-type]
            rowids[row[2]] = row[1]  # type: ignore[index,assignment]
        yield _ranked_row(str(norm), found, rowids)


def _ranked_row(norm: str, found: list[Candidate], rowids: dict[str, int]) -> tuple[str, int, bytes]:
    """What geomap's index works out for a bare name, with the rows as Gazetteer.candidates orders them.

    `rowids` maps each place id to its row (ids are unique in the places table).
    """
    raw = divisions_over_aliases(norm, plain_candidates(norm, sorted(found, key=_minus_score)))
    ranked = rank(norm, raw)
    entries = b"".join(ENTRY.pack(rowids[c.place.id], _MATCHED_CODE[c.matched], score) for score, c in ranked)
    return norm, _STRENGTH_CODE[strength([c for _, c in ranked])], entries


def _minus_score(candidate: Candidate) -> float:
    return -candidate.score


def decode(entries: bytes) -> list[tuple[int, str, float]]:
    """A stored row's (place row id, matched, prior) per candidate, best first."""
    return [(rowid, MATCHED[matched], score) for rowid, matched, score in ENTRY.iter_unpack(entries)]
