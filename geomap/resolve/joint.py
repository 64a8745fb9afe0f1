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
from dataclasses import dataclass, replace

from gazetteer import OPEN_WATER, POINT_SITE, SETTLEMENT, WIDE, Candidate, Kind, Place, normalize
from geomap.geodesy import within_km
from geomap.model import LookupKey, Mention, MentionKind, Span
from geomap.resolve.candidates import COUNTY, CandidateIndex, Ranked
from geomap.resolve.cues import NO_CUE, Qualifier, kind_cue, list_cues, mention_sense, qualifiers
from geomap.resolve.evidence import Context
from geomap.resolve.ranker import Ranker, load_ranker, share_logit, softmax_shares
from geomap.resolve.variants import name_variants, word_runs

ROUNDS = 3
#: Confidence given to a name placed at the article's focus for want of any candidate.
FOCUS_CONFIDENCE = 0.05

_Scored = list[tuple[float, Candidate]]
Features = tuple[float, ...]


@dataclass(frozen=True, slots=True)
class RankDetail:
    """What the ranker saw for one name: each candidate's features, and the pick's (training data)."""

    start: int
    end: int
    candidates: tuple[Place, ...]
    features: tuple[Features, ...]
    """One row of CANDIDATE_FEATURES per candidate (empty when the name had only one)."""
    pick: Features
    """The PICK_FEATURES of the chosen candidate."""
    chosen: Place
    """The candidate picked (before a county moves to its seat)."""


