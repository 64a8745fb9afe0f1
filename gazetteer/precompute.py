"""Rank every recognisable name's candidates at build time, and work out how strong each name is.

Ranking a name new to a process (the SQL join, a Candidate per row, the rules of
gazetteer.ranking, the name's strength) is most of what a first pass over news spends on
names; the rules need no article, so the build applies them once per name. It stores a row
per ranked candidate (read back with its place in one join, no rules to apply) and the
strengths as one byte per name of the recognition trie (by the trie's key id): recognition
asks the strength of about twice as many names as resolution ranks, and gets it with no query.
geomap still ranks at run time what the build cannot know: overlay names, the US counties it
makes up, kind-filtered and country keys.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Container, Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from gazetteer.model import Candidate, Place
from gazetteer.ranking import divisions_over_aliases, plain_candidates, rank, strength

if TYPE_CHECKING:
    import marisa_trie

#: Stored as their index here (a byte, not a word, per name).
STRENGTHS = ("country", "city", "strong", "weak")
#: The strength byte of a trie name the build did not rank (a US county name).
UNRANKED = 255
#: Key in the blobs table of the strength bytes, indexed by recognition trie key id.
STRENGTH_BLOB = "name_strengths"
_STRENGTH_CODE = {value: code for code, value in enumerate(STRENGTHS)}

#: A row per ranked candidate, read back with its place in one join (as the names table is).
TABLE = (
    "CREATE TABLE ranked (norm TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL, "
    "matched TEXT NOT NULL, prior REAL NOT NULL, PRIMARY KEY (norm, rank)) WITHOUT ROWID"
)
_ROWS = (
    "SELECT n.norm, n.place, p.id, p.name, p.kind, p.lat, p.lon, p.country_code, p.admin1, "
    "p.population, p.source, p.prior, n.matched FROM names n JOIN places p ON p.rowid = n.place "
    "ORDER BY n.norm, n.place"
)


def insert_ranked(db: sqlite3.Connection, names: marisa_trie.Trie, skip: Container[str]) -> None:
    """Rank each name of the trie `names` not in `skip` (US county names: geomap adds candidates to them)."""
    db.execute(TABLE)
    strengths = bytearray([UNRANKED]) * len(names)
    rows = (row for row in db.execute(_ROWS) if row[0] in names and row[0] not in skip)
    ranked: list[tuple[str, int, int, str, float]] = []
    for norm, found, rowids in _names_found(rows):
        order = rank(
            norm, divisions_over_aliases(norm, plain_candidates(norm, sorted(found, key=_minus_score)))
        )
        ranked.extend((norm, i, rowids[c.place.id], c.matched, score) for i, (score, c) in enumerate(order))
        strengths[names[norm]] = _STRENGTH_CODE[strength([c for _, c in order])]
    db.executemany("INSERT INTO ranked VALUES (?, ?, ?, ?, ?)", ranked)
    db.execute("INSERT INTO blobs VALUES (?, ?)", (STRENGTH_BLOB, bytes(strengths)))


def _names_found(rows: Iterable[tuple[object, ...]]) -> Iterator[tuple[str, list[Candidate], dict[str, int]]]:
    """Per name: its candidates in row order, and each candidate's place row by place id (ids are unique)."""
    for norm, group in groupby(rows, key=lambda row: row[0]):
        rowids: dict[str, int] = {}
        found = []
        for row in group:
            found.append(Candidate(Place(*row[2:11]), row[11], row[12]))  # type: ignore[arg-type]
            rowids[row[2]] = row[1]  # type: ignore[index,assignment]
        yield str(norm), found, rowids


def _minus_score(candidate: Candidate) -> float:
    """Sort key: Gazetteer.candidates orders a name's rows by score, best first (a stable sort)."""
    return -candidate.score
