from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Place
from geomap.claims.quantities import parse_quantity
from geomap.model import Claim, Mention, MentionKind, Status
from geomap.outlines import Borders
from geomap.settings import Settings
from geomap.verify import Verifier
from geomap.verify.tolerance import Allowed

HOLDS, CONTRADICTED, UNVERIFIABLE = Status.HOLDS, Status.CONTRADICTED, Status.UNVERIFIABLE
PLACE = MentionKind.PLACE

KHMEIMIM = Place("site:khmeimim-air-base", "Khmeimim Air Base", "air_base", 35.4011, 35.9486, "SY")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", population=458327)
POINT_A = Place("test:a", "A", "air_base", 10.0, 20.0, "")
NORTH_OF_A = Place("test:north", "North", "air_base", 10.5, 20.0, "")
EAST_OF_A = Place("test:east", "East", "air_base", 10.0, 20.5, "")


@pytest.fixture(scope="module")
def borders() -> Borders:
    return Borders()


def verifier(borders: Borders, **settings: float) -> Verifier:
    return Verifier(Settings(**settings), borders)  # type: ignore[arg-type]


def claim(
    kind: str,
    subject: Place | None,
    reference: Place | None = None,
    quantity: str | None = None,
    direction: str | None = None,
    country: str | None = None,
    unbound: str | None = None,
) -> Claim:
    def mention(place: Place | None) -> Mention | None:
        return None if place is None else Mention(0, 1, place.name, PLACE, place, 1.0)

    return Claim(
        kind=kind,
        text="x",
        start=0,
        end=1,
        sentence="x",
        line=1,
        subject=mention(subject),
        reference=mention(reference),
        quantity=parse_quantity(quantity) if quantity else None,
        direction=direction,
        country=country,
        unbound=unbound,
    )


@pytest.mark.parametrize(
    ("quantity", "low", "high"),
    [
        ("about 60 km", 46.0, 74.0),  # 15 % of 60 = 9, + 5 for the round figure
        ("60 km", 49.0, 71.0),  # unhedged: 10 %, + 5 rounding
        ("57.3 km", 57.3 - 5.73 - 0.05, 57.3 + 5.73 + 0.05),
        ("more than 60 km", 53.0, None),  # 2 km absolute + 5 rounding
        ("at least 60 km", 53.0, None),
        ("less than 60 km", 0.0, 67.0),
        ("within 60 km", 0.0, 67.0),
        ("up to 60 km", 0.0, 67.0),
        ("at most 60 km", 0.0, 67.0),
        ("nearly 60 km", 44.0, 67.0),
        ("just over 60 km", 53.0, 76.0),
        ("50-60 km", 43.0, 67.0),
        ("about 5 km", 2.5, 7.5),  # the 2 km floor beats 15 % of 5
    ],
)
def test_tolerance_model_per_hedge(borders: Borders, quantity: str, low: float, high: float | None) -> None:
    parsed = parse_quantity(quantity)
    assert parsed is not None
    allowed = verifier(borders).tolerance.allowed(parsed, extent_km=0.0)
    assert allowed.low == pytest.approx(low)
    assert allowed.high == (None if high is None else pytest.approx(high))


def test_extent_widens_the_allowance(borders: Borders) -> None:
    parsed = parse_quantity("about 60 km")
    assert parsed is not None
    narrow = verifier(borders).tolerance.allowed(parsed, 0.0)
    wide = verifier(borders).tolerance.allowed(parsed, 10.0)
    assert (wide.low, wide.high) == (pytest.approx(narrow.low - 10), pytest.approx((narrow.high or 0) + 10))


def test_extent_of_places(borders: Borders) -> None:
    check = verifier(borders)
    assert check.tolerance.extent_km(KHMEIMIM) == 1.0
    small = Place("t:s", "S", "city", 0, 0, "", population=100_000)
    big = Place("t:b", "B", "capital", 0, 0, "", population=10_000_000)
    huge = Place("t:h", "H", "city", 0, 0, "", population=40_000_000)
    region = Place("t:r", "R", "admin1", 0, 0, "")
    assert check.tolerance.extent_km(small) == pytest.approx(3.0)
    assert check.tolerance.extent_km(big) == pytest.approx(25.0)  # 30 km, capped
    assert check.tolerance.extent_km(huge) == pytest.approx(25.0)
    assert check.tolerance.extent_km(region) == 50.0
    assert verifier(borders, city_extent_km=5.0).tolerance.extent_km(small) == pytest.approx(5.0)


