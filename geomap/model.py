"""Value objects that cross stage borders: articles, mentions, claims, verdicts, reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from gazetteer import DIVISION, Kind, Place, TextEnum, normalize
from geomap.geodesy import haversine_km


class MentionKind(TextEnum):
    """What a mention is: a literal place name, or a demonym/adjective standing for its country."""

    PLACE = "place"
    DEMONYM = "demonym"


class ClaimKind(TextEnum):
    """The shape of a geographic claim."""

    DISTANCE = "distance"
    DIRECTION = "direction"
    PROXIMITY = "proximity"
    BORDER_DISTANCE = "border_distance"
    CONTAINMENT = "containment"
    ROUTE = "route"
    """A trip, drive, road, rail or river length: never shorter than the straight line."""


class Status(TextEnum):
    """A verdict's outcome."""

    HOLDS = "holds"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"
    WAIVED = "waived"
    """Accepted by a `[[tool.geomap.waive]]` entry: reported with its reason, never a failure."""


class BaselineState(TextEnum):
    """How a verdict compares with the baseline file of `geomap check --baseline`."""

    NEW = "new"
    """The claim is not in the baseline."""
    CHANGED = "changed"
    """The claim is in the baseline with another verdict."""
    KNOWN = "known"
    """The claim is in the baseline with this verdict: it never fails the run."""


class NoticeKind(TextEnum):
    """What a run-level notice is about: a correction or baseline entry that matched nothing."""

    UNMATCHED_WAIVER = "unmatched_waiver"
    UNMATCHED_PIN = "unmatched_pin"
    STALE_BASELINE = "stale_baseline"


class Hedge(TextEnum):
    """What a stated figure's hedge means, normalised ("roughly" and "some" are ABOUT)."""

    EXACTLY = "exactly"
    ABOUT = "about"
    NEARLY = "nearly"
    MORE_THAN = "more than"
    LESS_THAN = "less than"
    JUST_OVER = "just over"
    JUST_UNDER = "just under"
    AT_LEAST = "at least"
    AT_MOST = "at most"
    UP_TO = "up to"
    WITHIN = "within"


class Strength(TextEnum):
    """How much a name proves on its own, whatever the context (recognition asks; resolution knows)."""

    COUNTRY = "country"
    """A country or continent."""
    CITY = "city"
    """A capital, or a city of 100,000 people or more."""
    STRONG = "strong"
    """A division, sea, region or curated site."""
    WEAK = "weak"
    """Anything else: a name that may well be an ordinary word or a person's."""


class LookupKey(NamedTuple):
    """What a recognised name asks the gazetteer for: a normalised name, optionally filtered.

    A named tuple, so that resolution's many dictionaries keyed by it hash at C speed.
    """

    norm: str
    """The normalised name (gazetteer.normalize), "" when only `country` matters."""
    kinds: frozenset[Kind] | None = None
    """Only places of these kinds ("La." may only be the division Louisiana)."""
    country: str | None = None
    """Only this country, by ISO code (a demonym given where a place name was expected)."""
    named_after: str | None = None
    """The town a street's name carries ("morecambe" in "Morecambe Road"): no place of the
    street's own, but evidence of where the article is, as a name of the article would be."""

    @classmethod
    def division(cls, norm: str) -> LookupKey:
        """The first-level divisions called `norm`."""
        return cls(norm, _DIVISION_ONLY)

    @classmethod
    def street(cls, norm: str, named_after: str | None = None) -> LookupKey:
        """A street or road called `norm`: named in the text, but no gazetteer place is one."""
        return cls(norm, _NO_KIND, None, named_after)

    @classmethod
    def of_country(cls, code: str) -> LookupKey:
        """The country with ISO code `code`."""
        return cls("", _COUNTRY_ONLY, code)


