"""One scan back from a chunk tells both whether it opens a sentence and which word precedes it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from geomap.recognize.capitalised import _SENTENCE_END, _sentence_and_previous_word


def opens_sentence(text: str, start: int) -> bool:
    """The two separate scans recognition made before (the reference)."""
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def previous_word(text: str, start: int) -> str:
    index = start - 1
    if index < 0 or text[index] not in " \t\u00a0":
        return ""
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    end = index + 1
    while index >= 0 and (text[index].isalnum() or text[index] == "." or inner_hyphen(text, index)):
        index -= 1
    word = text[index + 1 : end]
    # a hyphened word counts whole only when it opens with a capital ("President-elect")
    return word if word[:1].isupper() else re.split("[-\u2010]", word)[-1]


def inner_hyphen(text: str, index: int) -> bool:
    """A hyphen with a letter on each side belongs to the word: "President-elect"."""
    if text[index] not in "-\u2010" or not 0 < index < len(text) - 1:
        return False
    return text[index - 1].isalpha() and text[index + 1].isalpha()


TEXT = st.lists(
    st.sampled_from(
        ["Gov.", "in", " ", "  ", "\t", "\u00a0", ".", "\n", "“", "3", "é", "-", "\u2010", "x", "P"]
    )
).map("".join)


@given(TEXT, st.integers(min_value=0, max_value=40))
def test_one_scan_equals_the_two_it_replaces(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _sentence_and_previous_word(text, start) == (
        opens_sentence(text, start),
        previous_word(text, start),
    )


def test_examples() -> None:
    assert _sentence_and_previous_word("Gov. Smith", 5) == (True, "Gov.")  # a stop may end a sentence
    assert _sentence_and_previous_word("President  Assad", 11) == (False, "President")
    assert _sentence_and_previous_word("It rained. Paris", 11) == (True, "rained.")
    assert _sentence_and_previous_word("in/Paris", 3) == (False, "")
    assert _sentence_and_previous_word("Paris", 0) == (True, "")
    assert _sentence_and_previous_word("said President-elect Lee", 21) == (False, "President-elect")
    assert _sentence_and_previous_word("a 3-2 Lee", 6) == (False, "2")  # no letters: no joined word
    assert _sentence_and_previous_word("a sit-in Reading", 9) == (False, "in")  # a lowercase compound
