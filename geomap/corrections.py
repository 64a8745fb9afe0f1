"""Corrections from the settings: pins fix a name's place in some articles, waivers accept a claim.

`[[tool.geomap.pin]]` and `[[tool.geomap.waive]]` entries (README, "Corrections and waivers").
"""

from __future__ import annotations

import fnmatch
import math
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gazetteer import KINDS, Gazetteer, Kind, Place, normalize
from geomap.errors import ConfigError
from geomap.fingerprint import FINGERPRINT_LENGTH, each_claim
from geomap.model import Article, Mention, MentionKind, Notice, NoticeKind, Report, Status, Verdict

#: What a pinned mention says of how it was resolved.
PINNED = "pinned by config"
_FINGERPRINT = re.compile(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}")


@dataclass(frozen=True, slots=True)
class Waiver:
    """A `[[tool.geomap.waive]]` entry: the claim with this fingerprint is accepted, for this reason."""

    claim: str
    """The claim's fingerprint (geomap.fingerprint)."""
    reason: str
    """Why it is accepted; every report shows it."""


@dataclass(frozen=True, slots=True)
class Pin:
    """A `[[tool.geomap.pin]]` entry: `name` is `place` (or the point lat/lon) in matching articles."""

    name: str
    """The name as articles write it."""
    articles: tuple[str, ...]
    """Globs matched against the article path relative to `base` (a glob without "/": the file name)."""
    base: Path
    """The folder of the settings file the pin comes from."""
    place: str | None = None
    """A gazetteer id ("geonames:170654"), or None for a point given by lat/lon."""
    lat: float = 0.0
    lon: float = 0.0
    kind: Kind = Kind.CITY
    """The kind of a lat/lon point (a city of unknown population: about a kilometre across)."""
    country: str = ""
    """The ISO code of a lat/lon point's country."""


def parse_waivers(value: Any, where: str) -> tuple[Waiver, ...]:
    """The waivers of a `waive` array of tables, or ConfigError naming the entry at fault."""
    waivers: list[Waiver] = []
    for number, entry in enumerate(_tables("waive", value, where), 1):
        at = f"{where} waive #{number}"
        _only_keys(entry, {"claim", "reason"}, at)
        claim, reason = entry.get("claim"), entry.get("reason")
        if not isinstance(claim, str) or not _FINGERPRINT.fullmatch(claim):
            raise ConfigError(
                f"{at}: claim must be a fingerprint of {FINGERPRINT_LENGTH} hex digits, not {claim!r}"
            )
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{at}: reason must be a non-empty string, not {reason!r}")
        if any(waiver.claim == claim for waiver in waivers):
            raise ConfigError(f"{at}: claim {claim} is waived twice")
        waivers.append(Waiver(claim, " ".join(reason.split())))
    return tuple(waivers)


def parse_pins(value: Any, base: Path, where: str) -> tuple[Pin, ...]:
    """The pins of a `pin` array of tables, or ConfigError naming the entry at fault."""
    pins = []
    for number, entry in enumerate(_tables("pin", value, where), 1):
        at = f"{where} pin #{number}"
        _only_keys(entry, {"name", "articles", "place", "lat", "lon", "kind", "country"}, at)
        name, globs = entry.get("name"), entry.get("articles")
        if not isinstance(name, str) or not normalize(name):
            raise ConfigError(f"{at}: name must be a place name, not {name!r}")
        globs = [globs] if isinstance(globs, str) else globs
        if not isinstance(globs, list) or not globs or not all(isinstance(g, str) and g for g in globs):
            raise ConfigError(
                f"{at}: articles must be a glob or a list of globs, not {entry.get('articles')!r}"
            )
        if ("place" in entry) == ("lat" in entry or "lon" in entry):
            raise ConfigError(f"{at}: give either place (a gazetteer id) or lat and lon")
        pin = Pin(name, tuple(globs), base)
        if "place" in entry:
            if not isinstance(entry["place"], str) or not entry["place"] or {"kind", "country"} & set(entry):
                raise ConfigError(f"{at}: place must be a gazetteer id (kind and country go with lat/lon)")
            pins.append(replace(pin, place=entry["place"]))
        else:
            pins.append(_point(pin, entry, at))
    return tuple(pins)


