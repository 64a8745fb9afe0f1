"""Synthetic news articles for the throughput benchmarks: place names, claims and filler prose.

Usage: python scripts/synthetic_articles.py FOLDER [--count 1000] [--seed 1]
(also imported by bench_jobs.py and bench_batch.py). The sentences are written for geomap's
benchmarks, news-like in length (about 2-4 KB) and in what they name: cities, countries and
regions, distance, direction, border and proximity claims, most of them checkable.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PAIRS = [
    ("Damascus", "Beirut", 85, "east"),
    ("Homs", "Damascus", 160, "north"),
    ("Aleppo", "Idlib", 60, "north-east"),
    ("Kharkiv", "Kyiv", 410, "east"),
    ("Odesa", "Kyiv", 440, "south"),
    ("Lyon", "Paris", 390, "south-east"),
    ("Marseille", "Lyon", 280, "south"),
    ("Munich", "Berlin", 500, "south"),
    ("Hamburg", "Berlin", 255, "north-west"),
    ("Porto", "Lisbon", 275, "north"),
    ("Seville", "Madrid", 390, "south-west"),
    ("Gdansk", "Warsaw", 285, "north"),
    ("Mosul", "Baghdad", 350, "north"),
    ("Basra", "Baghdad", 450, "south-east"),
    ("Mombasa", "Nairobi", 440, "south-east"),
    ("Kano", "Abuja", 300, "north"),
    ("Osaka", "Tokyo", 400, "west"),
    ("Busan", "Seoul", 325, "south-east"),
    ("Chicago", "Detroit", 380, "west"),
    ("Sacramento", "San Francisco", 120, "north-east"),
]
BORDERS = [
    ("Aleppo", "Turkey", 50),
    ("Lviv", "Poland", 70),
    ("Mosul", "Syria", 100),
    ("Kharkiv", "Russia", 40),
]
FILLER = [
    "Officials said talks would resume next week after a pause of several days.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Residents described long queues at fuel stations and bakeries across the region.",
    "Analysts cautioned that the figures could not be independently verified.",
    "The agreement, signed late on Monday, still needs the approval of parliament.",
    "Aid groups warned that supplies of medicine were running low in several hospitals.",
    "Prices of bread and cooking oil have risen sharply since the start of the year.",
    "A spokesman for the company said production would return to normal within a month.",
]


def article(rng: random.Random) -> str:
    """One article: a dateline, a few claim sentences and filler paragraphs."""
    sentences = []
    for _ in range(rng.randint(3, 6)):
        place, other, km, bearing = rng.choice(PAIRS)
        shape = rng.randrange(4)
        if shape == 0:
            sentences.append(f"Fighting was reported in {place}, about {km} km {bearing} of {other}.")
        elif shape == 1:
            figure = rng.choice([km, km * 2])
            sentences.append(f"Convoys left {other} for {place}, some {figure} kilometres away.")
        elif shape == 2:
            town, country, border_km = rng.choice(BORDERS)
            sentences.append(f"{town}, roughly {border_km} km from the border with {country}, was calm.")
        else:
            sentences.append(f"Delegations from {place} and {other} met near {other} on Friday.")
        sentences.extend(rng.sample(FILLER, rng.randint(2, 4)))
    dateline = rng.choice(PAIRS)[1].upper()
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return f"{dateline} — " + "\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` articles into `folder` (created) and return their paths, sorted."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(article(rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_articles(args.folder, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.folder}")


if __name__ == "__main__":
    main()
