"""End points of real phrasings: shared subjects, appositives, capitals, descriptive references.

Run through the whole pipeline on the fixture gazetteer: recognition, resolution, claims, verdicts.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.claims.extract import extract_claims
from geomap.model import Claim, Status
from geomap.outlines import Borders
from geomap.pipeline import Geoparser
from geomap.settings import Settings
from geomap.verify import Verifier


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(Settings(), Borders())


def claims(parser: Geoparser, text: str) -> list[Claim]:
    return extract_claims(text, parser.parse(text), parser.capital_of)


def ends(claim: Claim) -> tuple[str | None, str | None]:
    subject = claim.subject.place.name if claim.subject and claim.subject.place else None
    reference = claim.reference.place.name if claim.reference and claim.reference.place else None
    return subject, reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two claims, one subject
        (
            "Jablah lies 22 km from Latakia and some 90 km north of Tripoli.",
            [("Jablah", "Latakia"), ("Jablah", "Tripoli")],
        ),
        (
            "Jablah is 22 km south of Latakia, and 110 km north of Tripoli.",
            [("Jablah", "Latakia"), ("Jablah", "Tripoli")],
        ),
        # appositives between the subject and its claim
        ("Idlib, a city some 60 km south-west of Aleppo, was shelled.", [("Idlib", "Aleppo")]),
        ("Jablah, another coastal town about 22 km from Latakia, was quiet.", [("Jablah", "Latakia")]),
        ("They reached Homs, the third city, 160 km north of Damascus.", [("Homs", "Damascus")]),
        # a parenthesised claim right after its subject
        ("Talks in Homs (160 km north of Damascus) were postponed.", [("Homs", "Damascus")]),
        # descriptive references to a capital
        ("Homs lies 160 km north of the Syrian capital.", [("Homs", "Damascus")]),
        ("Jablah is 320 km north-west of the capital of Syria.", [("Jablah", "Damascus")]),
        # text in capitals
        (
            "THE ATTACK TOOK PLACE IN HOMS, ABOUT 160 KM NORTH OF THE SYRIAN CAPITAL, POLICE SAID.",
            [("Homs", "Damascus")],
        ),
        (
            "GUERRILLAS ATTACKED JABLAH, WHICH LIES 22 KM SOUTH OF LATAKIA, THE POLICE SAID TODAY.",
            [("Jablah", "Latakia")],
        ),
    ],
)
def test_end_points(parser: Geoparser, text: str, expected: list[tuple[str, str]]) -> None:
    found = [ends(claim) for claim in claims(parser, text)]
    assert found == expected, found


@pytest.mark.parametrize(
    "text",
    [
        # a second claim after "and" whose own subject is named is not re-bound
        "Jablah lies 22 km from Latakia and Homs is 160 km north of Damascus.",
        # an appositive that names another place does not pass the subject over it
        "Jablah, a town in Latakia Governorate about 22 km from Latakia, was quiet.",
    ],
)
def test_no_subject_is_borrowed_across_another_place(parser: Geoparser, text: str) -> None:
    for claim in claims(parser, text):
        subject, reference = ends(claim)
        assert subject != reference
        if reference == "Damascus":
            assert subject == "Homs"


def test_claims_in_capitals_keep_their_text_as_written(parser: Geoparser, verifier: Verifier) -> None:
    text = "THE ATTACK TOOK PLACE IN HOMS, ABOUT 160 KM NORTH OF THE SYRIAN CAPITAL, POLICE SAID."
    (claim,) = claims(parser, text)
    assert claim.text == "HOMS, ABOUT 160 KM NORTH OF THE SYRIAN CAPITAL"
    assert text[claim.start : claim.end] == claim.text and claim.sentence == text
    assert verifier.verify(claim).status == Status.HOLDS


def test_a_perturbed_figure_between_confident_cities_is_contradicted(
    parser: Geoparser, verifier: Verifier
) -> None:
    (claim,) = claims(parser, "Homs lies 400 km north of the Syrian capital.")
    assert verifier.verify(claim).status == Status.CONTRADICTED


def test_the_capital_is_the_datelines_capital_far_into_the_story(parser: Geoparser) -> None:
    filler = "Officials met for hours and said nothing of note to anyone who asked them. " * 12
    text = f"DAMASCUS (Reuters) - {filler}Fighting reached Homs, about 160 km north of the capital."
    (claim,) = claims(parser, text)
    assert ends(claim) == ("Homs", "Damascus")
    assert (
        claims(parser, f"{filler}Fighting reached Homs, about 160 km north of the capital.")[0].reference
        is None
    )
