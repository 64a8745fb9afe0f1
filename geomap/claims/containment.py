"""Places said to lie in a country: "X, in Syria", "Syria's X", "the Syrian port of X"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer import WIDE, Kind
from geomap.claims.draft import ClaimDraft
from geomap.claims.endpoints import SentencePlaces
from geomap.model import Claim, ClaimKind, Mention, MentionKind

_CONTAINMENT = re.compile(
    r"^[\s,]*(?:(?:is|lies|located|situated)\s+)?(?:inside|in|within)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|(?:north|south)-?(?:east|west)ern)\s+)?$",
    re.IGNORECASE,
)
_OF_PLACE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|port|capital|province|region|governorate|district|base|"
    r"airbase|enclave|suburb|island)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:(?:[\w-]+\s+){0,2}?(?:[\w-]+)\s+of\s+)?$")


class ContainmentFinder:
    """A country (or demonym) and the place it is said to hold, in either order."""

    def find(self, places: SentencePlaces, taken: Sequence[Claim]) -> list[ClaimDraft]:
        drafts: list[ClaimDraft] = []
        for country in places.inside:
            if country.place is None or (
                country.kind != MentionKind.DEMONYM and country.place.kind != Kind.COUNTRY
            ):
                continue
            code = country.place.country_code
            if country.kind != MentionKind.DEMONYM:
                drafts.extend(_place_in_country(places, country, code))
            drafts.extend(_country_names_its_place(places, country, code))
        return drafts


def _place_in_country(places: SentencePlaces, country: Mention, code: str) -> list[ClaimDraft]:
    """A place said to lie in the country named right after it ("X is in northern Syria")."""
    start, end = places.local_span(country)
    for subject in places.places_before(start)[:1]:
        gap = places.local[places.local_span(subject)[1] : start]
        if _CONTAINMENT.match(gap) and subject.place is not None and subject.place.kind not in WIDE:
            return [_contained(start, end, subject, gap, code)]
    return []


def _country_names_its_place(places: SentencePlaces, country: Mention, code: str) -> list[ClaimDraft]:
    """A place the country or demonym right before it claims ("Syria's X", "the Syrian port of X")."""
    start, end = places.local_span(country)
    subject = places.next_place(end)
    if subject is None:
        return []
    subject_start, subject_end = places.local_span(subject)
    gap = places.local[end:subject_start]
    shaped = _OF_PLACE.match(gap) if country.kind == MentionKind.DEMONYM else _POSSESSIVE.match(gap)
    if country.kind != MentionKind.DEMONYM and not _has_candidate_in(subject, code):
        return []  # "Brazil's Kaka", "Chile's Ripley": a possessive of a person or a firm
    if shaped and subject.place is not None and subject.place.kind not in WIDE:
        return [_contained(start, subject_end, subject, gap, code)]
    return []


def _contained(start: int, end: int, subject: Mention, gap: str, code: str) -> ClaimDraft:
    return ClaimDraft(
        ClaimKind.CONTAINMENT, start, end, subject, None, gap.strip(), needs_reference=False, country=code
    )


def _has_candidate_in(mention: Mention, code: str) -> bool:
    """Whether the name may denote a place in that country (its resolution or a runner-up).

    "Syria's X" is weak evidence that X is a place at all: when no place of that name lies
    in Syria, the possessive is taken to attach to a person or a company, not a claim.
    """
    places = (mention.place, *mention.alternatives) if mention.place else mention.alternatives
    return any(place.country_code == code for place in places)
