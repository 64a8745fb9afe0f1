"""A claim before it is made: its shape, cue, end points and figures, local to its sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer import WIDE
from geomap.model import Claim, ClaimKind, Mention, Quantity

if TYPE_CHECKING:
    from geomap.claims.endpoints import SentencePlaces


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """What a finder found; offsets are local to the sentence until `made` turns it into a Claim."""

    kind: ClaimKind
    """The claim's shape."""
    start: int
    """Start of the cue (the quantity, "north of", "near", "in"), in the sentence."""
    end: int
    """End of the cue, in the sentence."""
    subject: Mention | None
    """The place the claim is about, if bound."""
    reference: Mention | None
    """The place it is measured from, if bound."""
    cue: str
    """The cue's words, for messages ("from", "north of", "near")."""
    needs_reference: bool = True
    """False for border and containment claims, whose other end is a country, not a mention."""
    quantity: Quantity | None = None
    """The stated distance, if any."""
    direction: str | None = None
    """Compass point of subject from reference, if stated."""
    country: str | None = None
    """ISO code of the country of border and containment claims."""
    border_of: str | None = None
    """The place, not a country, whose border a border claim names ("the New Hampshire border")."""

    @property
    def names_a_place(self) -> bool:
        """Whether any end is a place: "15 metres from the door" is not a geographic claim."""
        has_ends = self.subject is not None or self.reference is not None
        return has_ends or (not self.needs_reference and self.country is not None)


def names_a_wide_area(*mentions: Mention) -> bool:
    """Whether any end is a country or continent, too large for a bearing or "near" to test."""
    return any(m.place is not None and m.place.kind in WIDE for m in mentions)


def overlaps(claims: list[Claim], start: int, end: int) -> bool:
    """Whether an article span already belongs to one of the claims."""
    return any(c.start < end and start < c.end for c in claims)


def make_claim(places: SentencePlaces, draft: ClaimDraft) -> Claim:
    """The Claim of a draft: its text widened to the ends named in the sentence, with unbound reasons."""
    start, end = draft.start, draft.end
    reasons = places.unbound_reasons(draft)
    if draft.subject is not None and places.in_sentence(draft.subject):
        start = min(start, places.local_span(draft.subject)[0])
    if draft.reference is not None and places.in_sentence(draft.reference):
        end = max(end, places.local_span(draft.reference)[1])
    absolute, sentence = places.sentence.start + start, places.sentence
    return Claim(
        kind=draft.kind,
        text=places.text[absolute : sentence.start + end],  # as written, not the case-folded view
        start=absolute,
        end=sentence.start + end,
        sentence=places.text[sentence.start : sentence.end],
        line=places.line_of(absolute),
        subject=draft.subject,
        reference=draft.reference,
        quantity=draft.quantity,
        direction=draft.direction,
        country=draft.country,
        unbound="; ".join(reasons) or None,
        sentence_start=places.sentence.start,
        firm_antecedent=places.firm_antecedent(draft.subject),
        border_of=draft.border_of,
    )
