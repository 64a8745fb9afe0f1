"""Finding geographic claims in an article: distances, directions, proximity, borders, containment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.model import DEMONYM, Claim, Mention
from geomap.quantities import QuantityMatch, find_quantities

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "st",
        "mt",
        "ft",
        "approx",
        "etc",
        "no",
        "vs",
        "jr",
        "sr",
        "prof",
        "gov",
        "sen",
        "rep",
        "inc",
        "corp",
        "co",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")

_POINTS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
#: Compass point -> bearing in degrees.
COMPASS: dict[str, float] = {point: index * 22.5 for index, point in enumerate(_POINTS)}
DIRECTION = (
    r"(?:(?:due\s+)?(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}(?![\w-])"
    r"|(?-i:\b[NSEW]{1,3}\b))"
)

#: What a carried-over subject ("the facility", "the town") may refer to.
CARRY_KINDS: dict[str, frozenset[str]] = {
    "facility": frozenset(
        {"air_base", "naval_base", "military_site", "airport", "port", "nuclear_site", "dam"}
    ),
    "base": frozenset({"air_base", "naval_base", "military_site"}),
    "airbase": frozenset({"air_base"}),
    "installation": frozenset({"air_base", "naval_base", "military_site", "nuclear_site"}),
    "site": frozenset({"military_site", "nuclear_site", "air_base", "naval_base"}),
    "airport": frozenset({"airport", "air_base"}),
    "airfield": frozenset({"airport", "air_base"}),
    "port": frozenset({"port", "naval_base", "city"}),
    "harbour": frozenset({"port", "naval_base", "city"}),
    "harbor": frozenset({"port", "naval_base", "city"}),
    "city": frozenset({"city", "capital"}),
    "town": frozenset({"city", "capital"}),
    "village": frozenset({"city"}),
    "capital": frozenset({"capital"}),
    "province": frozenset({"admin1", "region"}),
    "region": frozenset({"admin1", "region"}),
    "governorate": frozenset({"admin1"}),
    "island": frozenset({"island"}),
    "it": frozenset(
        {
            "city",
            "capital",
            "air_base",
            "naval_base",
            "military_site",
            "airport",
            "port",
            "nuclear_site",
            "dam",
            "bridge",
            "border_crossing",
            "island",
            "mountain",
        }
    ),
}
_CARRY = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:[\w-]+\s+)?(?P<noun>"
    + "|".join(k for k in CARRY_KINDS if k != "it")
    + r")|(?P<it>[Ii]t))\b",
    re.IGNORECASE,
)
#: How far back (characters) a carried-over subject may have been named.
CARRY_CHARS = 600
_WIDE_KINDS = frozenset({"country", "continent"})
_LINK_WORD = (
    r"(?:which|that|is|are|was|were|lies|lie|lay|sits|sit|stands|located|situated|based|found|set|now|"
    r"also|still|only|just|about|some|roughly|around|a|an|the|due|far|well)"
)
_LINK = re.compile(rf"^[\s,]*(?:(?:{_LINK_WORD})\b[\s,]*)*$", re.IGNORECASE)
# "X, which Russia built in 2015, is ...": one aside between commas, brackets or dashes.
_LINK_AROUND_CLAUSE = re.compile(
    rf"^\s*(?:,[^,;]{{1,80}},|\([^()]{{1,80}}\)|[—–][^—–]{{1,80}}[—–])\s*(?:(?:{_LINK_WORD})\b\s*)*$",
    re.IGNORECASE,
)
_PROPER = re.compile(r"(?<![\w'’])(?!(?:The|A|An|This|That)\b)[A-Z][\w'’-]+")
_PROPER_BEFORE = re.compile(rf"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)[\s,]*(?i:(?:{_LINK_WORD})\b[\s,]*)*$")
_PROPER_RUN = re.compile(r"^\s*(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
_REF_GAP = re.compile(r"^\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}?$", re.IGNORECASE)
_TRIP = r"(?:road|drive|journey|trip|ride|flight|route|walk|stretch|highway|motorway|corridor|sail|voyage)"

_AFTER_QUANTITY = [
    ("direction", re.compile(rf"^\s*(?:away\s+)?(?P<dir>{DIRECTION})\s+(?:of|from)\s+", re.IGNORECASE)),
    ("from", re.compile(r"^\s*(?:away\s+)?(?:from|off)\s+", re.IGNORECASE)),
    ("of", re.compile(r"^\s*of\s+", re.IGNORECASE)),
    ("between", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+between\s+", re.IGNORECASE)),
    ("trip", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_TRIP}\s+(?:from|to)\s+", re.IGNORECASE)),
    ("apart", re.compile(r"^\s*apart\b", re.IGNORECASE)),
    ("away", re.compile(r"^\s*away\b", re.IGNORECASE)),
]
_BORDER = re.compile(
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:border|frontier)s?\b(?:\s+with\s+(?:the\s+)?[\w'’ -]{2,40}?\b)?",
    re.IGNORECASE,
)
_PROXIMITY = re.compile(
    r"\b(?:near|close\s+to|not\s+far\s+from|next\s+to|adjacent\s+to|in\s+the\s+vicinity\s+of|"
    r"(?:just\s+)?outside|(?:on|in)\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port|capital)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
_DIRECTION_ONLY = re.compile(rf"\b(?P<dir>{DIRECTION})\s+of\s+(?:the\s+)?", re.IGNORECASE)
_CONTAINMENT = re.compile(
    r"^[\s,]*(?:(?:is|lies|located|situated)\s+)?(?:inside|in|within)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|(?:north|south)-?(?:east|west)ern)\s+)?$",
    re.IGNORECASE,
)
_OF_PLACE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|port|capital|province|region|governorate|district|base|"
    r"airbase|enclave|suburb|island)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:(?:[\w-]+\s+){0,2}?(?:[\w-]+)\s+of\s+)?$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article and where it starts."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets: lines first (news paragraphs), then full stops."""
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        begin = line.start()
        for boundary in _SENTENCE_END.finditer(line.group(0)):
            words = re.findall(r"[\w.]+$", line.group(0)[: boundary.start()])
            last = words[0].lower().strip(".") if words else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or "." in last:
                continue
            cut = line.start() + boundary.end()
            sentences.append(_sentence(text, begin, cut))
            begin = cut
        sentences.append(_sentence(text, begin, line.end()))
    return [s for s in sentences if s.text]


