"""The recognition regexes, written for speed, match exactly what their plain forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.recognize import capitalised as recognize

_UPPER = recognize._UPPER
# The plain forms the fast ones in geomap/recognize.py were derived from.
_WORD = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|(?:St|Ste|Mt|Ft)\.|[{_UPPER}]\w*(?:[-‐]\w+|{recognize._APOSTROPHE_PART})*)"
)
_CHUNK = re.compile(rf"{_WORD}(?:{recognize._SEP}(?:{recognize._CONNECTOR}{recognize._SEP})*{_WORD})*")
_ABBREVIATION_LIKE = re.compile(r"\b[A-Z](?:[a-z]{1,4}\.|\.\s?[A-Z](?:[a-z]?\.(?:\s?[A-Z]\.)?)|[A-Z]\b)")

_PIECES = st.sampled_from(
    [*"SMFtTeAaZzÉéß.- '’‐\u00a0\t,0x_", "St.", "Ste.", "Mt.", "Ft.", " of ", " al-", "U.S.", "D.C.", "NSW"]
)
_TEXTS = st.lists(_PIECES, max_size=25).map("".join) | st.text(max_size=40)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=800)
@given(_TEXTS)
def test_chunk_pattern_matches_its_plain_form(text: str) -> None:
    assert _spans(recognize._CHUNK, text) == _spans(_CHUNK, text)


@settings(max_examples=800)
@given(_TEXTS)
def test_abbreviation_pattern_matches_its_plain_form(text: str) -> None:
    assert _spans(recognize._ABBREVIATION_LIKE, text) == _spans(_ABBREVIATION_LIKE, text)


def test_the_patterns_find_the_usual_shapes() -> None:
    text = "In St. Louis, Mt. Hood and the U.S. met Ma'arrat al-Nu'man near Alexandria, La. on Monday."
    found = [text[start:end] for start, end in _spans(recognize._CHUNK, text)]
    assert found == [
        "In St. Louis",
        "Mt. Hood and the U.S.",
        "Ma'arrat al-Nu'man",
        "Alexandria",
        "La",
        "Monday",
    ]
    assert found == [text[start:end] for start, end in _spans(_CHUNK, text)]
    abbreviations = [text[start:end] for start, end in _spans(recognize._ABBREVIATION_LIKE, text)]
    assert abbreviations == ["St.", "Mt.", "U.S.", "La."]
