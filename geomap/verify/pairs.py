"""Checks between two places: a distance, a bearing, or nearness (geodesics on WGS84)."""

from __future__ import annotations

from dataclasses import replace

from gazetteer import AREA, SETTLEMENT, VAST, Kind, Place
from geomap.claims.quantities import describe
from geomap.geodesy import measure
from geomap.model import Claim, ClaimKind, Mention, Status, Verdict
from geomap.verify.context import VerifyContext
from geomap.verify.countries import STRADDLING, check_border
from geomap.verify.points import as_settlement
from geomap.verify.tolerance import LONG, Allowed

#: Areas whose edges the gazetteer does not know: far from their centre is not far from them.
EDGELESS = STRADDLING | {Kind.ADMIN1}
#: Ends with no one point a distance is measured from: a failed check on them proves nothing.
EXTENDED = (AREA | LONG) - SETTLEMENT
#: A measure this many times the claim (and this many km beyond it) points to a namesake.
FAR_NAMESAKE_RATIO, FAR_NAMESAKE_KM = 3.0, 100.0
#: ...or this many km beyond it when an end's name has namesakes among its runners-up.
AMBIGUOUS_NAMESAKE_KM = 30.0
#: The resolver confidence both ends need for a failed check to be a contradiction.
CONFIDENT = 0.5


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
    claim, subject, reference = _settlements(claim, subject, reference)
    found = _measured(claim, subject, reference, context)
    if isinstance(found, Verdict):
        return found
    measured, bearing, extent = found
    tolerance = context.tolerance
    parts: list[tuple[bool, str]] = []
    figure_extent = _distance_extent(context, subject, reference)
    allowed = tolerance.allowed_between(claim.quantity, figure_extent) if claim.quantity is not None else None
    if claim.quantity is not None and allowed is not None:
        text = f"claimed {describe(claim.quantity)}, measured {measured:.1f} km (allowed {allowed})"
        parts.append((allowed.admits(measured), text))
    if claim.direction is not None:
        parts.append(tolerance.bearing(claim.direction, bearing, measured, extent))
    if not parts:
        why = "cannot check: no distance or direction stated"
        return Verdict(claim, Status.UNVERIFIABLE, why, measured, bearing)
    text = "; ".join(text for _, text in parts)
    if all(ok for ok, _ in parts):
        return Verdict(claim, Status.HOLDS, text, measured, bearing)
    doubt = contradiction_doubt(claim, subject, reference, measured, allowed)
    if doubt is not None:
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {doubt}; {text}", measured, bearing)
    return Verdict(claim, Status.CONTRADICTED, text, measured, bearing)


def _settlements(claim: Claim, subject: Place, reference: Place) -> tuple[Claim, Place, Place]:
    """The claim with each division end read as its same-named town where there is one."""
    town_subject, town_reference = (
        as_settlement(claim.subject, subject),
        as_settlement(claim.reference, reference),
    )
    if claim.subject is not None and town_subject is not subject:
        claim = replace(claim, subject=replace(claim.subject, place=town_subject))
    if claim.reference is not None and town_reference is not reference:
        claim = replace(claim, reference=replace(claim.reference, place=town_reference))
    return claim, town_subject, town_reference


def contradiction_doubt(
    claim: Claim,
    subject: Place,
    reference: Place,
    measured: float,
    allowed: Allowed | None,
    *,
    namesakes_only_if_ambiguous: bool = False,
) -> str | None:
    """Why a failed check is not yet a contradiction a newsroom's CI may fail on, if it is not.

    A contradiction needs both ends to be points the resolver is confident of, named in the
    claim's own sentence: an area or an extended feature has no one point a distance is measured
    from; a measure more than three times the claim is likelier a namesake of one end than a
    wrong figure; an end carried over from an earlier sentence ("It lies ...") may be the wrong
    antecedent; and a low-confidence end may be a namesake too.
    """
    for end, place in (("subject", subject), ("reference", reference)):
        if place.kind in EXTENDED:
            return f"the {end} {place.name} is {place.kind.noun}, with no one point to measure from"
    high = allowed.high if allowed is not None else None
    ambiguous = any(m is not None and m.alternatives for m in (claim.subject, claim.reference))
    beyond = measured - high if high is not None else 0.0
    far = high is not None and measured > FAR_NAMESAKE_RATIO * high
    far = far and (beyond > FAR_NAMESAKE_KM or (ambiguous and beyond > AMBIGUOUS_NAMESAKE_KM))
    if far and (ambiguous or not namesakes_only_if_ambiguous):
        return (
            f"{measured:.0f} km is over {FAR_NAMESAKE_RATIO:g} times the claim: an end is likely a namesake"
        )
    for role, mention in (("subject", claim.subject), ("reference", claim.reference)):
        firm = role == "subject" and claim.firm_antecedent
        if mention is not None and not firm and not _in_sentence(claim, mention):
            return f"the {role} {mention.surface!r} comes from an earlier sentence and may not be meant"
    for mention in (claim.subject, claim.reference):
        if mention is not None and mention.confidence < CONFIDENT:
            return f"{mention.surface!r} is resolved with confidence {mention.confidence:.2f} only"
    return None


