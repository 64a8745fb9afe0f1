"""Claims on sentences written for these tests, against the full gazetteer: namesakes and words."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Kind
from geomap.pipeline import Geoparser
from geomap.verify import Verifier
from tests.geomap.claims.phrasings import Row, found, tools

pytestmark = pytest.mark.real_gazetteer


@pytest.fixture(scope="module")
def pair(real_gazetteer: Gazetteer) -> tuple[Geoparser, Verifier]:
    return tools(real_gazetteer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "England" the division is no town in Arkansas: the church's town is Corby Glen
        (
            "The chapel is in Corby Glen Lincolnshire England. "
            "The chapel is 9 miles south-east from Grantham.",
            [("direction", "Corby Glen", "Grantham", 14.5, "mi", "SE", "holds")],
        ),
        (
            "A Church of England parish church stands in Corby Glen. The church is 9 miles from Grantham.",
            [("distance", "Corby Glen", "Grantham", 14.5, "mi", None, "holds")],
        ),
        # a town and its state without a comma
        (
            "The college is based in Valhalla New York 13 miles north of New York City.",
            [("direction", "Valhalla", "New York City", 20.9, "mi", "N", "holds")],
        ),
        # "the provincial capital" is the seat of the subject's province named shortly before
        (
            "Troops entered Saraqib, 15 km south-east of Idlib. "
            "Ariha, 12 km south of the provincial capital, "
            "was shelled.",
            [
                ("direction", "Saraqib", "Idlib", 15.0, "km", "SE", "holds"),
                ("direction", "Arīḩā", "Idlib", 12.0, "km", "S", "holds"),
            ],
        ),
        # a chain of containment through a modified area name
        (
            "The inn is located in Todtnau in the High Black Forest region of southwestern Germany "
            "approximately 25 km from Freiburg.",
            [("distance", "Todtnau", "Freiburg", 25.0, "km", None, "holds")],
        ),
        # a division named to say where the subject lies is not the subject: its centre is no
        # point to measure from, and its width would let almost any figure hold
        (
            "The farm lies in Tuscany, about 60 km south of Florence.",
            [("direction", None, "Florence", 60.0, "km", "S", "unverifiable")],
        ),
        (
            "Siena is in central Tuscany about 50 km south of Florence.",
            [("direction", "Siena", "Florence", 50.0, "km", "S", "holds")],
        ),
        # in capitals, "BEGAN" is a verb, not a French village
        (
            "THE ATTACK BEGAN AT DAWN IN APOPA, 12 KM NORTH OF SAN SALVADOR.",
            [("direction", "Apopa", "San Salvador", 12.0, "km", "N", "holds")],
        ),
    ],
    ids=lambda value: value[:50] if isinstance(value, str) else "",
)
def test_claims_bind_the_places_meant(
    pair: tuple[Geoparser, Verifier], text: str, expected: list[Row]
) -> None:
    assert found(pair, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "THE GUERRILLA ACTION BEGAN AT MIDNIGHT, POLICE SAID.",
        "THE TALKS WERE HELD IN SECRET AND BECAME PUBLIC LATER.",
        "The army pushed towards Maarat al-Numan, 35 km south of Idlib.",
        "The depot is at 1101 Melbourne Rd in the old town.",
        "Dr Smith said the results would come soon.",
    ],
)
def test_ordinary_words_and_fragments_are_no_places(real_gazetteer: Gazetteer, text: str) -> None:
    """Inflected verbs in capitals, two-letter fragments ("Rd", "Dr") and the halves of an
    unknown Arabic name ("Maarat al-Numan" is neither Meerut nor Numan, Nigeria) name nothing."""
    surfaces = {m.surface.lower() for m in Geoparser(real_gazetteer).parse(text)}
    assert not surfaces & {"began", "held", "became", "rd", "dr", "maarat", "numan"}


def test_a_division_named_after_a_town_in_it_is_its_state_not_a_surname(real_gazetteer: Gazetteer) -> None:
    mentions = {m.surface: m for m in Geoparser(real_gazetteer).parse("He moved to Springfield New Jersey.")}
    state = mentions["New Jersey"].place
    assert state is not None and state.kind == Kind.ADMIN1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a person pattern next to a place never costs the place
        (
            "In Tehran, a government spokesman said so. Tehran lies 300 km south of Tabriz.",
            "Tehran",
        ),
        ("Kherson Oblast, the regional governor said, was shelled. Kherson was dark.", "Kherson"),
        (
            "Maria J. Washington signed it. Washington lies 330 km south of New York.",
            "Washington",
        ),
    ],
)
def test_a_place_beside_a_person_s_name_stays_a_place(
    real_gazetteer: Gazetteer, text: str, place: str
) -> None:
    surfaces = [m.surface for m in Geoparser(real_gazetteer).parse(text)]
    assert place in surfaces[-2:] or surfaces.count(place) >= 2
