"""Word lists and small tables shipped in gazetteer/data: what resolution looks up in them."""

from __future__ import annotations

import pytest

from gazetteer import lexicon
from gazetteer.sources import SourcePaths
from gazetteer.sources.us_counties import county_centre, county_centres
from geomap.geodesy import haversine_km

CENTRES = county_centres(SourcePaths().us_county_points)


@pytest.mark.parametrize(
    ("state", "norm", "near"),
    [
        ("Texas", "walker county", (30.74, -95.57)),  # Huntsville's county, not Alabama's
        ("Alabama", "walker county", (33.80, -87.30)),
        ("Louisiana", "acadia parish", (30.29, -92.41)),
    ],
)
def test_a_county_is_placed_at_the_centre_of_its_outline(
    state: str, norm: str, near: tuple[float, float]
) -> None:
    point = county_centre(CENTRES, state, norm)
    assert point is not None and haversine_km(*point, *near) < 10


def test_a_county_the_outlines_lack_has_no_point() -> None:
    assert county_centre(CENTRES, "Texas", "nowhere county") is None
    assert county_centre(CENTRES, "Ruritania", "walker county") is None


def test_every_state_and_the_district_have_counties() -> None:
    states = {state for state, _ in CENTRES}
    assert len(states) >= 51 and {"Texas", "Alaska", "District of Columbia"} <= states


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("De Soto Parish", ("De Soto Parish", "DeSoto Parish")),
        ("LaSalle County", ("LaSalle County", "La Salle County")),
        ("Delaware County", ("Delaware County",)),  # no particle: one word stays whole
        ("Lee County", ("Lee County",)),
    ],
)
def test_a_county_particle_is_spelt_joined_and_apart(name: str, spellings: tuple[str, ...]) -> None:
    assert lexicon.county_spellings(name) == spellings


def test_a_county_is_found_however_its_particle_is_spelt() -> None:
    joined = county_centre(CENTRES, "Louisiana", "desoto parish")
    apart = county_centre(CENTRES, "Louisiana", "de soto parish")
    assert joined is not None and joined == apart


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Crews from Harlan, Bell and Knox counties.", ["Harlan", "Bell", "Knox"]),
        ("Storms Batter Harlan, Bell And Knox Counties", ["Storms Batter Harlan", "Bell", "Knox"]),
        (
            "Fires in San Luis Obispo, Santa Barbara and Ventura counties.",
            ["San Luis Obispo", "Santa Barbara", "Ventura"],
        ),
        ("Caddo or Bossier parishes", ["Caddo", "Bossier"]),
        ("Harlan, Bell and Knox voted; both counties agreed.", []),
    ],
)
def test_names_listed_before_a_plural_county_word_are_read_as_items(text: str, items: list[str]) -> None:
    assert [text[start:end] for start, end, _ in lexicon.county_list_items(text)] == items


def test_a_long_run_of_and_or_words_never_reaching_counties_is_read_at_once() -> None:
    # ", And Bbb" read both as a separator and as a name once backtracked exponentially (2**60 here)
    text = "Aaa" + ", And Bbb" * 60 + ". Both counties" + ", Or Ccc Ddd" * 60
    assert list(lexicon.county_list_items(text)) == []
