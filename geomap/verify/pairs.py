"""Checks between two places: a distance, a bearing, or nearness (geodesics on WGS84)."""

from __future__ import annotations

from dataclasses import replace

from gazetteer import VAST, Kind, Place
from geomap.claims.quantities import describe
from geomap.geodesy import measure
from geomap.model import Claim, ClaimKind, Status, Verdict
from geomap.verify.context import VerifyContext
from geomap.verify.countries import STRADDLING, check_border
from geomap.verify.tolerance import Allowed

#: Areas whose edges the gazetteer does not know: far from their centre is not far from them.
EDGELESS = STRADDLING | {Kind.ADMIN1}


def check_measured(claim: Claim, subject: Place, reference: Place | None, context: VerifyContext) -> Verdict:
    """A distance and/or a bearing from the reference ("60 km north of Y")."""
    if reference is None:
        return _no_reference(claim)
    if (
        claim.kind == ClaimKind.DISTANCE
        and claim.quantity is not None
        and reference.kind == Kind.COUNTRY
        and subject.kind not in VAST
    ):
        # "X is 30 km from Lebanon": the distance to Lebanon's outline, as for a border.
        return check_border(replace(claim, country=reference.country_code), subject, None, context)
    found = _measured(claim, subject, reference, context)
    if isinstance(found, Verdict):
        return found
    measured, bearing, extent = found
    tolerance = context.tolerance
    parts: list[tuple[bool, str]] = []
    if claim.quantity is not None:
        allowed = tolerance.allowed(claim.quantity, extent)
        text = f"claimed {describe(claim.quantity)}, measured {measured:.1f} km (allowed {allowed})"
        parts.append((allowed.admits(measured), text))
    if claim.direction is not None:
        parts.append(tolerance.bearing(claim.direction, bearing, measured, extent))
    if not parts:
        why = "cannot check: no distance or direction stated"
        return Verdict(claim, Status.UNVERIFIABLE, why, measured, bearing)
    status = Status.HOLDS if all(ok for ok, _ in parts) else Status.CONTRADICTED
    return Verdict(claim, status, "; ".join(text for _, text in parts), measured, bearing)


def check_proximity(claim: Claim, subject: Place, reference: Place | None, context: VerifyContext) -> Verdict:
    """Nearness: within the set "near" distance plus the extents of both ends."""
    if reference is None:
        return _no_reference(claim)
    found = _measured(claim, subject, reference, context)
    if isinstance(found, Verdict):
        return found
    measured, bearing, extent = found
    allowed = Allowed(0.0, context.settings.near_km + extent)
    text = f"claimed near, measured {measured:.1f} km (allowed {allowed})"
    if allowed.admits(measured):
        return Verdict(claim, Status.HOLDS, text, measured, bearing)
    area = next((p for p in (reference, subject) if p.kind in EDGELESS), None)
    if area is not None:
        # "near the New York line": near a division's edge, far from its centre.
        text = f"cannot check: {area.name} is a {area.kind} with no known edge; {text}"
        return Verdict(claim, Status.UNVERIFIABLE, text, measured, bearing)
    return Verdict(claim, Status.CONTRADICTED, text, measured, bearing)


def _measured(
    claim: Claim, subject: Place, reference: Place, context: VerifyContext
) -> Verdict | tuple[float, float, float]:
    """(distance km, bearing, extent of both ends km), or the verdict saying why it means nothing."""
    problem = _unmeasurable(claim, subject, reference)
    if problem is not None:
        return problem
    measured, bearing = measure(subject, reference)
    extent = context.tolerance.extent_km(subject) + context.tolerance.extent_km(reference)
    return measured, bearing, extent


def _no_reference(claim: Claim) -> Verdict:
    return Verdict(claim, Status.UNVERIFIABLE, "cannot check: the reference is not bound to a place")


def _unmeasurable(claim: Claim, subject: Place, reference: Place) -> Verdict | None:
    """Why a centre-to-centre measure would mean nothing: a vast end, or one place at both ends."""
    for end, place in (("subject", subject), ("reference", reference)):
        if place.kind in VAST:
            return Verdict(
                claim,
                Status.UNVERIFIABLE,
                f"cannot check: the {end} {place.name!r} is a {place.kind}; its one coordinate "
                "says nothing about where its edge is",
            )
    if subject.id == reference.id:
        why = f"cannot check: both ends resolve to {subject.name} ({subject.id})"
        return Verdict(claim, Status.UNVERIFIABLE, why)
    return None


__all__ = ["check_measured", "check_proximity"]
