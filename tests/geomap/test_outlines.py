"""Country outlines: stored in the gazetteer as WKB with boxes, equal to the shapefile's, read lazily."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.outlines import Borders


@pytest.fixture(scope="module")
def shapefile_borders() -> Borders:
    return Borders()


@pytest.mark.parametrize("code", ["SY", "LB", "UA", "RU", "FR", "US", "NO"])
def test_stored_outline_is_the_shapefile_outline(
    gazetteer: Gazetteer, shapefile_borders: Borders, code: str
) -> None:
    stored, read = Borders(gazetteer).country(code), shapefile_borders.country(code.lower())
    assert stored is not None and read is not None
    assert (stored.code, stored.name) == (read.code, read.name)
    assert stored.geometry.equals_exact(read.geometry, tolerance=0)
    assert stored.geometry.wkb == read.geometry.wkb


@pytest.mark.parametrize(
    "box",
    [
        (35.0, 32.0, 43.0, 37.5),
        (-10.0, 35.0, 30.0, 60.0),
        (-180.0, -90.0, 180.0, 90.0),
        (0.0, -5.0, 0.5, -4.5),
    ],
)
def test_within_finds_the_same_countries_in_the_same_order(
    gazetteer: Gazetteer, shapefile_borders: Borders, box: tuple[float, float, float, float]
) -> None:
    stored = [(shape.code, shape.name) for shape in Borders(gazetteer).within(*box)]
    assert stored == [(shape.code, shape.name) for shape in shapefile_borders.within(*box)]


def test_boxes_hold_their_outlines_and_unknown_codes_have_none(gazetteer: Gazetteer) -> None:
    boxes = gazetteer.outline_boxes()
    assert len(boxes) > 200 and [box.code for box in boxes] == sorted(box.code for box in boxes)
    syria = next(box for box in boxes if box.code == "SY")
    shape = Borders(gazetteer).country("SY")
    assert shape is not None
    west, south, east, north = shape.geometry.bounds
    assert (syria.west, syria.south, syria.east, syria.north) == pytest.approx((west, south, east, north))
    assert Borders(gazetteer).country("XX") is None and gazetteer.outline_wkb("XX") is None
