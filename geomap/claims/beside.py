"""Claims whose two ends stand right beside a cue: a bearing ("X, north of Y") or nearness ("X near Y")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from geomap.claims.draft import ClaimDraft, names_a_wide_area, overlaps
from geomap.claims.endpoints import SentencePlaces
from geomap.compass import DIRECTION, compass_point
from geomap.model import Claim, ClaimKind, Mention

_PROXIMITY = re.compile(
    r"\b(?:near|close\s+to|not\s+far\s+from|next\s+to|adjacent\s+to|in\s+the\s+vicinity\s+of|"
    r"(?:just\s+)?outside|(?:on|in)\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port|capital)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
_DIRECTION_ONLY = re.compile(rf"\b(?P<dir>{DIRECTION})\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _ends_beside(places: SentencePlaces, start: int, end: int) -> tuple[Mention, Mention] | None:
    """The place named just before a cue and the one just after it, unless either is a whole country.

    "Perpignan, south of France" names a part of France, not a bearing; "near" is a common
    word, so both ends must stand right beside it.
    """
    subject = places.adjacent_subject(start)
    reference = places.place_after(end, limit=0)
    if subject is None or reference is None or names_a_wide_area(subject, reference):
        return None
    return subject, reference


def _not_a_measured_reference(
    ends: tuple[Mention, Mention] | None, taken: Sequence[Claim]
) -> tuple[Mention, Mention] | None:
    """The ends of "near Y" when the place before it was just measured from, not located.

    "derailed 60 km north of Bundaberg, near Rosedale": what is near Rosedale is the place
    of the derailment, the subject of the distance claim, never Bundaberg; with no such
    subject named, there is no proximity claim.
    """
    if ends is None:
        return None
    subject, reference = ends
    for claim in taken:
        if claim.reference is not None and claim.reference.start == subject.start and claim.quantity:
            return (claim.subject, reference) if claim.subject is not None else None
    return ends


class BearingFinder:
    """A bearing without a distance ("X, north of Y")."""

    def find(self, places: SentencePlaces, taken: Sequence[Claim]) -> list[ClaimDraft]:
        drafts = []
        offset = places.sentence.start
        for match in _DIRECTION_ONLY.finditer(places.local):
            direction = compass_point(match.group("dir"))
            if direction is None or overlaps(list(taken), offset + match.start(), offset + match.end()):
                continue
            ends = _ends_beside(places, match.start(), match.end())
            if ends is not None:
                cue = match.group(0).strip()
                drafts.append(
                    ClaimDraft(
                        ClaimKind.DIRECTION, match.start(), match.end(), *ends, cue, direction=direction
                    )
                )
        return drafts


class ProximityFinder:
    """Nearness ("X is near Y", "X, on the outskirts of Y")."""

    def find(self, places: SentencePlaces, taken: Sequence[Claim]) -> list[ClaimDraft]:
        drafts = []
        offset = places.sentence.start
        for match in _PROXIMITY.finditer(places.local):
            if overlaps(list(taken), offset + match.start(), offset + match.end()):
                continue
            ends = _ends_beside(places, match.start(), match.end())
            ends = _not_a_measured_reference(ends, taken)
            if ends is not None:
                cue = " ".join(match.group(0).split())
                drafts.append(ClaimDraft(ClaimKind.PROXIMITY, match.start(), match.end(), *ends, cue))
        return drafts
