"""Resolution: pick the gazetteer entry each recognised name refers to, using the whole article.

Each distinct name gets one sense per article. A candidate's score is a context-free prior
(kind and population) plus evidence from the article: the share of the article's mentions
that point to its country, its division being named, an explicit qualifier after it
("Alexandria, La."), and how near it lies to the article's other places. Scores are
refined over a few rounds as the picks settle.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from gazetteer import WIDE, Candidate, Kind, Place, normalize
from geomap.geodesy import within_km
from geomap.model import LookupKey, Mention, MentionKind, Span
from geomap.resolve.candidates import COUNTY, CandidateIndex
from geomap.resolve.cues import NO_CUE, Qualifier, kind_cue, list_cues, qualifiers
from geomap.resolve.evidence import Context
from geomap.resolve.variants import name_variants, word_runs

#: Evidence weights (tuned on LGL, checked on TR-News and GeoVirus).
COUNTRY_WEIGHT = 4.0
COUNTRY_NAMED = 1.0
ADMIN1_WEIGHT = 2.0
QUALIFIER_WEIGHT = 8.0
#: An explicit kind word before a name ("the province of Ontario", "the city of Washington").
KIND_CUE_WEIGHT = 8.0
SPATIAL_WEIGHT = 2.0
STATE_WEIGHT = 2.0
#: A division gains when the article's other places lie in it ("Washington" with Seattle).
CONTAINS_WEIGHT = 2.0
ROUNDS = 3
#: Confidence given to a name placed at the article's focus for want of any candidate.
FOCUS_CONFIDENCE = 0.05

_Scored = list[tuple[float, Candidate]]


class JointResolver:
    """Ranks candidates per name and resolves all names of an article together."""

    def __init__(self, index: CandidateIndex, demonyms: Mapping[str, str]) -> None:
        self._index = index
        self._demonyms = demonyms

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """Mentions for every span: demonyms linked to their country, names resolved jointly."""
        by_key: dict[LookupKey, list[Span]] = {}
        demonym_votes: Counter[str] = Counter()
        for span in spans:
            if span.kind == MentionKind.DEMONYM:
                demonym_votes[self._demonyms[span.key.norm]] += 1
            else:
                by_key.setdefault(span.key, []).append(span)
        pool = {key: self._index.candidates(key) for key in by_key}
        picks = {key: (found[0] if found else None) for key, found in pool.items()}
        scores: dict[LookupKey, _Scored] = {
            key: [(0.0, found[0])] if found else [] for key, found in pool.items() if len(found) <= 1
        }
        ambiguous = [key for key, found in pool.items() if len(found) > 1]
        context = self._rank_jointly(text, spans, by_key, ambiguous, picks, scores, demonym_votes)
        return self._mentions(spans, scores, context)

    def _rank_jointly(
        self,
        text: str,
        spans: Sequence[Span],
        by_key: dict[LookupKey, list[Span]],
        ambiguous: list[LookupKey],
        picks: dict[LookupKey, Candidate | None],
        scores: dict[LookupKey, _Scored],
        demonym_votes: Counter[str],
    ) -> Context:
        """Score the ambiguous names against the article, re-gathering its evidence until picks settle.

        Fills `picks` and `scores`; returns the evidence gathered from the final picks.
        """
        pool = {key: self._index.ranked(key) for key in by_key}
        found_qualifiers = {key: qualifiers(self._index, text, by_key[key]) for key in ambiguous}
        cues = list_cues(text, spans, {key: ranked.candidates for key, ranked in pool.items()})
        cues.update({key: cue for key in ambiguous if (cue := kind_cue(text, by_key[key]))})
        context = Context.gather(picks, by_key, demonym_votes)
        for _ in range(ROUNDS):
            changed = False
            for key in ambiguous:
                ranked = sorted(
                    (
                        (self._score(c, prior, key, context, found_qualifiers[key], cues.get(key, NO_CUE)), c)
                        for c, prior in zip(pool[key].candidates, pool[key].priors, strict=True)
                    ),
                    key=lambda pair: -pair[0],
                )
                scores[key] = ranked
                changed = changed or ranked[0][1] is not picks[key]
                picks[key] = ranked[0][1]
            if not changed:
                break
            context = Context.gather(picks, by_key, demonym_votes)
        return context

    def resolve_given(
        self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span]
    ) -> list[Mention]:
        """Resolve fixed spans as places; recognised spans elsewhere only add context.

        A span the gazetteer cannot name at all ("Coffman Park", "Wichita Drive") is placed
        at the article's focus, its most named place, with a low confidence: names that
        local news leaves unexplained lie near what the article is about.
        """
        spans = [self._given_span(text, start, end) for start, end in given]
        taken = [(span.start, span.end) for span in spans]
        extra = [s for s in found if not any(s.start < e and b < s.end for b, e in taken)]
        mentions = self.resolve(text, [*spans, *extra])
        focus = _focus(mentions)
        wanted = set(taken)
        return [
            replace(m, place=focus, confidence=FOCUS_CONFIDENCE) if m.place is None and focus else m
            for m in mentions
            if (m.start, m.end) in wanted
        ]

    def _given_span(self, text: str, start: int, end: int) -> Span:
        """A gold span as a place Span, its name reduced until the gazetteer knows it."""
        surface = text[start:end]
        for key in [*name_variants(surface), *word_runs(surface)]:
            if key.kinds is None and key.norm in self._demonyms:
                return Span(
                    start, end, surface, LookupKey.of_country(self._demonyms[key.norm]), MentionKind.PLACE
                )
            if self._index.candidates(key):
                return Span(start, end, surface, key, MentionKind.PLACE)
        return Span(start, end, surface, LookupKey(normalize(surface)), MentionKind.PLACE)

    def _score(
        self,
        candidate: Candidate,
        score: float,
        key: LookupKey,
        context: Context,
        found_qualifiers: list[Qualifier],
        cue: frozenset[Kind] = NO_CUE,
    ) -> float:
        """The candidate's prior `score` plus the article's evidence for it."""
        place = candidate.place
        if place.kind in cue:
            score += KIND_CUE_WEIGHT
        share, named = context.country_share(place.country_code, key)
        score += COUNTRY_WEIGHT * share + (COUNTRY_NAMED if named else 0.0)
        if place.admin1 and place.kind != Kind.ADMIN1:
            if context.admin1_named(place, key):
                score += ADMIN1_WEIGHT
            score += STATE_WEIGHT * context.division_share(place, key)
        elif place.kind == Kind.ADMIN1:
            score += CONTAINS_WEIGHT * context.division_share(place, key)
        for qualifier in found_qualifiers:
            if qualifier.place.id == place.id:
                continue
            if qualifier.admin1:
                if place.admin1 == qualifier.admin1 or _inside(place, qualifier.place):
                    score += QUALIFIER_WEIGHT
            elif place.country_code == qualifier.country:
                score += QUALIFIER_WEIGHT
        if place.kind not in WIDE and place.kind != Kind.ADMIN1:
            score += SPATIAL_WEIGHT * context.closeness(place, key)
        return score

    def _mentions(
        self, spans: Sequence[Span], scores: dict[LookupKey, _Scored], context: Context
    ) -> list[Mention]:
        mentions = []
        for span in spans:
            if span.kind == MentionKind.DEMONYM:
                country = self._index.country(self._demonyms[span.key.norm])
                confidence = 1.0 if country else 0.0
                mentions.append(Mention(span.start, span.end, span.surface, span.kind, country, confidence))
                continue
            ranked = scores.get(span.key) or []
            if not ranked:
                mentions.append(Mention(span.start, span.end, span.surface, span.kind, None, 0.0))
                continue
            place = ranked[0][1].place
            if place.id.startswith(COUNTY):
                place = self._index.county_seat(context.locate_county(place))
            alternatives = tuple(c.place for _, c in ranked[1:4])
            mentions.append(
                Mention(
                    span.start, span.end, span.surface, span.kind, place, _confidence(ranked), alternatives
                )
            )
        return mentions


def _inside(place: Place, division: Place) -> bool:
    """Whether a place may lie in a division whose name its admin1 field does not carry.

    GeoNames gives most cities an admin1 code ("08"), not a name: then the same country and
    a distance a large division can span (London, Ontario lies 850 km from Ontario's centre).
    """
    if place.country_code != division.country_code:
        return False
    if place.admin1 and not place.admin1.isdigit() and len(place.admin1) > 3:
        return False  # a named division, and not this one
    return within_km(place, division, 1200)


def _focus(mentions: Sequence[Mention]) -> Place | None:
    """The article's most named place, preferring towns and divisions over countries."""
    counts: Counter[str] = Counter()
    places: dict[str, Place] = {}
    for mention in mentions:
        if mention.place is not None and mention.kind == MentionKind.PLACE:
            weight = 1 if mention.place.kind in WIDE else 3
            counts[mention.place.id] += weight
            places[mention.place.id] = mention.place
    if not counts:
        return None
    return places[counts.most_common(1)[0][0]]


def _confidence(ranked: _Scored) -> float:
    """Softmax share of the best score against the runners-up."""
    top = ranked[0][0]
    total = sum(math.exp(score - top) for score, _ in ranked[:5])
    return round(1.0 / total, 3)
