"""Every claim of an article: each ClaimFinder in FINDERS, run over each sentence in order.

Quantity claims come first, so a "north of" or "near" inside one is not claimed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Protocol

from gazetteer import Place
from geomap.casing import claims_view
from geomap.claims.beside import BearingFinder, ProximityFinder
from geomap.claims.containment import ContainmentFinder
from geomap.claims.draft import ClaimDraft, make_claim
from geomap.claims.endpoints import ArticleMentions, SentencePlaces
from geomap.claims.measured import MeasuredFinder
from geomap.model import Claim, Mention
from geomap.sentences import LineIndex, split_sentences


class ClaimFinder(Protocol):
    """One shape of claim."""

    def find(self, places: SentencePlaces, taken: Sequence[Claim]) -> list[ClaimDraft]:
        """Drafts of this shape in the sentence; `taken` are the claims already found in it."""
        ...


#: Every claim finder by name, in the order they run.
FINDERS: Mapping[str, ClaimFinder] = MappingProxyType(
    {
        "measured": MeasuredFinder(),
        "bearing": BearingFinder(),
        "proximity": ProximityFinder(),
        "containment": ContainmentFinder(),
    }
)


def extract_claims(
    text: str, mentions: Sequence[Mention], capital_of: Callable[[str], Place | None] | None = None
) -> list[Claim]:
    """Every claim in `text`, each bound to the mentions it relates (or marked unbound).

    `capital_of` (a country's capital by ISO code) lets "the Syrian capital" be an end point.
    """
    every = ArticleMentions(mentions)
    lines = LineIndex(text)
    view = claims_view(text, every.ordered)
    claims: list[Claim] = []
    previous = None
    for sentence in split_sentences(text):
        inside = every.within(sentence.start, sentence.end)
        read = sentence if view is text else replace(sentence, text=view[sentence.start : sentence.end])
        places = SentencePlaces(text, read, inside, every, lines.line_of, capital_of, previous)
        previous = sentence
        found: list[Claim] = []
        for finder in FINDERS.values():
            drafts = finder.find(places, found)
            found.extend(
                make_claim(places, draft)
                for draft in drafts
                if draft.names_a_place or places.names_unknown_reference(draft)
            )
        claims.extend(sorted(found, key=lambda c: c.start))
    return claims


__all__ = ["FINDERS", "ClaimDraft", "ClaimFinder", "extract_claims"]
