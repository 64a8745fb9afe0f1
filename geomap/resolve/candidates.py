"""Ranked candidates per name, and how strong a name is on its own: shared by recognition and resolution.

Recognition asks the index how much a name proves (`strength`); it never holds a resolver.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from gazetteer import SETTLEMENT, Candidate, Gazetteer, Kind, Place, normalize
from gazetteer.ranking import (
    COUNTY,
    COUNTY_PRIOR,
    divisions_over_aliases,
    plain_candidates,
    prior,
    rank,
    strength,
)
from geomap.model import LookupKey, Strength

__all__ = ["CACHE_SIZE", "COUNTY", "COUNTY_OUTLINES_SOURCE", "CandidateIndex", "Ranked", "prior"]

#: The source of a county placed at the centre of its Census outline, not its state's.
COUNTY_OUTLINES_SOURCE = "us-census-counties"

#: Distinct names whose candidates and strength an index remembers.
CACHE_SIZE = 200_000


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

        A bare name the build ranked is read as it stored it (one query for the ranking, one
        for the places). Country keys give that country; kind filters keep those kinds; US
        county names get one provisional candidate per state that has such a county.
        """
        if key.country is not None:
            country = self.country(key.country)
            raw = [Candidate(country, 10.0, "primary")] if country else []
        elif key.kinds is not None:
            raw = [c for c in self._gazetteer.candidates(key.norm) if c.place.kind in key.kinds]
        else:
            built = self._gazetteer.ranked(key.norm)
            if built is not None:
                return Ranked(built.candidates, built.priors)
            norm = key.norm
            raw = plain_candidates(norm, self._gazetteer.candidates(norm)) + self._county_candidates(norm)
            raw = divisions_over_aliases(norm, raw)
        ranked = rank(key.norm, raw)
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
                point = self._gazetteer.county_centre(norm, state)
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
        """How much a name proves on its own (gazetteer.ranking.strength), as the build found if it did."""
        built = self._gazetteer.strength(norm)
        if built is not None:
            return Strength(built)
        return Strength(strength(self.candidates(LookupKey(norm))))

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
