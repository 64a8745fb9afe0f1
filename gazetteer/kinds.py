"""What a place is: the Kind enum and its facets, the one home of every kind set."""

from __future__ import annotations

from enum import Enum


class TextEnum(str, Enum):
    """A str-valued enum that prints, formats, hashes and serialises as its value.

    So a member can stand wherever the bare string stood: in JSON (byte-identical), in
    f-strings, as a dict key looked up by the string, in SQLite.
    """

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Kind(TextEnum):
    """Every kind a place can have, from the most to the least general."""

    CONTINENT = "continent"
    COUNTRY = "country"
    ADMIN1 = "admin1"
    CAPITAL = "capital"
    CITY = "city"
    REGION = "region"
    SEA = "sea"
    GULF = "gulf"
    STRAIT = "strait"
    LAKE = "lake"
    RIVER = "river"
    MOUNTAIN = "mountain"
    ISLAND = "island"
    PENINSULA = "peninsula"
    DESERT = "desert"
    CANAL = "canal"
    FEATURE = "feature"
    AIRPORT = "airport"
    AIR_BASE = "air_base"
    NAVAL_BASE = "naval_base"
    MILITARY_SITE = "military_site"
    NUCLEAR_SITE = "nuclear_site"
    PORT = "port"
    BORDER_CROSSING = "border_crossing"
    DAM = "dam"
    BRIDGE = "bridge"

    @property
    def noun(self) -> str:
        """The kind in prose with its article, for explanations: "a first-level division", "an island"."""
        words = _NOUNS.get(self.value, self.value.replace("_", " "))
        return ("an " if words[0] in "aeiou" else "a ") + words


#: Prose for the kinds whose value is a code or an abbreviation.
_NOUNS = {"admin1": "first-level division", "feature": "named feature"}


#: Every kind's name, in Kind's order (click choices, messages).
KINDS: tuple[str, ...] = tuple(kind.value for kind in Kind)
#: Sites located by a single point a few hundred metres across (the tail of Kind).
POINT_SITE = frozenset(list(Kind)[list(Kind).index(Kind.AIRPORT) :])
#: Settlements (a capital is a city too when filtering by kind).
SETTLEMENT = frozenset({Kind.CAPITAL, Kind.CITY})
#: Divisions and historical or informal regions.
DIVISION = frozenset({Kind.ADMIN1, Kind.REGION})
#: Wider than any one story's ground: a country or a continent.
WIDE = frozenset({Kind.CONTINENT, Kind.COUNTRY})
#: So vast that their one coordinate says nothing about where their edge is.
VAST = frozenset({Kind.CONTINENT, Kind.COUNTRY, Kind.SEA, Kind.GULF, Kind.DESERT, Kind.PENINSULA})
#: Large extent: a distance "to" them is measured to their centre with a wide margin.
AREA = frozenset(
    {
        Kind.CONTINENT,
        Kind.COUNTRY,
        Kind.ADMIN1,
        Kind.REGION,
        Kind.SEA,
        Kind.GULF,
        Kind.LAKE,
        Kind.DESERT,
        Kind.PENINSULA,
    }
)
#: Open water a name can denote ("the Gulf", "the Black Sea").
OPEN_WATER = frozenset({Kind.SEA, Kind.GULF, Kind.STRAIT})
