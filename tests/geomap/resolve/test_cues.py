"""The cheap test before the kind-cue patterns never hides a cue they would find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from geomap.resolve.cues import _DIVISION_CUE, _SETTLEMENT_CUE, _may_end_a_cue

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
    assert not _may_end_a_cue("talks were held in ")