_DIVISION_ONLY = frozenset({Kind.ADMIN1})
_NO_KIND: frozenset[Kind] = frozenset()
_SURROGATE = re.compile("[\ud800-\udfff]")
_COUNTRY_ONLY = frozenset({Kind.COUNTRY})


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised stretch of text, before resolution."""

    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset one past the last character: text[start:end] == surface."""
    surface: str
    """The text as written."""
    key: LookupKey
    """What to look up: normalize(surface), or the division an abbreviation stands for."""
    kind: MentionKind
    """A literal place name or a demonym."""
    sentence_start: bool = False
    """The span opens a sentence (its capital letter proves nothing)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One input text."""

    name: str
    """Display name: the path as given, or "-" for stdin."""
    text: str
    """The full text; every offset in geomap indexes this string."""

    def __post_init__(self) -> None:
        # A lone surrogate (from surrogateescape decoding, or handed in by a caller) cannot be
        # written as UTF-8: it becomes U+FFFD, one character for one, so offsets do not move.
        for field_name in ("name", "text"):
            value = getattr(self, field_name)
            if not value.isascii() and _SURROGATE.search(value):
                object.__setattr__(self, field_name, _SURROGATE.sub("\ufffd", value))


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name (or demonym) found in a text, with what it resolved to."""

    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset one past the last character: text[start:end] == surface."""
    surface: str
    """The text as written."""
    kind: MentionKind
    """A literal place or a demonym."""
    place: Place | None
    """The resolved place (for a demonym: its country), or None when unresolved."""
    confidence: float = 0.0
    """0..1: how sure the resolver is of `place`."""
    alternatives: tuple[Place, ...] = ()
    """Runner-up candidates, best first."""
    evidence: str = ""
    """How `place` was chosen when not by the resolver: "pinned by config" ([[tool.geomap.pin]])."""

    def same_named_town(self, kinds: frozenset[str]) -> Place | None:
        """The runner-up of one of `kinds` named like the picked division, in its country."""
        return same_named_town(self.place, self.alternatives, kinds) if self.place else None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A distance stated in a claim."""

    value: float
    """The stated figure (the midpoint for a range), in `unit`."""
    unit: str
    """Canonical unit: km, mi, nmi, m, ft, yd."""
    hedge: Hedge
    """The hedge's meaning."""
    km: float
    """`value` converted to kilometres."""
    text: str
    """The quantity as written ("around 60km")."""
    low_km: float | None = None
    """Lower end of a stated range, in km."""
    high_km: float | None = None
    """Upper end of a stated range, in km."""
    precision_km: float = 0.0
    """The rounding slack its figure implies, in km: "60 km" means 55-65, "57.3 km" 57.25-57.35."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A geographic assertion found in an article."""

    kind: ClaimKind
    """The claim's shape."""
    text: str
    """The claim's words as written: article.text[start:end]."""
    start: int
    """Offset of the claim in the article text."""
    end: int
    """End offset of the claim in the article text."""
    sentence: str
    """The whole sentence that makes the claim."""
    line: int
    """1-based line number of `start` in the article."""
    subject: Mention | None
    """The place the claim is about (None when it could not be bound)."""
    reference: Mention | None
    """The place it is measured from (None for containment and border claims)."""
    quantity: Quantity | None = None
    """The stated distance, if any."""
    direction: str | None = None
    """Compass direction of subject from reference ("N", "NE", "NNE"...), if stated."""
    country: str | None = None
    """ISO code of the country in border and containment claims."""
    unbound: str | None = None
    """Why an end point could not be bound or resolved, when that is the case."""
    sentence_start: int = 0
    """Offset of `sentence` in the article text: sentence[start - sentence_start:...] == text."""
    border_of: str | None = None
    """The place, not a country, whose border a border claim names ("the New Hampshire border"):
    geomap has outlines of countries only, so such a claim is unverifiable."""
    firm_antecedent: bool = False
    """Whether a subject carried over from the previous sentence is that sentence's opening subject
    ("X is a village in Y. It lies 20 km east of Z"): firm enough for a contradiction."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of checking one claim."""

    claim: Claim
    """The claim checked."""
    status: Status
    """The outcome."""
    explanation: str
    """One line: claimed vs measured, or why it cannot be checked."""
    measured_km: float | None = None
    """Geodesic distance measured (WGS84), when measurable."""
    bearing_deg: float | None = None
    """Initial azimuth from reference to subject, degrees clockwise from north."""
    waiver: str | None = None
    """The reason of the `[[tool.geomap.waive]]` entry that waived the claim (status WAIVED)."""
    baseline: BaselineState | None = None
    """How the verdict compares with the baseline, when one is in use."""

    def fails(self, strict: bool) -> bool:
        """Whether this verdict fails the run (exit code 1).

        Contradicted (or, when strict, unverifiable) and not already in the baseline with this
        verdict; a waived claim never fails.
        """
        failing = (Status.CONTRADICTED, Status.UNVERIFIABLE) if strict else (Status.CONTRADICTED,)
        return self.status in failing and self.baseline is not BaselineState.KNOWN


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input file that could not be read or decoded: reported, while the other files are checked."""

    name: str
    """Display name of the file, as for Article.name."""
    reason: str
    """One line: why it could not be read ("not UTF-8 text (invalid start byte at byte 12)")."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A run-level warning every format shows: a waiver, pin or baseline entry that matched nothing."""

    kind: NoticeKind
    """What the notice is about."""
    message: str
    """One line for people."""
    key: str = ""
    """The fingerprint or pin name concerned."""


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """Why a text does not look English (geomap.language)."""

    reason: str
    """A short phrase for the warning: "mostly Arabic script", "its function words are not English..."."""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything geomap found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    language: LanguageGuess | None = None
    """Why the article does not look English, when it does not: its places and claims may be wrong."""


