"""The article-level evidence resolution weighs: countries, divisions and places the article names."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from gazetteer import WIDE, Candidate, Kind, Place
from geomap.geodesy import KM_PER_DEGREE, within_km
from geomap.recognize.capitalised import Span

#: Id prefix of the provisional US county places resolution makes up.
COUNTY = "county:"


class Context:
    """What the article says as a whole: the countries, divisions and places it names."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[str]] = {}
        self.total: Counter[str] = Counter()
        self.admin1: dict[tuple[str, str], set[str]] = {}
        self.admin1_places: list[tuple[Place, str]] = []
        self.admin1_by_country: dict[str, list[tuple[Place, str]]] = {}
        self.points: list[tuple[Place, str]] = []
        self.coordinates: list[tuple[float, float, str]] = []
        self.divisions: dict[tuple[str, str], Counter[str]] = {}
        self.division_total: Counter[str] = Counter()
        self.code_sum: Counter[str] = Counter()
        self.division_sum: Counter[tuple[str, str]] = Counter()
        self.grand_total = 0
        self.division_grand_total = 0

    @classmethod
    def gather(
        cls, picks: dict[str, Candidate | None], by_norm: dict[str, list[Span]], demonym_votes: Counter[str]
    ) -> Context:
        context = cls()
        for code, count in demonym_votes.items():
            context._vote(code, "@demonym", count)
        for norm, pick in picks.items():
            if pick is None:
                continue
            place = pick.place
            if place.country_code:
                weight = len(by_norm[norm]) * (2 if place.kind in (Kind.COUNTRY, Kind.ADMIN1) else 1)
                context._vote(place.country_code, norm, weight)
            if place.admin1 and place.kind not in WIDE:
                key = (place.country_code, place.admin1)
                context.divisions.setdefault(key, Counter())[norm] += len(by_norm[norm])
                context.division_total[norm] += len(by_norm[norm])
                context.division_sum[key] += len(by_norm[norm])
                context.division_grand_total += len(by_norm[norm])
            if place.kind == Kind.ADMIN1:
                context.admin1.setdefault((place.country_code, place.name), set()).add(norm)
                context.admin1_places.append((place, norm))
                context.admin1_by_country.setdefault(place.country_code, []).append((place, norm))
            elif place.kind not in WIDE and not place.id.startswith(COUNTY):
                context.points.append((place, norm))
                context.coordinates.append((place.lat, place.lon, norm))
        return context

    def _vote(self, code: str, voter: str, weight: int) -> None:
        self.votes.setdefault(code, Counter())[voter] += weight
        self.total[voter] += weight
        self.code_sum[code] += weight
        self.grand_total += weight

    def country_share(self, code: str, norm: str) -> tuple[float, bool]:
        """Share of the article's other mentions that point into `code`, and whether any does."""
        counter = self.votes.get(code)
        if not counter:
            return 0.0, False
        mine = self.code_sum[code] - counter.get(norm, 0)
        total = self.grand_total - self.total.get(norm, 0)
        return (mine / total if total else 0.0), mine > 0

    def division_share(self, place: Place, norm: str) -> float:
        """Share of the article's other places that lie in the same first-level division."""
        key = (place.country_code, place.admin1)
        counter = self.divisions.get(key)
        if not counter:
            return 0.0
        mine = self.division_sum[key] - counter.get(norm, 0)
        total = self.division_grand_total - self.division_total.get(norm, 0)
        return mine / total if total else 0.0

    def admin1_named(self, place: Place, norm: str) -> bool:
        """The place's division is named elsewhere in the article (by name, or nearby centroid)."""
        voters = self.admin1.get((place.country_code, place.admin1))
        if voters and voters - {norm}:
            return True
        divisions = self.admin1_by_country.get(place.country_code)
        if not divisions:
            return False
        return any(
            voter != norm and abs(division.lat - place.lat) < 1.4 and within_km(place, division, 150)
            for division, voter in divisions
        )

    def closeness(self, place: Place, norm: str) -> float:
        """0..1: how near the place lies to the other places the article names (0 beyond 1,000 km)."""
        best = 0.0
        lat, lon = place.lat, place.lon
        for other_lat, other_lon, voter in self.coordinates:
            dlat = other_lat - lat
            dlon = abs(other_lon - lon)
            if dlat > 9.0 or dlat < -9.0 or 12.0 < dlon < 348.0 or voter == norm:
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
        """A county lies among the article's places in its state: their centroid, else the state's."""
        inside = [p for p, _ in self.points if p.country_code == "US" and p.admin1 == county.admin1]
        if not inside:
            return county
        lat = sum(p.lat for p in inside) / len(inside)
        lon = sum(p.lon for p in inside) / len(inside)
        return replace(county, lat=round(lat, 4), lon=round(lon, 4))


_LOG20 = math.log(20.0)
