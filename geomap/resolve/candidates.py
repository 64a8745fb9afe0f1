"""Ranked candidates per name, and how strong a name is on its own: shared by recognition and resolution.

Recognition asks the index how much a name proves (`strength`); it never holds a resolver.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from gazetteer import (
    DIVISION,
    OPEN_WATER,
    SETTLEMENT,
    WIDE,
    Candidate,
    Gazetteer,
    Kind,
    Place,
    lexicon,
    normalize,
)
from gazetteer.lexicon import PROSE_CODES
from geomap.model import LookupKey, Strength

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
#: A city this populous is what a bare name shared with its division means.
SEAT_POPULATION = 100_000
#: The source of the divisions GeoNames does not list (gazetteer.sources.divisions.SOURCE).
CSC_SOURCE = "countrystatecity"
#: How far below that city the division then ranks.
DIVISION_BELOW_CITY = 0.5
#: The prior of a provisional US county (placed at its state until the article says more).
COUNTY_PRIOR = 6.5
#: The source of a county placed at the centre of its Census outline, not its state's.
COUNTY_OUTLINES_SOURCE = "us-census-counties"
#: Id prefix of the provisional US county places the index makes up.
COUNTY = "county:"
#: Distinct names whose candidates and strength an index remembers.
CACHE_SIZE = 200_000


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
        return COUNTY_PRIOR
    return candidate.score


@dataclass(frozen=True, slots=True)
class Ranked:
    """A name's candidates, best prior first, with their priors."""

    candidates: tuple[Candidate, ...]
    priors: tuple[float, ...]


class CandidateIndex:
    """The gazetteer seen by name: ranked candidates, name strength, countries and US states.

    Answers are remembered per index (bounded LRU caches), so later articles mostly hit memory.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._county_states = gazetteer.county_states()
        self.ranked = lru_cache(maxsize=CACHE_SIZE)(self._ranked)
        self.strength = lru_cache(maxsize=CACHE_SIZE)(self._strength)
        self.country = lru_cache(maxsize=None)(gazetteer.country)
        self.state = lru_cache(maxsize=None)(self._state)

    @property
    def county_names(self) -> frozenset[str]:
        """Normalised US county names ("walker county"): recognisable though no place is called so."""
        return frozenset(self._county_states)

    def candidates(self, key: LookupKey) -> tuple[Candidate, ...]:
        """Candidates for a key, codes excluded, best prior first."""
        return self.ranked(key).candidates

    def _ranked(self, key: LookupKey) -> Ranked:
        """The candidates of a key, ranked by prior.

        Country keys give that country; kind filters keep those kinds; US county names get one
        provisional candidate per state that has such a county.
        """
        if key.country is not None:
            country = self.country(key.country)
            raw = [Candidate(country, 10.0, "primary")] if country else []
        elif key.kinds is not None:
            raw = [c for c in self._gazetteer.candidates(key.norm) if c.place.kind in key.kinds]
        else:
            norm = key.norm
            raw = [c for c in self._gazetteer.candidates(norm) if c.matched != "code" or norm in PROSE_CODES]
            raw += self._county_candidates(norm)
            raw = _divisions_over_aliases(norm, raw)
        scored = _own_names_over_alternates(key.norm, _cities_over_divisions([(prior(c), c) for c in raw]))
        ranked = sorted(scored, key=_minus_prior)
        ranked = ranked[:MAX_CANDIDATES]
        return Ranked(tuple(c for _, c in ranked), tuple(score for score, _ in ranked))

    def capital_of(self, code: str) -> Place | None:
        """The capital city of the country with ISO code `code`, as the gazetteer records it."""
        info = self._gazetteer.countries().get(code)
        if info is None or not info.capital:
            return None
        for candidate in self.candidates(LookupKey(normalize(info.capital))):
            if candidate.place.country_code == code and candidate.place.kind in SETTLEMENT:
                return candidate.place
        return None

    def spelling_of(self, norm: str) -> str | None:
        """The gazetteer's spelling of a name it lacks ("Hodeidah" -> "al hudaydah"), if one is alike.

        Of several alike spellings, the one whose best candidate has the highest prior. Only
        recognition asks, for lone words after a locative ("near Hodeidah"): a name the
        gazetteer has is never respelt, so no exact name is outranked.
        """
        best: tuple[float, str] | None = None
        for other in self._gazetteer.spelled_like(norm):
            found = self.candidates(LookupKey(other))
            if found and (best is None or prior(found[0]) > best[0]):
                best = (prior(found[0]), other)
        return best[1] if best else None

    def _county_candidates(self, norm: str) -> list[Candidate]:
        found = []
        for state in self._county_states.get(norm, ()):
            division = self.state(state)
            if division is not None:
                name = " ".join(word.capitalize() for word in norm.split())
                point = lexicon.county_point(state, norm)
                lat, lon = point if point is not None else (division.lat, division.lon)
                place = Place(
                    f"{COUNTY}us:{state.lower().replace(' ', '-')}:{norm.replace(' ', '-')}",
                    name,
                    Kind.REGION,
                    lat,
                    lon,
                    "US",
                    state,
                    0,
                    COUNTY_OUTLINES_SOURCE if point is not None else "us-counties",
                )
                found.append(Candidate(place, COUNTY_PRIOR, "primary"))
        return found

    def _strength(self, norm: str) -> Strength:
        """How much a name proves on its own.

        COUNTRY for countries and continents, CITY for capitals and cities of 100,000 or
        more, STRONG for divisions, seas, regions and curated sites, WEAK otherwise.
        """
        found = self.candidates(LookupKey(norm))
        if not found:
            return Strength.WEAK
        if found[0].matched == "alternate" and found[0].place.kind in DIVISION:
            # "Nice": a Malawian district's alternate name outranks the French city's own name,
            # but what the name proves is what the city that bears it proves
            own = [c for c in found if c.matched == "primary" and c.place.kind in SETTLEMENT]
            found = (*own[:1], *found)
        best = found[0].place
        if best.kind in WIDE:
            # A country's name in another language proves less: "Island" (Iceland) is a word.
            return Strength.STRONG if found[0].matched == "alternate" else Strength.COUNTRY
        if found[0].matched != "primary" and best.kind in SETTLEMENT:
            return Strength.WEAK  # "Drug" (an old name of Durg) proves nothing in English prose
        if best.kind == Kind.CAPITAL or best.population >= 100_000:
            return Strength.CITY
        if best.kind in (Kind.ADMIN1, Kind.SEA, Kind.REGION, Kind.GULF):
            return Strength.STRONG
        return Strength.STRONG if best.source.startswith(("curated", "user")) else Strength.WEAK

    def _state(self, name: str) -> Place | None:
        """The US state called `name`."""
        found = self._gazetteer.lookup(name, country="US", kinds=[Kind.ADMIN1])
        return found[0] if found else None

    def county_seat(self, county: Place) -> Place:
        """A county left at its state's centre moves to a town of its own name in that state, if any."""
        state = self.state(county.admin1)
        if state is None or (county.lat, county.lon) != (state.lat, state.lon):
            return county
        stem = normalize(county.name).rsplit(" ", 1)[0]
        for candidate in self.candidates(LookupKey(stem)):
            town = candidate.place
            if town.country_code == "US" and town.admin1 == county.admin1 and town.kind in SETTLEMENT:
                return replace(county, lat=town.lat, lon=town.lon)
        return county


def _minus_prior(pair: tuple[float, Candidate]) -> float:
    """Sort key: best prior first (a stable sort keeps the gazetteer's order among equals)."""
    return -pair[0]


def _own_names_over_alternates(
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


def _cities_over_divisions(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
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
