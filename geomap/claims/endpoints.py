"""Binding a claim's end points: which mentioned places a cue in a sentence relates, or why none."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from gazetteer import POINT_SITE, SETTLEMENT, WIDE, Kind, Place, normalize
from geomap.model import Mention, MentionKind
from geomap.sentences import Sentence

if TYPE_CHECKING:
    from geomap.claims.draft import ClaimDraft

#: Buildings and works, each measured from the settlement it lies in.
_BUILDINGS = (
    "campus", "school", "university", "college", "church", "cathedral", "mosque", "monastery", "abbey",
    "castle", "mall", "hospital", "complex", "plant", "factory", "mill", "mine", "prison", "stadium",
    "resort", "hotel", "chapel", "temple", "shrine", "museum", "library", "academy", "institute",
    "seminary", "clinic", "arena",
)  # fmt: skip
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
    **dict.fromkeys(
        # A building or works is measured from the settlement it was last said to be in:
        # "The old hospital stands in Jablah. The hospital lies some 25 km south of Latakia".
        _BUILDINGS,
        frozenset({"city", "capital"}),
    ),
    "island": frozenset({"island"}),
    "lake": frozenset({"lake"}),
    "reservoir": frozenset({"lake"}),
    "peak": frozenset({"mountain"}),
    "summit": frozenset({"mountain"}),
    "mountain": frozenset({"mountain"}),
    "volcano": frozenset({"mountain"}),
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
            "lake",
            "mountain",
        }
    ),
}
#: Where an article's dateline ends at the latest ("MOGADISHU, Somalia (Reuters) -").
DATELINE_CHARS = 60
#: Shortest distance reported as a claim when neither end is a known place.
UNKNOWN_END_MIN_KM = 1.0
#: How far back (characters) a carried-over subject may have been named.
CARRY_CHARS = 600
#: Places too large to be the end of a bearing or of an "away" distance.

_CARRIED_SUBJECT = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:[\w-]+\s+)?(?P<noun>"
    + "|".join(k for k in CARRY_KINDS if k != "it")
    + r")|(?P<it>[Ii]t))\b",
    re.IGNORECASE,
)
_CARRIED_REFERENCE = re.compile(
    r"\s*(?:the|this|that)\s+(?:[\w-]+\s+)?(" + "|".join(CARRY_KINDS) + r")\b", re.IGNORECASE
)
_LINK_WORD = (
    r"(?:which|that|is|are|was|were|lies|lie|lay|sits|sit|stands|located|situated|based|found|set|now|"
    r"also|still|only|just|about|some|roughly|around|a|an|the|due|far|well)"
)
_LINK = re.compile(rf"^[\s,(]*(?:(?:{_LINK_WORD})\b[\s,]*)*$", re.IGNORECASE)
# "X, which Russia built in 2015, is ...": one aside between commas, brackets or dashes.
_LINK_AROUND_CLAUSE = re.compile(
    rf"^\s*(?:,[^,;]{{1,80}},|\([^()]{{1,80}}\)|[—–][^—–]{{1,80}}[—–])\s*(?:(?:{_LINK_WORD})\b\s*)*$",
    re.IGNORECASE,
)
#: What an appositive may call a place between it and its claim: "Ramadi, a city some 110 km ...".
_APPOSITIVE_NOUN = (
    r"(?:town|city|village|hamlet|suburb|district|municipality|community|settlement|port|base|island|"
    r"area|region|province|county|capital|neighbou?rhood|locality|township|commune|outpost|enclave|camp|"
    r"lake|mountain|peak|river|valley|oasis|airport|air\s?base|facility|stronghold|crossing|border\s+town"
    r"|station|resort|spa|hub|junction|seaport|harbou?r|parish|borough|ward|quarter|kibbutz|moshav)"
)
#: Where an appositive says its place lies, in names the gazetteer may lack: "in the Harar Zone".
_APPOSITIVE_WHERE = (
    r"(?P<where>\s+(?:in|of|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:zone|province|district|county|region|governorate|department|oblast|state|valley|north|south|east|west"
    r"|(?-i:[A-Z][\w'’-]+)))?"
)
#: How many live in an appositive's place: "a town of 27,000 people", "a city of about 2 million".
_APPOSITIVE_SIZE = (
    r"(?:\s+of\s+(?:(?:about|around|some|roughly|nearly|more\s+than|over)\s+)?[\d.,]+"
    r"(?:\s+(?:million|thousand))?(?:\s+(?:people|residents|inhabitants|souls))?)?"
)
_APPOSITIVE = re.compile(
    rf"^[\s,]*(?:a|an|another|the)\s+(?:[\w'’-]+\s+){{0,5}}?{_APPOSITIVE_NOUN}\b{_APPOSITIVE_SIZE}"
    rf"{_APPOSITIVE_WHERE}[\s,]*"
    rf"(?:(?:{_LINK_WORD})\b[\s,]*)*$",
    re.IGNORECASE,
)
#: A word naming what a place is, right after its name: "al-Fouaa town", "Daraa city".
_PLACE_NOUN_AFTER = re.compile(
    r"(?:\s+(?:town|city|village|hamlet|port|camp|suburb|district|area|municipality|neighbou?rhood"
    r"|" + "|".join(_BUILDINGS) + r")\b)?",
    re.IGNORECASE,
)
#: A division's word right after its name: "Latakia province". Its area is no point to measure.
_DIVISION_NOUNS = "province|governorate|county|region|zone|oblast|state"
_DIVISION_NOUN_AFTER = re.compile(rf"\s+(?:{_DIVISION_NOUNS})\b", re.IGNORECASE)
#: A division's own noun after its name, the smaller ones too: "Matara district", "Idlib province".
_DIVISION_WORD_AFTER = re.compile(
    rf"\s+(?:{_DIVISION_NOUNS}|district|department|prefecture)\b", re.IGNORECASE
)
#: A clause saying where the subject is, then its claim: "X is on the coast, about 30 km ...".
_PREDICATE = re.compile(
    rf"^\s*(?:is|lies|sits|stands|was|remains)\s+(?:on|in|at|along|by|beside|inland|high|low)\b"
    rf"[^,;:()]{{0,60}},\s*(?:(?:{_LINK_WORD})\b\s*)*$",
    re.IGNORECASE,
)
#: The same clause when its division is blanked out, comma or none: "X is in central Tuscany about 50 km".
_PREDICATE_IN = re.compile(
    rf"^\s*(?:is|lies|sits|stands|was|remains)\s+(?:(?:located|situated)\s+)?in\s+(?:the\s+)?"
    rf"(?:[a-z-]+\s+)?[\s,]*(?:(?:{_LINK_WORD})\b\s*)*$",
    re.IGNORECASE,
)
#: Between a place and the division or country it lies in: "Gilroy, California", "X, a town in Idlib".
_IN_ITS_REGION = re.compile(
    rf",?\s*(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{_APPOSITIVE_NOUN}\s+)?(?:(?:in|of)\s+(?:the\s+)?)?"
    r"(?:(?:upper|lower|high|inner|outer|greater|northern|southern|eastern|western|central)\s+)?"
    rf"(?:(?:[\w'’-]+\s+){{0,4}}?(?:region|area|part|valley|hills|plain|plains|coast|highlands|county|district)\s+of\s+)?"
    rf"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?",
    re.IGNORECASE,
)
#: Between a country and a place it owns: "Yemen's Hodeidah", "Syria's port of Latakia".
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:(?:[a-z-]+\s+){0,3}?of\s+)?")
#: Places that contain the towns named before them: "X, California", "X France".
_CONTAINERS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.REGION})
#: Areas a chain of containment may pass through: "X in the Bekaa valley of Lebanon".
_AREAS = frozenset({Kind.FEATURE, Kind.DESERT, Kind.PENINSULA, Kind.ISLAND})
#: A comma alone between two names of an address: "Mirzapur, Uttar Pradesh, India".
_COMMA_GAP = re.compile(r"\s*,\s*")
#: A capitalised name and a comma ending the text before a town: "Kemal, " in "Kemal, Dorvan, Syria".
_NAME_AND_COMMA = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*\s*,\s*$")
#: Most names a chain of containment walks back through to its town.
CHAIN_STEPS = 3
#: A capital described, not named: "the capital", "the Syrian capital", "the capital of Sudan".
_CAPITAL_REFERENCE = re.compile(
    r"\s*(?P<phrase>(?:the\s+)?(?:(?P<adjective>[\w'’-]+)\s+)?capital(?:\s+city)?\b(?P<of>\s+of\s+(?:the\s+)?)?)",
    re.IGNORECASE,
)
#: What joins two claims about one subject: "lies 8 km from A and some 40 km south of B".
COORDINATION = re.compile(r"^[\s,;]*(?:(?:and|or|but|while|as\s+well\s+as)\b)?[\s,]*$", re.IGNORECASE)
_PROPER = re.compile(r"(?<![\w'’])(?!(?:The|A|An|This|That)\b)[A-Z][\w'’-]+")
_PROPER_BEFORE = re.compile(rf"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)[\s,]*(?i:(?:{_LINK_WORD})\b[\s,]*)*$")
_PROPER_RUN = re.compile(
    r"^\s*(?:the\s+)?(?:(?:city|town|village|hamlet|port|municipality)\s+of\s+(?:the\s+)?)?"
    r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)"
)
#: A verb saying where a sentence's opening subject is: "It is located", "The lake lies".
_LOCATIVE_VERB = re.compile(
    r"\s+(?:is|lies|lay|sits|stands|was)\s+(?:(?:located|situated|found|set|based)\s+)?"
    r"(?:in|on|at|along|by|between|near|about|some|around|roughly|approximately|\d)",
    re.IGNORECASE,
)
#: "in" (and a few words) right before a place named to say where something is.
_IN_BEFORE = re.compile(
    r"\bin\s+(?:the\s+)?(?:(?:historic|historical|northern|southern|eastern|western|central)\s+)?$"
)
#: Where a carried-over subject lies, said between it and its claim: "the town in Latakia province, 22 km".
_IN_AREA = re.compile(
    rf"\s+in\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){{1,3}}(?:district|province|governorate|county|region|area)"
    rf"[\s,]*(?:(?:{_LINK_WORD})\b[\s,]*)*$"
)
#: Any kind of place, for previous_subject.
_ANY_KIND: frozenset[str] = frozenset()
#: Quotes, brackets and dashes that may open a sentence.
_OPENING_PUNCTUATION = re.compile(r"[\W_]*")
#: What may open a sentence before its subject: quotes, brackets, "The".
_SENTENCE_OPENING = re.compile(r"[\W_]*(?:the\s+)?", re.IGNORECASE)
#: "the provincial capital", "the regional capital": a division's seat, not the country's capital.
_PROVINCIAL = re.compile(
    r"\s*(?:the|this|that)\s+(?:provincial|regional|state|district|departmental|governorate|oblast)\s+capital\b",
    re.IGNORECASE,
)
#: An aside ending in a name: "Idlib, and pushed towards Maarat al-Numan, 35 km south of X" is
#: about that name (unknown here), not about Idlib.
_ASIDE_ENDS_IN_NAME = re.compile(r"^\s*,[^,;]*\s(?:[a-z]+[\s-])?[A-Z][\w'’-]*\s*,")
#: A name right after a carried-over noun: "the village of Stichill", "the town Qorvath".
_NAMED_AFTER_NOUN = re.compile(r"\s+(?:of\s+)?(?:the\s+)?[A-Z]")
#: The end of "between A and": the B after it is one end of a span, not a claim's subject.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?[\w'’ -]{1,60}?\s+and\s+(?:the\s+)?$", re.IGNORECASE)
_REF_GAP = re.compile(r"^\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}?$", re.IGNORECASE)


class ArticleMentions:
    """Every mention of an article in text order, with the lookups claim finding makes of them.

    Built once per article, so that each sentence finds its own mentions, and each carried-over
    end the mentions before it, by bisection instead of a walk over the whole article.
    """

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.ordered]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in order."""
        found = []
        for index in range(bisect_left(self._starts, start), len(self.ordered)):
            mention = self.ordered[index]
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def dateline_capital(self, capital_of: Callable[[str], Place | None] | None = None) -> Mention | None:
        """The capital an article's dateline names ("MOGADISHU (Reuters) -"): what "the capital" means.

        Only a capital named in the first DATELINE_CHARS characters counts: a place of kind
        capital, or the place the gazetteer records as its country's capital.
        """
        for mention in self.ordered:
            if mention.start >= DATELINE_CHARS:
                return None
            place = mention.place
            if place is None:
                continue
            capital = capital_of(place.country_code) if capital_of and place.country_code else None
            if place.kind == Kind.CAPITAL or (capital is not None and capital.id == place.id):
                return mention
        return None

    def before(self, offset: int) -> Iterator[Mention]:
        """The mentions starting before `offset`, nearest first."""
        for index in range(bisect_left(self._starts, offset) - 1, -1, -1):
            yield self.ordered[index]


