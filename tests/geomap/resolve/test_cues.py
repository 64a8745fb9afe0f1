"""Kind cues: lists ask for the kind of their items; the cheap test before the kind-cue patterns
never hides a cue they would find."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Candidate, Kind, Place
from geomap.model import LookupKey, MentionKind, Span
from geomap.resolve.cues import (
    _DIVISION_CUE,
    _SETTLEMENT_CUE,
    _may_end_a_cue,
    commonest_of_the_others,
    county_list_keys,
    list_cues,
)

PIECES = st.sampled_from(
    [
        "the ",
        "The ",
        "province",
        "STATE",
        "city",
        "Town",
        "of",
        "OF",
        " ",
        "\n",
        "\t",
        "x",
        "É",
        "ſ",
        "K",
        ".",
    ]
)


@given(st.lists(PIECES, max_size=8).map("".join))
def test_a_cue_the_patterns_find_passes_the_cheap_test(before: str) -> None:
    if _DIVISION_CUE.search(before) or _SETTLEMENT_CUE.search(before):
        assert _may_end_a_cue(before)


def test_the_cheap_test_on_written_cues() -> None:
    assert _may_end_a_cue("fighting in the province of ")
    assert _may_end_a_cue("the State Of The  ")
    assert _may_end_a_cue("the city of\n")
    assert _may_end_a_cue("the Sri Lankan capital ")
    assert _may_end_a_cue("the capital, ")
    assert not _may_end_a_cue("talks were held in ")


def _states_and_a_town(text: str, names: list[str]) -> dict[LookupKey, frozenset[Kind]]:
    spans, pool = [], {}
    for name in names:
        start = text.index(name)
        key = LookupKey(name.lower())
        spans.append(Span(start, start + len(name), name, key, MentionKind.PLACE))
        kind = Kind.CITY if name == "Washington" else Kind.ADMIN1
        pool[key] = (Candidate(Place(f"t:{name}", name, kind, 0.0, 0.0, "US", name, 0), 8.0, "primary"),)
    return list_cues(text, spans, pool)


def test_a_name_listed_among_states_is_asked_to_be_a_state() -> None:
    cues = _states_and_a_town(
        "Cases rose in Texas, Oregon and Washington.", ["Texas", "Oregon", "Washington"]
    )
    assert cues[LookupKey("washington")] == frozenset({Kind.ADMIN1})


def test_two_names_with_a_comma_are_a_qualifier_not_a_list() -> None:
    cues = _states_and_a_town("He flew to Washington, Texas officials said.", ["Washington", "Texas"])
    assert LookupKey("washington") not in cues


def _spans(text: str, names: list[str]) -> list[Span]:
    return [
        Span(text.index(name), text.index(name) + len(name), name, LookupKey(name.lower()), MentionKind.PLACE)
        for name in names
    ]


def test_names_listed_before_counties_are_looked_up_as_counties() -> None:
    text = "Deputies from Harlan, Bell and Knox counties searched the hills."
    keys = county_list_keys(text, _spans(text, ["Harlan", "Bell", "Knox"]))
    assert [keys[i].norm for i in range(3)] == ["harlan county", "bell county", "knox county"]
    text = "Flooding hit Caddo and Bossier parishes."
    assert county_list_keys(text, _spans(text, ["Caddo", "Bossier"]))[1] == LookupKey("bossier parish")


def test_a_list_not_followed_by_counties_keeps_its_keys() -> None:
    text = "Deputies from Harlan, Bell and Knox searched the hills of the counties."
    assert county_list_keys(text, _spans(text, ["Harlan", "Bell", "Knox"])) == {}


KINDS = st.sampled_from([Kind.ADMIN1, Kind.COUNTRY, Kind.CITY, Kind.REGION, None])


@given(st.lists(KINDS, min_size=2, max_size=12))
def test_the_commonest_kind_of_the_others_is_what_a_counter_of_them_says(kinds: list[Kind | None]) -> None:
    expected = [Counter(kinds[:index] + kinds[index + 1 :]).most_common(1)[0] for index in range(len(kinds))]
    assert commonest_of_the_others(kinds) == expected
