"""Readers for the gold geoparsing corpora: LGL and TR-News (<toponym>) and GeoVirus (<location>)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from geomap.articles import require_regular_file
from geomap.errors import InputError

#: How far from a stated offset a gold phrase is searched for (TR-News offsets drift by up to ~10).
OFFSET_SLACK = 40


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated place name."""

    start: int
    """Offset in the article text, corrected so that text[start:end] == phrase."""
    end: int
    phrase: str
    lat: float | None = None
    """Gold latitude, None when the annotators gave no coordinates."""
    lon: float | None = None
    geonameid: int | None = None
    """GeoNames id when the corpus gives one (LGL, TR-News)."""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article with its gold toponyms, sorted by start."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    """A whole gold corpus."""

    name: str
    format: str
    """"toponym" (LGL, TR-News) or "location" (GeoVirus)."""
    articles: tuple[GoldArticle, ...]
    repaired: int = 0
    """Offsets that had to be moved to find their phrase."""
    dropped: int = 0
    """Annotations whose phrase could not be found near their offset (or was empty)."""


def read_corpus(path: Path) -> Corpus:
    """Parse a corpus file; raises InputError when it is not one of the supported formats."""
    try:
        require_regular_file(Path(path))
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise InputError(f"cannot read corpus {path}: {error}") from error
    if root.tag != "articles":
        raise InputError(f"{path}: not a geoparsing corpus (root <{root.tag}>, expected <articles>)")
    counts = [0, 0]
    articles = []
    for number, element in enumerate(root.findall("article")):
        text = element.findtext("text") or ""
        identifier = element.get("docid") or (element.findtext("source") or "").strip() or str(number)
        toponyms = [*_toponyms(element, text, counts), *_locations(element, text, counts)]
        unique = {(t.start, t.end): t for t in toponyms}
        articles.append(GoldArticle(identifier, text, tuple(sorted(unique.values(), key=lambda t: t.start))))
    kind = (
        "location" if any(a.find(".//location") is not None for a in root.findall("article")) else "toponym"
    )
    return Corpus(Path(path).stem, kind, tuple(articles), counts[0], counts[1])


def _toponyms(article: ET.Element, text: str, counts: list[int]) -> list[GoldToponym]:
    found = []
    for element in article.iter("toponym"):
        phrase = (element.findtext("phrase") or "").strip()
        gaztag = element.find("gaztag")
        lat = lon = geonameid = None
        if gaztag is not None:
            lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
            geonameid = _int(gaztag.get("geonameid"))
        span = _locate(text, phrase, _int(element.findtext("start")), counts)
        if span:
            found.append(GoldToponym(span[0], span[1], phrase, lat, lon, geonameid))
    return found


def _locations(article: ET.Element, text: str, counts: list[int]) -> list[GoldToponym]:
    """GeoVirus: start/end are one too large, and one <location> wraps others (iter sees them all)."""
    found = []
    for element in article.iter("location"):
        if element.find("name") is None:
            continue
        phrase = (element.findtext("name") or "").strip()
        start = _int(element.findtext("start"))
        end = _int(element.findtext("end"))
        if not phrase and start is not None and end is not None:
            phrase = text[start - 1 : end - 1].strip()
        span = _locate(text, phrase, None if start is None else start - 1, counts)
        if span:
            lat, lon = _float(element.findtext("lat")), _float(element.findtext("lon"))
            found.append(GoldToponym(span[0], span[1], phrase, lat, lon))
    return found


def _locate(text: str, phrase: str, start: int | None, counts: list[int]) -> tuple[int, int] | None:
    """The stated span if it holds the phrase, else the nearest occurrence within OFFSET_SLACK."""
    if not phrase or start is None:
        counts[1] += 1
        return None
    if text[start : start + len(phrase)] == phrase:
        return start, start + len(phrase)
    best = None
    low = max(0, start - OFFSET_SLACK)
    index = text.find(phrase, low, start + len(phrase) + OFFSET_SLACK)
    while index != -1:
        if best is None or abs(index - start) < abs(best - start):
            best = index
        index = text.find(phrase, index + 1, start + len(phrase) + OFFSET_SLACK)
    if best is None:
        counts[1] += 1
        return None
    counts[0] += 1
    return best, best + len(phrase)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None
