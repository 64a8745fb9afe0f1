"""What each phrasing of tests/geomap/claims/phrasings.py yields: the claims found and their end points."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.pipeline import Geoparser
from geomap.verify import Verifier
from tests.geomap.claims.phrasings import PHRASINGS, Row, found, tools


@pytest.fixture(scope="module")
def pair(gazetteer: Gazetteer) -> tuple[Geoparser, Verifier]:
    return tools(gazetteer)


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[text[:60] for text, _ in PHRASINGS])
def test_claims_found_and_bound(pair: tuple[Geoparser, Verifier], text: str, expected: list[Row]) -> None:
    assert [row[:6] for row in found(pair, text)] == [row[:6] for row in expected]
