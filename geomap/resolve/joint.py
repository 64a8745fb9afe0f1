"""Resolution: pick the gazetteer entry each recognised name refers to, using the whole article.

Each distinct name gets one sense per article. A candidate's score is a context-free prior
(kind and population) plus evidence from the article: the share of the article's mentions
that point to its country, its division being named, an explicit qualifier after it
("Alexandria, La."), and how near it lies to the article's other places. Scores are
refined over a few rounds as the picks settle.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gazetteer import DIVISION, OPEN_WATER, SETTLEMENT, WIDE, Candidate, Gazetteer, Kind, Place, normalize
from geomap.geodesy import within_km
from geomap.model import Mention, MentionKind, Strength
from geomap.recognize.abbreviations import STATE_ABBREVIATIONS, county_states
from geomap.recognize.capitalised import DIVISION_ONLY, Span
from geomap.recognize.variants import name_variants, word_runs
from geomap.resolve.evidence import COUNTY, Context

#: Candidates considered per name, best prior first.
MAX_CANDIDATES = 15
#: Countries rank above every city: 9 plus a quarter of log10(population) (about 11).
COUNTRY_PRIOR = 9.0
#: Divisions carry no population: they rank like a city of 10**ADMIN1_PRIOR people.
ADMIN1_PRIOR = 8.0
#: Capitals outrank divisions of the same name (on top of the gazetteer's own capital bonus).
CAPITAL_BONUS = 1.0
#: Continents, and international waters ("the Pacific", "the Mediterranean"): news means them,
#: not the small towns named after them, whatever the article's country.
CONTINENT_PRIOR = 10.5
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
#: Codes that news writes as names ("US", "UK", "UAE"); every other code is ignored.
PROSE_CODES = frozenset(
    ["us", "usa", "uk", "uae", "drc", "prc", "dprk", "rok", "ksa", "png", "fyrom", "ussr"]
)
_LIST_GOES_ON = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*(?:the\s+)?[A-Z]")
_DIVISION_CUE = re.compile(
    r"\b(?:province|state|governorate|region|oblast|prefecture|department|canton)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DIVISION_AFTER = re.compile(r"\s+(?:state|province)\b(?!\s+(?:University|College))", re.IGNORECASE)
#: What joins the items of a list of names: "Ohio, Oregon and Utah", "Iraq or Syria".
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
_SETTLEMENT_CUE = re.compile(r"\b(?:city|town|village|hamlet|capital)\s+of\s+$", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z]\.){2,}|[A-Z][\w.]*(?: [A-Z][\w.]*)?)")


def prior(candidate: Candidate) -> float:
    """Context-free plausibility: country > capital / division > big city > village."""
    place = candidate.place
    penalty = candidate.prior - candidate.score
    population = math.log10(place.population + 1)
    if place.kind == Kind.COUNTRY:
        return COUNTRY_PRIOR + 0.25 * population - penalty
    if place.kind == Kind.CONTINENT or (place.kind in OPEN_WATER and not place.country_code):
        return CONTINENT_PRIOR - penalty
    if place.kind == Kind.ADMIN1:
        return ADMIN1_PRIOR - penalty
    if place.kind == Kind.CAPITAL:
        return candidate.score + CAPITAL_BONUS
    if place.id.startswith(COUNTY):
        return 6.5
    return candidate.score


@dataclass(frozen=True, slots=True)
class _Qualifier:
    """What an explicit ", X" after a name says: country and/or division."""

    country: str
    admin1: str
    place: Place


class Resolver:
    """Ranks candidates per name and resolves all names of an article together."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._priors: dict[str, tuple[float, ...]] = {}
        self._strength: dict[str, Strength] = {}
        self._countries: dict[str, Place | None] = {}
        self._states: dict[str, Place | None] = {}

    def candidates(self, norm: str) -> tuple[Candidate, ...]:
        """Candidates for a normalised name, codes excluded, best prior first (cached).

        "@SY" stands for the country with that code (a demonym given as a place name), "^name"
        for the divisions called name (a state abbreviation such as "La." or "Ont.");
        US county names get one provisional candidate per state that has such a county.
        """
        found = self._cache.get(norm)
        if found is None:
            if norm.startswith("@"):
                country = self.country(norm[1:])
                raw = [Candidate(country, 10.0, "primary")] if country else []
            elif norm.startswith(DIVISION_ONLY):
                raw = [c for c in self._gazetteer.candidates(norm[1:]) if c.place.kind == Kind.ADMIN1]
            else:
                raw = [
                    c for c in self._gazetteer.candidates(norm) if c.matched != "code" or norm in PROSE_CODES
                ]
                raw += self._county_candidates(norm)
                raw = _divisions_over_aliases(norm, raw)
            ranked = sorted([(prior(c), c) for c in raw], key=_minus_prior)[:MAX_CANDIDATES]
            found = tuple(c for _, c in ranked)
            if len(self._cache) > 200_000:
                self._cache.clear()
                self._priors.clear()
            self._cache[norm] = found
            self._priors[norm] = tuple(score for score, _ in ranked)
        return found

    def _county_candidates(self, norm: str) -> list[Candidate]:
        states = county_states().get(norm, ())
        found = []
        for state in states:
            division = self.state(state)
            if division is not None:
                name = " ".join(word.capitalize() for word in norm.split())
                place = Place(
                    f"{COUNTY}us:{state.lower().replace(' ', '-')}:{norm.replace(' ', '-')}",
                    name,
                    Kind.REGION,
                    division.lat,
                    division.lon,
                    "US",
                    state,
                    0,
                    "us-counties",
                )
                found.append(Candidate(place, 6.5, "primary"))
        return found

    def strength(self, norm: str) -> Strength:
        """How much a name proves on its own.

        COUNTRY for countries and continents, CITY for capitals and cities of 100,000 or
        more, STRONG for divisions, seas, regions and curated sites, WEAK otherwise.
        """
        known = self._strength.get(norm)
        if known is None:
            found = self.candidates(norm)
            best = found[0].place if found else None
            if best is None:
                known = Strength.WEAK
            elif best.kind in WIDE:
                known = Strength.COUNTRY
            elif found[0].matched != "primary" and best.kind in SETTLEMENT:
                known = Strength.WEAK  # "Drug" (an old name of Durg) proves nothing in English prose
            elif best.kind == Kind.CAPITAL or best.population >= 100_000:
                known = Strength.CITY
            elif best.kind in ("admin1", "sea", "region", "gulf"):
                known = Strength.STRONG
            else:
                known = Strength.STRONG if best.source.startswith(("curated", "user")) else Strength.WEAK
            self._strength[norm] = known
        return known

    def _county_seat(self, county: Place) -> Place:
        """A county left at its state's centre moves to a town of its own name in that state, if any."""
        state = self.state(county.admin1)
        if state is None or (county.lat, county.lon) != (state.lat, state.lon):
            return county
        stem = normalize(county.name).rsplit(" ", 1)[0]
        for candidate in self.candidates(stem):
            town = candidate.place
            if (
                town.country_code == "US"
                and town.admin1 == county.admin1
                and town.kind in (Kind.CITY, Kind.CAPITAL)
            ):
                return replace(county, lat=town.lat, lon=town.lon)
        return county

    def country(self, code: str) -> Place | None:
        """The country Place for an ISO code (cached)."""
        if code not in self._countries:
            self._countries[code] = self._gazetteer.country(code)
        return self._countries[code]

    def state(self, name: str) -> Place | None:
        """The US state Place called `name` (cached)."""
        if name not in self._states:
            found = self._gazetteer.lookup(name, country="US", kinds=[Kind.ADMIN1])
            self._states[name] = found[0] if found else None
        return self._states[name]

    def resolve(self, text: str, spans: Sequence[Span], demonyms: dict[str, str]) -> list[Mention]:
        """Mentions for every span: demonyms linked to their country, names resolved jointly."""
        by_norm: dict[str, list[Span]] = {}
        demonym_votes: Counter[str] = Counter()
        for span in spans:
            if span.kind == MentionKind.DEMONYM:
                demonym_votes[demonyms[span.norm]] += 1
            else:
                by_norm.setdefault(span.norm, []).append(span)
        pool = {norm: self.candidates(norm) for norm in by_norm}
        qualifiers = {norm: self._qualifiers(text, group) for norm, group in by_norm.items()}
        cues = _list_cues(text, spans, pool)
        cues.update({norm: cue for norm, group in by_norm.items() if (cue := _kind_cue(text, group))})
        picks = {norm: (found[0] if found else None) for norm, found in pool.items()}
        scores: dict[str, list[tuple[float, Candidate]]] = {
            norm: [(0.0, found[0])] if found else [] for norm, found in pool.items() if len(found) <= 1
        }
        ambiguous = [norm for norm, found in pool.items() if len(found) > 1]
        context = Context.gather(picks, by_norm, demonym_votes)
        for _ in range(ROUNDS):
            changed = False
            for norm in ambiguous:
                priors = self._priors[norm]
                ranked = sorted(
                    (
                        (self._score(c, prior_, norm, context, qualifiers[norm], cues.get(norm, _NO_CUE)), c)
                        for c, prior_ in zip(pool[norm], priors, strict=True)
                    ),
                    key=lambda pair: -pair[0],
                )
                scores[norm] = ranked
                changed = changed or ranked[0][1] is not picks[norm]
                picks[norm] = ranked[0][1]
            if not changed:
                break
            context = Context.gather(picks, by_norm, demonym_votes)
        return self._mentions(spans, scores, demonyms, context)

    def resolve_given(
        self, text: str, given: Sequence[tuple[int, int]], found: Sequence[Span], demonyms: dict[str, str]
    ) -> list[Mention]:
        """Resolve fixed spans as places; recognised spans elsewhere only add context.

        A span the gazetteer cannot name at all ("Coffman Park", "Wichita Drive") is placed
        at the article's focus, its most named place, with a low confidence: names that
        local news leaves unexplained lie near what the article is about.
        """
        spans = [self._given_span(text, start, end, demonyms) for start, end in given]
        taken = [(span.start, span.end) for span in spans]
        extra = [s for s in found if not any(s.start < e and b < s.end for b, e in taken)]
        mentions = self.resolve(text, [*spans, *extra], demonyms)
        focus = _focus(mentions)
        wanted = set(taken)
        return [
            replace(m, place=focus, confidence=FOCUS_CONFIDENCE) if m.place is None and focus else m
            for m in mentions
            if (m.start, m.end) in wanted
        ]

    def _given_span(self, text: str, start: int, end: int, demonyms: dict[str, str]) -> Span:
        """A gold span as a place Span, its name reduced until the gazetteer knows it."""
        surface = text[start:end]
        for key in [*name_variants(surface), *word_runs(surface)]:
            if key in demonyms:
                return Span(start, end, surface, f"@{demonyms[key]}", MentionKind.PLACE)
            if self.candidates(key):
                return Span(start, end, surface, key, MentionKind.PLACE)
        return Span(start, end, surface, normalize(surface), MentionKind.PLACE)

    def _score(
        self,
        candidate: Candidate,
        score: float,
        norm: str,
        context: Context,
        qualifiers: list[_Qualifier],
        cue: frozenset[str] = frozenset(),
    ) -> float:
        """The candidate's prior `score` plus the article's evidence for it."""
        place = candidate.place
        if place.kind in cue:
            score += KIND_CUE_WEIGHT
        share, named = context.country_share(place.country_code, norm)
        score += COUNTRY_WEIGHT * share + (COUNTRY_NAMED if named else 0.0)
        if place.admin1 and place.kind != Kind.ADMIN1:
            if context.admin1_named(place, norm):
                score += ADMIN1_WEIGHT
            score += STATE_WEIGHT * context.division_share(place, norm)
        elif place.kind == Kind.ADMIN1:
            score += CONTAINS_WEIGHT * context.division_share(place, norm)
        for qualifier in qualifiers:
            if qualifier.place.id == place.id:
                continue
            if qualifier.admin1:
                if place.admin1 == qualifier.admin1 or _inside(place, qualifier.place):
                    score += QUALIFIER_WEIGHT
            elif place.country_code == qualifier.country:
                score += QUALIFIER_WEIGHT
        if place.kind not in WIDE and place.kind != Kind.ADMIN1:
            score += SPATIAL_WEIGHT * context.closeness(place, norm)
        return score

    def _qualifiers(self, text: str, group: list[Span]) -> list[_Qualifier]:
        """Explicit ", X" qualifiers after any mention of a name: "Paris, Texas", "Alexandria, La.".

        Countries and divisions are not qualified ("Illinois, Missouri"), and a full name
        followed by more names is a list ("China, Japan, the United Kingdom"), not a qualifier.
        """
        found: list[_Qualifier] = []
        best = self.candidates(group[0].norm)[:1]
        if not best or best[0].place.kind in (Kind.ADMIN1, *WIDE):
            return found
        for span in group:
            match = _QUALIFIER.match(text, span.end)
            if not match:
                continue
            word = match.group(1)
            state = STATE_ABBREVIATIONS.get(word.replace(".", "").upper()) if len(word) <= 6 else None
            if state is None and _LIST_GOES_ON.match(text, match.end()):
                continue
            for candidate in self.candidates(normalize(state or word))[:3]:
                place = candidate.place
                if place.kind == Kind.ADMIN1:
                    found.append(_Qualifier(place.country_code, place.name, place))
                    break
                if place.kind == Kind.COUNTRY:
                    found.append(_Qualifier(place.country_code, "", place))
                    break
        return found

    def _mentions(
        self,
        spans: Sequence[Span],
        scores: dict[str, list[tuple[float, Candidate]]],
        demonyms: dict[str, str],
        context: Context,
    ) -> list[Mention]:
        mentions = []
        for span in spans:
            if span.kind == MentionKind.DEMONYM:
                country = self.country(demonyms[span.norm])
                mentions.append(
                    Mention(
                        span.start,
                        span.end,
                        span.surface,
                        MentionKind.DEMONYM,
                        country,
                        1.0 if country else 0.0,
                    )
                )
                continue
            ranked = scores.get(span.norm) or []
            if not ranked:
                mentions.append(Mention(span.start, span.end, span.surface, span.kind, None, 0.0))
                continue
            place = ranked[0][1].place
            if place.id.startswith(COUNTY):
                place = self._county_seat(context.locate_county(place))
            mentions.append(
                Mention(
                    span.start,
                    span.end,
                    span.surface,
                    span.kind,
                    place,
                    _confidence(ranked),
                    tuple(c.place for _, c in ranked[1:4]),
                )
            )
        return mentions


