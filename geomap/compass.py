"""Compass points: the words for them in claims, and their bearings for verification."""

from __future__ import annotations

import re

_POINTS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
#: Compass point -> bearing in degrees.
COMPASS: dict[str, float] = {point: index * 22.5 for index, point in enumerate(_POINTS)}
#: Regex (compile with re.IGNORECASE) for a direction as written: "due north", "north-east", "NNW".
#: Abbreviations must be upper case, so "in" or "we" never read as compass points.
DIRECTION = (
    r"(?:(?:due\s+)?(?:north|south|east|west)(?:[\s\-\u2010\u2011\u2013]?(?:north|south|east|west)){0,2}"
    r"(?![\w\-\u2010\u2011\u2013])"
    r"|(?-i:\b[NSEW]{1,3}\b))"
)


def compass_point(words: str) -> str | None:
    """The compass point a direction names ("north-east" -> "NE", "NNW" -> "NNW"), or None.

    None for combinations that are no compass point ("east-west", "NSW"), so such
    phrases never become direction claims.
    """
    lowered = words.lower().replace("due", "").strip()
    letters = "".join(w[0] for w in re.findall(r"north|south|east|west", lowered)).upper()
    if not letters:
        letters = words.strip() if re.fullmatch(r"[NSEW]{1,3}", words.strip()) else ""
    return letters if letters in COMPASS else None
