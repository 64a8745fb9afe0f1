"""Verdict discipline: a failed check is "contradicted" only between two confident points."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gazetteer import Place
from geomap.claims.quantities import parse_quantity
from geomap.model import Claim, ClaimKind, Mention, MentionKind, Status
from geomap.outlines import Borders
from geomap.settings import Settings
from geomap.verify import Verifier

ALEPPO_CITY = Place("g:aleppo", "Aleppo", "city", 36.2021, 37.1343, "SY", population=1_600_000)
ALEPPO_GOVERNORATE = Place("g:aleppo-gov", "Aleppo", "admin1", 36.25, 37.5, "SY")
HOMS = Place("g:homs", "Homs", "city", 34.7268, 36.7234, "SY", population=650_000)
HAMA = Place("g:hama", "Hama", "city", 35.1318, 36.7578, "SY", population=700_000)
LAKE = Place("g:lake", "Lake Assad", "lake", 35.95, 38.2, "SY")
RANGE = Place("g:range", "Anti-Lebanon", "mountain", 33.8, 36.2, "SY")
NAMESAKE = Place("g:far-hama", "Hama", "city", 10.0, -60.0, "VE", population=5_000)


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(Settings(), Borders())


def mention(place: Place, confidence: float = 1.0, alternatives: tuple[Place, ...] = ()) -> Mention:
    return Mention(0, len(place.name), place.name, MentionKind.PLACE, place, confidence, alternatives)


def distance(subject: Mention, reference: Mention, figure: str, direction: str | None = None) -> Claim:
    kind = ClaimKind.DIRECTION if direction else ClaimKind.DISTANCE
    return Claim(kind, "x", 0, 1, "x", 1, subject, reference, parse_quantity(figure), direction)


@pytest.mark.parametrize(
    ("subject", "reference", "figure", "status"),
    [
        # A confident city pair: a right figure holds, 2.5 times the figure is contradicted.
        (mention(HOMS), mention(HAMA), "about 45 km", Status.HOLDS),
        (mention(HOMS), mention(HAMA), "about 112 km", Status.CONTRADICTED),
        (mention(HOMS), mention(HAMA), "18 km", Status.CONTRADICTED),
        # A failed check on an area or an extended feature proves nothing.
        (mention(LAKE), mention(ALEPPO_CITY), "5 km", Status.UNVERIFIABLE),
        (mention(RANGE), mention(HOMS), "10 km", Status.UNVERIFIABLE),
        # Far more than claimed: one end is probably a namesake.
        (mention(NAMESAKE), mention(HOMS), "about 45 km", Status.UNVERIFIABLE),
        # An end the resolver is unsure of.
        (mention(HOMS, confidence=0.3), mention(HAMA), "about 112 km", Status.UNVERIFIABLE),
    ],
)
def test_when_a_failed_check_is_a_contradiction(
    verifier: Verifier, subject: Mention, reference: Mention, figure: str, status: Status
) -> None:
    verdict = verifier.verify(distance(subject, reference, figure))
    assert verdict.status == status, verdict.explanation


def test_a_division_named_like_its_city_is_read_as_the_city(verifier: Verifier) -> None:
    aleppo = mention(ALEPPO_GOVERNORATE, alternatives=(ALEPPO_CITY,))
    verdict = verifier.verify(distance(mention(HOMS), aleppo, "about 165 km", "S"))
    assert verdict.status == Status.HOLDS, verdict.explanation
    assert verdict.measured_km is not None and 160 < verdict.measured_km < 175  # city to city
    assert "reference Aleppo (city, SY" in verdict.explanation
    # Without a same-named city among the runners-up the division's centre is all there is.
    alone = verifier.verify(distance(mention(HOMS), mention(ALEPPO_GOVERNORATE), "about 60 km", "S"))
    assert alone.status != Status.CONTRADICTED


def test_every_verdict_names_both_ends_with_kind_division_country_and_confidence(verifier: Verifier) -> None:
    homs = mention(replace(HOMS, admin1="Homs Governorate"), confidence=0.87)
    verdict = verifier.verify(distance(homs, mention(HAMA), "about 45 km"))
    assert "subject Homs (city, Homs Governorate, SY; confidence 0.87)" in verdict.explanation
    assert "reference Hama (city, SY; confidence 1.00)" in verdict.explanation
    assert "\n" not in verdict.explanation


def test_a_doubtful_contradiction_says_why_and_keeps_the_measure(verifier: Verifier) -> None:
    verdict = verifier.verify(distance(mention(NAMESAKE), mention(HOMS), "about 45 km"))
    assert verdict.explanation.startswith("cannot check: ") and "namesake" in verdict.explanation
    assert "claimed about 45 km, measured" in verdict.explanation
    assert verdict.measured_km is not None and verdict.measured_km > 9000


def test_far_from_a_name_with_namesakes_is_doubted_not_contradicted(verifier: Verifier) -> None:
    damascus = Place("g:damascus", "Damascus", "capital", 33.5102, 36.2913, "SY", population=1_700_000)
    hama = mention(HAMA, alternatives=(NAMESAKE,))
    # About 120 km measured, 10 km claimed: over three times, 30+ km beyond, and "Hama" has a namesake.
    assert verifier.verify(distance(mention(ALEPPO_CITY), hama, "10 km")).status == Status.UNVERIFIABLE
    assert (
        verifier.verify(distance(mention(ALEPPO_CITY), mention(HAMA), "10 km")).status == Status.CONTRADICTED
    )
    # "Near" states no figure: far beyond "near" is doubted only when a name had namesakes.
    ambiguous = mention(damascus, alternatives=(NAMESAKE,))
    near = Claim(ClaimKind.PROXIMITY, "x", 0, 1, "x", 1, mention(ALEPPO_CITY), ambiguous)
    plain = Claim(ClaimKind.PROXIMITY, "x", 0, 1, "x", 1, mention(ALEPPO_CITY), mention(damascus))
    assert verifier.verify(near).status == Status.UNVERIFIABLE
    assert verifier.verify(plain).status == Status.CONTRADICTED


def test_an_end_carried_over_from_an_earlier_sentence_never_contradicts(verifier: Verifier) -> None:
    earlier = Mention(0, 4, "Homs", MentionKind.PLACE, HOMS, 1.0)  # named in a sentence before
    claim = Claim(
        ClaimKind.DISTANCE,
        "It is 112 km from Hama",
        40,
        62,
        "It is 112 km from Hama.",
        2,
        earlier,
        Mention(58, 62, "Hama", MentionKind.PLACE, HAMA, 1.0),
        parse_quantity("112 km"),
        sentence_start=40,
    )
    verdict = verifier.verify(claim)
    assert verdict.status == Status.UNVERIFIABLE and "earlier sentence" in verdict.explanation
