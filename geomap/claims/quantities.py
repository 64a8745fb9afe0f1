"""Distances as news writes them: numbers (digits, words, ranges), units and hedges."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from geomap.model import Hedge, Quantity

#: Kilometres per canonical unit.
#: Bounds on what is read as a stated distance: anything beyond is no claim, never an error.
MAX_DIGITS, MAX_NUMBER, MAX_NUMBER_WORDS = 12, 10_000_000.0, 8
#: Longer than any trip on Earth (twice its circumference): such a figure is no distance claim.
MAX_KM = 80_000.0
KM_PER_UNIT: dict[str, float] = {
    "km": 1.0,
    "mi": 1.609344,
    "nmi": 1.852,
    "m": 0.001,
    "ft": 0.0003048,
    "yd": 0.0009144,
}

# Unit spellings, longest first so "nautical miles" wins over "miles" and "km" over "m".
_UNIT_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"nautical[\s-]+miles?", "nmi"),
    (r"nmi", "nmi"),
    (r"nm", "nmi"),
    (r"kilometres?", "km"),
    (r"kilometers?", "km"),
    (r"kms?", "km"),
    (r"k\.m\.", "km"),
    (r"miles?", "mi"),
    (r"mi", "mi"),
    (r"metres?", "m"),
    (r"meters?", "m"),
    (r"m", "m"),
    (r"feet", "ft"),
    (r"foot", "ft"),
    (r"ft", "ft"),
    (r"yards?", "yd"),
    (r"yds?", "yd"),
)
UNIT = r"(?P<unit>" + "|".join(spelling for spelling, _ in _UNIT_SPELLINGS) + r")(?![\w])"

# Hedges as written -> normalised meaning, longest first.
_HEDGES: tuple[tuple[str, str], ...] = (
    ("slightly more than", "just over"),
    ("slightly less than", "just under"),
    ("a little more than", "just over"),
    ("a little over", "just over"),
    ("a little under", "just under"),
    ("no more than", "at most"),
    ("no less than", "at least"),
    ("more than", "more than"),
    ("less than", "less than"),
    ("fewer than", "less than"),
    ("upwards of", "more than"),
    ("just over", "just over"),
    ("just under", "just under"),
    ("at least", "at least"),
    ("at most", "at most"),
    ("up to", "up to"),
    ("an estimated", "about"),
    ("approximately", "about"),
    ("approx.", "about"),
    ("approx", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("circa", "about"),
    ("some", "about"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("within", "within"),
    ("over", "more than"),
    ("under", "less than"),
    ("a mere", "about"),
    ("barely", "about"),
    ("only", "about"),
    ("just", "about"),
)
HEDGE = r"(?P<hedge>" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEDGES) + r")\s+"

#: Hedges that bound the figure from one side, by kind of bound.
LOWER_BOUND_HEDGES = frozenset({Hedge.MORE_THAN, Hedge.AT_LEAST})
UPPER_BOUND_HEDGES = frozenset({Hedge.LESS_THAN, Hedge.AT_MOST, Hedge.WITHIN, Hedge.UP_TO})

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}
_WORD = r"(?:" + "|".join(sorted([*_SMALL, *_SCALES, "half"], key=len, reverse=True)) + r")"
_WORDS = (
    rf"(?:an?\s+(?=hundred|thousand|dozen|half))?{_WORD}"
    # At most MAX_NUMBER_WORDS words after the first: a long run of number words costs linear time.
    rf"(?:(?:\s+|-)(?:and\s+)?(?:an?\s+)?{_WORD}){{0,{MAX_NUMBER_WORDS}}}(?:(?<=half)\s+an?)?(?![\w])"
)
_DIGITS = r"\d+/[1-9]\d*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
# "50-60 km", "fifty to sixty km" and "20 or 25 km", but "sixty-five" is one number.
_DASH = r"(?:\s*[–—]\s*|\s+(?:to|or)\s+|(?<=\d)\s*-\s*(?=\d))"

# Spaces and at most one hyphen between a figure and its unit ("60 km", "60-km", "60 - km"),
# written so that a long run of spaces is crossed once, not split every way (linear time).
_JOINER = r"(?:\s*-)?\s*"

_QUANTITY = re.compile(
    rf"(?<![\w.,/])(?:{HEDGE})?"
    rf"(?:between\s+(?P<blow>{NUMBER})\s+and\s+(?P<bhigh>{NUMBER})"
    rf"|(?P<low>{NUMBER}){_DASH}(?P<high>{NUMBER})"
    rf"|(?P<value>{NUMBER}))"
    rf"{_JOINER}{UNIT}"
    rf"(?P<conversion>\s*\(\s*(?:{HEDGE.replace('?P<hedge>', '?:')})?{NUMBER}{_JOINER}"
    + UNIT.replace("?P<unit>", "?:")
    + r"\s*\))?",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"[$£€¥]\s*$")
#: How far back a currency sign is looked for before "5 m" ("$ 5m"): a window, not the whole text.
_MONEY_LOOKBACK = 16
_NOT_METRES_AFTER = re.compile(
    r"\s*(?:people|dollars|euros|pounds|residents|inhabitants|tons|tonnes|barrels|users|years|viewers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A distance found in a text, with where it was found."""

    start: int
    """Offset of the first character of the quantity (hedge included)."""
    end: int
    """Offset one past the quantity (a parenthesised conversion included)."""
    quantity: Quantity
    """The parsed distance."""


