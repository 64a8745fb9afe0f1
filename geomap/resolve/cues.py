"""What the text around a name says about its kind or place: qualifiers, kind words, lists."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gazetteer import DIVISION, SETTLEMENT, WIDE, Candidate, Kind, Place, lexicon, normalize
from geomap.model import LookupKey, MentionKind, Span, same_named_town
from geomap.resolve.candidates import CandidateIndex

_LIST_GOES_ON = re.compile(r"\s*(?:,|;|\band\b|\bor\b)\s*(?:the\s+)?[A-Z]")
_DIVISION_CUE = re.compile(
    r"\b(?:province|state|governorate|region|oblast|prefecture|department|canton)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DIVISION_AFTER = re.compile(r"\s+(?:state|province)\b(?!\s+(?:University|College))", re.IGNORECASE)
#: What joins the items of a list of names: "Ohio, Oregon and Utah", "Iraq or Syria".
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
_SETTLEMENT_CUE = re.compile(
    r"\b(?:(?:city|town|village|hamlet|capital)\s+of\s+(?:the\s+)?|capital(?:\s+city)?,?\s+)$", re.IGNORECASE
)
_SETTLEMENT_AFTER = re.compile(
    r"\s+(?:city|town)\b(?!\s+(?:of|council|hall|centre|center|limits)\b)", re.IGNORECASE
)
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z]\.){2,}|[A-Z][\w.]*(?: [A-Z][\w.]*)?)")
#: A bare name shared by a division and a seat this big (or a national capital: "Colombo",
#: "Tunis") is the city, as news uses it: "Alexandria".
BARE_SEAT_POPULATION = 1_000_000
#: No kind asked for.
NO_CUE: frozenset[Kind] = frozenset()


@dataclass(frozen=True, slots=True)
class Qualifier:
    """What an explicit ", X" after a name says: country and/or division."""

    country: str
    """ISO code of the country named or holding the division named."""
    admin1: str
    """The division's name, "" when a country was named."""
    place: Place
    """The qualifying country or division itself."""


def qualifiers(index: CandidateIndex, text: str, group: Sequence[Span]) -> list[Qualifier]:
    """Explicit ", X" qualifiers after any mention of a name: "Paris, Texas", "Alexandria, La.".

    Countries are not qualified, divisions only by their country ("Queensland, Australia",
    not "Illinois, Missouri"), and a full name followed by more names is a list ("China,
    Japan, the United Kingdom"), not a qualifier.
    """
    found: list[Qualifier] = []
    best = index.candidates(group[0].key)[:1]
    if not best or best[0].place.kind in WIDE:
        return found
    division = best[0].place.kind == Kind.ADMIN1
    for span in group:
        match = _QUALIFIER.match(text, span.end)
        if not match:
            continue
        word = match.group(1)
        state = lexicon.STATE_ABBREVIATIONS.get(word.replace(".", "").upper()) if len(word) <= 6 else None
        if state is None and _LIST_GOES_ON.match(text, match.end()):
            continue
        for candidate in index.candidates(LookupKey(normalize(state or word)))[:3]:
            place = candidate.place
            if place.kind == Kind.ADMIN1:
                if not division:
                    found.append(Qualifier(place.country_code, place.name, place))
                break
            if place.kind == Kind.COUNTRY:
                found.append(Qualifier(place.country_code, "", place))
                break
    return found


def kind_cue(text: str, group: Sequence[Span]) -> frozenset[Kind]:
    """Kinds an explicit word before or after any mention of the name asks for.

    "the province of Ontario" is the province, whatever Ontario, California, weighs; "the
    city of Washington" is a city; "Washington state" is the state. The name is resolved
    once, so the first cue counts for every mention; mention_sense then gives each mention
    the sense its own words ask for.
    """
    for span in group:
        cue = mention_cue(text, span)
        if cue:
            return cue
    return NO_CUE


def mention_cue(text: str, span: Span) -> frozenset[Kind]:
    """Kinds the words right around one mention ask for: "Valencia province", "the city of Valencia"."""
    before = text[max(0, span.start - 40) : span.start]
    ends_in_of = _may_end_a_cue(before)
    if (ends_in_of and _DIVISION_CUE.search(before)) or _DIVISION_AFTER.match(text, span.end):
        return DIVISION
    if (ends_in_of and _SETTLEMENT_CUE.search(before)) or _SETTLEMENT_AFTER.match(text, span.end):
        return SETTLEMENT
    return NO_CUE


def _prominent(seat: Place) -> bool:
    """Whether a seat is what its bare name means in news, over its division: a capital, a big city."""
    return seat.kind == Kind.CAPITAL or seat.population >= BARE_SEAT_POPULATION


def _may_end_a_cue(before: str) -> bool:
    """Whether the text before a name ends as a cue must: "of", "the", "capital" or "city" (and spaces).

    A cheap test that spares the two searches for nearly every name.
    """
    tail = before.rstrip().rstrip(",")[-3:].lower()
    return tail.endswith("of") or tail in ("the", "tal", "ity")


