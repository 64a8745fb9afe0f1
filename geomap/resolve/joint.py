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
from functools import lru_cache

from gazetteer import DIVISION, SETTLEMENT, WIDE, Candidate, Kind, Place, normalize
from geomap.model import LookupKey, Mention, MentionKind, Span
from geomap.resolve.candidates import CACHE_SIZE, COUNTY, CandidateIndex
from geomap.resolve.clusters import Footprint, cluster_support, footprint
from geomap.resolve.cues import NO_CUE, county_list_keys, kind_cue, list_cues, mention_sense, qualifiers
from geomap.resolve.evidence import Context
from geomap.resolve.features import (
    Features,
    SplitWeights,
    StaticRow,
    article_parts,
    full_row,
    moving_features,
    split_score,
    static_rows,
)
from geomap.resolve.ranker import Ranker, load_ranker, share_logit, softmax_shares
from geomap.resolve.variants import name_variants, word_runs

ROUNDS = 3

_Scored = list[tuple[float, Candidate]]


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
        self._weights = SplitWeights.of(self._ranker.candidate_weights)
        self._static_rows = lru_cache(maxsize=CACHE_SIZE)(self._static_rows_of)
        self._footprint = lru_cache(maxsize=CACHE_SIZE)(self._footprint_of)

    def _static_rows_of(self, key: LookupKey) -> tuple[StaticRow, ...]:
        """The article-independent features of a name's candidates (remembered: names recur)."""
        return static_rows(self._index.ranked(key), self._weights)

    def _footprint_of(self, key: LookupKey) -> Footprint:
        """Where a name's candidates could lie, for cluster support (remembered: names recur)."""
        return footprint(self._index.ranked(key).candidates)

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Mention]:
        """Mentions for every span: demonyms linked to their country, names resolved jointly."""
        spans = self._counties_listed(text, spans)
        scores, context, _ = self._rank(text, spans)
        return self._mentions(text, spans, scores, context)

    def _counties_listed(self, text: str, spans: Sequence[Span]) -> Sequence[Span]:
        """Each name of a list before "counties" looked up as that county, where one is known."""
        keys = county_list_keys(text, spans)
        if not keys:
            return spans
        found = {i: key for i, key in keys.items() if self._index.candidates(key)}
        return [replace(span, key=found[i]) if i in found else span for i, span in enumerate(spans)]

    def _rank(
        self, text: str, spans: Sequence[Span], keep_rows: bool = False
    ) -> tuple[dict[LookupKey, _Scored], Context, dict[LookupKey, list[Features]]]:
        """Each name's candidates scored best first, the article's evidence, and the features scored.

        The features come back only with `keep_rows` (training data): scoring does not build them.
        """
        by_key: dict[LookupKey, list[Span]] = {}
        demonym_votes: Counter[str] = Counter()
        for span in spans:
            if span.kind == MentionKind.DEMONYM:
                demonym_votes[self._demonyms[span.key.norm]] += 1
            else:
                by_key.setdefault(span.key, []).append(span)
                if span.key.named_after is not None:  # "Morecambe Road": Morecambe, as evidence
                    town = replace(span, key=LookupKey(span.key.named_after))
                    by_key.setdefault(town.key, []).append(town)
        pool = {key: self._index.candidates(key) for key in by_key}
        picks = {key: (found[0] if found else None) for key, found in pool.items()}
        scores: dict[LookupKey, _Scored] = {
            key: [(0.0, found[0])] if found else [] for key, found in pool.items() if len(found) <= 1
        }
        ambiguous = [key for key, found in pool.items() if len(found) > 1]
        rows: dict[LookupKey, list[Features]] = {}
        kept = rows if keep_rows else None
        context = self._rank_jointly(text, spans, by_key, ambiguous, picks, scores, kept, demonym_votes)
        return scores, context, rows

    def _rank_jointly(
        self,
        text: str,
        spans: Sequence[Span],
        by_key: dict[LookupKey, list[Span]],
        ambiguous: list[LookupKey],
        picks: dict[LookupKey, Candidate | None],
        scores: dict[LookupKey, _Scored],
        rows: dict[LookupKey, list[Features]] | None,
        demonym_votes: Counter[str],
    ) -> Context:
        """Score the ambiguous names against the article, re-gathering its evidence until picks settle.

        Fills `picks`, `scores` and `rows` if given (the features last scored, in candidate
        order); returns the evidence gathered from the final picks.
        """
        pool = {key: self._index.ranked(key) for key in by_key}
        cues = list_cues(text, spans, {key: ranked.candidates for key, ranked in pool.items()})
        cues.update({key: cue for key in ambiguous if (cue := kind_cue(text, by_key[key]))})
        static = {key: self._static_rows(key) for key in ambiguous}
        support = cluster_support({key: self._footprint(key) for key in pool}, ambiguous)
        parts = {
            key: article_parts(
                static[key], cues.get(key, NO_CUE), qualifiers(self._index, text, by_key[key]), support[key]
            )
            for key in ambiguous
        }
        weights = self._weights
        context = Context.gather(picks, by_key, demonym_votes)
        for _ in range(ROUNDS):
            changed = False
            for key in ambiguous:
                moving = [
                    moving_features(row, part, key, context)
                    for row, part in zip(static[key], parts[key], strict=True)
                ]
                if rows is not None:
                    rows[key] = [full_row(row, m) for row, m in zip(static[key], moving, strict=True)]
                ranked = sorted(
                    (
                        (split_score(row, m, weights), c)
                        for row, m, c in zip(static[key], moving, pool[key].candidates, strict=True)
                    ),
                    key=_minus_score,
                )
                if len(ranked) > 1 and ranked[1][0] == ranked[0][0] and Kind.ADMIN1 in cues.get(key, NO_CUE):
                    ranked = _own_name_first(ranked, key.norm)
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
        spans = self._counties_listed(text, self._with_context(text, given, found))
        scores, context, rows = self._rank(text, spans, keep_rows=True)
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
        at the article's focus, its most named place: names that local news leaves
        unexplained lie near what the article is about. Its confidence is the share of such
        names of the training corpora that the focus placed right (Ranker.focus_confidence).
        """
        spans = self._with_context(text, given, found)
        mentions = self.resolve(text, spans)
        focus = _focus(mentions)
        wanted = {(span.start, span.end) for span in spans[: len(given)]}
        guess = self._ranker.focus_confidence
        return [
            replace(m, place=focus, confidence=guess) if m.place is None and focus else m
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

    def _pick_features(self, ranked: _Scored, key: LookupKey, context: Context) -> Features:
        """What the calibrator sees of a name's pick (see ranker.PICK_FEATURES)."""
        top = ranked[0][1]
        place = top.place
        several = len(ranked) > 1
        logit = share_logit(softmax_shares([score for score, _ in ranked])[0]) if several else 0.0
        share, named = context.country_share(place.country_code, key)
        in_division = bool(place.admin1) and place.kind != Kind.ADMIN1
        gap = ranked[0][0] - ranked[1][0] if several else 0.0
        by_prior = self._index.ranked(key)
        margin = min(by_prior.priors[0] - by_prior.priors[1], 10.0) if len(by_prior.priors) > 1 else 10.0
        # tied priors (a county in every state) have no favourite: their order is the alphabet's
        favourite = bool(by_prior.candidates) and by_prior.candidates[0].place == place and margin > 0
        return (
            logit,
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
            context.leading_share_elsewhere(place.country_code, key) if share == 0.0 else 0.0,
            float(favourite),
            margin if favourite else 0.0,
            1.0,
        )

    def _mentions(
        self, text: str, spans: Sequence[Span], scores: dict[LookupKey, _Scored], context: Context
    ) -> list[Mention]:
        mentions = []
        picked: dict[LookupKey, tuple[Place, float, tuple[Place, ...]]] = {}
        groups: dict[LookupKey, list[Span]] = {}
        for span in spans:
            groups.setdefault(span.key, []).append(span)
        name_cues: dict[LookupKey, frozenset[Kind]] = {}
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
            pick = picked.get(span.key)
            if pick is None:
                pick = picked[span.key] = self._pick(ranked, span.key, context)
            place, confidence, alternatives = pick
            if place.kind in DIVISION or any(a.kind in DIVISION for a in alternatives):
                if span.key not in name_cues:
                    name_cues[span.key] = kind_cue(text, groups[span.key])
                place, alternatives = mention_sense(text, span, name_cues[span.key], place, alternatives)
            mentions.append(
                Mention(span.start, span.end, span.surface, span.kind, place, confidence, alternatives)
            )
        return mentions

    def _pick(
        self, ranked: _Scored, key: LookupKey, context: Context
    ) -> tuple[Place, float, tuple[Place, ...]]:
        """A name's place, confidence and alternatives: the same for each of its mentions."""
        place = ranked[0][1].place
        if place.id.startswith(COUNTY):
            place = self._index.county_seat(context.locate_county(place))
        alternatives = tuple(c.place for _, c in ranked[1:4])
        confidence = round(self._ranker.confidence(self._pick_features(ranked, key, context)), 3)
        return place, confidence, alternatives


def _own_name_first(ranked: list[tuple[float, Candidate]], norm: str) -> list[tuple[float, Candidate]]:
    """Among the candidates tied for best, those whose own name is the name looked up, first.

    For a name whose words ask for a division: "Washington state" asks for one, and both the
    state and the District of Columbia (which the gazetteer also calls "Washington") are
    divisions with the same evidence; the state is the one named so. (A bare "Washington"
    keeps the build's order, which puts the District first.)
    """
    best = ranked[0][0]
    tied = [pair for pair in ranked if pair[0] == best]
    own = [pair for pair in tied if normalize(pair[1].place.name) == norm]
    if not own or own[0] is tied[0]:
        return ranked
    return [*own, *(pair for pair in ranked if pair not in own)]


def _minus_score(pair: tuple[float, Candidate]) -> float:
    """Sort key: best score first (a stable sort keeps the prior order among equals)."""
    return -pair[0]


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
