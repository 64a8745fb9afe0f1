"""The names the build ranks in advance: the same answer as ranking them when asked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import marisa_trie
import pytest

from gazetteer import Gazetteer, Kind, Place
from gazetteer.build import _SCHEMA
from gazetteer.model import Candidate
from gazetteer.precompute import STRENGTH_BLOB, STRENGTHS, UNRANKED, insert_ranked
from gazetteer.ranking import (
    ADMIN1_PRIOR,
    MAX_CANDIDATES,
    division_prior,
    divisions_over_aliases,
    plain_candidates,
    prior,
    rank,
    strength,
)
from gazetteer.sources.curated import read_overlay


def _ranked_now(gazetteer: Gazetteer, norm: str) -> list[tuple[float, Candidate]]:
    """What geomap's index works out for a bare name when the build has not ranked it."""
    return rank(norm, divisions_over_aliases(norm, plain_candidates(norm, gazetteer.candidates(norm))))


def _stored_names(gazetteer: Gazetteer) -> list[str]:
    return [norm for (norm,) in gazetteer._db.execute("SELECT DISTINCT norm FROM ranked")]


def test_every_prose_name_is_ranked_but_county_names(gazetteer: Gazetteer) -> None:
    counties = {norm for (norm,) in gazetteer._db.execute("SELECT norm FROM counties")}
    assert set(_stored_names(gazetteer)) == gazetteer.recognition_names() - counties


def test_stored_ranking_is_the_ranking_at_run_time(gazetteer: Gazetteer) -> None:
    names = _stored_names(gazetteer)
    assert "damascus" in names and "syria" in names
    for norm in names:
        built = gazetteer.ranked(norm)
        assert built is not None
        expected = _ranked_now(gazetteer, norm)
        assert built.candidates == tuple(c for _, c in expected)
        assert built.priors == tuple(score for score, _ in expected)  # exactly: floats stored whole
        assert gazetteer.strength(norm) == strength(built.candidates)
        assert len(built.candidates) <= MAX_CANDIDATES


def test_names_the_build_did_not_rank_give_none(gazetteer: Gazetteer, tmp_path: Path) -> None:
    assert gazetteer.ranked("qwertyville") is None
    assert gazetteer.strength("qwertyville") is None
    extra = tmp_path / "extra.csv"
    extra.write_text("name,aliases,kind,lat,lon,country\nDamascus,,military_site,33.5,36.3,SY\n")
    with Gazetteer(gazetteer.path, read_overlay(extra)) as overlaid:
        assert overlaid.ranked("damascus") is None  # the overlay outranks the build: ranked when asked
        assert overlaid.strength("damascus") is None
        assert gazetteer.strength("damascus") == "city"


def _candidate(
    kind: Kind, population: int = 0, matched: str = "primary", source: str = "geonames"
) -> Candidate:
    place = Place(f"x:{kind}{population}{matched}", "Somewhere", kind, 1.0, 2.0, "SY", "", population, source)
    return Candidate(place, 5.0, matched)


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (_candidate(Kind.COUNTRY), "country"),
        (_candidate(Kind.COUNTRY, matched="alternate"), "strong"),
        (_candidate(Kind.CAPITAL), "city"),
        (_candidate(Kind.CITY, population=250_000), "city"),
        (_candidate(Kind.CITY, population=250_000, matched="alternate"), "weak"),
        (_candidate(Kind.ADMIN1), "strong"),
        (_candidate(Kind.CITY, population=900), "weak"),
        (_candidate(Kind.MILITARY_SITE, source="curated"), "strong"),
    ],
)
def test_strength(candidate: Candidate, expected: str) -> None:
    assert strength([candidate]) == expected
    assert expected in STRENGTHS


def test_strength_of_no_candidates_is_weak() -> None:
    assert strength([]) == "weak"


def test_prior_ranks_countries_over_cities() -> None:
    assert prior(_candidate(Kind.COUNTRY)) > prior(_candidate(Kind.CITY, population=10_000_000))


def test_skipped_names_keep_no_ranking_and_no_strength() -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    db.execute("INSERT INTO places VALUES (1, 'x:1', 'Walker', 'city', 1, 2, 'US', 'Texas', 900, 'x', 2.9)")
    db.execute("INSERT INTO places VALUES (2, 'x:2', 'Homs', 'city', 1, 2, 'SY', 'Homs', 775000, 'x', 5.9)")
    db.executemany("INSERT INTO names VALUES (?, ?, 'primary')", [("walker county", 1), ("homs", 2)])
    names = marisa_trie.Trie(["walker county", "homs"])
    insert_ranked(db, names, {"walker county"})
    assert db.execute("SELECT norm, rank, place, matched FROM ranked").fetchall() == [
        ("homs", 0, 2, "primary")
    ]
    strengths = db.execute("SELECT value FROM blobs WHERE key = ?", (STRENGTH_BLOB,)).fetchone()[0]
    assert strengths[names["walker county"]] == UNRANKED
    assert STRENGTHS[strengths[names["homs"]]] == "city"


def test_a_division_ranks_no_higher_than_its_whole_country_holds() -> None:
    """The Isle of Man's parishes rank like a town of 84,000, not like a city of 10**8."""
    assert division_prior("US") == division_prior("IN") == ADMIN1_PRIOR
    assert division_prior("IM") < 5.0 < division_prior("GB") < ADMIN1_PRIOR
    assert division_prior("XX") == ADMIN1_PRIOR  # a country with no population keeps the flat prior


def test_a_small_country_s_division_no_longer_outranks_a_big_city() -> None:
    parish = Candidate(
        Place("x:1", "Saint Louis", Kind.ADMIN1, -4.6, 55.4, "SC", "Saint Louis"), 8.0, "primary"
    )
    city = Candidate(
        Place("x:2", "St. Louis", Kind.CITY, 38.6, -90.2, "US", "Missouri", 300_000), 5.48, "primary"
    )
    assert [c.place.id for _, c in rank("saint louis", [parish, city])] == ["x:2", "x:1"]
