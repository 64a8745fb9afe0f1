"""Checking claims against the gazetteer and country outlines: the only module that does geodesy.

The tolerance model (documented in docs/readme-claims.md) widens what a claim allows by
three things: what its hedge means ("more than 60" vs "around 60"), the rounding its figure
implies ("60" vs "57.3") and the extent of the places at either end (a city is not a point).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from gazetteer import AREA, POINT_SITE, SETTLEMENT, VAST, Kind, Place
from geomap.claims.quantities import LOWER_BOUND_HEDGES, UPPER_BOUND_HEDGES, describe, figure_precision_km
from geomap.compass import COMPASS
from geomap.geodesy import border_distance_km, measure
from geomap.model import Claim, ClaimKind, Quantity, Status, Verdict
from geomap.outlines import Borders, CountryShape
from geomap.settings import Settings

#: Kinds too large for a centre-to-centre distance to mean anything.
#: Areas that can straddle borders: their one point inside a country shows they lie in it,
#: their one point outside does not show they don't.
_STRADDLING_KINDS = (AREA | VAST | frozenset({Kind.RIVER, Kind.MOUNTAIN, Kind.ISLAND})) - {
    Kind.COUNTRY,
    Kind.ADMIN1,
}
#: Areas whose edges the gazetteer does not know: far from their centre is not far from them.
_EDGELESS_KINDS = _STRADDLING_KINDS | {Kind.ADMIN1}
#: Long or wide features whose one coordinate says little about where their edge is.
_LONG_KINDS = frozenset({Kind.RIVER, Kind.CANAL, Kind.STRAIT, Kind.ISLAND, Kind.MOUNTAIN, Kind.PENINSULA})
_HALF_SECTOR = {1: 45.0, 2: 22.5, 3: 11.25}


@dataclass(frozen=True, slots=True)
class Allowed:
    """The distances a claim allows, in km (high None: no upper bound)."""

    low: float
    high: float | None

    def admits(self, km: float) -> bool:
        return self.low <= km and (self.high is None or km <= self.high)

    def __str__(self) -> str:
        if self.high is None:
            return f">= {self.low:.1f} km"
        if self.low <= 0:
            return f"<= {self.high:.1f} km"
        return f"{self.low:.1f}-{self.high:.1f} km"


class Verifier:
    """Turns claims into verdicts with the tolerances of one Settings object."""

    def __init__(self, settings: Settings, borders: Borders) -> None:
        self.settings = settings
        self.borders = borders
        self._shapes: dict[str, CountryShape | None] = {}

    def _country(self, code: str) -> CountryShape | None:
        """A country outline, read once per run."""
        if code not in self._shapes:
            self._shapes[code] = self.borders.country(code)
        return self._shapes[code]

    def verify(self, claim: Claim) -> Verdict:
        """Holds, contradicted or unverifiable, with a one-line explanation."""
        if claim.unbound:
            return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {claim.unbound}")
        subject = claim.subject.place if claim.subject else None
        if subject is None:
            return Verdict(claim, Status.UNVERIFIABLE, "cannot check: the subject is not bound to a place")
        if claim.kind in (ClaimKind.BORDER_DISTANCE, ClaimKind.CONTAINMENT):
            return (
                self._border(claim, subject)
                if claim.kind == ClaimKind.BORDER_DISTANCE
                else self._within(claim, subject)
            )
        reference = claim.reference.place if claim.reference else None
        if reference is None:
            return Verdict(claim, Status.UNVERIFIABLE, "cannot check: the reference is not bound to a place")
        if (
            claim.kind == ClaimKind.DISTANCE
            and claim.quantity is not None
            and reference.kind == Kind.COUNTRY
            and subject.kind not in VAST
        ):
            # "X is 30 km from Lebanon": the distance to Lebanon's outline, as for a border.
            return self._border(replace(claim, country=reference.country_code), subject)
        for end, place in (("subject", subject), ("reference", reference)):
            if place.kind in VAST:
                return Verdict(
                    claim,
                    Status.UNVERIFIABLE,
                    f"cannot check: the {end} {place.name!r} is a {place.kind}; its one coordinate "
                    "says nothing about where its edge is",
                )
        if subject.id == reference.id:
            return Verdict(
                claim,
                Status.UNVERIFIABLE,
                f"cannot check: both ends resolve to {subject.name} ({subject.id})",
            )
        measured, bearing = measure(subject, reference)
        extent = self.extent_km(subject) + self.extent_km(reference)
        if claim.kind == ClaimKind.PROXIMITY:
            allowed = Allowed(0.0, self.settings.near_km + extent)
            text = f"claimed near, measured {measured:.1f} km (allowed {allowed})"
            if allowed.admits(measured):
                return Verdict(claim, Status.HOLDS, text, measured, bearing)
            area = next((p for p in (reference, subject) if p.kind in _EDGELESS_KINDS), None)
            if area is not None:
                # "near the New York line": near a division's edge, far from its centre.
                text = f"cannot check: {area.name} is a {area.kind} with no known edge; {text}"
                return Verdict(claim, Status.UNVERIFIABLE, text, measured, bearing)
            return Verdict(claim, Status.CONTRADICTED, text, measured, bearing)
        parts: list[tuple[bool, str]] = []
        if claim.quantity is not None:
            allowed = self.allowed(claim.quantity, extent)
            parts.append(
                (
                    allowed.admits(measured),
                    f"claimed {describe(claim.quantity)}, measured {measured:.1f} km (allowed {allowed})",
                )
            )
        if claim.direction is not None:
            parts.append(self._bearing_check(claim.direction, bearing, measured, extent))
        if not parts:
            return Verdict(
                claim, Status.UNVERIFIABLE, "cannot check: no distance or direction stated", measured, bearing
            )
        status = Status.HOLDS if all(ok for ok, _ in parts) else Status.CONTRADICTED
        return Verdict(claim, status, "; ".join(text for _, text in parts), measured, bearing)

    # -- tolerance model -----------------------------------------------------------------------
    def extent_km(self, place: Place) -> float:
        """How far from its coordinate a place reaches: a base is a point, a city is not."""
        s = self.settings
        if place.kind in AREA:
            return s.area_extent_km
        if place.kind in SETTLEMENT:
            scale = math.sqrt(max(place.population, 10_000) / 100_000)
            return min(s.max_city_extent_km, s.city_extent_km * scale)
        if place.kind in POINT_SITE:
            return s.site_extent_km
        if place.kind in _LONG_KINDS:
            return s.max_city_extent_km
        return s.city_extent_km

    def allowed(self, quantity: Quantity, extent_km: float) -> Allowed:
        """The distances a stated quantity admits, given the extent of both ends."""
        s = self.settings
        claimed = quantity.km
        fixed = s.absolute_tolerance_km + figure_precision_km(quantity) + extent_km
        hedge = quantity.hedge
        if quantity.low_km is not None and quantity.high_km is not None:
            return Allowed(max(0.0, quantity.low_km - fixed), quantity.high_km + fixed)
        if hedge in LOWER_BOUND_HEDGES:
            return Allowed(max(0.0, claimed - fixed), None)
        if hedge in UPPER_BOUND_HEDGES:
            return Allowed(0.0, claimed + fixed)
        relative = s.unhedged_tolerance if hedge == "exactly" else s.relative_tolerance
        spread = relative * claimed
        if hedge in ("nearly", "just under"):
            return Allowed(max(0.0, claimed - spread - fixed), claimed + fixed)
        if hedge == "just over":
            return Allowed(max(0.0, claimed - fixed), claimed + spread + fixed)
        slack = max(s.absolute_tolerance_km, spread) + figure_precision_km(quantity) + extent_km
        return Allowed(max(0.0, claimed - slack), claimed + slack)

    def _bearing_check(
        self, direction: str, bearing: float, measured: float, extent: float
    ) -> tuple[bool, str]:
        """Within half the compass sector, plus the set tolerance, plus what the extents blur."""
        centre = COMPASS[direction]
        blur = math.degrees(math.atan2(extent, measured)) if measured > 0 else 180.0
        half = _HALF_SECTOR.get(len(direction), 45.0) + self.settings.bearing_tolerance_deg + blur
        off = abs((bearing - centre + 180.0) % 360.0 - 180.0)
        text = f"claimed {direction} ({centre:g}° ± {min(half, 180.0):.0f}°), measured bearing {bearing:.0f}°"
        return off <= half, text

    # -- countries -----------------------------------------------------------------------------
    @staticmethod
    def _read_in_country(claim: Claim, subject: Place, code: str) -> Place:
        """The claim's own words disambiguate: "the Indonesian island of Java" is the Java in Indonesia.

        When the resolver picked a namesake elsewhere but one of its runners-up lies in the
        claimed country, the claim is read as being about that runner-up.
        """
        if subject.country_code == code or claim.subject is None:
            return subject
        for alternative in claim.subject.alternatives:
            if alternative.country_code == code:
                return alternative
        return subject

    def _border(self, claim: Claim, subject: Place) -> Verdict:
        code = claim.country or subject.country_code
        shape = self._country(code) if code else None
        if shape is None:
            why = f"no outline for country {code!r}" if code else "the border's country is not named"
            return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {why}")
        measured = border_distance_km(shape.geometry, subject)
        named = "" if claim.country else " (nearest border of its own country)"
        if claim.quantity is None:
            return Verdict(
                claim, Status.UNVERIFIABLE, f"measured {measured:.1f} km to the {code} border", measured
            )
        allowed = self.allowed(claim.quantity, self.extent_km(subject))
        status = Status.HOLDS if allowed.admits(measured) else Status.CONTRADICTED
        text = (
            f"claimed {describe(claim.quantity)} from the {code} border{named}, measured {measured:.1f} km "
            f"(allowed {allowed})"
        )
        return Verdict(claim, status, text, measured)

    def _within(self, claim: Claim, subject: Place) -> Verdict:
        code = claim.country
        shape = self._country(code) if code else None
        if shape is None:
            return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: no outline for country {code!r}")
        resolved = subject
        subject = self._read_in_country(claim, subject, code or "")
        note = "" if subject is resolved else f" (read as {subject.id}, not {resolved.id})"
        from shapely.geometry import Point

        if shape.geometry.covers(Point(subject.lon, subject.lat)):
            return Verdict(
                claim, Status.HOLDS, f"{subject.name} lies inside {shape.name} ({code}){note}", 0.0
            )
        outside = border_distance_km(shape.geometry, subject)
        slack = self.settings.absolute_tolerance_km + self.extent_km(subject)
        listed = f"; gazetteer country {subject.country_code}" if subject.country_code else ""
        if outside > slack and subject.kind in _STRADDLING_KINDS:
            return Verdict(
                claim,
                Status.UNVERIFIABLE,
                f"cannot check: {subject.name} is a {subject.kind} that can straddle borders; its centre "
                f"lies {outside:.1f} km outside {shape.name} ({code})",
                outside,
            )
        status = Status.HOLDS if outside <= slack else Status.CONTRADICTED
        text = (
            f"{subject.name} lies {outside:.1f} km outside {shape.name} ({code}) "
            f"(allowed {slack:.1f} km){listed}"
        )
        return Verdict(claim, status, text, outside)
