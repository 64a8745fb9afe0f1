"""The article-level evidence resolution weighs: countries, divisions and places the article names."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from gazetteer import WIDE, Candidate, Kind, Place
from geomap.geodesy import KM_PER_DEGREE, within_km
from geomap.model import LookupKey, Span
from geomap.resolve.candidates import COUNTY_OUTLINES_SOURCE

#: Who casts the votes of the article's demonyms ("Syrian" votes for Syria): no name's key.
DEMONYM_VOTER = LookupKey("", frozenset())
#: Id prefix of the provisional US county places resolution makes up.
COUNTY = "county:"


class Context:
    """What the article says as a whole: the countries, divisions and places it names."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[LookupKey]] = {}
        self.total: Counter[LookupKey] = Counter()
        self.admin1: dict[tuple[str, str], set[LookupKey]] = {}
        self.admin1_places: list[tuple[Place, LookupKey]] = []
        self.admin1_by_country: dict[str, list[tuple[Place, LookupKey]]] = {}
        self.points: list[tuple[Place, LookupKey]] = []
        self.coordinates: list[tuple[float, float, LookupKey]] = []
        self.divisions: dict[tuple[str, str], Counter[LookupKey]] = {}
        self.division_total: Counter[LookupKey] = Counter()
        self.code_sum: Counter[str] = Counter()
        self.division_sum: Counter[tuple[str, str]] = Counter()
        self.grand_total = 0
        self.division_grand_total = 0

    @classmethod
    def gather(
        cls,
        picks: dict[LookupKey, Candidate | None],
        by_key: dict[LookupKey, list[Span]],
        demonym_votes: Counter[str],
    ) -> Context:
        context = cls()
        for code, count in demonym_votes.items():
            context._vote(code, DEMONYM_VOTER, count)
        for key, pick in picks.items():
            if pick is None:
                continue
            place = pick.place
            if place.country_code:
                weight = len(by_key[key]) * (2 if place.kind in (Kind.COUNTRY, Kind.ADMIN1) else 1)
                context._vote(place.country_code, key, weight)
            if place.admin1 and place.kind not in WIDE:
                division = (place.country_code, place.admin1)
                counter = context.divisions.get(division)
                if counter is None:
                    counter = context.divisions[division] = Counter()
                counter[key] += len(by_key[key])
                context.division_total[key] += len(by_key[key])
                context.division_sum[division] += len(by_key[key])
                context.division_grand_total += len(by_key[key])
            if place.kind == Kind.ADMIN1:
                context.admin1.setdefault((place.country_code, place.name), set()).add(key)
                context.admin1_places.append((place, key))
                context.admin1_by_country.setdefault(place.country_code, []).append((place, key))
            elif place.kind not in WIDE and not place.id.startswith(COUNTY):
                context.points.append((place, key))
                context.coordinates.append((place.lat, place.lon, key))
        return context

    def _vote(self, code: str, voter: LookupKey, weight: int) -> None:
        counter = self.votes.get(code)
        if counter is None:  # not setdefault(code, Counter()): that builds a Counter every vote
            counter = self.votes[code] = Counter()
        counter[voter] += weight
        self.total[voter] += weight
        self.code_sum[code] += weight
        self.grand_total += weight

    def country_share(self, code: str, key: LookupKey) -> tuple[float, bool]:
        """Share of the article's other mentions that point into `code`, and whether any does."""
        counter = self.votes.get(code)
        if not counter:
            return 0.0, False
        mine = self.code_sum[code] - counter.get(key, 0)
        total = self.grand_total - self.total.get(key, 0)
        return (mine / total if total else 0.0), mine > 0

    def leading_share_elsewhere(self, code: str, key: LookupKey) -> float:
        """The largest share of the article's other mentions pointing into one country not `code`.

        Near 1 when the article is plainly about another country: "Balad, 30 km north of
        Mogadishu" read as Balad, Iraq, in a story about Somalia.
        """
        total = self.grand_total - self.total.get(key, 0)
        if total <= 0:
            return 0.0
        best = 0
        for other, counter in self.votes.items():
            if other != code:
                best = max(best, self.code_sum[other] - counter.get(key, 0))
        return best / total

    def division_share(self, place: Place, key: LookupKey) -> float:
        """Share of the article's other places that lie in the same first-level division."""
        division = (place.country_code, place.admin1)
        counter = self.divisions.get(division)
        if not counter:
            return 0.0
        mine = self.division_sum[division] - counter.get(key, 0)
        total = self.division_grand_total - self.division_total.get(key, 0)
        return mine / total if total else 0.0

    def admin1_named(self, place: Place, key: LookupKey) -> bool:
        """The place's division is named elsewhere in the article.

        By name; only a place filed under no division may take one whose centroid lies near.
        Near is not in: "Massachusetts ... the town of Warwick" names Warwick, Massachusetts,
        not Warwick, Rhode Island, 75 km from Massachusetts' point.
        """
        voters = self.admin1.get((place.country_code, place.admin1))
        if voters and (len(voters) > 1 or key not in voters):  # a voter other than `key`, no set built
            return True
        if place.admin1:
            return False  # filed under another division, which no one named
        divisions = self.admin1_by_country.get(place.country_code)
        if not divisions:
            return False
        return any(
            voter != key and abs(division.lat - place.lat) < 1.4 and within_km(place, division, 150)
            for division, voter in divisions
        )

    def closeness(self, place: Place, key: LookupKey) -> float:
        """0..1: how near the place lies to the other places the article names (0 beyond 1,000 km)."""
        best = 0.0
        lat, lon = place.lat, place.lon
        for other_lat, other_lon, voter in self.coordinates:
            dlat = other_lat - lat
            dlon = abs(other_lon - lon)
            if dlat > 9.0 or dlat < -9.0 or 12.0 < dlon < 348.0 or voter == key:
                continue
            if dlat == 0.0 and dlon == 0.0:
                continue  # the same place under another name does not vouch for itself
            if dlon > 180.0:
                dlon = 360.0 - dlon
            x = dlon * math.cos(math.radians(lat + dlat / 2))
            distance = KM_PER_DEGREE * math.sqrt(x * x + dlat * dlat)
            if distance < 1000:
                if distance < 50:
                    return 1.0
                best = max(best, 1.0 - math.log(distance / 50.0) / _LOG20)
        return best

    def locate_county(self, county: Place) -> Place:
        """A county lies among the article's places in its state: their centroid, else the state's.

        A county the Census outlines place (gazetteer/data/us_county_points.csv) stays there.
        """
        if county.source == COUNTY_OUTLINES_SOURCE:
            return county
        inside = [p for p, _ in self.points if p.country_code == "US" and p.admin1 == county.admin1]
        if not inside:
            return county
        lat = sum(p.lat for p in inside) / len(inside)
        lon = sum(p.lon for p in inside) / len(inside)
        return replace(county, lat=round(lat, 4), lon=round(lon, 4))


_LOG20 = math.log(20.0)