def check_route(claim: Claim, subject: Place, reference: Place | None, context: VerifyContext) -> Verdict:
    """A trip, drive or road length: it holds when the straight line is no longer than the route.

    A straight line alone never contradicts a route (roads wind), so a route shorter than the
    straight line between its ends is unverifiable: the ends or the figure are wrong, and the
    check cannot tell which.
    """
    if reference is None:
        return _no_reference(claim)
    claim, subject, reference = _settlements(claim, subject, reference)
    found = _measured(claim, subject, reference, context)
    if isinstance(found, Verdict) or claim.quantity is None:
        return (
            found
            if isinstance(found, Verdict)
            else Verdict(claim, Status.UNVERIFIABLE, "cannot check: no length stated")
        )
    measured, bearing, _ = found
    allowed = context.tolerance.allowed_between(claim.quantity, _distance_extent(context, subject, reference))
    text = f"claimed a route of {describe(claim.quantity)}, straight line {measured:.1f} km"
    if allowed.high is None or measured <= allowed.high:
        return Verdict(claim, Status.HOLDS, f"{text} (a route is never shorter)", measured, bearing)
    why = f"cannot check: the straight line is longer than the route ({text}); an end or the figure is wrong"
    return Verdict(claim, Status.UNVERIFIABLE, why, measured, bearing)


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
        text = f"cannot check: {area.name} is {area.kind.noun} with no known edge; {text}"
        return Verdict(claim, Status.UNVERIFIABLE, text, measured, bearing)
    # "near" states no figure: a far measure doubts it only when a name had namesakes to choose from
    doubt = contradiction_doubt(
        claim, subject, reference, measured, allowed, namesakes_only_if_ambiguous=True
    )
    if doubt is not None:
        return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {doubt}; {text}", measured, bearing)
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


def _distance_extent(context: VerifyContext, subject: Place, reference: Place) -> float:
    """How far above the centres' distance a stated figure may fall short: the larger end's extent.

    Not the sum of both: at the scale of the larger place the smaller is a point ("a village
    6 km from Perth" is not measured from the village's edge too), and summing them let a wrong
    figure between two cities pass. (Bearings and "near" keep the sum: both ends blur them.)
    """
    return max(context.tolerance.extent_km(subject), context.tolerance.extent_km(reference))


def _in_sentence(claim: Claim, mention: Mention) -> bool:
    return claim.sentence_start <= mention.start < claim.sentence_start + len(claim.sentence)


def _no_reference(claim: Claim) -> Verdict:
    return Verdict(claim, Status.UNVERIFIABLE, "cannot check: the reference is not bound to a place")


def _unmeasurable(claim: Claim, subject: Place, reference: Place) -> Verdict | None:
    """Why a centre-to-centre measure would mean nothing: a vast end, or one place at both ends."""
    for end, place in (("subject", subject), ("reference", reference)):
        if place.kind in VAST:
            return Verdict(
                claim,
                Status.UNVERIFIABLE,
                f"cannot check: the {end} {place.name!r} is {place.kind.noun}; its one coordinate "
                "says nothing about where its edge is",
            )
    if subject.id == reference.id:
        why = f"cannot check: both ends resolve to {subject.name} ({subject.id})"
        return Verdict(claim, Status.UNVERIFIABLE, why)
    return None


__all__ = ["check_measured", "check_proximity"]