class SentencePlaces:
    """The places mentioned in one sentence (and before it), and who a cue in it is about.

    Positions taken and returned are offsets into `sentence.text`; mentions keep their
    article offsets. Carried-over subjects and references may lie in earlier sentences.
    """

    def __init__(
        self,
        text: str,
        sentence: Sentence,
        inside: list[Mention],
        every: ArticleMentions,
        line_of: Callable[[int], int],
        capital_of: Callable[[str], Place | None] | None = None,
        previous: Sentence | None = None,
    ) -> None:
        self.text = text
        self.previous = previous
        """The sentence before this one, whose subject "It lies ..." most likely means (None: first)."""
        self.line_of = line_of
        """The 1-based line number of an article offset."""
        self.capital_of = capital_of
        """The capital of a country by ISO code, for "the Syrian capital" (None: not known)."""
        self.sentence = sentence
        self.local = sentence.text
        self.inside = inside
        """Mentions within the sentence, in order."""
        self.every = every
        """Every mention of the article, in order: where carried-over subjects are looked up."""

    def local_span(self, mention: Mention) -> tuple[int, int]:
        """Where `mention` is in the sentence text."""
        return mention.start - self.sentence.start, mention.end - self.sentence.start

    def in_sentence(self, mention: Mention) -> bool:
        """Whether `mention` is in this sentence rather than carried over from an earlier one."""
        return self.sentence.start <= mention.start and mention.end <= self.sentence.end

    def places_before(self, position: int) -> list[Mention]:
        """Places (not demonyms) ending before `position`, nearest first."""
        return [
            m for m in self.inside if m.kind != MentionKind.DEMONYM and self.local_span(m)[1] <= position
        ][::-1]

    def next_place(self, position: int) -> Mention | None:
        """The first place (not demonym) starting at or after `position`, however far."""
        for mention in self.inside:
            if self.local_span(mention)[0] >= position and mention.kind != MentionKind.DEMONYM:
                return mention
        return None

    def place_after(self, position: int, limit: int = 60) -> Mention | None:
        """The place right after a cue; None when an unknown proper name comes first.

        "60km from the Kremlin in Moscow" must not bind Moscow when the Kremlin is unknown,
        so only a short run of lower-case words (or demonyms) may stand in between.
        """
        for mention in self.inside:
            start, _ = self.local_span(mention)
            if start < position or mention.kind == MentionKind.DEMONYM:
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

    def reference_after(self, position: int, avoid: Mention | None = None) -> Mention | None:
        """The place a distance is measured from.

        Named after the cue, a capital described ("the Syrian capital", "the capital of
        Sudan"), or a place carried over ("the city"), which is never `avoid`, the claim's
        subject: in "Chiva, 30 km west of the city", the city is one named before Chiva.
        """
        named = self.place_after(position)
        return (
            self._capital_reference(position)
            or (self._possessed(named) if named is not None else None)
            or self._carried_over_reference(position, avoid)
        )

    def _possessed(self, mention: Mention) -> Mention:
        """The place a possessive names: "76 nautical miles west of Yemen's Hodeidah" is Hodeidah."""
        if mention.place is None or mention.place.kind not in _CONTAINERS:
            return mention
        end = self.local_span(mention)[1]
        owned = self.next_place(end)
        if owned is not None and _POSSESSIVE_GAP.fullmatch(self.local[end : self.local_span(owned)[0]]):
            return owned
        return mention

    def _capital_reference(self, position: int) -> Mention | None:
        """A country's capital described, not named ("the Iraqi capital"), as a mention of it.

        The mention spans the description as written and carries the confidence of the country
        (or demonym) mention it comes from. A capital that is named ("the Syrian capital
        Damascus") is left to place_after.
        """
        match = _CAPITAL_REFERENCE.match(self.local, position)
        if match is None:
            return None
        named = None if match.group("of") else self.next_place(match.end())
        if (
            named is not None
            and named.place is not None
            and named.place.kind in SETTLEMENT
            and re.fullmatch(r"\s*,?\s*", self.local[match.end() : self.local_span(named)[0]])
        ):
            return named  # "the Capital, Lima", "the capital city Santa Cruz de Tenerife"
        if self.capital_of is None:
            return None
        end = match.end()
        if match.group("of"):
            country = self.next_place(end)
            if country is not None and self.local_span(country)[0] == end:
                end = self.local_span(country)[1]
            else:
                country = None
        else:
            adjective = match.group("adjective")
            country = (
                self._mention_at(match.start("adjective"), match.end("adjective")) if adjective else None
            )
        if country is None or country.place is None or country.place.kind != Kind.COUNTRY:
            return None
        capital = self.capital_of(country.place.country_code)
        if capital is None:
            return None
        start, stop = self.sentence.start + match.start("phrase"), self.sentence.start + end
        return Mention(start, stop, self.text[start:stop], MentionKind.PLACE, capital, country.confidence)

    def _mention_at(self, start: int, end: int) -> Mention | None:
        """The mention covering a span of the sentence, if any."""
        for mention in self.inside:
            first, last = self.local_span(mention)
            if first <= start and end <= last:
                return mention
        return None

    def subject_before(self, position: int, avoid: Mention | None = None) -> Mention | None:
        """The place a claim starting at `position` is about: linked by "is", ",", "lies"...

        Only a place tied to the claim by a link ("X is", "X,", "X, which ..., lies") counts,
        or a subject carried over from an earlier sentence ("The facility is"); a place merely
        named earlier in the sentence does not, so the claim is reported unbound instead. A
        carried-over subject is never the place `avoid` (the claim's reference): "residents fled
        the town, 22 km from the provincial capital Latakia" is about another town than Latakia.
        """
        candidates = self.places_before(position)
        where: list[Mention] = []  # containers named only to say where the subject lies
        for mention in candidates[:3]:
            if _BETWEEN_BEFORE.search(self.local[: self.local_span(mention)[0]]):
                break  # "located between Greenlaw and Kelso two miles north of X": about neither
            end = self.local_span(mention)[1]
            gap = self.local[end:position]
            division_word = _DIVISION_NOUN_AFTER.match(gap)
            if division_word is not None:
                # "Jablah, a town in Latakia province, 22 km south of X" is about Jablah; with no
                # town before it, "Idlib province, 30 km west of X" is about an area: unbound
                gap = gap[division_word.end() :]
                inner = self._town_rather_than_its_region(mention, candidates)
                if inner is mention or not _LINK.match(gap):
                    continue
                return inner
            gap = gap[_PLACE_NOUN_AFTER.match(gap).end() :]  # type: ignore[union-attr]
            if (
                _LINK.match(gap)
                or (_LINK_AROUND_CLAUSE.match(gap) and not _ASIDE_ENDS_IN_NAME.match(gap))
                or self._appositive(gap, position - len(gap))
                or self._predicate_between(end, position, where)
            ):
                found = self._town_rather_than_its_region(mention, candidates)
                if not self._only_where(found):
                    return found
                # "It lies in historic Lesser Poland 16 km south of X" is about "It", and "Siena
                # lies in Tuscany, 60 km south of X" about Siena: never about the division, whose
                # centre is no point the subject lies at
                carried = self._carried_over_subject(self.local[:position], position, avoid)
                if carried is not None:
                    return carried
                where.append(found)
        return self._carried_over_subject(self.local[:position], position, avoid)

    def _only_where(self, mention: Mention) -> bool:
        """Whether a division or country is named only to say where the subject is ("in Syria").

        Not a bare division's name shared by its seat, "in Matara, 160 km south of X", which
        names the town, unless the division's noun follows ("in Matara district") or the
        sentence is about something else that lies there ("The village lies in Aleppo, ...").
        A town stays the subject: "The school is located in Jablah, 22 km south of X", but not
        one listed after another name, "in Kemal, Tartus, 20 km south of X": there Tartus may
        be the district around Kemal, and which of the two lies 20 km away the text cannot say.
        """
        first, last = self.local_span(mention)
        place = mention.place
        if place is not None and place.kind in SETTLEMENT:
            return self._name_listed_before(mention)
        if place is None or place.kind not in _CONTAINERS:
            return False
        if not _IN_BEFORE.search(self.local[:first]):
            return False
        if _DIVISION_WORD_AFTER.match(self.local, last) or self._opening_subject_lies_before(first):
            return True
        return mention.same_named_town(SETTLEMENT) is None

    def _opening_subject_lies_before(self, position: int) -> bool:
        """Whether the sentence opens with "It" or "The village" and says where it lies, before `position`."""
        opening = _OPENING_PUNCTUATION.match(self.local)
        carried = _CARRIED_SUBJECT.match(self.local, opening.end() if opening else 0)
        if carried is None or carried.end() > position:
            return False
        verb = _LOCATIVE_VERB.match(self.local, carried.end())
        return verb is not None and verb.start() < position

    def _predicate_between(self, start: int, end: int, where: Sequence[Mention] = ()) -> bool:
        """Whether a short predicate naming no place joins a subject to its claim.

        "Rafah is on the Egyptian border, about 30 km south of Gaza City": the subject is the
        sentence's, across a clause that says where it is without naming another place than
        the containers in `where` ("Siena lies in Tuscany, 60 km south of X").
        """
        gap = self._without_demonyms(start, end, where)
        if where and _PREDICATE_IN.match(gap):
            return True
        return bool(_PREDICATE.match(gap)) and not _PROPER.search(gap)

    def _appositive(self, gap: str, start: int) -> bool:
        """A description between a place and its claim, naming no other known place: ", a small town".

        It may say where the place lies in names the gazetteer lacks ("Alemaya, a town in the
        Harar Zone, 17 km from ..."); a known place there is a candidate subject of its own.
        """
        match = _APPOSITIVE.match(gap)
        if match is None:
            return False
        where = match.span("where")
        if where[0] < 0:
            return not _PROPER.search(gap)
        outside = gap[: where[0]] + " " * (where[1] - where[0]) + gap[where[1] :]
        return not _PROPER.search(outside) and not self._mentioned_between(start + where[0], start + where[1])

    def _mentioned_between(self, start: int, end: int) -> bool:
        """Whether a place or demonym is mentioned between two sentence offsets."""
        return any(start < self.local_span(m)[1] and self.local_span(m)[0] < end for m in self.inside)

    def end_of(self, mention: Mention | None, default: int) -> int:
        """Where a mention ends in the sentence, or `default` when it is none or lies elsewhere."""
        if mention is None or not self.in_sentence(mention):
            return default
        return max(default, self.local_span(mention)[1])

    def adjacent_subject(self, position: int) -> Mention | None:
        """The nearest place before `position` when only link words stand between ("X lies near").

        Stricter than subject_before (no asides, no carry-over): a bare direction or
        "near" is too common a word to reach further for its subject.
        """
        nearest = self.places_before(position)[:1]
        if nearest and _LINK.match(self.local[self.local_span(nearest[0])[1] : position]):
            return nearest[0]
        return None

    def pair_before(self, position: int) -> tuple[Mention | None, Mention | None]:
        """The two places of "X and Y are 50km apart", in order, or (None, None) if not so joined."""
        pair = self.places_before(position)[:2][::-1]
        joined = len(pair) == 2 and re.fullmatch(
            r"\s*(?:,\s*)?and\s+(?:the\s+)?",
            self.local[self.local_span(pair[0])[1] : self.local_span(pair[1])[0]],
        )
        return (pair[0], pair[1]) if joined else (None, None)

    def pair_after(self, position: int) -> tuple[Mention | None, Mention | None]:
        """The two places of "the road between X and Y" (or "from X to Y"); None where one is missing."""
        first = self.place_after(position)
        if first is None:
            return None, None
        after_first = self.local_span(first)[1]
        link = re.match(r"\s*(?:and|to)\s+", self.local[after_first:])
        return first, (self.place_after(after_first + link.end()) if link else None)

    def reference_named_earlier(self, subject: Mention) -> Mention | None:
        """For "X is 30km away": the last other place named before X, which the story is about."""
        for mention in self.every.before(subject.start):
            if (
                mention.end <= subject.start
                and mention.kind != MentionKind.DEMONYM
                and mention.place is not None
                and mention.place.kind not in WIDE
                and (subject.place is None or mention.place.id != subject.place.id)
            ):
                return mention
        return None

    def names_unknown_reference(self, draft: ClaimDraft) -> bool:
        """Whether a claim with no known end names its reference all the same ("11 km south of Mount Zog").

        Such a claim is reported, unverifiable, naming the name: the reader learns which claim
        went unchecked and why, where "15 metres from the door" names nothing and is no claim.
        """
        if draft.quantity is not None and draft.quantity.km < UNKNOWN_END_MIN_KM:
            return False  # "12 yards from the Jets": a field's or a building's scale
        return draft.needs_reference and _leading_proper_name(self.local[draft.end :]) is not None

    def unbound_reasons(self, draft: ClaimDraft) -> list[str]:
        """Which end could not be bound or resolved, and why, naming an unknown name if one is there.

        Naming the unknown name tells the reader whether the gazetteer lacks a place or the
        sentence simply names none, which decides what to fix.
        """
        start, end, subject, reference, cue = (
            draft.start,
            draft.end,
            draft.subject,
            draft.reference,
            draft.cue,
        )
        needs_reference = draft.needs_reference
        reasons = []
        if subject is None:
            before = _PROPER_BEFORE.search(self.local[:start])
            named = before.group(1) if before and before.group(1) not in ("The", "It", "This") else None
            known = before is not None and self._mention_at(before.start(1), before.end(1)) is not None
            if named and known:
                reasons.append(f"subject: {named!r} is named before {cue!r} but is not what it locates")
            elif named:
                reasons.append(f"subject: {named!r} is not a known place")
            else:
                reasons.append(f"subject: no place named just before {cue!r}")
        elif subject.place is None:
            reasons.append(f"subject: {subject.surface!r} is not in the gazetteer")
        if needs_reference and reference is None:
            named = _leading_proper_name(self.local[end:])
            reasons.append(
                f"reference: {named!r} is not a known place"
                if named
                else f"reference: no place named after {cue!r}"
            )
        elif reference is not None and reference.place is None:
            reasons.append(f"reference: {reference.surface!r} is not in the gazetteer")
        return reasons

    def _without_demonyms(self, start: int, end: int, also: Sequence[Mention] = ()) -> str:
        """The text between two offsets with demonym mentions, and those in `also`, blanked.

        "the Russian naval ..." reads as "the         naval ...".
        """
        chars = list(self.local[start:end])
        for mention in self.inside:
            first, last = self.local_span(mention)
            blank = mention.kind == MentionKind.DEMONYM or mention in also
            if blank and start <= first and last <= end:
                chars[first - start : last - start] = " " * (last - first)
        return "".join(chars)

    def _town_rather_than_its_region(self, mention: Mention, candidates: list[Mention]) -> Mention:
        """In "Gilroy, California, 30 miles from ...", the subject is Gilroy, not California.

        Only to a town or a site. One step across a bare gap: in "Jablah Latakia Governorate
        Syria 22 km from Latakia" a bare list is too long to say which name is the subject.
        Further back only where words say each name lies in the next, "located in Jablah in
        the Latakia Governorate of western Syria, about 22 km south of Latakia", or commas
        list an address, "in Jablah, Latakia Governorate, Syria, 22 km south of Latakia". Not
        to a town listed after another town: that one may be the district of its namesake seat.
        """
        if mention.place is None or mention.place.kind not in _CONTAINERS:
            return mention
        # an unplaced name inside the chain is part of its words: "in the Black Forest region of"
        earlier = [m for m in candidates if m.end <= mention.start and m.place is not None]
        outer = mention
        for inner in earlier[:CHAIN_STEPS]:
            gap = self.local[self.local_span(inner)[1] : self.local_span(outer)[0]]
            place = inner.place
            if place is None or not _IN_ITS_REGION.fullmatch(gap) or not _lies_in(place, outer.place):
                return mention
            if place.kind in SETTLEMENT | POINT_SITE:
                return mention if self._name_listed_before(inner) else inner
            worded = bool(gap.strip(" ,")) or _COMMA_GAP.fullmatch(gap) is not None
            if place.kind not in _CONTAINERS | _AREAS or not worded:
                return mention
            outer = inner
        return mention

    def _name_listed_before(self, town: Mention) -> bool:
        """Whether a name is listed, comma and all, right before `town`, which may then be its district.

        In "Kemal, Tartus, Syria, 20 km from X" Tartus may be the district named after its
        seat and Kemal (known to the gazetteer or not) the subject: the text cannot say which.
        """
        return _NAME_AND_COMMA.search(self.local, 0, self.local_span(town)[0]) is not None

    def _carried_over_subject(
        self, before: str, position: int, avoid: Mention | None = None
    ) -> Mention | None:
        """A subject carried over: "The facility is ..." binds to the last compatible place named."""
        phrases = list(_CARRIED_SUBJECT.finditer(before))
        if not phrases:
            return None
        phrase = phrases[-1]
        opening = phrases[0]
        if _SENTENCE_OPENING.fullmatch(before[: opening.start()]) and _LOCATIVE_VERB.match(
            before, opening.end()
        ):
            # "It is located at the foot of the Anaga mountains 7 km north-east of X"
            phrase = opening
        elif (
            not _LINK.match(before[phrase.end() : position])
            and not re.match(r"^\s*,[^,]*,\s*", before[phrase.end() :])
            and not _IN_AREA.match(before, phrase.end())
        ):
            return None
        kinds = CARRY_KINDS["it" if phrase.group("it") else phrase.group("noun").lower()]
        at_start = _SENTENCE_OPENING.fullmatch(before[: phrase.start()]) is not None
        antecedent = self.previous_subject(kinds) if at_start else None
        if antecedent is not None and not _same_place(antecedent, avoid):
            return antecedent
        return self._last_place_of_kind(self.sentence.start + phrase.start(), kinds, avoid)

    def firm_antecedent(self, mention: Mention | None) -> bool:
        """Whether `mention` is carried over as the opening subject of the previous sentence.

        True only when this sentence opens with "It" or "The village" and the previous one
        opens with the place: the encyclopedia's and the wire's way of going on about one place.
        """
        if mention is None or self.in_sentence(mention):
            return False
        opening = _OPENING_PUNCTUATION.match(self.local)
        carried = _CARRIED_SUBJECT.match(self.local, opening.end() if opening else 0)
        return carried is not None and self.previous_subject(_ANY_KIND) is mention

    def previous_subject(self, kinds: frozenset[str]) -> Mention | None:
        """The place the previous sentence opens with, when it is of one of `kinds`.

        "Osieck is a village in Otwock County ... It lies 20 km south-east of Otwock": a
        sentence that opens with "It" or "The village" continues the one before it, whose
        subject is the place it opens with, not the last place it happens to name.
        """
        previous = self.previous
        if previous is None:
            return None
        for mention in self.every.within(previous.start, previous.end):
            if mention.kind == MentionKind.DEMONYM:
                continue
            opening = self.text[previous.start : mention.start]
            if mention.place is None or not _SENTENCE_OPENING.fullmatch(opening):
                return None
            return mention if kinds is _ANY_KIND or _of_kind(mention, kinds) else None
        return None

    def _carried_over_reference(self, position: int, avoid: Mention | None = None) -> Mention | None:
        """A reference carried over ("50km from the city"): the last compatible place named shortly before."""
        match = _CARRIED_REFERENCE.match(self.local[position:])
        if not match:
            if re.match(r"\s*it\b", self.local[position:], re.IGNORECASE):
                # "Latakia lies 22 km north of it": a place of an earlier sentence, not the subject
                return self._last_place_of_kind(self.sentence.start, CARRY_KINDS["it"])
            return None
        if _NAMED_AFTER_NOUN.match(self.local, position + match.end()):
            return None  # "north of the village of Stichill": a place named, if unknown, not carried over
        noun = match.group(1).lower()
        if noun == "capital" and _PROVINCIAL.match(self.local, position):
            return self._last_seat(self.sentence.start + position, avoid)
        found = self._last_place_of_kind(self.sentence.start + position, CARRY_KINDS[noun], avoid)
        return found or (self.every.dateline_capital(self.capital_of) if noun == "capital" else None)

    def _last_seat(self, cutoff: int, avoid: Mention | None) -> Mention | None:
        """What "the provincial capital" means: the last town named shortly before that is a seat.

        A seat is a town named like its first-level division (Idlib in Idlib, Kharkiv in
        Kharkiv oblast); one in another division than `avoid`, the subject, is not meant.
        """
        for mention in self.every.before(cutoff):
            if mention.end <= cutoff - CARRY_CHARS:
                return None
            place = mention.place
            if (
                mention.end > cutoff
                or place is None
                or place.kind not in SETTLEMENT
                or _same_place(mention, avoid)
            ):
                continue
            if normalize(place.name) == normalize(place.admin1):
                subject = avoid.place if avoid is not None else None
                return mention if subject is None or subject.admin1 == place.admin1 else None
        return None

    def _last_place_of_kind(
        self, cutoff: int, kinds: frozenset[str], avoid: Mention | None = None
    ) -> Mention | None:
        """The last place of one of `kinds` named shortly before `cutoff` (a few sentences back).

        The CARRY_CHARS window keeps "the city" from reaching back to a city named in
        another part of the story.
        """
        for mention in self.every.before(cutoff):
            if mention.end <= cutoff - CARRY_CHARS:
                return None
            if mention.end <= cutoff and _of_kind(mention, kinds) and not _same_place(mention, avoid):
                return mention
        return None


def _of_kind(mention: Mention, kinds: frozenset[str]) -> bool:
    """Whether a mention may be a place of one of `kinds` ("the city" for Aleppo).

    A division the resolver picked counts as its same-named town when that is a runner-up,
    as verification reads it ("Aleppo" the governorate, "the city" the city).
    """
    place = mention.place
    if place is None:
        return False
    return place.kind in kinds or mention.same_named_town(kinds) is not None


def _lies_in(inner: Place, outer: Place | None) -> bool:
    """Whether `inner` may lie in `outer` as far as their countries tell (a region may span several)."""
    return outer is None or not outer.country_code or inner.country_code == outer.country_code


def _same_place(mention: Mention, other: Mention | None) -> bool:
    """Whether two mentions name one place: the same pick, or one name ("Idlib" the province and the city)."""
    if other is None or mention.place is None or other.place is None:
        return False
    return mention.place.id == other.place.id or normalize(mention.place.name) == normalize(other.place.name)


def _leading_proper_name(text: str) -> str | None:
    """A capitalised name at the start of `text` (no mention covers it when we ask), for unbound reasons."""
    match = _PROPER_RUN.match(text)
    return match.group(1) if match else None
