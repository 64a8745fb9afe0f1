"""Where a map opens and which names it always labels: the story's confident places and its claims.

A wrong namesake, a country's centroid or a vague region must not stretch the opening view
across continents, so the view is fitted to the claims and the confidently resolved places
only; a less certain place joins it only when it lies among them. Every place is still on
the map, and the legend's "everything" link shows it all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import VAST, Kind
from geomap.render.basemap import Extent
from geomap.render.features import ClaimLine, PlacePin

#: A place resolved at least this confidently shapes the opening view wherever it is.
CONFIDENT = 0.75
#: A less certain place joins the view only inside the confident ones' box grown by this
#: share of its larger side (and at least MIN_REACH_DEG).
REACH_RATIO, MIN_REACH_DEG = 0.5, 1.0
#: Kinds whose one coordinate says little about where the story is (a country's or a
#: historical region's centroid: "Soviet Union" sits in Siberia).
_UNLOCATED = VAST | {Kind.REGION}
#: Places per article labelled whatever the zoom, besides countries and claim ends.
MAIN_PLACES = 3

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Label:
    """How a place's name is shown on the map."""

    always: bool
    """Shown at every zoom (countries, claim ends, the article's main places)."""
    rank: int
    """Order in which the page places labels: lower first, so it wins a collision."""


def confidence(pin: PlacePin) -> float:
    """How sure the resolver is of a pin: its best mention."""
    return max(mention.confidence for mention in pin.mentions)


def opening_points(pins: Sequence[PlacePin], lines: Sequence[ClaimLine]) -> list[Point]:
    """The points the map opens on: claim lines, confident places, and uncertain ones among them.

    Falls back to every locatable place, then to every place, when nothing else is left.
    """
    claims = [point for line in lines for point in line.points]
    located = [pin for pin in pins if pin.place.kind not in _UNLOCATED]
    confident = [_point(pin) for pin in located if confidence(pin) >= CONFIDENT]
    core = claims + confident
    if not core:
        return [_point(pin) for pin in located] or [_point(pin) for pin in pins]
    reach = _grown(Extent.around(core))
    nearby = [_point(pin) for pin in located if confidence(pin) < CONFIDENT and _inside(_point(pin), reach)]
    return core + nearby


def story_countries(pins: Sequence[PlacePin], lines: Sequence[ClaimLine]) -> list[str]:
    """The countries of the places the map opens on, most named first (for division lines)."""
    opening = set(opening_points(pins, lines))
    counts: dict[str, int] = {}
    for pin in pins:
        if pin.place.country_code and pin.place.kind not in _UNLOCATED and _point(pin) in opening:
            counts[pin.place.country_code] = counts.get(pin.place.country_code, 0) + len(pin.mentions)
    return sorted(counts, key=lambda code: (-counts[code], code))


def labels(pins: Sequence[PlacePin], lines: Sequence[ClaimLine]) -> list[Label]:
    """A label for each pin (same order): always for countries, claim ends and main places.

    The rest are ranked by how often the article names them and how sure the resolver is,
    so when labels collide the page keeps the more important one.
    """
    ends = {
        (line.article.name, end.place.id)
        for line in lines
        for end in (line.verdict.claim.subject, line.verdict.claim.reference)
        if end is not None and end.place is not None
    }
    order = sorted(
        range(len(pins)),
        key=lambda i: (-len(pins[i].mentions), -confidence(pins[i]), i),
    )
    main: set[int] = set()
    per_article: dict[str, int] = {}
    for index in order:
        pin = pins[index]
        taken = per_article.get(pin.article.name, 0)
        if taken < MAIN_PLACES and pin.place.kind not in _UNLOCATED and confidence(pin) >= CONFIDENT:
            main.add(index)
            per_article[pin.article.name] = taken + 1
    rank = {index: position for position, index in enumerate(order)}
    return [
        Label(
            always=pin.place.kind in (Kind.COUNTRY, Kind.CONTINENT)
            or (pin.article.name, pin.place.id) in ends
            or index in main,
            rank=rank[index],
        )
        for index, pin in enumerate(pins)
    ]


def _point(pin: PlacePin) -> Point:
    return (pin.place.lat, pin.place.lon)


def _grown(extent: Extent) -> Extent:
    margin = max(MIN_REACH_DEG, REACH_RATIO * extent.span)
    return Extent(extent.south - margin, extent.west - margin, extent.north + margin, extent.east + margin)


def _inside(point: Point, extent: Extent) -> bool:
    return extent.south <= point[0] <= extent.north and extent.west <= point[1] <= extent.east