def test_allowed_text() -> None:
    assert str(Allowed(1, 2)) == "1.0-2.0 km"
    assert str(Allowed(0, 2)) == "<= 2.0 km"
    assert str(Allowed(3, None)) == ">= 3.0 km"


def test_khmeimim_tartus_holds_and_160_is_contradicted(borders: Borders) -> None:
    good = verifier(borders).verify(claim("distance", KHMEIMIM, TARTUS, "around 60km"))
    assert good.status == HOLDS
    assert good.measured_km == pytest.approx(57.1, abs=0.1)
    assert "claimed about 60 km, measured 57.1 km" in good.explanation
    bad = verifier(borders).verify(claim("distance", KHMEIMIM, TARTUS, "around 160km"))
    assert bad.status == CONTRADICTED
    assert "claimed about 160 km, measured 57.1 km" in bad.explanation


def test_settings_change_the_verdict(borders: Borders) -> None:
    strict = verifier(
        borders,
        relative_tolerance=0.0,
        absolute_tolerance_km=0.0,
        site_extent_km=0.0,
        city_extent_km=0.0,
        max_city_extent_km=0.0,
    )
    assert strict.verify(claim("distance", KHMEIMIM, TARTUS, "around 52.3 km")).status == CONTRADICTED
    assert verifier(borders).verify(claim("distance", KHMEIMIM, TARTUS, "around 52.3 km")).status == HOLDS


@pytest.mark.parametrize(
    ("subject", "direction", "status"),
    [
        (NORTH_OF_A, "N", HOLDS),
        (NORTH_OF_A, "NNW", HOLDS),
        (NORTH_OF_A, "NNE", HOLDS),
        # a fine point allows 35° before the tolerance: "NE" for due north (45° off) holds,
        # "ENE" (67.5° off) does not
        (NORTH_OF_A, "NE", HOLDS),
        (NORTH_OF_A, "ENE", CONTRADICTED),
        (NORTH_OF_A, "E", CONTRADICTED),
        (NORTH_OF_A, "S", CONTRADICTED),
        (EAST_OF_A, "E", HOLDS),
        (EAST_OF_A, "ESE", HOLDS),
        (EAST_OF_A, "W", CONTRADICTED),
        (EAST_OF_A, "NNW", CONTRADICTED),
    ],
)
def test_bearing(borders: Borders, subject: Place, direction: str, status: str) -> None:
    verdict = verifier(borders).verify(claim("direction", subject, POINT_A, direction=direction))
    assert verdict.status == status, verdict.explanation
    assert verdict.bearing_deg is not None


def test_bearing_tolerance_setting(borders: Borders) -> None:
    # ENE of the reference is 67.5°; due north is 67.5° off: inside 35 + 40, outside 35 + 10 (+ blur).
    direction = claim("direction", NORTH_OF_A, POINT_A, direction="ENE")
    assert verifier(borders, bearing_tolerance_deg=40).verify(direction).status == HOLDS
    assert verifier(borders, bearing_tolerance_deg=0).verify(direction).status == CONTRADICTED


def test_distance_and_direction_must_both_hold(borders: Borders) -> None:
    verdict = verifier(borders).verify(claim("direction", NORTH_OF_A, POINT_A, "55 km", "S"))
    assert verdict.status == CONTRADICTED
    assert "claimed 55 km" in verdict.explanation and "claimed S" in verdict.explanation


def test_proximity(borders: Borders) -> None:
    assert verifier(borders).verify(claim("proximity", KHMEIMIM, TARTUS)).status == HOLDS
    assert verifier(borders, near_km=10).verify(claim("proximity", KHMEIMIM, TARTUS)).status == CONTRADICTED


def test_border_distance(borders: Borders, gazetteer: Gazetteer) -> None:
    latakia = next(p for p in gazetteer.lookup("Latakia") if p.kind == "city")
    verdict = verifier(borders).verify(claim("border_distance", latakia, None, "45 km", country="TR"))
    assert verdict.status == HOLDS
    assert verdict.measured_km == pytest.approx(42.2, abs=1.5)
    own = verifier(borders).verify(claim("border_distance", latakia, None, "45 km"))
    assert "nearest land border of its own country" in own.explanation
    # the land border (with Turkey), not Latakia's own coast a few km away
    assert own.status == HOLDS and own.measured_km == pytest.approx(42.2, abs=1.5)
    # an unnamed border that fails is unverifiable: another neighbour's may be meant
    far = verifier(borders).verify(claim("border_distance", latakia, None, "5 km"))
    assert far.status == UNVERIFIABLE and "the border is not named" in far.explanation
    inside = verifier(borders).verify(claim("border_distance", latakia, None, "100 km", country="SY"))
    assert inside.status == CONTRADICTED and inside.measured_km == pytest.approx(42.2, abs=1.5)
    unknown = verifier(borders).verify(claim("border_distance", latakia, None, "45 km", country="XX"))
    assert unknown.status == UNVERIFIABLE and "XX" in unknown.explanation


