"""Paragraphs in capitals are read in ordinary case, offsets unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.casing import capital_paragraphs, claims_view, dateline, recognition_view
from geomap.model import Mention, MentionKind

WIRE = "THE BOMB EXPLODED IN HAMA, ABOUT 45 KM NORTH OF HOMS, POLICE SOURCES IN THE CITY SAID."


def test_only_paragraphs_in_capitals_are_recased() -> None:
    text = f"Officials said little.\n{WIRE}\nNATO (short)"
    assert list(capital_paragraphs(text)) == [(23, 23 + len(WIRE))]
    view = recognition_view(text)
    assert view.startswith("Officials said little.\n") and view.endswith("NATO (short)")


@pytest.mark.parametrize(
    ("word", "read"),
    [("HAMA", "Hama"), ("THE", "the"), ("OF", "of"), ("POLICE", "police"), ("NORTH", "North"), ("KM", "Km")],
)
def test_recognition_reads_names_capitalised_and_ordinary_words_lower(word: str, read: str) -> None:
    view = recognition_view(WIRE)
    index = WIRE.index(f" {word} ") + 1 if f" {word} " in WIRE else WIRE.index(word)
    assert view[index : index + len(word)] == read


def test_claim_finding_reads_only_the_recognised_names_capitalised() -> None:
    hama = WIRE.index("HAMA")
    homs = WIRE.index("HOMS")
    mentions = [
        Mention(hama, hama + 4, "HAMA", MentionKind.PLACE, None),
        Mention(homs, homs + 4, "HOMS", MentionKind.PLACE, None),
    ]
    view = claims_view(WIRE, mentions)
    assert view == "the bomb exploded in Hama, about 45 km north of Homs, police sources in the city said."


@given(st.text(alphabet=st.sampled_from(list("ABCİSTÉ ßabc,.\n12")), max_size=300))
def test_views_keep_every_offset(text: str) -> None:
    assert len(recognition_view(text)) == len(text)
    assert len(claims_view(text, [])) == len(text)


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("KYIV (Reuters) - Missiles hit Kharkiv.", "KYIV"),
        ("BERLIN — A man stepped off a plane.", "BERLIN"),
        ("LIMA, 3 MAY (EFE) -- Police said.", "LIMA"),
        ("BEIRUT, May 3 (Reuters) - Shelling hit Tripoli.", "BEIRUT"),
        ("SAN SALVADOR, 16 FEB 90 (DPA) -- Sources said.", "SAN SALVADOR"),
        ("TROOPS ENTERED IDLIB, 56 KM SOUTHWEST OF ALEPPO.", None),
        ("US, EU agree on a deal.", None),
        ("ISIS (Islamic State) fighters left.", None),
        ("Troops entered Idlib on Monday.", None),
    ],
)
def test_dateline(text: str, opening: str | None) -> None:
    span = dateline(text)
    assert (text[span[0] : span[1]] if span else None) == opening


def test_a_dateline_reads_as_names_in_an_ordinary_text() -> None:
    text = "BERLIN — A man who flew from Paris said so."
    view = recognition_view(text)
    assert view.startswith("Berlin —") and view[6:] == text[6:]


def test_short_lines_are_in_capitals_when_the_whole_text_is() -> None:
    text = "IDLIB FALLS\nTROOPS ENTERED IDLIB.\nTHE ARMY SAID THE TOWN FELL AFTER A DAY OF WAR."
    assert len(list(capital_paragraphs(text))) == 3
    assert (
        list(capital_paragraphs("IDLIB FALLS\nTroops entered Idlib on Monday after a day of fighting.")) == []
    )