@dataclass(frozen=True, slots=True)
class Report:
    """The results for a run over several articles."""

    results: tuple[ArticleResult, ...] = field(default_factory=tuple)
    failures: tuple[ReadFailure, ...] = ()
    """Input files that could not be read (the run exits 2 after reporting)."""
    notices: tuple[Notice, ...] = ()
    """Waivers, pins and baseline entries that matched nothing."""
    strict: bool = False
    """Whether the run fails on unverifiable claims too (formats annotate what fails)."""

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Every verdict of every article, in order."""
        return tuple(v for result in self.results for v in result.verdicts)

    @property
    def failing(self) -> tuple[Verdict, ...]:
        """The verdicts that fail the run (exit code 1), by Verdict.fails under this run's strictness."""
        return tuple(v for v in self.verdicts if v.fails(self.strict))


def same_named_town(division: Place, alternatives: tuple[Place, ...], kinds: frozenset[str]) -> Place | None:
    """The place of one of `kinds` among `alternatives` that bears `division`'s name in its country.

    "60 km south of Aleppo" means the city when the resolver picked the governorate. A
    namesake elsewhere is never meant: "the Church of England" is no town in Arkansas.
    """
    if division.kind not in DIVISION:
        return None
    name = normalize(division.name)
    for alternative in alternatives:
        if (
            alternative.kind in kinds
            and normalize(alternative.name) == name
            and _lies_in_division(alternative, division)
        ):
            return alternative
    return None


#: How far from a division's point a same-named town may lie and still be taken for its seat.
SEAT_KM = 200.0


def _lies_in_division(town: Place, division: Place) -> bool:
    """Whether a town may be in a division: its own division, or near its point in its country.

    "California" the state is not California, Maryland; Naples the province (whose towns
    record Campania as their first-level division) is the city beside its point.
    """
    if town.country_code != division.country_code:
        return False
    near = haversine_km(town.lat, town.lon, division.lat, division.lon) <= SEAT_KM
    return town.admin1 == division.admin1 or near