def _sentence(text: str, start: int, end: int) -> Sentence:
    chunk = text[start:end]
    start += len(chunk) - len(chunk.lstrip())
    end -= len(chunk) - len(chunk.rstrip())
    return Sentence(start, max(start, end), text[start : max(start, end)])


def compass_point(words: str) -> str | None:
    """The compass point a direction names ("north-east" -> "NE", "NNW" -> "NNW"), or None."""
    lowered = words.lower().replace("due", "").strip()
    letters = "".join(w[0] for w in re.findall(r"north|south|east|west", lowered)).upper()
    if not letters:
        letters = words.strip() if re.fullmatch(r"[NSEW]{1,3}", words.strip()) else ""
    return letters if letters in COMPASS else None


def extract_claims(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Every claim in `text`, each bound to the mentions it relates (or marked unbound)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    claims: list[Claim] = []
    for sentence in split_sentences(text):
        inside = [m for m in ordered if m.start >= sentence.start and m.end <= sentence.end]
        finder = _SentenceClaims(text, sentence, inside, ordered)
        claims.extend(finder.find())
    return claims


class _SentenceClaims:
    """The claims of one sentence; offsets local to the sentence until a Claim is made."""

    def __init__(self, text: str, sentence: Sentence, inside: list[Mention], every: list[Mention]) -> None:
        self.text = text
        self.sentence = sentence
        self.local = sentence.text
        self.inside = inside
        self.every = every
        self.claims: list[Claim] = []

    def find(self) -> list[Claim]:
        for found in find_quantities(self.local):
            self._quantity_claim(found)
        self._direction_claims()
        self._proximity_claims()
        self._containment_claims()
        return sorted(self.claims, key=lambda c: c.start)

    # -- helpers -----------------------------------------------------------------------------
    def _at(self, mention: Mention) -> tuple[int, int]:
        return mention.start - self.sentence.start, mention.end - self.sentence.start

    def _covered(self, start: int, end: int) -> bool:
        absolute = (start + self.sentence.start, end + self.sentence.start)
        return any(c.start < absolute[1] and absolute[0] < c.end for c in self.claims)

    @staticmethod
    def _wide(*mentions: Mention) -> bool:
        return any(m.place is not None and m.place.kind in _WIDE_KINDS for m in mentions)

    def _places_before(self, position: int) -> list[Mention]:
        return [m for m in self.inside if m.kind != DEMONYM and self._at(m)[1] <= position][::-1]

    def _place_after(self, position: int, limit: int = 60) -> Mention | None:
        """The place right after a cue; None when an unknown proper name comes first."""
        for mention in self.inside:
            start, _ = self._at(mention)
            if start < position or mention.kind == DEMONYM:
                continue
            gap = self._without_demonyms(position, start)
            if (
                start - position <= limit
                and _REF_GAP.match(gap)
                and not re.search(r"[,;:()]", gap)
                and not _PROPER.search(gap)
            ):
                return mention
            return None
        return None

    def _without_demonyms(self, start: int, end: int) -> str:
        """The text between two offsets with demonym mentions blanked ("the Russian naval ...")."""
        chars = list(self.local[start:end])
        for mention in self.inside:
            first, last = self._at(mention)
            if mention.kind == DEMONYM and start <= first and last <= end:
                chars[first - start : last - start] = " " * (last - first)
        return "".join(chars)

    def _unknown_name(self, text: str) -> str | None:
        """A capitalised name at the start of `text` that no mention covers, for unbound reasons."""
        match = _PROPER_RUN.match(text)
        return match.group(1) if match else None

    def _subject_before(self, position: int) -> Mention | None:
        """The place a claim starting at `position` is about: linked by "is", ",", "lies"...

        Only a place tied to the claim by a link ("X is", "X,", "X, which ..., lies") counts,
        or a subject carried over from an earlier sentence ("The facility is"); a place merely
        named earlier in the sentence does not, so the claim is reported unbound instead.
        """
        candidates = self._places_before(position)
        for mention in candidates[:3]:
            gap = self.local[self._at(mention)[1] : position]
            if _LINK.match(gap) or _LINK_AROUND_CLAUSE.match(gap):
                return self._town_before_region(mention, candidates)
        return self._carried(self.local[:position], position)

    def _town_before_region(self, mention: Mention, candidates: list[Mention]) -> Mention:
        """In "Gilroy, California, 30 miles from ...", the subject is Gilroy, not California."""
        if mention.place is None or mention.place.kind not in ("country", "admin1"):
            return mention
        earlier = [m for m in candidates if m.end <= mention.start][:1]
        if earlier and re.fullmatch(r",?\s*", self.text[earlier[0].end : mention.start]):
            return earlier[0]
        return mention

    def _carried(self, before: str, position: int) -> Mention | None:
        """A subject carried over: "The facility is ..." binds to the last compatible place named."""
        phrases = list(_CARRY.finditer(before))
        if not phrases:
            return None
        phrase = phrases[-1]
        if not _LINK.match(before[phrase.end() : position]) and not re.match(
            r"^\s*,[^,]*,\s*", before[phrase.end() :]
        ):
            return None
        kinds = CARRY_KINDS["it" if phrase.group("it") else phrase.group("noun").lower()]
        return self._last_of_kind(self.sentence.start + phrase.start(), kinds)

    def _last_of_kind(self, cutoff: int, kinds: frozenset[str]) -> Mention | None:
        """The last place of one of `kinds` named shortly before `cutoff` (a few sentences back)."""
        for mention in reversed(self.every):
            if mention.end <= cutoff - CARRY_CHARS:
                return None
            if mention.end <= cutoff and mention.place is not None and mention.place.kind in kinds:
                return mention
        return None

    def _carried_reference(self, position: int) -> Mention | None:
        match = re.match(
            r"\s*(?:the|this|that)\s+(?:[\w-]+\s+)?(" + "|".join(CARRY_KINDS) + r")\b",
            self.local[position:],
            re.IGNORECASE,
        )
        if not match:
            return None
        return self._last_of_kind(self.sentence.start + position, CARRY_KINDS[match.group(1).lower()])

    def _add(
        self,
        kind: str,
        start: int,
        end: int,
        subject: Mention | None,
        reference: Mention | None,
        *,
        cue: str,
        needs_reference: bool = True,
        **extra: object,
    ) -> None:
        if subject is None and reference is None and (needs_reference or extra.get("country") is None):
            return  # neither end is a place: "15 metres from the door" is not a geographic claim
        reasons = self._unbound_reasons(start, end, subject, reference, cue, needs_reference)
        if subject is not None and self.sentence.start <= subject.start and subject.end <= self.sentence.end:
            start = min(start, self._at(subject)[0])
        if (
            reference is not None
            and self.sentence.start <= reference.start
            and reference.end <= self.sentence.end
        ):
            end = max(end, self._at(reference)[1])
        absolute = self.sentence.start + start
        self.claims.append(
            Claim(
                kind=kind,
                text=self.local[start:end],
                start=absolute,
                end=self.sentence.start + end,
                sentence=self.local,
                line=self.text.count("\n", 0, absolute) + 1,
                subject=subject,
                reference=reference,
                unbound="; ".join(reasons) or None,
                sentence_start=self.sentence.start,
                **extra,  # type: ignore[arg-type]
            )
        )

    def _unbound_reasons(
        self,
        start: int,
        end: int,
        subject: Mention | None,
        reference: Mention | None,
        cue: str,
        needs_reference: bool,
    ) -> list[str]:
        """Which end could not be bound or resolved, and why, naming an unknown name if one is there."""
        reasons = []
        if subject is None:
            before = _PROPER_BEFORE.search(self.local[:start])
            named = before.group(1) if before and before.group(1) not in ("The", "It", "This") else None
            reasons.append(
                f"subject: {named!r} is not a known place"
                if named
                else f"subject: no place named just before {cue!r}"
            )
        elif subject.place is None:
            reasons.append(f"subject: {subject.surface!r} is not in the gazetteer")
        if needs_reference and reference is None:
            named = self._unknown_name(self.local[end:])
            reasons.append(
                f"reference: {named!r} is not a known place"
                if named
                else f"reference: no place named after {cue!r}"
            )
        elif reference is not None and reference.place is None:
            reasons.append(f"reference: {reference.surface!r} is not in the gazetteer")
        return reasons

    # -- claim shapes --------------------------------------------------------------------------
    def _quantity_claim(self, found: QuantityMatch) -> None:
        after = self.local[found.end :]
        for shape, pattern in _AFTER_QUANTITY:
            cue = pattern.match(after)
            if cue is None or (shape == "of" and found.quantity.hedge != "within"):
                continue
            cue_end = found.end + cue.end()
            if shape == "apart":
                self._apart(found, cue_end)
            elif shape == "between":
                self._between(found, cue_end)
            elif shape == "away":
                self._away(found, cue_end)
            else:
                direction = compass_point(cue.group("dir")) if shape == "direction" else None
                if shape == "direction" and direction is None:
                    continue
                self._measured_from(found, cue_end, direction, cue.group(0).strip())
            return

    def _measured_from(self, found: QuantityMatch, cue_end: int, direction: str | None, cue: str) -> None:
        subject = self._subject_before(found.start)
        border = _BORDER.match(self.local[cue_end:])
        if border is not None:
            end = cue_end + border.end()
            country = None
            for mention in self.inside:
                start, stop = self._at(mention)
                if start >= cue_end and stop <= end and mention.place is not None:
                    country = mention.place.country_code or None
            self._add(
                "border_distance",
                found.start,
                end,
                subject,
                None,
                cue=cue,
                needs_reference=False,
                quantity=found.quantity,
                direction=direction,
                country=country,
            )
            return
        reference = self._place_after(cue_end) or self._carried_reference(cue_end)
        if reference is not None and subject is not None and reference.start == subject.start:
            reference = None
        kind = "direction" if direction else "distance"
        self._add(
            kind,
            found.start,
            cue_end,
            subject,
            reference,
            cue=cue,
            quantity=found.quantity,
            direction=direction,
        )

    def _apart(self, found: QuantityMatch, cue_end: int) -> None:
        before = self._places_before(found.start)
        pair = before[:2][::-1]
        joined = len(pair) == 2 and re.fullmatch(
            r"\s*(?:,\s*)?and\s+(?:the\s+)?", self.local[self._at(pair[0])[1] : self._at(pair[1])[0]]
        )
        subject, reference = (pair[0], pair[1]) if joined else (None, None)
        self._add("distance", found.start, cue_end, subject, reference, cue="apart", quantity=found.quantity)

    def _between(self, found: QuantityMatch, cue_end: int) -> None:
        first = self._place_after(cue_end)
        second = None
        if first is not None:
            after_first = self._at(first)[1]
            link = re.match(r"\s*(?:and|to)\s+", self.local[after_first:])
            second = self._place_after(after_first + link.end()) if link else None
        self._add("distance", found.start, cue_end, first, second, cue="between", quantity=found.quantity)

    def _away(self, found: QuantityMatch, cue_end: int) -> None:
        subject = self._subject_before(found.start)
        reference = None
        if subject is not None:
            for mention in reversed(self.every):
                if (
                    mention.end <= subject.start
                    and mention.kind != DEMONYM
                    and mention.place is not None
                    and mention.place.kind not in _WIDE_KINDS
                    and (subject.place is None or mention.place.id != subject.place.id)
                ):
                    reference = mention
                    break
        self._add("distance", found.start, cue_end, subject, reference, cue="away", quantity=found.quantity)

    def _direction_claims(self) -> None:
        for match in _DIRECTION_ONLY.finditer(self.local):
            direction = compass_point(match.group("dir"))
            if direction is None or self._covered(match.start(), match.end()):
                continue
            subject = None
            for mention in self._places_before(match.start())[:1]:
                if _LINK.match(self.local[self._at(mention)[1] : match.start()]):
                    subject = mention
            reference = self._place_after(match.end(), limit=0)
            if subject is None or reference is None or self._wide(subject, reference):
                continue  # "Perpignan, south of France" names a part of France, not a bearing
            self._add(
                "direction",
                match.start(),
                match.end(),
                subject,
                reference,
                cue=match.group(0).strip(),
                direction=direction,
            )

    def _proximity_claims(self) -> None:
        for match in _PROXIMITY.finditer(self.local):
            if self._covered(match.start(), match.end()):
                continue
            before = self._places_before(match.start())[:1]
            reference = self._place_after(match.end(), limit=0)
            if (
                not before
                or reference is None
                or not _LINK.match(self.local[self._at(before[0])[1] : match.start()])
            ):
                continue
            subject = before[0]
            if self._wide(subject, reference):
                continue
            self._add(
                "proximity",
                match.start(),
                match.end(),
                subject,
                reference,
                cue=" ".join(match.group(0).split()),
            )

    def _containment_claims(self) -> None:
        countries = [
            m
            for m in self.inside
            if m.place is not None and m.place.kind == "country" or m.kind == DEMONYM and m.place is not None
        ]
        for country in countries:
            start, end = self._at(country)
            code = country.place.country_code if country.place is not None else None
            if country.kind != DEMONYM:
                for subject in self._places_before(start)[:1]:
                    gap = self.local[self._at(subject)[1] : start]
                    if (
                        _CONTAINMENT.match(gap)
                        and subject.place is not None
                        and subject.place.kind not in _WIDE_KINDS
                    ):
                        self._add(
                            "containment",
                            start,
                            end,
                            subject,
                            None,
                            cue=gap.strip(),
                            needs_reference=False,
                            country=code,
                        )
            following = [m for m in self.inside if self._at(m)[0] >= end and m.kind != DEMONYM][:1]
            for subject in following:
                gap = self.local[end : self._at(subject)[0]]
                shaped = _OF_PLACE.match(gap) if country.kind == DEMONYM else _POSSESSIVE.match(gap)
                if shaped and subject.place is not None and subject.place.kind not in _WIDE_KINDS:
                    self._add(
                        "containment",
                        start,
                        self._at(subject)[1],
                        subject,
                        None,
                        cue=gap.strip(),
                        needs_reference=False,
                        country=code,
                    )
