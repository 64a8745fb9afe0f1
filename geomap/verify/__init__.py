"""Checking claims against the gazetteer and country outlines: one checker per claim kind.

A checker takes the claim, its resolved subject and reference and a VerifyContext, and
returns a Verdict; CHECKERS maps every ClaimKind to its checker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType

from gazetteer import Place
from geomap.model import Claim, ClaimKind, Mention, Status, Verdict
from geomap.outlines import Borders
from geomap.settings import Settings
from geomap.verify.context import VerifyContext
from geomap.verify.countries import check_border, check_within
from geomap.verify.pairs import check_measured, check_proximity, check_route
from geomap.verify.tolerance import Tolerance

Checker = Callable[[Claim, Place, "Place | None", VerifyContext], Verdict]

#: The checker of every claim kind.
CHECKERS: Mapping[ClaimKind, Checker] = MappingProxyType(
    {
        ClaimKind.DISTANCE: check_measured,
        ClaimKind.DIRECTION: check_measured,
        ClaimKind.PROXIMITY: check_proximity,
        ClaimKind.BORDER_DISTANCE: check_border,
        ClaimKind.CONTAINMENT: check_within,
        ClaimKind.ROUTE: check_route,
    }
)


class Verifier:
    """Turns claims into verdicts with the tolerances of one Settings object."""

    def __init__(self, settings: Settings, borders: Borders) -> None:
        self.context = VerifyContext(settings, borders)

    @property
    def tolerance(self) -> Tolerance:
        """The tolerance model the verdicts use."""
        return self.context.tolerance

    def verify(self, claim: Claim) -> Verdict:
        """Holds, contradicted or unverifiable, with a one-line explanation."""
        if claim.unbound:
            return Verdict(claim, Status.UNVERIFIABLE, f"cannot check: {claim.unbound}")
        subject = claim.subject.place if claim.subject else None
        if subject is None:
            return Verdict(claim, Status.UNVERIFIABLE, "cannot check: the subject is not bound to a place")
        reference = claim.reference.place if claim.reference else None
        verdict = CHECKERS[claim.kind](claim, subject, reference, self.context)
        return replace(verdict, explanation=f"{verdict.explanation} [{measured_ends(verdict.claim)}]")


def measured_ends(claim: Claim) -> str:
    """Which places were measured, with kind, division, country and resolver confidence."""
    ends = [("subject", claim.subject), ("reference", claim.reference)]
    described = [f"{role} {_describe(mention)}" for role, mention in ends if mention and mention.place]
    if claim.country and claim.reference is None:
        described.append(f"country {claim.country}")
    return "; ".join(described)


def _describe(mention: Mention) -> str:
    place = mention.place
    assert place is not None
    where = ", ".join(
        part for part in (place.kind.replace("_", " "), place.admin1, place.country_code) if part
    )
    return f"{place.name} ({where}; confidence {mention.confidence:.2f})"


__all__ = ["CHECKERS", "Checker", "Verifier", "VerifyContext"]