def _point(pin: Pin, entry: dict[str, Any], at: str) -> Pin:
    """A pin to the point lat/lon, its kind and country checked."""
    lat, lon = _degrees(entry.get("lat"), 90, "lat", at), _degrees(entry.get("lon"), 180, "lon", at)
    kind = entry.get("kind", Kind.CITY.value)
    if kind not in KINDS:
        raise ConfigError(f"{at}: kind {kind!r} is not a place kind; valid: {', '.join(KINDS)}")
    country = entry.get("country", "")
    if not isinstance(country, str) or not re.fullmatch(r"([A-Za-z]{2})?", country):
        raise ConfigError(f"{at}: country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    return replace(pin, lat=lat, lon=lon, kind=Kind(kind), country=country.upper())


def _degrees(value: Any, limit: float, key: str, at: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{at}: {key} must be a number from {-limit:g} to {limit:g}, not {value!r}")
    if not -limit <= value <= limit:
        raise ConfigError(f"{at}: {key} must be a number from {-limit:g} to {limit:g}, not {value!r}")
    return float(value)


def _tables(key: str, value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise ConfigError(f"{where}: {key} must be an array of tables ([[tool.geomap.{key}]])")
    return value


def _only_keys(entry: dict[str, Any], known: set[str], at: str) -> None:
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ConfigError(f"{at}: unknown key {unknown[0]!r}; valid keys: {', '.join(sorted(known))}")


class Pinner:
    """Applies the pins of a run to each article's mentions and remembers which pins applied."""

    def __init__(self, pins: Sequence[Pin], gazetteer: Gazetteer) -> None:
        self._pins = [(pin, _place_of(pin, gazetteer)) for pin in pins]
        self._used: set[int] = set()

    def apply(self, article: Article, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
        """The mentions with every pinned name of this article resolved to its pin.

        A pinned name is pinned wherever the article writes it, recognised or not (a name the
        gazetteer lacks is found by its spelling), and overrides any mention it overlaps.
        """
        if not self._pins:
            return tuple(mentions)
        kept = list(mentions)
        for number, (pin, place) in enumerate(self._pins):
            if not _matches(pin, article.name):
                continue
            pinned = _occurrences(article.text, pin, place, kept)
            if pinned:
                self._used.add(number)
                spans = [(m.start, m.end) for m in pinned]
                kept = [m for m in kept if not any(m.start < end and start < m.end for start, end in spans)]
                kept += pinned
        return tuple(sorted(kept, key=lambda m: (m.start, m.end)))

    def notices(self) -> tuple[Notice, ...]:
        """A notice for each pin that pinned nothing in this run's articles."""
        return tuple(
            Notice(
                NoticeKind.UNMATCHED_PIN,
                f"pin {pin.name!r} ({', '.join(pin.articles)}) matches no article that names it",
                pin.name,
            )
            for number, (pin, _) in enumerate(self._pins)
            if number not in self._used
        )


def _place_of(pin: Pin, gazetteer: Gazetteer) -> Place:
    if pin.place is None:
        slug = re.sub(r"[^a-z0-9]+", "-", normalize(pin.name)).strip("-")
        return Place(f"pin:{slug}", pin.name, pin.kind, pin.lat, pin.lon, pin.country, source="config")
    place = gazetteer.get(pin.place)
    if place is None:
        raise ConfigError(
            f"pin {pin.name!r}: no place with id {pin.place!r} in the gazetteer "
            "(find ids with: geomap gazetteer lookup NAME)"
        )
    return place


def _matches(pin: Pin, article: str) -> bool:
    """Whether the article path matches one of the pin's globs (relative to the pin's settings file)."""
    if article == "-":
        return False
    path = Path(article)
    try:
        relative = (
            (path if path.is_absolute() else Path.cwd() / path)
            .resolve()
            .relative_to(pin.base.resolve())
            .as_posix()
        )
    except ValueError:
        relative = posixpath.normpath(article.replace("\\", "/"))
    return any(
        fnmatch.fnmatchcase(relative if "/" in glob else posixpath.basename(relative), glob)
        for glob in pin.articles
    )


def _occurrences(text: str, pin: Pin, place: Place, mentions: Sequence[Mention]) -> list[Mention]:
    """A pinned mention for each place the article writes the pin's name, as spelled or as recognised.

    The name inside a longer recognised name ("Paris" in "New Paris") is that other place's.
    """
    key = normalize(pin.name)
    spans = {
        (m.start, m.end) for m in mentions if normalize(m.surface) == key and m.kind == MentionKind.PLACE
    }
    for match in re.finditer(rf"(?<!\w){re.escape(pin.name)}(?!\w)", text):
        start, end = match.span()
        inside = any(m.start <= start and end <= m.end and (m.start, m.end) != (start, end) for m in mentions)
        if not inside:
            spans.add((start, end))
    return [
        Mention(start, end, text[start:end], MentionKind.PLACE, place, 1.0, evidence=PINNED)
        for start, end in sorted(spans)
    ]


def waive(report: Report, waivers: Sequence[Waiver]) -> Report:
    """The report with every waived claim's status WAIVED, its reason kept.

    A waiver that names no claim of the run is a notice, never silently ignored.
    """
    if not waivers:
        return report
    reasons = {waiver.claim: waiver.reason for waiver in waivers}
    used: set[str] = set()

    def waived(verdict: Verdict, fingerprint: str) -> Verdict:
        if fingerprint not in reasons:
            return verdict
        used.add(fingerprint)
        return replace(verdict, status=Status.WAIVED, waiver=reasons[fingerprint])

    report = each_claim(report, waived)
    notices = tuple(
        Notice(
            NoticeKind.UNMATCHED_WAIVER,
            f"waiver {waiver.claim} ({waiver.reason}) matches no claim",
            waiver.claim,
        )
        for waiver in waivers
        if waiver.claim not in used
    )
    return replace(report, notices=report.notices + notices)
