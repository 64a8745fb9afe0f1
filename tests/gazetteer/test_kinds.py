"""Kinds as explanations write them."""

from __future__ import annotations

import pytest

from gazetteer import Kind


@pytest.mark.parametrize(
    ("kind", "noun"),
    [
        (Kind.ADMIN1, "a first-level division"),
        (Kind.ISLAND, "an island"),
        (Kind.AIR_BASE, "an air base"),
        (Kind.MOUNTAIN, "a mountain"),
        (Kind.FEATURE, "a named feature"),
    ],
)
def test_a_kind_reads_as_a_noun_with_its_article(kind: Kind, noun: str) -> None:
    assert kind.noun == noun


def test_every_kind_has_prose_without_codes() -> None:
    for kind in Kind:
        assert "_" not in kind.noun and kind.noun.split()[0] in ("a", "an")
