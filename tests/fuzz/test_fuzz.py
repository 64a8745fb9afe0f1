"""The fuzz invariants over random hostile articles, with a budget CI can afford.

scripts/fuzz_campaign.py runs the same invariants over a million inputs or more.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from geomap.outlines import Borders
from geomap.pipeline import Geoparser
from geomap.settings import Settings
from geomap.verify import Verifier
from tests.fuzz.invariants import check_article, random_article

BUDGET = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(Settings(), Borders())


@given(seed=st.integers(0, 2**32))
@BUDGET
def test_generated_articles_keep_every_invariant(seed: int, parser: Geoparser, verifier: Verifier) -> None:
    text = random_article(random.Random(seed))
    assert check_article(text, parser, verifier) == []


@given(text=st.text(max_size=400))
@BUDGET
def test_arbitrary_text_keeps_every_invariant(text: str, parser: Geoparser, verifier: Verifier) -> None:
    assert check_article(text, parser, verifier) == []
