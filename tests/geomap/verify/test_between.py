"""What a figure between two places allows above and below it: extents above, a road reading below."""

from __future__ import annotations

import pytest

from geomap.claims.quantities import parse_quantity
from geomap.model import Quantity
from geomap.settings import Settings
from geomap.verify.tolerance import Tolerance


def quantity(text: str) -> Quantity:
    parsed = parse_quantity(text)
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(
    ("text", "extent", "low", "high"),
    [
        # bare figure: low = c / 1.2 - 2 - rounding; high = c + max(2, 10 %) + rounding + extent
        ("60 km", 0.0, 60 / 1.2 - 2 - 5, 60 + 6 + 5),
        ("60 km", 20.0, 60 / 1.2 - 2 - 5, 60 + 6 + 5 + 20),
        # hedged: the ratio is 1 + 2 x 0.15
        ("about 60 km", 0.0, 60 / 1.3 - 2 - 5, 60 + 9 + 5),
        ("about 60 km", 20.0, 60 / 1.3 - 2 - 5, 60 + 9 + 5 + 20),
        ("22 km", 10.0, 22 / 1.2 - 2 - 0.5, 22 + 2.2 + 0.5 + 10),
        # a small figure: the absolute slack alone
        ("6 km", 15.0, max(0.0, 6 / 1.2 - 2 - 0.5), 6 + 2 + 0.5 + 15),
        # a range: the low end read as a road distance
        ("50-60 km", 10.0, 50 / 1.2 - 2 - 5, 60 + 2 + 5 + 10),
        # one-sided hedges keep their own lower bound, without the extents
        ("more than 60 km", 20.0, 60 - 2 - 5, None),
        ("within 60 km", 20.0, 0.0, 60 + 2 + 5 + 20),
        ("nearly 60 km", 20.0, 60 / 1.3 - 2 - 5, 60 + 2 + 5 + 20),
    ],
)
def test_allowed_between(text: str, extent: float, low: float, high: float | None) -> None:
    allowed = Tolerance(Settings()).allowed_between(quantity(text), extent)
    assert allowed.low == pytest.approx(low)
    assert allowed.high == (None if high is None else pytest.approx(high))


def test_extent_never_lowers_the_lower_bound() -> None:
    tolerance = Tolerance(Settings())
    for text in ("6 km", "about 22 km", "140 km", "20-25 km"):
        point, wide = (
            tolerance.allowed_between(quantity(text), 0.0),
            tolerance.allowed_between(quantity(text), 25.0),
        )
        assert wide.low == point.low
        assert (wide.high or 0) > (point.high or 0)


def test_a_figure_two_and_a_half_times_too_long_is_caught() -> None:
    """A planted figure x2.5 lies below what the figure allows, whatever the cities' size."""
    tolerance = Tolerance(Settings())
    for measured, stated in ((6.1, "15 km"), (22.5, "about 56 km"), (140.5, "350 km"), (40.5, "100 km")):
        assert not tolerance.allowed_between(quantity(stated), 25.0).admits(measured)


def test_zero_relative_tolerance_reads_no_road_distance() -> None:
    allowed = Tolerance(Settings(relative_tolerance=0.0)).allowed_between(quantity("about 75 km"), 10.0)
    assert allowed.low == pytest.approx(75 - 2 - 0.5)
