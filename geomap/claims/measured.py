"""Claims with a stated distance: "60km from", "50km apart", "20 miles north of", "40km from the border"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from gazetteer import WIDE, Kind
from geomap.claims.draft import ClaimDraft
from geomap.claims.endpoints import COORDINATION, SentencePlaces
from geomap.claims.quantities import QuantityMatch, find_quantities
from geomap.compass import DIRECTION, compass_point
from geomap.model import Claim, ClaimKind, Hedge, Mention, MentionKind

_TRIP = r"(?:road|drive|journey|trip|ride|flight|route|walk|stretch|highway|motorway|corridor|sail|voyage)"
_VIA = r"(?:along|via)\s+(?:the\s+)?[\w'’ -]{1,30}?"
_BY = r"by\s+(?:road|rail|car|train|boat|river)"
#: What may follow a quantity to make it a claim, tried in order: the first that matches decides.
_AFTER_QUANTITY = [
    (
        "direction",
        re.compile(rf"^\s*(?:away\s+)?(?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+(?:of|from)\s+", re.IGNORECASE),
    ),
    ("from", re.compile(r"^\s*(?:away\s+|inland\s+)?(?:from|off|outside(?:\s+of)?)\s+", re.IGNORECASE)),
    ("inside", re.compile(r"^\s*(?:inside|within|into)\s+(?=(?:the\s+)?[A-Z])", re.IGNORECASE)),
    ("of", re.compile(r"^\s*of\s+", re.IGNORECASE)),
    ("between", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+between\s+", re.IGNORECASE)),
    ("trip", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+(?:from|to)\s+", re.IGNORECASE)),
    (
        "route",
        re.compile(
            rf"^\s*(?:by\s+(?:road|rail|car|train|boat|river)|{_VIA})\s+(?:from|to)\s+", re.IGNORECASE
        ),
    ),
    ("apart", re.compile(r"^\s*apart\b", re.IGNORECASE)),
    ("away", re.compile(r"^\s*away\b", re.IGNORECASE)),
]
#: After a claim's reference, words that make its figure a route's length: "26 km from X along the NH66".
_ROUTE_AFTER = re.compile(
    r"^\s*,?\s*(?:by\s+(?:road|rail|car|train)\b|along\s+the\b|via\s+(?:the\s+)?[A-Z\d]|on\s+foot\b)"
)
#: Before the figure: "a 300-km drive", "the 620 km trip".
_ROUTE_WORD = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\b", re.IGNORECASE)
#: A capitalised name no mention covers, opening a text (an end the gazetteer does not know).
_UNKNOWN_NAME = re.compile(r"^\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}")
_BORDER = re.compile(
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:border|frontier)s?\b(?:\s+with\s+(?:the\s+)?[\w'’ -]{2,40}?\b)?",
    re.IGNORECASE,
)


class MeasuredFinder:
    """A quantity is a claim only when a cue follows it: "60km from", "50km apart", "north of"..."""

    def find(self, places: SentencePlaces, taken: Sequence[Claim]) -> list[ClaimDraft]:
        drafts: list[ClaimDraft] = []
        for found in find_quantities(places.local):
            draft = self._after_quantity(places, found)
            if draft is not None:
                drafts.append(_shared_subject(places, drafts[-1], draft) if drafts else draft)
        return drafts

    def _after_quantity(self, places: SentencePlaces, found: QuantityMatch) -> ClaimDraft | None:
        after = places.local[found.end :]
        for shape, pattern in _AFTER_QUANTITY:
            cue = pattern.match(after)
            if cue is None or (shape == "of" and found.quantity.hedge != Hedge.WITHIN):
                continue  # "of" only in "within 10km of": "60km of road" measures no distance
            cue_end = found.end + cue.end()
            if shape == "apart":
                subject, reference = places.pair_before(found.start)
                return _distance(found, cue_end, subject, reference, "apart")
            if shape == "between":
                first, second = places.pair_after(cue_end)
                return _distance(found, cue_end, first, second, "between", ClaimKind.ROUTE)
            if shape == "trip" and cue.group(0).rstrip().lower().endswith("from"):
                first, second = places.pair_after(cue_end)
                if first is not None and second is not None:  # "the 180 km drive from X to Y"
                    return _distance(found, cue_end, first, second, "from", ClaimKind.ROUTE)
            if shape == "away":
                return _away(places, found, cue_end)
            if shape == "inside":
                return _inside(places, found, cue_end, cue.group(0).strip())
            direction = compass_point(cue.group("dir")) if shape == "direction" else None
            if shape == "direction" and direction is None:
                continue
            draft = _measured_from(places, found, cue_end, direction, cue.group(0).strip())
            return _as_route(places, draft) if shape in ("trip", "route", "from") else draft
        return None


def _as_route(places: SentencePlaces, draft: ClaimDraft) -> ClaimDraft:
    """A distance that is a route's length: "a 300-km drive from X", "26 km from X along the NH66"."""
    if draft.kind != ClaimKind.DISTANCE:
        return draft
    after = places.end_of(draft.reference, draft.end)
    route = _ROUTE_WORD.match(
        places.local, draft.start + len(draft.quantity.text) if draft.quantity else draft.end
    )
    if (
        route
        or _ROUTE_AFTER.match(places.local[after:])
        or draft.cue.lower().startswith(("by ", "along", "via"))
    ):
        return replace(draft, kind=ClaimKind.ROUTE)
    return draft


