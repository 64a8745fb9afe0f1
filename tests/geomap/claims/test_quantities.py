from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.claims.quantities import (
    KM_PER_UNIT,
    MAX_KM,
    describe,
    figure_precision_km,
    find_quantities,
    hedge_of,
    parse_number,
    parse_quantity,
    precision_of,
    unit_of,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("60", 60),
        ("1,200", 1200),
        ("1,200.5", 1200.5),
        ("57.3", 57.3),
        (".5", 0.5),
        ("sixty", 60),
        ("sixty-five", 65),
        ("Sixty Five", 65),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a hundred", 100),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
        ("one and a half", 1.5),
        ("half", 0.5),
        ("twelve", 12),
        ("", None),
        ("sixtyish", None),
        ("a", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [
        ("km", "km"),
        ("kms", "km"),
        ("kilometre", "km"),
        ("Kilometers", "km"),
        ("mile", "mi"),
        ("mi", "mi"),
        ("nautical miles", "nmi"),
        ("NM", "nmi"),
        ("nmi", "nmi"),
        ("metres", "m"),
        ("meter", "m"),
        ("m", "m"),
        ("feet", "ft"),
        ("foot", "ft"),
        ("ft", "ft"),
        ("yards", "yd"),
        ("yd", "yd"),
    ],
)
def test_units(spelling: str, unit: str) -> None:
    assert unit_of(spelling) == unit


def test_an_unknown_unit_is_no_unit() -> None:
    assert unit_of("furlongs") is None
    assert unit_of("kİlometres") is None  # "İ".lower() is two characters


@pytest.mark.parametrize(
    ("written", "meaning"),
    [
        ("around", "about"),
        ("about", "about"),
        ("some", "about"),
        ("roughly", "about"),
        ("approximately", "about"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("just over", "just over"),
        ("more than", "more than"),
        ("over", "more than"),
        ("less than", "less than"),
        ("under", "less than"),
        ("within", "within"),
        ("up to", "up to"),
        ("at least", "at least"),
        ("at most", "at most"),
        ("JUST   over", "just over"),
        (None, "exactly"),
        ("", "exactly"),
    ],
)
def test_hedges(written: str | None, meaning: str) -> None:
    assert hedge_of(written) == meaning


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge", "low_km", "high_km"),
    [
        ("around 60km", 60, "km", "about", None, None),
        ("some 37 miles", 37, "mi", "about", None, None),
        ("60-kilometre", 60, "km", "exactly", None, None),
        ("60 km (37 miles)", 60, "km", "exactly", None, None),
        ("about 60 km (roughly 37 mi)", 60, "km", "about", None, None),
        ("just 5 km", 5, "km", "about", None, None),
        ("between 50 and 60 kilometres", 55, "km", "exactly", 50, 60),
        ("50-60 km", 55, "km", "exactly", 50, 60),
        ("50–60 km", 55, "km", "exactly", 50, 60),
        ("fifty to sixty km", 55, "km", "exactly", 50, 60),
        ("sixty-five kilometres", 65, "km", "exactly", None, None),
        ("a dozen miles", 12, "mi", "exactly", None, None),
        ("half a mile", 0.5, "mi", "exactly", None, None),
        ("1,200.5 metres", 1200.5, "m", "exactly", None, None),
        ("approx. 3 nautical miles", 3, "nmi", "about", None, None),
        ("more than 1,000 ft", 1000, "ft", "more than", None, None),
        ("at least 200 yards", 200, "yd", "at least", None, None),
        ("12 nm", 12, "nmi", "exactly", None, None),
    ],
)
def test_parse_quantity(
    text: str, value: float, unit: str, hedge: str, low_km: float | None, high_km: float | None
) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.value, quantity.unit, quantity.hedge) == (value, unit, hedge)
    assert quantity.km == pytest.approx(value * KM_PER_UNIT[unit])
    assert quantity.low_km == (None if low_km is None else pytest.approx(low_km))
    assert quantity.high_km == (None if high_km is None else pytest.approx(high_km))


@pytest.mark.parametrize(
    "text",
    ["a 50-year lease", "up to 11 vessels", "$60m deal", "60m people", "Route 66", "sixty years", "km 60"],
)
def test_not_distances(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_and_conversion_fold() -> None:
    text = "Jablah lies 60 km (37 miles) north of Baniyas and 2 km from the sea."
    found = find_quantities(text)
    assert [text[m.start : m.end] for m in found] == ["60 km (37 miles)", "2 km"]


@pytest.mark.parametrize(
    ("figure", "precision"),
    [("60", 5), ("57", 0.5), ("57.3", 0.05), ("100", 50), ("sixty", 5), ("1,200", 50), ("0", 0.5)],
)
def test_precision_of(figure: str, precision: float) -> None:
    assert precision_of(figure) == pytest.approx(precision)


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("about 60 km", 5),
        ("100 km", 10),
        ("57.3 km", 0.05),
        ("5 km", 0.5),
        ("50-60 km", 5),
        ("1 mi", 0.5 * 1.609344),
    ],
)
def test_figure_precision_is_capped_for_round_figures(text: str, km: float) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert figure_precision_km(quantity) == pytest.approx(km)


@pytest.mark.parametrize(
    ("text", "words"),
    [("about 60 km", "about 60 km"), ("50-60 miles", "50-60 mi (88.5 km)"), ("1.5 km", "1.5 km")],
)
def test_describe(text: str, words: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert describe(quantity) == words


@given(st.text())
def test_find_quantities_never_raises_and_offsets_hold(text: str) -> None:
    for match in find_quantities(text):
        assert text[match.start : match.end] == match.quantity.text
        assert match.quantity.km >= 0


@given(
    st.lists(st.sampled_from([*"0123456789,.- ", "sixty", "a", "dozen", "and", "half", "hundred"])).map(
        "".join
    )
)
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400 + " km from Homs",  # a 400-digit number
        " ".join(["sixty"] * 155) + " km from Homs",  # 155 chained number words
        "between 5 and " + "9" * 400 + " km",  # a range with a huge end
        "5 kİlometres from Homs",  # a unit spelling whose lower case is longer
        "1/0 km from Homs",
        "90000 km from Homs",  # longer than any trip on Earth
    ],
)
def test_unreasonable_figures_are_no_claim_and_no_error(text: str) -> None:
    assert find_quantities(text) == []


def test_digits_of_any_script_read_and_round_like_ascii_ones() -> None:
    ascii_figure = find_quantities("around 80km")[0].quantity
    for text in ("around \u0668\u0660km", "around \uff18\uff10km"):
        quantity = find_quantities(text)[0].quantity
        assert (quantity.km, quantity.precision_km) == (ascii_figure.km, ascii_figure.precision_km)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_quantities_of_any_text_are_finite_and_slice_back(text: str) -> None:
    for found in find_quantities(text):
        quantity = found.quantity
        assert text[found.start : found.start + len(quantity.text)] == quantity.text
        assert math.isfinite(quantity.km) and 0 <= quantity.km <= MAX_KM
        assert math.isfinite(quantity.precision_km) and quantity.precision_km >= 0


def test_long_spelled_out_numbers_and_spaced_units_still_parse() -> None:
    found = find_quantities("It lies two hundred and fifty-five kilometres away, and 60   -   km on.")
    assert [m.quantity.value for m in found] == [255, 60]


def test_a_long_run_of_number_words_without_a_unit_gives_nothing() -> None:
    # No unit ever follows: the bounded repetition keeps this linear (bench_worstcase.py times it).
    assert find_quantities("sixty " * 2000) == []
    assert find_quantities(("60" + " " * 400) * 10) == []