def test_containment(borders: Borders) -> None:
    assert verifier(borders).verify(claim("containment", KHMEIMIM, country="SY")).status == HOLDS
    outside = verifier(borders).verify(claim("containment", KHMEIMIM, country="TR"))
    assert outside.status == CONTRADICTED
    assert "outside" in outside.explanation and "gazetteer country SY" in outside.explanation


def test_unbound_and_unresolved_are_unverifiable(borders: Borders) -> None:
    unbound = verifier(borders).verify(claim("distance", None, TARTUS, "60 km", unbound="subject: none"))
    assert unbound.status == UNVERIFIABLE and "subject: none" in unbound.explanation
    missing = verifier(borders).verify(claim("distance", KHMEIMIM, None, "60 km"))
    assert missing.status == UNVERIFIABLE and "reference" in missing.explanation
    nothing = verifier(borders).verify(claim("distance", KHMEIMIM, TARTUS))
    assert nothing.status == UNVERIFIABLE


def test_countries_and_seas_are_not_measured_centre_to_centre(borders: Borders) -> None:
    syria = Place("geonames:163843", "Syria", "country", 35.0, 38.0, "SY")
    sea = Place("site:black-sea", "Black Sea", "sea", 43.41, 34.0, "")
    for subject, reference in ((syria, TARTUS), (TARTUS, sea)):
        verdict = verifier(borders).verify(claim("distance", subject, reference, "100 km"))
        assert verdict.status == UNVERIFIABLE and "coordinate" in verdict.explanation


def test_same_place_at_both_ends_is_unverifiable(borders: Borders) -> None:
    verdict = verifier(borders).verify(claim("distance", TARTUS, TARTUS, "2 mi"))
    assert verdict.status == UNVERIFIABLE and "both ends" in verdict.explanation


def test_distance_to_a_country_is_measured_to_its_outline(borders: Borders, gazetteer: Gazetteer) -> None:
    latakia = next(p for p in gazetteer.lookup("Latakia") if p.kind == "city")
    turkey = gazetteer.country("TR")
    assert turkey is not None
    verdict = verifier(borders).verify(claim("distance", latakia, turkey, "about 40 km"))
    assert verdict.status == HOLDS and "TR border" in verdict.explanation
    assert verdict.measured_km == pytest.approx(42.2, abs=1.5)


def test_an_area_centred_outside_a_country_may_still_straddle_into_it(borders: Borders) -> None:
    arctic = Place("site:arctic", "Arctic", "region", 90.0, 0.0, "")
    ocean = Place("site:indian-ocean", "Indian Ocean", "sea", -20.0, 80.0, "")
    for area, code in ((arctic, "CA"), (ocean, "SC")):
        verdict = verifier(borders).verify(claim("containment", area, country=code))
        assert verdict.status == UNVERIFIABLE and "straddle" in verdict.explanation
    ankara = Place("cs:ankara", "Ankara", "admin1", 39.9, 32.85, "TR")  # a division cannot straddle
    assert verifier(borders).verify(claim("containment", ankara, country="SY")).status == CONTRADICTED


def test_near_a_division_is_not_measured_from_its_centre(borders: Borders) -> None:
    new_york = Place("cs:ny", "New York", "admin1", 42.9, -75.5, "US")
    stockbridge = Place("g:ws", "West Stockbridge", "city", 42.33, -73.37, "US", population=1300)
    verdict = verifier(borders).verify(claim("proximity", stockbridge, new_york))
    assert verdict.status == UNVERIFIABLE
    assert "New York is a first-level division with no known edge" in verdict.explanation
    far_city = Place("g:far", "Far", "city", 40.0, -80.0, "US", population=50_000)
    assert verifier(borders).verify(claim("proximity", stockbridge, far_city)).status == CONTRADICTED
