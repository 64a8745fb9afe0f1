"""Short articles for the many-article tests (--jobs, geomap batch): each names places and a claim."""

from __future__ import annotations

PLACES = [
    ("Homs", "Damascus", 160),
    ("Aleppo", "Idlib", 60),
    ("Kharkiv", "Kyiv", 410),
    ("Mosul", "Baghdad", 350),
]


def article(number: int) -> str:
    """Article `number`: its places and claimed distance (right, or doubled) differ from its neighbours'."""
    place, other, km = PLACES[number % len(PLACES)]
    claimed = km if number % 3 else km * 2
    return (
        f"Report {number}. Shelling hit {place}, about {claimed} km north of {other}, on Monday.\n"
        f"Families fled from {place} towards Beirut and Amman; Syrian and Russian officials met in Moscow.\n"
    )
