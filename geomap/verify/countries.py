"""Checks against a country's outline: distance to its border, and lying inside it."""

from __future__ import annotations

from dataclasses import replace

from gazetteer import AREA, VAST, Kind, Place
from geomap.claims.quantities import describe
from geomap.geodesy import border_distance_km
from geomap.model import Claim, Status, Verdict
from geomap.verify.context import VerifyContext
from geomap.verify.points import as_settlement

#: Areas that can straddle borders: their one point inside a country shows they lie in it,
#: their one point outside does not show they don't.
STRADDLING = (AREA | VAST | frozenset({Kind.RIVER, Kind.MOUNTAIN, Kind.ISLAND})) - {Kind.COUNTRY, Kind.ADMIN1}


def check_border(claim: Claim, subject: Place, reference: Place | None, context: VerifyContext) -> Verdict:
    """Distance from the subject to the named country's border (else its own country's land border).

    A foreign country's border is the nearest point of its outline; the subject's own country's
    ("20 km inside Syria", "the border" unnamed) is its land border, not its coast. A failed
    check on an unnamed border is unverifiable: the text may mean one neighbour's border and
    the nearest be another's.
    """
    if claim.border_of is not None:
        why = f"cannot check: {claim.border_of} is no country, and geomap has no outline of its border"
        return Verdict(claim, Status.UNVERIFIABLE, why)
    town = as_settlement(claim.subject, subject)
    if claim.subject is not None and town is not subject:
        claim, subject = replace(claim, subject=replace(claim.subject, place=town)), town
    code = claim.country or subject.country_code
    shape = context.country(code) if code else None
    if shape is None:
        why = f"no outline for country {code!r}" if code else "the border's country is not named"
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {why}")
    # a country's own border ("20 km inside Syria", "the border" unnamed) is its land border
    line = shape.geometry if code != subject.country_code else context.land_border(code)
    if line is None:
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {shape.name} ({code}) has no land border")
    measured = border_distance_km(line, subject)
    named = "" if claim.country else " (nearest land border of its own country)"
    if claim.quantity is None:
        return Verdict(
            claim, Status.UNVERIFIABLE, f"measured {measured:.1f} km to the {code} border", measured
        )
    tolerance = context.tolerance
    allowed = tolerance.allowed(claim.quantity, tolerance.extent_km(subject))
    text = (
        f"claimed {describe(claim.quantity)} from the {code} border{named}, measured {measured:.1f} km "
        f"(allowed {allowed})"
    )
    if allowed.admits(measured):
        return Verdict(claim, Status.HOLDS, text, measured)
    if not claim.country:
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: the border is not named; {text}", measured)
    return Verdict(claim, Status.CONTRADICTED, text, measured)


def check_within(claim: Claim, subject: Place, reference: Place | None, context: VerifyContext) -> Verdict:
    """The subject lies inside the claimed country (within the tolerance of its extent)."""
    code = claim.country
    shape = context.country(code) if code else None
    if shape is None:
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: no outline for country {code!r}")
    resolved = subject
    subject = _read_in_country(claim, subject, code or "")
    note = "" if subject is resolved else f" (read as {subject.id}, not {resolved.id})"
    from shapely.geometry import Point

    if shape.geometry.covers(Point(subject.lon, subject.lat)):
        return Verdict(claim, Status.HOLDS, f"{subject.name} lies inside {shape.name} ({code}){note}", 0.0)
    outside = border_distance_km(shape.geometry, subject)
    slack = context.settings.absolute_tolerance_km + context.tolerance.extent_km(subject)
    listed = f"; gazetteer country {subject.country_code}" if subject.country_code else ""
    if outside > slack and subject.kind in STRADDLING:
        why = (
            f"cannot check: {subject.name} is {subject.kind.noun} that can straddle borders; its centre "
            f"lies {outside:.1f} km outside {shape.name} ({code})"
        )
        return Verdict(claim, Status.UNVERIFIABLE, why, outside)
    status = Status.HOLDS if outside <= slack else Status.CONTRADICTED
    text = (
        f"{subject.name} lies {outside:.1f} km outside {shape.name} ({code}) (allowed {slack:.1f} km){listed}"
    )
    return Verdict(claim, status, text, outside)


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
