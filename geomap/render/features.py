"""The map features of a report (one pin per place, one line per claim), and their GeoJSON export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gazetteer import Kind, Place
from geomap.geodesy import geodesic_line
from geomap.model import Article, ArticleResult, Mention, MentionKind, Report, Verdict
from geomap.report.records import PlaceField, place_record

#: Map categories (legend entries) and the gazetteer kinds each one covers.
CATEGORIES: dict[str, tuple[Kind, ...]] = {
    "country": (Kind.CONTINENT, Kind.COUNTRY),
    "division": (Kind.ADMIN1, Kind.REGION),
    "city": (Kind.CAPITAL, Kind.CITY),
    "military": (Kind.AIR_BASE, Kind.NAVAL_BASE, Kind.MILITARY_SITE, Kind.NUCLEAR_SITE),
    "airport": (Kind.AIRPORT, Kind.PORT),
    "feature": (
        Kind.SEA,
        Kind.GULF,
        Kind.STRAIT,
        Kind.LAKE,
        Kind.RIVER,
        Kind.MOUNTAIN,
        Kind.ISLAND,
        Kind.PENINSULA,
        Kind.DESERT,
        Kind.CANAL,
        Kind.FEATURE,
    ),
    "other": (Kind.BORDER_CROSSING, Kind.DAM, Kind.BRIDGE),
}
CATEGORY_LABELS = {
    "country": "Country",
    "division": "Region / division",
    "city": "City",
    "military": "Air base / military site",
    "airport": "Airport / port",
    "feature": "Physical feature",
    "other": "Other site",
}
_CATEGORY_OF = {kind: category for category, kinds in CATEGORIES.items() for kind in kinds}
#: A pin's place fields (records.place_record), before and after its legend category.
_PIN_NAME: tuple[PlaceField, ...] = ("id", "name", "kind")
_PIN_DETAILS: tuple[PlaceField, ...] = ("country_code", "admin1", "population", "source")


def category(kind: Kind) -> str:
    """The legend category of a gazetteer kind ("other" for kinds added later)."""
    return _CATEGORY_OF.get(kind, "other")


@dataclass(frozen=True, slots=True)
class PlacePin:
    """One resolved place as it appears in one article."""

    place: Place
    """The gazetteer place."""
    article: Article
    """The article that names it."""
    mentions: tuple[Mention, ...]
    """Its literal mentions, in text order (never empty)."""
    demonyms: int = 0
    """How many demonym/adjective mentions ("Syrian") also point at it."""


@dataclass(frozen=True, slots=True)
class ClaimLine:
    """A checked claim whose two end points both resolved."""

    verdict: Verdict
    """The verdict, with its claim."""
    article: Article
    """The article that makes the claim."""
    points: tuple[tuple[float, float], ...]
    """(lat, lon) along the geodesic from the reference to the subject."""


def place_pins(result: ArticleResult) -> list[PlacePin]:
    """One pin per distinct place an article names literally, in order of first mention.

    Places reached only through a demonym ("Russian diplomats") get no pin: the article
    never names them.
    """
    literal: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    demonyms: dict[str, int] = {}
    for mention in result.mentions:
        if mention.place is None:
            continue
        key = mention.place.id
        if mention.kind == MentionKind.PLACE:
            literal.setdefault(key, []).append(mention)
            places.setdefault(key, mention.place)
        elif mention.kind == MentionKind.DEMONYM:
            demonyms[key] = demonyms.get(key, 0) + 1
    return [
        PlacePin(places[key], result.article, tuple(mentions), demonyms.get(key, 0))
        for key, mentions in literal.items()
    ]


#: geographiclib in pure Python takes ~0.7 ms a line, and an archive repeats its claims'
#: place pairs (1,000 synthetic articles: 2,221 lines, 22 pairs); a line is an immutable tuple.
_geodesic_line = lru_cache(maxsize=4096)(geodesic_line)


def claim_lines(result: ArticleResult) -> list[ClaimLine]:
    """A line for every verdict whose claim has a resolved subject and reference."""
    lines = []
    for verdict in result.verdicts:
        subject, reference = verdict.claim.subject, verdict.claim.reference
        if subject is None or reference is None or subject.place is None or reference.place is None:
            continue
        start, end = reference.place, subject.place
        points = _geodesic_line((start.lat, start.lon), (end.lat, end.lon))
        lines.append(ClaimLine(verdict, result.article, points))
    return lines


def feature_collection(report: Report) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946) of every place pin and claim line of a report.

    Coordinates are [lon, lat]; properties are plain values so QGIS and kepler.gl can
    filter on them (kind, category, status...).
    """
    features: list[dict[str, Any]] = []
    for result in report.results:
        features.extend(_place_feature(pin) for pin in place_pins(result))
        features.extend(_claim_feature(line) for line in claim_lines(result))
    return {"type": "FeatureCollection", "features": features}


def dumps(report: Report) -> str:
    """The report's FeatureCollection as JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(feature_collection(report), ensure_ascii=False, indent=1) + "\n"


def _place_feature(pin: PlacePin) -> dict[str, Any]:
    place = pin.place
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "feature": "place",
            **place_record(place, _PIN_NAME),
            "category": category(place.kind),
            **place_record(place, _PIN_DETAILS),
            "article": pin.article.name,
            "mentions": len(pin.mentions),
            "demonym_mentions": pin.demonyms,
            "surfaces": sorted({m.surface for m in pin.mentions}),
            "offsets": [[m.start, m.end] for m in pin.mentions],
        },
    }


def _claim_feature(line: ClaimLine) -> dict[str, Any]:
    verdict, claim = line.verdict, line.verdict.claim
    assert claim.subject is not None and claim.reference is not None  # claim_lines guarantees it
    quantity = claim.quantity
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in line.points]},
        "properties": {
            "feature": "claim",
            "claim_kind": claim.kind,
            "status": verdict.status,
            "explanation": verdict.explanation,
            "text": claim.text,
            "sentence": claim.sentence,
            "article": line.article.name,
            "line": claim.line,
            "start": claim.start,
            "end": claim.end,
            "subject": claim.subject.surface,
            "subject_id": claim.subject.place.id if claim.subject.place else None,
            "reference": claim.reference.surface,
            "reference_id": claim.reference.place.id if claim.reference.place else None,
            "claimed_km": quantity.km if quantity else None,
            "claimed": quantity.text if quantity else None,
            "hedge": quantity.hedge if quantity else None,
            "direction": claim.direction,
            "measured_km": verdict.measured_km,
            "bearing_deg": verdict.bearing_deg,
        },
    }
