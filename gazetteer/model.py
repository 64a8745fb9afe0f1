"""Value objects of the gazetteer: places, ranked candidates and country records."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.kinds import Kind

_KINDS = {kind.value: kind for kind in Kind}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    """Stable identifier, "<source>:<key>", e.g. "geonames:170063" or "site:khmeimim-air-base"."""
    name: str
    """Preferred English name."""
    kind: Kind
    """What the place is."""
    lat: float
    """Latitude in decimal degrees, WGS84."""
    lon: float
    """Longitude in decimal degrees, WGS84."""
    country_code: str
    """ISO 3166-1 alpha-2 code, or "" for international places."""
    admin1: str = ""
    """First-level division: its name where known, else the GeoNames admin1 code."""
    population: int = 0
    """Population, 0 when unknown or not a settlement."""
    source: str = ""
    """Where the entry comes from (geonames, countrystatecity, airportsdata, curated, user)."""

    def __post_init__(self) -> None:
        if type(self.kind) is not Kind:  # rows read back from SQLite, hand-made places in tests
            # A dict look-up, not Kind(value): every candidate of every new name comes through here.
            known = _KINDS.get(self.kind) if isinstance(self.kind, str) else None
            object.__setattr__(self, "kind", known if known is not None else Kind(self.kind))

    def __reduce__(self) -> tuple[type[Place], tuple[str, str, Kind, float, float, str, str, int, str]]:
        """Pickled as its constructor's arguments, in order.

        The default for a slotted dataclass restores each field through a loop over the
        fields; results sent back from worker processes hold thousands of places, and
        calling the constructor instead halves their unpickling (measured).
        """
        fields = (self.id, self.name, self.kind, self.lat, self.lon, self.country_code)
        return (Place, (*fields, self.admin1, self.population, self.source))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that a name may refer to, with the evidence used to rank it."""

    place: Place
    """The candidate place."""
    prior: float
    """Context-free plausibility: log-population plus a bonus for the kind."""
    matched: str
    """How the name matched: "primary", "alternate" or "code"."""

    @property
    def score(self) -> float:
        """Prior lowered for names that are only an alternate or a code of the place."""
        return self.prior - _MATCH_PENALTY[self.matched]


_MATCH_PENALTY = {"primary": 0.0, "alternate": 1.5, "code": 3.0}


@dataclass(frozen=True, slots=True)
class RankedName:
    """A bare name's candidates as the build ranked them (gazetteer.ranking)."""

    candidates: tuple[Candidate, ...]
    """Best prior first, at most gazetteer.ranking.MAX_CANDIDATES."""
    priors: tuple[float, ...]
    """The ranking prior of each candidate, in the same order."""


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """Facts about a country beyond its Place record."""

    code: str
    """ISO 3166-1 alpha-2."""
    iso3: str
    """ISO 3166-1 alpha-3."""
    name: str
    """English short name."""
    capital: str
    """Name of the capital city."""
    population: int
    """Population (GeoNames)."""
    continent: str
    """GeoNames continent code (AS, EU, AF, NA, SA, OC, AN)."""
    neighbours: tuple[str, ...] = field(default_factory=tuple)
    """ISO codes of the countries sharing a land border."""


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    """What `geomap gazetteer info` shows."""

    path: str
    size_bytes: int
    built_at: str
    build_seconds: float
    fingerprint: str
    places_by_source: dict[str, int]
    places_by_kind: dict[str, int]
    names: int
    licences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutlineBox:
    """A country outline's name and bounding box, without its geometry (cheap to list)."""

    code: str
    """ISO 3166-1 alpha-2 code."""
    name: str
    """English name (Natural Earth's)."""
    west: float
    """Smallest longitude, degrees."""
    south: float
    """Smallest latitude."""
    east: float
    """Largest longitude."""
    north: float
    """Largest latitude."""