def _minus_prior(pair: tuple[float, Candidate]) -> float:
    """Sort key: best prior first (a stable sort keeps the gazetteer's order among equals)."""
    return -pair[0]


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


def _divisions_over_aliases(norm: str, found: list[Candidate]) -> list[Candidate]:
    """Drop a country reached through an alias that is the exact name of one of its divisions.

    "England" is listed as an alias of the United Kingdom, but the division England is meant.
    """
    divisions = {
        c.place.country_code for c in found if c.place.kind == Kind.ADMIN1 and normalize(c.place.name) == norm
    }
    if not divisions:
        return found
    return [
        c
        for c in found
        if not (
            c.place.kind == Kind.COUNTRY
            and c.place.country_code in divisions
            and normalize(c.place.name) != norm
        )
    ]


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


def _confidence(ranked: list[tuple[float, Candidate]]) -> float:
    """Softmax share of the best score against the runners-up."""
    top = ranked[0][0]
    total = sum(math.exp(score - top) for score, _ in ranked[:5])
    return round(1.0 / total, 3)


def _kind_cue(text: str, group: list[Span]) -> frozenset[str]:
    """Kinds an explicit word before any mention of the name asks for.

    "the province of Ontario" is the province, whatever Ontario, California, weighs; "the
    city of Washington" is a city; "Washington state" is the state. One sense per name: the
    cue counts for every mention.
    """
    for span in group:
        before = text[max(0, span.start - 40) : span.start]
        if _DIVISION_CUE.search(before) or _DIVISION_AFTER.match(text, span.end):
            return DIVISION
        if _SETTLEMENT_CUE.search(before):
            return SETTLEMENT
    return frozenset()


