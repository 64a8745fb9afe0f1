"""Which point a claim's end stands for when the resolver picked a division of the same name."""

from __future__ import annotations

from gazetteer import SETTLEMENT, Place
from geomap.model import Mention, same_named_town


def as_settlement(mention: Mention | None, place: Place) -> Place:
    """A division read as the town of the same name when the claim treats it as a point.

    "60 km south of Aleppo" measures from the city, not from the governorate's centre: when the
    resolver picked a division and a runner-up is a settlement of the same name, that is meant.
    """
    if mention is None:
        return place
    return same_named_town(place, mention.alternatives, SETTLEMENT) or place