def _shared_subject(places: SentencePlaces, previous: ClaimDraft, draft: ClaimDraft) -> ClaimDraft:
    """A claim joined to the one before by "and" is about the same subject.

    "X lies 8 km from A and some 40 km south of B": the second claim's subject is X, not A.
    """
    if draft.subject is not None or previous.subject is None or draft.kind == ClaimKind.BORDER_DISTANCE:
        return draft
    previous_end = places.end_of(previous.reference, previous.end)
    gap = places.local[previous_end : draft.start]
    if previous.reference is None:
        gap = _UNKNOWN_NAME.sub("", gap, count=1)  # "north-west of Nowhereville and 85 km north of"
    if previous_end > draft.start or not COORDINATION.match(gap):
        return draft
    return replace(draft, subject=previous.subject)


def _measured_from(
    places: SentencePlaces, found: QuantityMatch, cue_end: int, direction: str | None, cue: str
) -> ClaimDraft:
    """Distance or bearing from a place ("X is 60km north of Y"), or from "the border" of a country."""
    border = _BORDER.match(places.local[cue_end:])
    reference = None if border is not None else places.reference_after(cue_end)
    subject = places.subject_before(found.start, avoid=reference)
    if border is not None:
        end = cue_end + border.end()
        division = _border_division(places, cue_end, end)
        if division is not None:
            # "two miles south of the New Hampshire border": no outline of a state to measure to
            draft = _from_border(found, end, subject, cue, None, direction)
            return replace(draft, border_of=division)
        return _from_border(found, end, subject, cue, _border_country(places, cue_end, end), direction)
    if reference is not None and subject is not None and reference.start == subject.start:
        # one mention cannot be both ends: a carried-over "the city" means another one
        named = places.in_sentence(reference) and places.local_span(reference)[0] >= cue_end
        reference = None if named else places.reference_after(cue_end, avoid=subject)
    kind = ClaimKind.DIRECTION if direction else ClaimKind.DISTANCE
    return ClaimDraft(
        kind, found.start, cue_end, subject, reference, cue, quantity=found.quantity, direction=direction
    )


def _inside(places: SentencePlaces, found: QuantityMatch, cue_end: int, cue: str) -> ClaimDraft | None:
    """A distance inward from the border of the country named after the cue ("some 20 km inside Syria")."""
    country = places.place_after(cue_end, limit=4)
    if country is None or country.place is None or country.place.kind != Kind.COUNTRY:
        return None
    end = places.end_of(country, cue_end)
    return _from_border(found, end, places.subject_before(found.start), cue, country.place.country_code)


def _from_border(
    found: QuantityMatch,
    end: int,
    subject: Mention | None,
    cue: str,
    country: str | None,
    direction: str | None = None,
) -> ClaimDraft:
    """A distance of the subject from a country's border (None: the subject's own country's)."""
    return ClaimDraft(
        ClaimKind.BORDER_DISTANCE,
        found.start,
        end,
        subject,
        None,
        cue,
        needs_reference=False,
        quantity=found.quantity,
        direction=direction,
        country=country,
    )


def _border_division(places: SentencePlaces, start: int, end: int) -> str | None:
    """The place whose border is named when it is no country ("the New Hampshire border")."""
    for mention in places.inside:
        first, last = places.local_span(mention)
        place = mention.place
        named = first >= start and last <= end and mention.kind != MentionKind.DEMONYM
        if named and place is not None and place.kind not in WIDE:
            return place.name
    return None


def _border_country(places: SentencePlaces, start: int, end: int) -> str | None:
    """The country of the last resolved place in "the border with Turkey", None when unnamed.

    Without one the claim is measured against the subject's own country's border.
    """
    country = None
    for mention in places.inside:
        first, last = places.local_span(mention)
        if first >= start and last <= end and mention.place is not None:
            country = mention.place.country_code or None
    return country


def _away(places: SentencePlaces, found: QuantityMatch, cue_end: int) -> ClaimDraft:
    """Implied reference: "X is 30km away" is measured from the last other place named before X."""
    subject = places.subject_before(found.start)
    reference = places.reference_named_earlier(subject) if subject is not None else None
    return _distance(found, cue_end, subject, reference, "away")


def _distance(
    found: QuantityMatch,
    cue_end: int,
    subject: Mention | None,
    reference: Mention | None,
    cue: str,
    kind: ClaimKind = ClaimKind.DISTANCE,
) -> ClaimDraft:
    return ClaimDraft(kind, found.start, cue_end, subject, reference, cue, quantity=found.quantity)
