"""Which point a claim's end stands for when the resolver picked a division of the same name."""

from __future__ import annotations

from gazetteer import DIVISION, SETTLEMENT, Place, normalize
from geomap.model import Mention


def as_settlement(mention: Mention | None, place: Place) -> Place:
    """A division read as the town of the same name when the claim treats it as a point.

    "60 km south of Aleppo" measures from the city, not from the governorate's centre: when the
    resolver picked a division and a runner-up is a settlement of the same name, that is meant.
    """
    if place.kind not in DIVISION or mention is None:
        return place
    name = normalize(place.name)
    for alternative in mention.alternatives:
        if alternative.kind in SETTLEMENT and normalize(alternative.name) == name:
            return alternative
    return place