class JointResolver:
    """Ranks candidates per name and resolves all names of an article together."""

    def __init__(
        self, index: CandidateIndex, demonyms: Mapping[str, str], ranker: Ranker | None = None
    ) -> None:
        self._index = index
        self._demonyms = demonyms
        self._ranker = ranker or load_ranker()

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """Mentions for every span: demonyms linked to their country, names resolved jointly."""
        scores, context, _ = self._rank(text, spans)
        return self._mentions(text, spans, scores, context)

    def _rank(
        self, text: str, spans: Sequence[Span]
    ) -> tuple[dict[LookupKey, _Scored], Context, dict[LookupKey, list[Features]]]:
        """Each name's candidates scored best first, the article's evidence, and the features scored."""
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
        rows: dict[LookupKey, list[Features]] = {}
        context = self._rank_jointly(text, spans, by_key, ambiguous, picks, scores, rows, demonym_votes)
        return scores, context, rows

    def _rank_jointly(
        self,
        text: str,
        spans: Sequence[Span],
        by_key: dict[LookupKey, list[Span]],
        ambiguous: list[LookupKey],
        picks: dict[LookupKey, Candidate | None],
        scores: dict[LookupKey, _Scored],
        rows: dict[LookupKey, list[Features]],
        demonym_votes: Counter[str],
    ) -> Context:
        """Score the ambiguous names against the article, re-gathering its evidence until picks settle.

        Fills `picks`, `scores` and `rows` (the features last scored, in candidate order);
        returns the evidence gathered from the final picks.
        """
        pool = {key: self._index.ranked(key) for key in by_key}
        found_qualifiers = {key: qualifiers(self._index, text, by_key[key]) for key in ambiguous}
        cues = list_cues(text, spans, {key: ranked.candidates for key, ranked in pool.items()})
        cues.update({key: cue for key in ambiguous if (cue := kind_cue(text, by_key[key]))})
        context = Context.gather(picks, by_key, demonym_votes)
        for _ in range(ROUNDS):
            changed = False
            for key in ambiguous:
                rows[key] = self._candidate_rows(
                    pool[key], key, context, found_qualifiers[key], cues.get(key, NO_CUE)
                )
                ranked = sorted(
                    (
                        (self._ranker.score(row), c)
                        for row, c in zip(rows[key], pool[key].candidates, strict=True)
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

    def rank_details(
        self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span]
    ) -> list[RankDetail]:
        """What the ranker saw for each given span that has candidates (scripts/train_ranker.py)."""
        spans = self._with_context(text, given, found)
        scores, context, rows = self._rank(text, spans)
        pool = {key: self._index.candidates(key) for key in rows}
        details = []
        for span in spans[: len(given)]:
            ranked = scores.get(span.key)
            if not ranked or span.kind == MentionKind.DEMONYM:
                continue
            candidates = pool.get(span.key, (ranked[0][1],))
            details.append(
                RankDetail(
                    span.start,
                    span.end,
                    tuple(c.place for c in candidates),
                    tuple(rows.get(span.key, ())),
                    self._pick_features(ranked, span.key, context),
                    ranked[0][1].place,
                )
            )
        return details

    def _with_context(self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span]) -> list[Span]:
        """The given spans as place spans, then the recognised spans that overlap none of them."""
        spans = [self._given_span(text, start, end) for start, end in given]
        taken = [(span.start, span.end) for span in spans]
        return [*spans, *(s for s in found if not any(s.start < e and b < s.end for b, e in taken))]

    def resolve_given(
        self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span]
    ) -> list[Mention]:
        """Resolve fixed spans as places; recognised spans elsewhere only add context.

        A span the gazetteer cannot name at all ("Coffman Park", "Wichita Drive") is placed
        at the article's focus, its most named place, with a low confidence: names that
        local news leaves unexplained lie near what the article is about.
        """
        spans = self._with_context(text, given, found)
        mentions = self.resolve(text, spans)
        focus = _focus(mentions)
        wanted = {(span.start, span.end) for span in spans[: len(given)]}
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

    def _candidate_rows(
        self,
        ranked: Ranked,
        key: LookupKey,
        context: Context,
        found_qualifiers: list[Qualifier],
        cue: frozenset[Kind],
    ) -> list[Features]:
        """The CANDIDATE_FEATURES of each of a name's candidates, in their order."""
        towns = {c.place.country_code for c in ranked.candidates if c.place.kind in SETTLEMENT}
        largest = max(math.log10(c.place.population + 1) for c in ranked.candidates)
        return [
            self._features(c, prior, key, context, found_qualifiers, cue, (towns, largest))
            for c, prior in zip(ranked.candidates, ranked.priors, strict=True)
        ]

    def _features(
        self,
        candidate: Candidate,
        prior: float,
        key: LookupKey,
        context: Context,
        found_qualifiers: list[Qualifier],
        cue: frozenset[Kind],
        namesakes: tuple[set[str], float],
    ) -> Features:
        """What the article and the gazetteer say for one candidate (see ranker.CANDIDATE_FEATURES).

        `namesakes`: the countries of the name's settlement candidates, and the largest
        log10 population among all its candidates.
        """
        town_countries, largest = namesakes
        place = candidate.place
        kind = place.kind
        share, named = context.country_share(place.country_code, key)
        in_division = bool(place.admin1) and kind != Kind.ADMIN1
        return (
            prior,
            math.log10(place.population + 1),
            float(kind == Kind.COUNTRY),
            float(kind == Kind.ADMIN1),
            float(kind == Kind.CAPITAL),
            float(kind in SETTLEMENT),
            float(place.id.startswith(COUNTY)),
            float(kind in OPEN_WATER),
            float(kind in POINT_SITE),
            float(candidate.matched != "primary"),
            float(kind in cue),
            share,
            float(named),
            float(in_division and context.admin1_named(place, key)),
            context.division_share(place, key) if in_division else 0.0,
            context.division_share(place, key) if kind == Kind.ADMIN1 else 0.0,
            float(sum(_qualifies(q, place) for q in found_qualifiers)),
            context.closeness(place, key) if kind not in WIDE and kind != Kind.ADMIN1 else 0.0,
            float(kind == Kind.ADMIN1 and place.country_code in town_countries),
            math.log10(place.population + 1) - largest,
            float(share == 0.0 and context.grand_total > 0),
        )

    def _pick_features(self, ranked: _Scored, key: LookupKey, context: Context) -> Features:
        """What the calibrator sees of a name's pick (see ranker.PICK_FEATURES)."""
        top = ranked[0][1]
        place = top.place
        shares = softmax_shares([score for score, _ in ranked])
        share, named = context.country_share(place.country_code, key)
        in_division = bool(place.admin1) and place.kind != Kind.ADMIN1
        gap = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 0.0
        return (
            share_logit(shares[0]) if len(ranked) > 1 else 0.0,
            min(gap, 20.0),
            float(len(ranked) == 1),
            math.log(len(ranked)),
            share,
            float(named),
            float(in_division and context.admin1_named(place, key)),
            context.closeness(place, key) if place.kind not in WIDE else 0.0,
            float(place.kind in WIDE),
            float(place.kind == Kind.ADMIN1),
            float(place.kind in SETTLEMENT),
            math.log10(place.population + 1),
            float(top.matched != "primary"),
            float(share == 0.0 and context.grand_total > 0),
            1.0,
        )

    def _mentions(
        self, text: str, spans: Sequence[Span], scores: dict[LookupKey, _Scored], context: Context
    ) -> list[Mention]:
        mentions = []
        groups: dict[LookupKey, list[Span]] = {}
        for span in spans:
            groups.setdefault(span.key, []).append(span)
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
            place, alternatives = mention_sense(text, span, groups[span.key], place, alternatives)
            confidence = round(self._ranker.confidence(self._pick_features(ranked, span.key, context)), 3)
            mentions.append(
                Mention(span.start, span.end, span.surface, span.kind, place, confidence, alternatives)
            )
        return mentions


def _qualifies(qualifier: Qualifier, place: Place) -> bool:
    """Whether an explicit ", X" after the name vouches for this candidate."""
    if qualifier.place.id == place.id:
        return False
    if qualifier.admin1:
        return place.admin1 == qualifier.admin1 or _inside(place, qualifier.place)
    return place.country_code == qualifier.country


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