def _list_cues(
    text: str, spans: Sequence[Span], pool: dict[str, tuple[Candidate, ...]]
) -> dict[str, frozenset[str]]:
    """Kinds that lists ask for: a name listed among divisions is a division, among countries a country.

    "Ohio, Oregon, Utah, Washington and Wyoming" names five states; "Georgia" between
    "Armenia" and "Azerbaijan" is the country. A list has three items or an "and"/"or";
    "Paris, Texas" (two items, a comma) is a qualifier, not a list.
    """
    cues: dict[str, frozenset[str]] = {}
    for run in _lists(text, [s for s in spans if s.kind == MentionKind.PLACE]):
        kinds = [found[0].place.kind if (found := pool.get(s.norm)) else "" for s in run]
        for index, span in enumerate(run):
            others = Counter(kinds[:index] + kinds[index + 1 :])
            kind, count = others.most_common(1)[0]
            if kind in (Kind.ADMIN1, Kind.COUNTRY) and count >= max(2, len(run) // 2):
                cues[span.norm] = frozenset({kind})
    return cues


def _lists(text: str, spans: Sequence[Span]) -> list[list[Span]]:
    """Runs of place names joined only by list separators, of three or more, or two with and/or."""
    runs: list[tuple[list[Span], bool]] = []  # (names, joined by a word somewhere)
    for span in sorted(spans, key=lambda s: s.start):
        separator = _LIST_SEPARATOR.fullmatch(text, runs[-1][0][-1].end, span.start) if runs else None
        if separator:
            names, by_word = runs[-1]
            names.append(span)
            runs[-1] = (names, by_word or "," not in separator.group())
        else:
            runs.append(([span], False))
    return [names for names, by_word in runs if len(names) >= 3 or (len(names) == 2 and by_word)]


_NO_CUE: frozenset[str] = frozenset()