def unit_of(spelling: str) -> str | None:
    """The canonical unit for a spelling such as "kilometres" or "NM"; None for no unit.

    The matching is case-insensitive, and some capitals lower-case to other letters ("İ"
    becomes "i" and a dot): those spellings are no unit, never an error.
    """
    lowered = spelling.lower()
    for pattern, unit in _UNIT_SPELLINGS:
        if re.fullmatch(pattern, lowered):
            return unit
    return None


def hedge_of(spelling: str | None) -> Hedge:
    """The normalised hedge for its spelling ("some" -> "about"); "exactly" when absent."""
    if not spelling:
        return Hedge.EXACTLY
    lowered = " ".join(spelling.lower().split())
    for written, meaning in _HEDGES:
        if lowered == written:
            return Hedge(meaning)
    return Hedge.EXACTLY


def parse_number(text: str) -> float | None:
    """The value of a number written in digits ("1,200.5") or words ("sixty-five", "a dozen").

    None for anything no one writes as a distance: more than MAX_DIGITS digits, a value above
    MAX_NUMBER, more than MAX_NUMBER_WORDS number words, or a fraction over zero.
    """
    cleaned = _ascii_digits(text.strip().lower())
    if not cleaned:
        return None
    if re.fullmatch(_DIGITS, cleaned):
        if sum(c.isdigit() for c in cleaned) > MAX_DIGITS:
            return None
        if "/" in cleaned:
            numerator, denominator = cleaned.split("/")
            value = int(numerator) / int(denominator) if int(denominator) else math.inf
        else:
            value = float(cleaned.replace(",", ""))
        return value if math.isfinite(value) and value <= MAX_NUMBER else None
    tokens = [t for t in re.split(r"[\s-]+", cleaned) if t not in ("a", "an", "and")]
    if not tokens or len(tokens) > MAX_NUMBER_WORDS:
        return None
    if any(t not in _SMALL and t not in _SCALES and t != "half" for t in tokens):
        return None
    total, current = 0.0, 0.0
    for token in tokens:
        if token in _SMALL:
            current += _SMALL[token]
        elif token == "half":
            current = current + 0.5 if current else 0.5
        elif token == "thousand":
            total += (current or 1) * 1000
            current = 0.0
        else:
            current = (current or 1) * _SCALES[token]
    return total + current


