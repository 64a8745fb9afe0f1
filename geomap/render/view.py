"""Where a map opens and which names it always labels: the story's confident places and its claims.

A wrong namesake, a country's centroid or a vague region must not stretch the opening view
across continents, so the view is fitted to the claims and the confidently resolved places
only; a less certain place joins it only when it lies among them. Every place is still on
the map, and the legend's "everything" link shows it all.
"""

from __future__ import annotations

import math
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
#: A claim line is drawn at least this long (pixels) at the opening zoom, zooming in up to CLAIM_MAX_ZOOM.
CLAIM_MIN_PIXELS, CLAIM_MAX_ZOOM = 40, 15
#: The page size (pixels) assumed when working out, before any browser opens it, what the
#: page will open on: the basemap's detail and division lines follow that view.
NOMINAL_VIEW_PX = (1280, 800)
#: Room kept around fitted features (the legend sits in the bottom-right corner), and the
#: closest zoom a fit goes to: map.js's `fit` options.
FIT_PADDING_TOP_LEFT, FIT_PADDING_BOTTOM_RIGHT, MAX_FIT_ZOOM = (40, 40), (250, 40), 11
#: How far (a share of the view on each side) map.js may move a claims view towards the
#: story's centre: the claims stay in the middle 60 % of it.
_CLAIMS_VIEW_SHIFT = 0.3
#: Pixels round the world at zoom 0 (Web Mercator tiles).
_WORLD_PX = 256.0

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

    A confident place too far from a short claim to share its view (the page zooms in until
    the claim is CLAIM_MIN_PIXELS long) is left out: "Moscow" in a story about a 60 km claim
    in Syria would only pull the view off the claim's surroundings. Falls back to every
    locatable place, then to every place, when nothing else is left.
    """
    claims = [point for line in lines for point in line.points]
    located = [pin for pin in pins if pin.place.kind not in _UNLOCATED]
    confident = [_point(pin) for pin in located if confidence(pin) >= CONFIDENT]
    core = claims + confident
    if not core:
        return [_point(pin) for pin in located] or [_point(pin) for pin in pins]
    need = _claim_zoom(lines)
    if need is not None and need > _fit_zoom(Extent.around(core), MAX_FIT_ZOOM):
        view = _claims_view(lines, need)
        core = claims + [point for point in confident if _inside(point, view)]
    reach = _grown(Extent.around(core))
    nearby = [_point(pin) for pin in located if confidence(pin) < CONFIDENT and _inside(_point(pin), reach)]
    return core + nearby


def opening_extent(opening: Sequence[Point], lines: Sequence[ClaimLine]) -> Extent | None:
    """The box the page opens on (`opening` = opening_points), as map.js openingView works it out.

    The opening points' box, unless a claim line would still be shorter than CLAIM_MIN_PIXELS
    there: then the page zooms in on the claims, and the box is the view at that zoom around
    them (on a NOMINAL_VIEW_PX page, grown by as far as the script may move it towards the
    story's centre). The basemap's detail follows it.
    """
    if not opening:
        return None
    story = Extent.around(opening)
    need = _claim_zoom(lines)
    if need is None or need <= _fit_zoom(story, MAX_FIT_ZOOM):
        return story
    return _claims_view(lines, need)


def _claims_view(lines: Sequence[ClaimLine], need: int) -> Extent:
    """The view the page zooms in to for short claims: at `need`, or wider when they do not fit."""
    claims = Extent.around([point for line in lines for point in line.points])
    return _view_at(claims, min(need, _fit_zoom(claims), CLAIM_MAX_ZOOM))


def story_countries(pins: Sequence[PlacePin], lines: Sequence[ClaimLine]) -> list[str]:
    """The countries of the places the map opens on, most named first (for division lines)."""
    opening = set(opening_points(pins, lines))
    counts: dict[str, int] = {}
    for pin in pins:
        if pin.place.country_code and pin.place.kind not in _UNLOCATED and _point(pin) in opening:
            counts[pin.place.country_code] = counts.get(pin.place.country_code, 0) + len(pin.mentions)
    return sorted(counts, key=lambda code: (-counts[code], code))


def _claim_zoom(lines: Sequence[ClaimLine]) -> int | None:
    """The zoom that draws the shortest claim line CLAIM_MIN_PIXELS long (None without claims)."""
    need = None
    for line in lines:
        (ax, ay), (bx, by) = _mercator(line.points[0]), _mercator(line.points[-1])
        length = max(math.hypot(ax - bx, ay - by), 1e-9)
        zoom = math.ceil(math.log2(CLAIM_MIN_PIXELS / length))
        need = zoom if need is None else max(need, zoom)
    return need


def _fit_zoom(extent: Extent, cap: int | None = None) -> int:
    """The zoom at which a NOMINAL_VIEW_PX page fits the box inside its padding, at most `cap`.

    As Leaflet's getBoundsZoom, in whole zooms.
    """
    (west, north), (east, south) = (
        _mercator((extent.north, extent.west)),
        _mercator((extent.south, extent.east)),
    )
    width = NOMINAL_VIEW_PX[0] - FIT_PADDING_TOP_LEFT[0] - FIT_PADDING_BOTTOM_RIGHT[0]
    height = NOMINAL_VIEW_PX[1] - FIT_PADDING_TOP_LEFT[1] - FIT_PADDING_BOTTOM_RIGHT[1]
    zoom = math.floor(math.log2(min(width / max(east - west, 1e-9), height / max(south - north, 1e-9))))
    return zoom if cap is None else min(zoom, cap)


def _view_at(extent: Extent, zoom: int) -> Extent:
    """The NOMINAL_VIEW_PX view at `zoom` around the box, grown by _CLAIMS_VIEW_SHIFT each way."""
    (west, north), (east, south) = (
        _mercator((extent.north, extent.west)),
        _mercator((extent.south, extent.east)),
    )
    half_x, half_y = (size * (0.5 + _CLAIMS_VIEW_SHIFT) / 2**zoom for size in NOMINAL_VIEW_PX)
    centre_x, centre_y = (west + east) / 2, (north + south) / 2
    top, left = _unmercator((centre_x - half_x, centre_y - half_y))
    bottom, right = _unmercator((centre_x + half_x, centre_y + half_y))
    return Extent(
        min(bottom, extent.south), min(left, extent.west), max(top, extent.north), max(right, extent.east)
    )


def _mercator(point: Point) -> tuple[float, float]:
    """Web Mercator pixels at zoom 0 of a (lat, lon) point (x east, y south)."""
    lat = max(min(point[0], 85.0511), -85.0511)
    x = (point[1] + 180.0) / 360.0 * _WORLD_PX
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * _WORLD_PX
    return x, y


def _unmercator(pixel: tuple[float, float]) -> Point:
    x, y = pixel
    lon = x / _WORLD_PX * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / _WORLD_PX))))
    return lat, lon


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
