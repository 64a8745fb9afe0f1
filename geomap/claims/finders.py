"""Finding geographic claims in an article: distances, directions, proximity, borders, containment.

This module recognises the shapes of claims (a quantity followed by "from", "apart",
"between"...; "north of"; "near"; "in Syria"); geomap.claims.endpoints decides which mentioned
places each claim relates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer import WIDE, Kind
from geomap.claims.endpoints import SentencePlaces
from geomap.claims.quantities import QuantityMatch, find_quantities
from geomap.compass import DIRECTION, compass_point
from geomap.model import Claim, ClaimKind, Mention, MentionKind
from geomap.sentences import split_sentences

_TRIP = r"(?:road|drive|journey|trip|ride|flight|route|walk|stretch|highway|motorway|corridor|sail|voyage)"
#: What may follow a quantity to make it a claim, tried in order: the first that matches decides.
_AFTER_QUANTITY = [
    ("direction", re.compile(rf"^\s*(?:away\s+)?(?P<dir>{DIRECTION})\s+(?:of|from)\s+", re.IGNORECASE)),
    ("from", re.compile(r"^\s*(?:away\s+)?(?:from|off)\s+", re.IGNORECASE)),
    ("of", re.compile(r"^\s*of\s+", re.IGNORECASE)),
    ("between", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+between\s+", re.IGNORECASE)),
    ("trip", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+(?:from|to)\s+", re.IGNORECASE)),
    ("apart", re.compile(r"^\s*apart\b", re.IGNORECASE)),
    ("away", re.compile(r"^\s*away\b", re.IGNORECASE)),
]
_BORDER = re.compile(
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:border|frontier)s?\b(?:\s+with\s+(?:the\s+)?[\w'’ -]{2,40}?\b)?",
    re.IGNORECASE,
)
_PROXIMITY = re.compile(
    r"\b(?:near|close\s+to|not\s+far\s+from|next\s+to|adjacent\s+to|in\s+the\s+vicinity\s+of|"
    r"(?:just\s+)?outside|(?:on|in)\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port|capital)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
_DIRECTION_ONLY = re.compile(rf"\b(?P<dir>{DIRECTION})\s+of\s+(?:the\s+)?", re.IGNORECASE)
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


def extract_claims(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Every claim in `text`, each bound to the mentions it relates (or marked unbound)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    claims: list[Claim] = []
    for sentence in split_sentences(text):
        inside = [m for m in ordered if m.start >= sentence.start and m.end <= sentence.end]
        places = SentencePlaces(text, sentence, inside, ordered)
        claims.extend(_SentenceClaims(places).find())
    return claims


def _names_a_wide_area(*mentions: Mention) -> bool:
    """Whether any end is a country or continent, too large for a bearing or "near" to test."""
    return any(m.place is not None and m.place.kind in WIDE for m in mentions)


class _SentenceClaims:
    """The claims of one sentence; offsets local to the sentence until a Claim is made."""

    def __init__(self, places: SentencePlaces) -> None:
        self.places = places
        self.sentence = places.sentence
        self.local = places.local
        self.claims: list[Claim] = []

    def find(self) -> list[Claim]:
        """Quantity claims first, so a bare "north of" or "near" inside one is not claimed twice."""
        for found in find_quantities(self.local):
            self._claim_after_quantity(found)
        self._direction_claims()
        self._proximity_claims()
        self._containment_claims()
        return sorted(self.claims, key=lambda c: c.start)

    # -- claim shapes --------------------------------------------------------------------------
    def _claim_after_quantity(self, found: QuantityMatch) -> None:
        """A quantity is a claim only when a cue follows it: "60km from", "50km apart"..."""
        after = self.local[found.end :]
        for shape, pattern in _AFTER_QUANTITY:
            cue = pattern.match(after)
            if cue is None or (shape == "of" and found.quantity.hedge != "within"):
                continue  # "of" only in "within 10km of": "60km of road" measures no distance
            cue_end = found.end + cue.end()
            if shape == "apart":
                subject, reference = self.places.pair_before(found.start)
                self._add_distance(found, cue_end, subject, reference, cue="apart")
            elif shape == "between":
                first, second = self.places.pair_after(cue_end)
                self._add_distance(found, cue_end, first, second, cue="between")
            elif shape == "away":
                self._away_claim(found, cue_end)
            else:
                direction = compass_point(cue.group("dir")) if shape == "direction" else None
                if shape == "direction" and direction is None:
                    continue
                self._measured_from_claim(found, cue_end, direction, cue.group(0).strip())
            return

    def _measured_from_claim(
        self, found: QuantityMatch, cue_end: int, direction: str | None, cue: str
    ) -> None:
        """Distance or bearing from a place ("X is 60km north of Y"), or from "the border" of a country."""
        subject = self.places.subject_before(found.start)
        border = _BORDER.match(self.local[cue_end:])
        if border is not None:
            end = cue_end + border.end()
            self._add_claim(
                ClaimKind.BORDER_DISTANCE,
                found.start,
                end,
                subject,
                None,
                cue=cue,
                needs_reference=False,
                quantity=found.quantity,
                direction=direction,
                country=self._border_country(cue_end, end),
            )
            return
        reference = self.places.reference_after(cue_end)
        if reference is not None and subject is not None and reference.start == subject.start:
            reference = None  # one mention cannot be both ends
        self._add_claim(
            ClaimKind.DIRECTION if direction else ClaimKind.DISTANCE,
            found.start,
            cue_end,
            subject,
            reference,
            cue=cue,
            quantity=found.quantity,
            direction=direction,
        )

    def _border_country(self, start: int, end: int) -> str | None:
        """The country of the last resolved place in "the border with Turkey", None when unnamed.

        Without one the claim is measured against the subject's own country's border.
        """
        country = None
        for mention in self.places.inside:
            first, last = self.places.local_span(mention)
            if first >= start and last <= end and mention.place is not None:
                country = mention.place.country_code or None
        return country

    def _away_claim(self, found: QuantityMatch, cue_end: int) -> None:
        """Implied reference: "X is 30km away" is measured from the last other place named before X."""
        subject = self.places.subject_before(found.start)
        reference = self.places.reference_named_earlier(subject) if subject is not None else None
        self._add_distance(found, cue_end, subject, reference, cue="away")

    def _add_distance(
        self,
        found: QuantityMatch,
        cue_end: int,
        subject: Mention | None,
        reference: Mention | None,
        *,
        cue: str,
    ) -> None:
        self._add_claim(
            ClaimKind.DISTANCE, found.start, cue_end, subject, reference, cue=cue, quantity=found.quantity
        )

    def _direction_claims(self) -> None:
        """A bearing without a distance ("X, north of Y"): both ends must be named right beside the cue."""
        for match in _DIRECTION_ONLY.finditer(self.local):
            direction = compass_point(match.group("dir"))
            if direction is None or self._overlaps_a_claim(match.start(), match.end()):
                continue
            subject = self.places.adjacent_subject(match.start())
            reference = self.places.place_after(match.end(), limit=0)
            if subject is None or reference is None or _names_a_wide_area(subject, reference):
                continue  # "Perpignan, south of France" names a part of France, not a bearing
            self._add_claim(
                ClaimKind.DIRECTION,
                match.start(),
                match.end(),
                subject,
                reference,
                cue=match.group(0).strip(),
                direction=direction,
            )

    def _proximity_claims(self) -> None:
        """Proximity ("X is near Y"): both ends named right beside the cue, as "near" is a common word."""
        for match in _PROXIMITY.finditer(self.local):
            if self._overlaps_a_claim(match.start(), match.end()):
                continue
            subject = self.places.adjacent_subject(match.start())
            reference = self.places.place_after(match.end(), limit=0)
            if subject is None or reference is None or _names_a_wide_area(subject, reference):
                continue
            self._add_claim(
                ClaimKind.PROXIMITY,
                match.start(),
                match.end(),
                subject,
                reference,
                cue=" ".join(match.group(0).split()),
            )

    def _containment_claims(self) -> None:
        """Places said to be in a country: "X, in Syria", "Syria's X", "the Syrian port of X"."""
        for country in self.places.inside:
            if country.place is None or (
                country.kind != MentionKind.DEMONYM and country.place.kind != Kind.COUNTRY
            ):
                continue
            code = country.place.country_code
            if country.kind != MentionKind.DEMONYM:
                self._place_in_country(country, code)
            self._country_names_its_place(country, code)

    def _place_in_country(self, country: Mention, code: str) -> None:
        """A place said to lie in the country named right after it ("X is in northern Syria")."""
        start, end = self.places.local_span(country)
        for subject in self.places.places_before(start)[:1]:
            gap = self.local[self.places.local_span(subject)[1] : start]
            if _CONTAINMENT.match(gap) and subject.place is not None and subject.place.kind not in WIDE:
                self._add_claim(
                    ClaimKind.CONTAINMENT,
                    start,
                    end,
                    subject,
                    None,
                    cue=gap.strip(),
                    needs_reference=False,
                    country=code,
                )

    def _country_names_its_place(self, country: Mention, code: str) -> None:
        """A place the country or demonym right before it claims ("Syria's X", "the Syrian port of X")."""
        start, end = self.places.local_span(country)
        subject = self.places.next_place(end)
        if subject is None:
            return
        subject_start, subject_end = self.places.local_span(subject)
        gap = self.local[end:subject_start]
        shaped = _OF_PLACE.match(gap) if country.kind == MentionKind.DEMONYM else _POSSESSIVE.match(gap)
        if country.kind != MentionKind.DEMONYM and not _has_candidate_in(subject, code):
            return  # "Brazil's Kaka", "Chile's Ripley": a possessive of a person or a firm
        if shaped and subject.place is not None and subject.place.kind not in WIDE:
            self._add_claim(
                ClaimKind.CONTAINMENT,
                start,
                subject_end,
                subject,
                None,
                cue=gap.strip(),
                needs_reference=False,
                country=code,
            )

    # -- making claims ------------------------------------------------------------------------
    def _overlaps_a_claim(self, start: int, end: int) -> bool:
        """Whether a span already belongs to a claim found in this sentence."""
        absolute = (start + self.sentence.start, end + self.sentence.start)
        return any(c.start < absolute[1] and absolute[0] < c.end for c in self.claims)

    def _add_claim(
        self,
        kind: ClaimKind,
        start: int,
        end: int,
        subject: Mention | None,
        reference: Mention | None,
        *,
        cue: str,
        needs_reference: bool = True,
        **extra: object,
    ) -> None:
        """Record a claim spanning its cue and any end point named in the sentence, with unbound reasons."""
        if subject is None and reference is None and (needs_reference or extra.get("country") is None):
            return  # neither end is a place: "15 metres from the door" is not a geographic claim
        reasons = self.places.unbound_reasons(start, end, subject, reference, cue, needs_reference)
        if subject is not None and self.places.in_sentence(subject):
            start = min(start, self.places.local_span(subject)[0])
        if reference is not None and self.places.in_sentence(reference):
            end = max(end, self.places.local_span(reference)[1])
        absolute = self.sentence.start + start
        self.claims.append(
            Claim(
                kind=kind,
                text=self.local[start:end],
                start=absolute,
                end=self.sentence.start + end,
                sentence=self.local,
                line=self.places.text.count("\n", 0, absolute) + 1,
                subject=subject,
                reference=reference,
                unbound="; ".join(reasons) or None,
                sentence_start=self.sentence.start,
                **extra,  # type: ignore[arg-type]
            )
        )


def _has_candidate_in(mention: Mention, code: str) -> bool:
    """Whether the name may denote a place in that country (its resolution or a runner-up).

    "Syria's X" is weak evidence that X is a place at all: when no place of that name lies
    in Syria, the possessive is taken to attach to a person or a company, not a claim.
    """
    places = (mention.place, *mention.alternatives) if mention.place else mention.alternatives
    return any(place.country_code == code for place in places)