def _ascii_digits(text: str) -> str:
    """Decimal digits of any script ("٨٠", "８０") as ASCII ones, so "٨٠" reads and rounds like "80"."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() and unicodedata.digit(c, None) is not None else c
        for c in text
    )


def precision_of(text: str) -> float:
    """Half the step of the last significant digit a figure implies: 60 -> 5, 57.3 -> 0.05.

    Round figures are rounded: "60" means 55..65, "57" means 56.5..57.5. Figures in words
    ("sixty", "a dozen") read the same as their digits.
    """
    cleaned = _ascii_digits(text.strip().lower()).replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", cleaned):
        value = parse_number(text)
        if value is None:
            return 0.5
        cleaned = f"{value:g}"
    if "." in cleaned:
        return 0.5 * 10 ** -len(cleaned.split(".", 1)[1])
    digits = cleaned.lstrip("0") or "0"
    trailing = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**trailing if digits != "0" else 0.5


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every distance in `text`, in order, with a parenthesised conversion folded into the first."""
    found = []
    for match in _QUANTITY.finditer(text):
        quantity = _quantity_from(match)
        if quantity is None:
            continue
        if quantity.unit == "m" and (
            _MONEY_BEFORE.search(text, max(0, match.start() - _MONEY_LOOKBACK), match.start())
            or _NOT_METRES_AFTER.match(text, match.end())
        ):
            continue
        found.append(QuantityMatch(match.start(), match.end(), quantity))
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The single distance that is the whole of `text`, or None."""
    match = _QUANTITY.fullmatch(text.strip())
    return _quantity_from(match) if match else None


def _quantity_from(match: re.Match[str]) -> Quantity | None:
    """The quantity a match states, or None when it is no reasonable distance."""
    unit = unit_of(match.group("unit"))
    if unit is None:
        return None
    factor = KM_PER_UNIT[unit]
    hedge = hedge_of(match.group("hedge"))
    low_text = match.group("blow") or match.group("low")
    high_text = match.group("bhigh") or match.group("high")
    if low_text and high_text:
        parsed_low, parsed_high = parse_number(low_text), parse_number(high_text)
        if parsed_low is None or parsed_high is None:
            return None
        low, high = min(parsed_low, parsed_high), max(parsed_low, parsed_high)
        if high * factor > MAX_KM:
            return None
        value = (low + high) / 2
        precision = _precision_km(high_text, factor)
        return Quantity(
            value, unit, hedge, value * factor, match.group(0), low * factor, high * factor, precision
        )
    single = parse_number(match.group("value"))
    if single is None or single * factor > MAX_KM:
        return None
    precision = _precision_km(match.group("value"), factor)
    return Quantity(single, unit, hedge, single * factor, match.group(0), precision_km=precision)


def _precision_km(figure: str, km_per_unit: float) -> float:
    """The rounding slack, in km, implied by how a figure is written (its last significant digit).

    A round figure is rounded, but "100 km" is not read as anywhere in 50..150 km.
    """
    value = parse_number(figure) or 0.0
    return min(precision_of(figure), max(0.1 * value, 0.5)) * km_per_unit


def figure_precision_km(quantity: Quantity) -> float:
    """The rounding slack, in km, implied by how the figure of a quantity is written."""
    return quantity.precision_km


def describe(quantity: Quantity) -> str:
    """The claimed figure in words: "about 60 km", "50-60 km", "more than 37 mi (59.5 km)"."""
    hedge = "" if quantity.hedge == Hedge.EXACTLY else quantity.hedge + " "
    per = quantity.km / quantity.value if quantity.value else 1.0
    if quantity.low_km is not None and quantity.high_km is not None:
        figure = f"{_number(quantity.low_km / per)}-{_number(quantity.high_km / per)}"
    else:
        figure = _number(quantity.value)
    converted = "" if quantity.unit == "km" else f" ({quantity.km:.1f} km)"
    return f"{hedge}{figure} {quantity.unit}{converted}"


def _number(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.2f}".rstrip("0")
