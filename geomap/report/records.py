"""The one plain-JSON shape of places, mentions and claims, shared by every JSON-writing output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from gazetteer import Place
from geomap.model import Mention, Notice, Quantity, ReadFailure, Verdict

PlaceField = Literal["id", "name", "kind", "lat", "lon", "country_code", "admin1", "population", "source"]

#: Every field of a Place, in the gazetteer's order (`geomap gazetteer lookup --format json`).
PLACE_FIELDS: tuple[PlaceField, ...] = (
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "population",
    "source",
)
#: The resolved place of a mention in `geomap places --format json|geojson`.
MENTION_PLACE_FIELDS: tuple[PlaceField, ...] = PLACE_FIELDS[:-1]
#: A runner-up candidate of a mention.
ALTERNATIVE_FIELDS: tuple[PlaceField, ...] = ("id", "name", "kind", "country_code", "lat", "lon")
#: A claim's subject or reference in the check report (docs/claim-report-schema.md).
END_POINT_FIELDS: tuple[PlaceField, ...] = ("name", "lat", "lon", "id", "kind", "country_code")


def place_record(place: Place, fields: Sequence[PlaceField] = PLACE_FIELDS) -> dict[str, Any]:
    """A place as plain JSON values: `fields`, in that order."""
    values: dict[str, Any] = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "source": place.source,
    }
    return {field: values[field] for field in fields}


def mention_record(mention: Mention) -> dict[str, Any]:
    """A mention: offsets into the article text, surface, kind, place, confidence, runners-up."""
    return {
        "start": mention.start,
        "end": mention.end,
        "surface": mention.surface,
        "kind": mention.kind,
        "place": None if mention.place is None else place_record(mention.place, MENTION_PLACE_FIELDS),
        "confidence": mention.confidence,
        "alternatives": [place_record(p, ALTERNATIVE_FIELDS) for p in mention.alternatives],
        "evidence": mention.evidence or None,
    }


def end_point_record(mention: Mention | None) -> dict[str, Any] | None:
    """A claim's subject or reference: the mention's span, its place's fields flat (null if unresolved)."""
    if mention is None:
        return None
    place = mention.place
    return {
        "surface": mention.surface,
        "start": mention.start,
        "end": mention.end,
        **(dict.fromkeys(END_POINT_FIELDS) if place is None else place_record(place, END_POINT_FIELDS)),
        "evidence": mention.evidence or None,
    }


def quantity_record(quantity: Quantity) -> dict[str, Any]:
    """A stated distance: the figure, its unit and hedge, and its value in km."""
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "hedge": quantity.hedge,
        "km": quantity.km,
        "low_km": quantity.low_km,
        "high_km": quantity.high_km,
        "text": quantity.text,
    }


def claim_record(verdict: Verdict, fingerprint: str) -> dict[str, Any]:
    """One claim and its verdict (docs/claim-report-schema.md)."""
    claim = verdict.claim
    return {
        "fingerprint": fingerprint,
        "kind": claim.kind,
        "verdict": verdict.status,
        "explanation": verdict.explanation,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "claimed": None if claim.quantity is None else quantity_record(claim.quantity),
        "direction": claim.direction,
        "country": claim.country,
        "measured_km": None if verdict.measured_km is None else round(verdict.measured_km, 3),
        "bearing_deg": None if verdict.bearing_deg is None else round(verdict.bearing_deg, 1),
        "subject": end_point_record(claim.subject),
        "reference": end_point_record(claim.reference),
        "unbound": claim.unbound,
        "waiver": verdict.waiver,
        "baseline": verdict.baseline,
    }


def failure_record(failure: ReadFailure) -> dict[str, Any]:
    """A file that could not be read: its name and why."""
    return {"name": failure.name, "reason": failure.reason}


def notice_record(notice: Notice) -> dict[str, Any]:
    """A waiver, pin or baseline entry that matched nothing."""
    return {"kind": notice.kind, "message": notice.message, "key": notice.key}
