"""The geoparsing API end to end on the fixture gazetteer, plus property tests on offsets."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geomap
from gazetteer import Gazetteer
from geomap.model import MentionKind
from geomap.pipeline import Geoparser, geoparse

SEED_LIKE = (
    "Russian diplomats in Damascus met representatives of Hayat Tahrir al-Sham, which seized power in "
    "Syria, Deputy Foreign Minister Mikhail Bogdanov said. HTS, formerly the Al-Nusra Front, launched an "
    "offensive out of Idlib. President Bashar Assad was granted asylum in Moscow, a Kremlin source told "
    "TASS. Russia's bases are the naval facility in Tartus and Khmeimim Air Base near Latakia. Israeli "
    "strikes followed as West Jerusalem seized the opportunity. Islamic State (IS) was not defeated."
)


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


def test_seed_like_article(parser: Geoparser) -> None:
    mentions = parser.parse(SEED_LIKE)
    places = {m.surface: m.place for m in mentions if m.kind == MentionKind.PLACE}
    demonyms = {m.surface for m in mentions if m.kind == MentionKind.DEMONYM}
    assert set(places) == {
        "Damascus",
        "Syria",
        "Idlib",
        "Moscow",
        "Russia",
        "Tartus",
        "Khmeimim Air Base",
        "Latakia",
        "West Jerusalem",
    }
    assert demonyms == {"Russian", "Israeli"}
    assert places["Moscow"].country_code == "RU"
    assert places["Khmeimim Air Base"].kind == "air_base"
    assert places["Latakia"].country_code == "SY" and places["Tartus"].country_code == "SY"
    assert places["West Jerusalem"].country_code == "IL"


def test_mentions_are_sorted_frozen_and_slice_back(parser: Geoparser) -> None:
    mentions = parser.parse(SEED_LIKE)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for mention in mentions:
        assert SEED_LIKE[mention.start : mention.end] == mention.surface
    with pytest.raises(FrozenInstanceError):
        mentions[0].start = 3  # type: ignore[misc]


def test_module_function_caches_one_parser_per_gazetteer(gazetteer: Gazetteer) -> None:
    first = geoparse("Damascus and Moscow.", gazetteer)
    second = geomap.geoparse("Damascus and Moscow.", gazetteer)
    assert first == second and [m.surface for m in first] == ["Damascus", "Moscow"]


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x02", "x" * 10, "Д" * 50, "ダマスカス", "\ud800"])
def test_odd_inputs_give_no_error(parser: Geoparser, text: str) -> None:
    for mention in parser.parse(text):
        assert text[mention.start : mention.end] == mention.surface


def test_huge_text(parser: Geoparser) -> None:
    text = ("Moscow and Damascus. " * 5000) + "Idlib."
    mentions = parser.parse(text)
    assert len(mentions) == 10_001
    assert mentions[-1].surface == "Idlib"


_WORDS = st.sampled_from(
    [
        "Damascus",
        "Syria's",
        "Russian",
        "Moscow,",
        "Idaho",
        "Paris",
        "Texas",
        "La.",
        "W.Va.",
        "President",
        "Assad",
        "the",
        "of",
        "Al-Nusra",
        "West",
        "Jerusalem",
        "\n",
        "—",
        "ﬁ",
        "İstanbul",
        "ß",
        "Ǆ",
        "(",
        "'",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(_WORDS, max_size=40).map(" ".join),
        st.binary().map(lambda data: data.decode("latin-1")),
    )
)
def test_offsets_always_slice_back(parser: Geoparser, text: str) -> None:
    mentions = parser.parse(text)
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.start >= previous_end
        assert 0.0 <= mention.confidence <= 1.0
        previous_end = mention.end