def mention_sense(
    text: str, span: Span, name_cue: frozenset[Kind], place: Place, alternatives: tuple[Place, ...]
) -> tuple[Place, tuple[Place, ...]]:
    """The sense of one mention of a name shared by a division and its seat, and its runners-up.

    "Floods swept Valencia province ... Paiporta, 8 km south of Valencia city ... Madrid, 300 km
    west of Valencia": the province where the words say so, the city elsewhere. A bare mention
    is the seat when only another mention's cue made the name the division, or when the seat
    is a big city ("Protests hit Alexandria" is the city, not the governorate). `name_cue` is
    kind_cue of all the name's mentions, worked out once per name.
    """
    own = mention_cue(text, span)
    if place.kind in DIVISION and own != DIVISION:
        seat = same_named_town(place, alternatives, SETTLEMENT)
        cued = own == SETTLEMENT or name_cue == DIVISION
        if seat is not None and (cued or _prominent(seat)):
            return seat, (place, *(a for a in alternatives if a is not seat))
    if place.kind in SETTLEMENT and own == DIVISION:
        name = normalize(place.name)
        for division in alternatives:
            if (
                division.kind in DIVISION
                and normalize(division.name) == name
                and same_named_town(division, (place,), SETTLEMENT)
            ):
                return division, (place, *(a for a in alternatives if a is not division))
    return place, alternatives


def county_list_keys(text: str, spans: Sequence[Span]) -> dict[int, LookupKey]:
    """Names listed before "counties" (or "parishes", "boroughs") are each a county: their keys.

    "Cooke, Grayson and Love counties" names Cooke County, Grayson County and Love County,
    not a town called Cooke nor the word "love". Keyed by each span's index in `spans`; the
    lists are read as recognition reads them (lexicon.county_list_items).
    """
    items = {end: (start, word) for start, end, word in lexicon.county_list_items(text)}
    keys: dict[int, LookupKey] = {}
    for index, span in enumerate(spans):
        item = items.get(span.end)
        if item is None or span.kind != MentionKind.PLACE or span.start < item[0]:
            continue
        word = item[1]
        if not span.key.norm.endswith(" " + word):
            keys[index] = LookupKey(f"{span.key.norm} {word}")
    return keys


def list_cues(
    text: str, spans: Sequence[Span], pool: Mapping[LookupKey, tuple[Candidate, ...]]
) -> dict[LookupKey, frozenset[Kind]]:
    """Kinds that lists ask for: a name listed among divisions is a division, among countries a country.

    "Ohio, Oregon, Utah, Washington and Wyoming" names five states; "Georgia" between
    "Armenia" and "Azerbaijan" is the country. A list has three items or an "and"/"or";
    "Paris, Texas" (two items, a comma) is a qualifier, not a list.
    """
    cues: dict[LookupKey, frozenset[Kind]] = {}
    for run in _lists(text, [s for s in spans if s.kind == MentionKind.PLACE]):
        kinds = [found[0].place.kind if (found := pool.get(s.key)) else None for s in run]
        for span, (kind, count) in zip(run, commonest_of_the_others(kinds), strict=True):
            if kind in (Kind.ADMIN1, Kind.COUNTRY) and count >= max(2, len(run) // 2):
                cues[span.key] = frozenset({kind})
    return cues


def commonest_of_the_others(kinds: Sequence[Kind | None]) -> list[tuple[Kind | None, int]]:
    """For each item, the commonest kind among the other items, and how many have it.

    What Counter(the others).most_common(1) gives (a tie goes to the kind the others name
    first), in time linear in the list: a list of thousands of names is read at once.
    """
    total = Counter(kinds)
    first_two: dict[Kind | None, list[int]] = {}
    for position, kind in enumerate(kinds):
        seen = first_two.setdefault(kind, [])
        if len(seen) < 2:
            seen.append(position)
    answers = []
    for index, own in enumerate(kinds):
        best: tuple[Kind | None, int, int] | None = None
        for kind, number in total.items():
            count = number - (kind == own)
            if count == 0:
                continue
            positions = first_two[kind]
            first = positions[1] if positions[0] == index else positions[0]
            if best is None or count > best[1] or (count == best[1] and first < best[2]):
                best = (kind, count, first)
        answers.append((best[0], best[1]) if best is not None else (None, 0))
    return answers


def _lists(text: str, spans: Sequence[Span]) -> list[list[Span]]:
    """Runs of place names joined only by list separators, of three or more, or two with and/or."""
    runs: list[tuple[list[Span], bool]] = []  # (names, joined by a word somewhere)
    for span in sorted(spans, key=lambda s: s.start):
        separator = _LIST_SEPARATOR.fullmatch(text, runs[-1][0][-1].end, span.start) if runs else None
        if separator:
            names, by_word = runs[-1]
            names.append(span)
            runs[-1] = (names, by_word or "," not in separator.group())
        else:
            runs.append(([span], False))
    return [names for names, by_word in runs if len(names) >= 3 or (len(names) == 2 and by_word)]
