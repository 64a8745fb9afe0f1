"""The verdict of every phrasing of tests/geomap/claims/phrasings.py (true and false figures alike)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.pipeline import Geoparser
from geomap.verify import Verifier
from tests.geomap.claims.phrasings import PHRASINGS, Row, found, tools

WITH_CLAIMS = [(text, rows) for text, rows in PHRASINGS if rows]


@pytest.fixture(scope="module")
def pair(gazetteer: Gazetteer) -> tuple[Geoparser, Verifier]:
    return tools(gazetteer)


@pytest.mark.parametrize(("text", "expected"), WITH_CLAIMS, ids=[text[:60] for text, _ in WITH_CLAIMS])
def test_verdicts(pair: tuple[Geoparser, Verifier], text: str, expected: list[Row]) -> None:
    assert [(row[0], row[6]) for row in found(pair, text)] == [(row[0], row[6]) for row in expected]
