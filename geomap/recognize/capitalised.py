"""Recognition: find the spans of a text that name gazetteer places or streets, or are demonyms.

Capitalised word chunks are found with one regular expression; inside each chunk the
longest run of words whose normalised form is a gazetteer name wins. Precision filters
then drop ordinary words ("Most", "Police"), people ("President Assad", "Mikhail
Bogdanov", and later a bare "Bogdanov"), codes and acronyms ("TASS"), and sentence-initial
common words. US state abbreviations after a comma ("Alexandria, La.") are places too, and
so are streets the gazetteer does not know ("Main Street"): named, never placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import replace

from gazetteer import lexicon, normalize
from geomap.casing import recognition_view
from geomap.model import LookupKey, MentionKind, Span, Strength
from geomap.recognize.abbreviations import ABBREVIATION_PATTERN
from geomap.recognize.words import (
    BEARING_WORDS,
    BUILDING_HEADS,
    CALENDAR,
    CLUB_PREFIXES,
    DISEASE_WORDS,
    FEATURE_HEADS,
    FEATURE_HEADS_THAT_ARE_SURNAMES,
    INSTITUTION_HEADS,
    LOCAL_NOUNS,
    LOWERCASE_NOT_TITLES,
    MEDIA_HEADS,
    MODIFIERS,
    NAME_HEADS,
    NEVER,
    ORGANISATIONS,
    ROLES,
    STREET_HEADS,
    STREET_HEADS_THAT_ARE_SURNAMES,
    TITLES,
)

#: Longest name, in words, that recognition tries.
MAX_WORDS = 7
_UPPER = "".join(re.escape(chr(c)) for c in range(0x2000) if chr(c).isupper())
# A capitalised word: "Damascus", "Al-Nusra", "Ma'arrat" ("Russia’s" and "I’ve" stop before
# the apostrophe), dotted abbreviations ("U.S.", "St.") and all-caps words.
_APOSTROPHE_PART = r"['’](?!(?:[sS]|ve|ll|re|d|m|t)\b)\w+"
# Written with its first letter factored out (the same matches as
# "(?:[A-Z]\.){2,}|(?:St|Ste|Mt|Ft)\.|[A-Z]\w*(?:...)*") so that the regex engine can skip
# straight to capital letters instead of trying every alternative at every offset.
_WORD = rf"[{_UPPER}](?:\.(?:[{_UPPER}]\.)+|(?<=S)(?:t|te)\.|(?<=[MF])t\.|\w*(?:[-‐]\w+|{_APOSTROPHE_PART})*)"
# Lowercase words allowed inside a name: "Gulf of Aden", "Hayat Tahrir al-Sham", "Stratford-upon-Avon".
_CONNECTOR = (
    r"(?:of|the|de|du|des|del|della|di|da|do|dos|das|la|le|les|al|el|ad|as|ash|ar|at|az|an|on|upon"
    r"|am|im|der|den|van|von|y|and|sur|en|es|bin|ibn|abu)"
)
_SEP = r"(?:[ \t\u00a0]+|[ \t]*[-‐/][ \t]*)"
# An elided French or Italian article before a name's word: "Côte d'Ivoire", "Coeur d'Alene".
_ELISION = r"(?:[dl]['’])"
# A chunk may end with a lowercase site word that is part of a name as news writes it.
_CHUNK = re.compile(rf"{_WORD}(?:{_SEP}(?:{_CONNECTOR}{_SEP})*{_ELISION}?{_WORD})*(?:[ \t\u00a0]+airport\b)?")
#: Up to three capitalised words after a comma: where a qualifier ("Van, Turkey") would be.
_QUALIFIER_AFTER = re.compile(r",[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})")
#: How the names of places named after saints begin, normalised.
_SAINTS = ("saint ", "sainte ", "san ", "santa ", "sao ")
_ORGANISATION = re.compile(r"\b(?:" + "|".join(map(re.escape, ORGANISATIONS)) + r")\b", re.IGNORECASE)
_ORGANISATION_PLACES = frozenset(normalize(name.split()[-1]) for name in ORGANISATIONS)
_LONGEST_ORGANISATION = max(map(len, ORGANISATIONS))
#: A possessive ending a chunk ("People's"), and the spaces from it to a next chunk.
_POSSESSIVE_S = re.compile(r"['’][sS]\b")
_POSSESSIVE_GAP = re.compile(r"[ \t\u00a0]+(?=[^\W\d_])")
# Tokens inside a chunk: hyphenated compounds are split ("Israeli-Egyptian", "Watertown-Mayer").
_TOKEN = re.compile(rf"(?:[{_UPPER}]\.){{2,}}|(?:St|Ste|Mt|Ft)\.|\w+(?:{_APOSTROPHE_PART})*")
_CONNECTORS = frozenset(re.findall(r"\w+", _CONNECTOR))
#: The Arabic article as news transliterates it: "al-", "el-", "ad-", "an-", "ash-"...
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def _joined_to_next(chunk: str, tokens: list[_Token], i: int) -> bool:
    """Whether token i runs on into the next by an Arabic article: "Maarat al-Numan", "Deir el Balah".

    The article must be "al"/"el" or hyphened to the word after it: "Friday at Alexandria"
    joins nothing.
    """
    if i + 2 >= len(tokens):
        return False
    article = tokens[i + 1][2].lower()
    if article not in _ARABIC_ARTICLES:
        return False
    return article in ("al", "el") or "-" in chunk[tokens[i + 1][1] : tokens[i + 2][0]]


# Connectors that join two names rather than sit inside one: "Sheriff and Rapides Parish".
# English prepositions ("on Friday at Athens") count too: the word before them is no first name.
_LINKING = frozenset({"and", "of", "the", "on", "upon", "y", "en", "sur", "at", "as", "an", "am"})
_SENTENCE_END = frozenset(".!?:;\n\"“”‘'([—–-•*#|>")
# A cheap first pass for abbreviations; ABBREVIATION_PATTERN then checks each hit.
# "(?<!\w.)" after the capital is the word boundary before it, written so that the engine can
# skip straight to capitals.
_ABBREVIATION_LIKE = re.compile(
    r"[A-Z](?<!\w.)(?:[a-z]{1,4}\.|\.\s?[A-Z](?:[a-z]?\.(?:\s?[A-Z]\.)?)|[A-Z]\b)"
)
_STANDALONE = re.compile(r"\b(?:" + "|".join(lexicon.STANDALONE) + r")\b")
#: A number after a name: "County Road 80", "Route 9".
_NUMBER_AFTER = re.compile(r"[ \t\u00a0]+\d")
# After a name, what makes it part of a disease's or a holiday's: "West Nile virus", "St. Patrick's Day".
_DISEASE_AFTER = re.compile(
    r"(?:[ \t\u00a0-]+(?:" + "|".join(sorted(DISEASE_WORDS)) + r")|(?-i:['’]s[ \t\u00a0]+Day))\b",
    re.IGNORECASE,
)
# What only a person is, after a name and a comma: "Hassan Nur, a resident of", "Ali Omar, 34,".
# Searched for first (it starts with a comma); the name is then read back from before it.
_PERSON_DESCRIPTION = re.compile(
    r",[ \t]+(?:\d{1,3},|(?:a|an|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}"
    r"(?:resident|spokesman|spokeswoman|spokesperson|official|farmer|teacher|doctor|nurse|father|mother"
    r"|son|daughter|brother|sister|student|commander|worker|witness|activist|journalist"
    r"|reporter|lawyer|engineer|driver|shopkeeper|trader|survivor|minister|director"
    r"|professor|researcher|analyst)\b)"
)
#: One capitalised word ending where an age begins: "McDonald, 24, of Archer".
_AGED_WORD = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]+)$")
#: Words that may open a sentence before a place, not a person's name: "In Tehran, a ...".
_LEADING_FUNCTION_WORDS = frozenset(
    {"in", "at", "from", "near", "the", "by", "on", "for", "to", "of", "outside"}
)
#: Words that start a sentence, not a street's name: "The Street", "A Road to Recovery".
_NO_STREET_START = _LEADING_FUNCTION_WORDS | {"a", "an", "this", "that", "every", "one"}
#: Two or three capitalised words ending where a person's description begins.
_DESCRIBED_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})$")
# A given name, then initials or a second given name, then a surname: "Maria J. Evans", "Kevin Lee
# Earle". It starts with a bare capital so that the engine skips to capitals; the word boundary
# before it is checked where it matches.
_FULL_NAME = re.compile(r"([A-Z][a-z]+)[ \t]+(?:((?:[A-Z]\.[ \t]*){1,2})|([A-Z][a-z]+)[ \t]+)([A-Z][\w-]+)")
_SPEECH = re.compile(r"\s+(?:said|says|told|added|wrote|asked|explained|noted|stated|administration)\b")
#: Ordinary English words (Zipf >= COMMON_ZIPF) are names only when strong (a country, a
#: division, a big city); above VERY_COMMON_ZIPF not even then (except countries).
COMMON_ZIPF = 3.0
#: Shortest unknown word looked up by its transliteration skeleton.
MIN_VARIANT_LETTERS = 6
#: A capitalised word next: the second item of "Evans and Earle".
_NAME_NEXT = re.compile(r"\s+[A-Z]")
#: After a name: a qualifier (", Okla.", ", Texas") or the next word.
_WORD_AFTER = re.compile(r"(?:(,\s*[A-Z])|[\s-]+([A-Za-z]+))")
#: Endings after which a plural takes -es ("reaches", "taxes").
_SIBILANTS = ("s", "x", "z", "ch", "sh")
#: Capitalised words after a name searched for a building's or an institution's head.
BUILDING_NAME_WORDS = 3
#: Lowercase words that end a site's name as news writes it ("Ben Gurion airport").
SITE_WORDS = frozenset({"airport"})
#: Words after which a capitalised ordinary word that is also a big city's name means the city.
LOCATIVES = frozenset({"in", "to", "from", "near", "at", "outside", "toward", "towards", "via"})
#: Words saying that the name after them is where something is, or was (or another list item).
_PLACING_WORDS = LOCATIVES | frozenset(
    ["of", "into", "across", "around", "through", "throughout", "between", "beyond", "within", "and", "or"]
)
_LOCATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_PLACING_WORDS))})\s+(?:the\s+)?$", re.IGNORECASE)
VERY_COMMON_ZIPF = 5.0
#: Below this a common word's name after "in", "from", "near"... is the town ("in Lombard"): at
#: 3.0-3.5 the words are mostly surnames and rare nouns; above, "at Mercy", "in Licking" are not.
RARE_WORD_ZIPF = 3.5
#: Words after which a name says where something is, never whom ("to Abbas", "from Abbas" may).
_WHERE_WORDS = frozenset({"in", "near", "outside"})
#: Divisions and big cities that are frequent words ("Central", "Reading") need more than a capital.
FREQUENT_ZIPF = 4.6


#: strength(norm) -> Strength: how much a name proves on its own.
StrengthOf = Callable[[str], Strength]
_Token = tuple[int, int, str]
#: The longest name starting at a token: (last token index, norm, kind).
_Found = tuple[int, str, MentionKind]
#: Marks a token whose longest name is not worked out yet.
_UNSEEN = object()
#: Spans of a chunk (start, end, lookup key, kind, sentence start) relative to it.
_ChunkSpan = tuple[int, int, LookupKey, MentionKind, bool]
#: A chunk's kept spans, the names it shows to be people's, and the names it left out only as
#: ordinary words ("Reading" opening a sentence), which the article may show to be places.
_ChunkResult = tuple[tuple[_ChunkSpan, ...], tuple[str, ...], tuple[_ChunkSpan, ...]]
#: What follows a word used as a verb rather than a name: "Reading the report, ...".
_VERB_OBJECT = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b")


class NameRecognizer:
    """Finds place-name and demonym spans using the gazetteer's name index."""

    def __init__(
        self,
        names: Container[str],
        demonyms: dict[str, str],
        strength: StrengthOf,
        common_words: Mapping[str, float] | None = None,
        extra_names: frozenset[str] = frozenset(),
        spelling_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self._names = names
        self._spelling_of = spelling_of
        self._extra = extra_names
        self._demonyms = demonyms
        self._strength = strength
        self._common = lexicon.common_words() if common_words is None else common_words
        self._first_names = lexicon.first_names()
        self._surnames = lexicon.surnames()
        self._chunk_cache: dict[tuple[str, bool, str, bool, bool, bool, bool], _ChunkResult] = {}
        self._words: dict[str, tuple[list[_Token], list[object]]] = {}

    def find(self, text: str) -> list[Span]:
        """Every span in `text`, in order, non-overlapping; offsets index `text` exactly.

        A text written in capitals is read as a title-case headline (geomap.casing); the
        spans keep the surface as written.
        """
        view = recognition_view(text)
        spans = self._find(view)
        if view is text:
            return spans
        return [replace(span, surface=text[span.start : span.end]) for span in spans]

    def _find(self, text: str) -> list[Span]:
        spans: list[Span] = []
        people: set[str] = set()
        ordinary_spans: list[_ChunkSpan] = []
        cache = self._chunk_cache
        possessives: list[re.Match[str]] = []
        for match in _CHUNK.finditer(text):
            offset, end = match.span()
            chunk = match.group()
            # Both patterns start with a space, a hyphen or an apostrophe ("'s Day"): most chunks
            # end before a comma or a stop.
            after = text[end : end + 1]
            if after and after in "'’" and _POSSESSIVE_S.match(text, end):
                possessives.append(match)
            spaced = after.isspace() or after in "-'’" and after != ""
            key = (
                chunk,
                *_sentence_and_previous_word(text, offset),
                spaced and _SPEECH.match(text, end) is not None,
                spaced and _DISEASE_AFTER.match(text, end) is not None,
                spaced and _NUMBER_AFTER.match(text, end) is not None,
                after == "," and self._qualifier_after(text, end),
            )
            found = cache.get(key)
            if found is None:
                if len(cache) > 100_000:
                    cache.clear()
                    self._words.clear()
                found = cache[key] = self._chunk_spans(*key)
            kept, named, ordinary = found
            if kept and text[end : end + 1] == "$":
                kept = tuple(span for span in kept if span[1] != len(chunk))  # "US$460", "HK$": money
            if named:
                people.update(named)
            if ordinary:
                ordinary_spans.extend(
                    (offset + start, offset + stop, lookup, kind, first)
                    for start, stop, lookup, kind, first in ordinary
                )
            if kept:
                spans.extend(
                    Span(
                        offset + start,
                        offset + stop,
                        text[offset + start : offset + stop],
                        lookup,
                        kind,
                        first,
                    )
                    for start, stop, lookup, kind, first in kept
                )
        if possessives:
            spans = self._with_possessive_names(text, spans, possessives)
        spans = _without_organisations(text, spans)
        described = list(self._described_people(text))
        people.update(self._surnames_of_full_names(text, described))
        if described:  # the name itself is a person's, whatever its words name elsewhere
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b, _ in described)]
        if ordinary_spans:
            spans = self._with_names_shown_to_be_places(text, spans, ordinary_spans)
        if people:
            spans = [s for s in spans if not self._is_person(s, people)]
        spans = self._without_people_never_placed(text, spans)
        return self._with_counties_listed(text, self._with_abbreviations(text, spans))

    def _with_possessive_names(self, text: str, spans: list[Span], chunks: list[re.Match[str]]) -> list[Span]:
        """The spans, with each name that has a possessive inside in place of its pieces.

        Chunks stop before "'s" ("Yemen's Hodeidah" is two names), which splits "King's Lynn"
        and "the Democratic People's Republic of Korea" into other places' names ("Republic of
        Korea" is the South). Where the gazetteer has the whole name, the whole name is the
        mention; only with words after the possessive, as a name ending in one ("St. John's")
        reads the same as any place's possessive. A saint's name so followed by a building's
        is a church's, a school's or a hospital's ("St. John's Lutheran School", "St. Mary's
        Hospital"), not the town named after the saint: it is left out ("St. Louis's Mayor"
        stays the city).
        """
        found, buildings = [], set()
        for chunk in chunks:
            following = _chunk_after_possessive(text, chunk)
            if following is None:
                continue  # "Canada's" is Canada's, never the Cañadas the gazetteer lists as "Canadas"
            name = self._possessive_name(text, chunk, following)
            if name is not None:
                found.append(name)
            elif any(word.lower() in BUILDING_HEADS for word in following.group().split()[:4]):
                buildings.add(chunk.end())  # "St. John's Lutheran School", not "St. Louis's Mayor"
        if not found and not buildings:
            return spans
        kept = [
            s
            for s in spans
            if not any(s.start < n.end and n.start < s.end for n in found)
            and not (s.end in buildings and s.key.norm.startswith(_SAINTS))
        ]
        return sorted([*kept, *found], key=lambda span: span.start)

    def _possessive_name(self, text: str, chunk: re.Match[str], following: re.Match[str]) -> Span | None:
        """The longest known name from a word of `chunk` through its "'s" into the chunk `following`."""
        offset = following.start()
        ends = [m.end() + offset for m in _TOKEN.finditer(following.group())][: MAX_WORDS - 1]
        starts = [m.start() + chunk.start() for m in _TOKEN.finditer(chunk.group())]
        for first in starts:
            for last in reversed(ends):
                norm = normalize(text[first:last])
                if norm in self._names or norm in self._extra:
                    opens, _ = _sentence_and_previous_word(text, first)
                    return Span(first, last, text[first:last], LookupKey(norm), MentionKind.PLACE, opens)
        return None

    def _without_people_never_placed(self, text: str, spans: list[Span]) -> list[Span]:
        """Drop a small town's name that is a given name or surname the article never places.

        "Martha was born in 1920 ... Martha attended school": news that means a town says
        where it is at least once ("in Martha", "from Martha", "Martha, Okla.", "Martha
        police"); a name of a person and a small town, never so written, is the person's.
        """
        groups: dict[str, list[Span]] = {}
        for span in spans:
            single = span.kind == MentionKind.PLACE and " " not in span.surface
            if single and self._small_town_named_like_a_person(span.surface, span.key.norm):
                groups.setdefault(span.key.norm, []).append(span)
        unplaced = {
            (span.start, span.end)
            for group in groups.values()
            if not any(_placed(text, span) for span in group)
            for span in group
        }
        return [span for span in spans if (span.start, span.end) not in unplaced] if unplaced else spans

    def _small_town_named_like_a_person(self, word: str, norm: str) -> bool:
        """Whether a word is a common given name or surname whose places (`norm`) are all small towns."""
        if word not in self._first_names and word.capitalize() not in self._surnames:
            return False
        return self._strength(norm) == Strength.WEAK

    def _with_counties_listed(self, text: str, spans: list[Span]) -> list[Span]:
        """Each name of "Harlan, Bell and Knox counties" as that county, whatever else it could be.

        The plural county word says what every item is: "Bell" is no word, "Travis" no given
        name there. A name that is no county of any state is left as it was.
        """
        extra = []
        for start, end, word in lexicon.county_list_items(text):
            item = text[start:end]
            for surface in (item, *_trailing_words(item)):  # "In Harlan": "Harlan"
                key = f"{normalize(surface)} {word}"
                if key in self._extra:
                    extra.append(Span(end - len(surface), end, surface, LookupKey(key), MentionKind.PLACE))
                    break
        return _with_spans_over(spans, extra)

    def _with_names_shown_to_be_places(
        self, text: str, spans: list[Span], ordinary: list[_ChunkSpan]
    ) -> list[Span]:
        """Add the names left out as ordinary words that the article names as places elsewhere.

        One sense per article: after "Police in Reading said", "Reading lies 40 miles west of
        London" and "south-west of Reading" are the town too. Not before an object ("Reading
        the report, ..."): that is the verb.
        """
        places = {span.key.norm for span in spans if span.kind == MentionKind.PLACE}
        shown = [
            Span(start, end, text[start:end], lookup, kind, first)
            for start, end, lookup, kind, first in ordinary
            if lookup.norm in places and not _VERB_OBJECT.match(text, end)
        ]
        return sorted(spans + shown, key=lambda span: span.start) if shown else spans

    def _surnames_of_full_names(
        self, text: str, described: list[tuple[int, int, list[str]]]
    ) -> Iterator[str]:
        """Surnames written after a given name and initials or a second given name.

        "Maria J. Evans", "Kevin Lee Earle": the last word is a person's however place-like,
        and so is the same word alone elsewhere in the article ("Evans, 31, was charged"). So
        are all the words of a name described as a person's (`described`, from
        _described_people): "Hassan Nur, a resident of Baidoa".
        """
        for _, _, words in described:
            yield from (norm for norm in map(normalize, words) if self._strength(norm) != Strength.COUNTRY)
        for match in _FULL_NAME.finditer(text):
            before = text[match.start() - 1 : match.start()]
            if before and (before.isalnum() or before in "'’-"):
                continue  # inside a word: "McDonald Lee Smith" is not read from "Donald"
            first, initials, middle, last = match.groups()
            if first not in self._first_names or (middle is not None and middle not in self._first_names):
                continue
            if initials is None and middle is None:
                continue
            if self._may_be_a_person(normalize(last)):
                yield normalize(last)

    def _described_people(self, text: str) -> Iterator[tuple[int, int, list[str]]]:
        """(start, end, words) of each name the text describes as a person's: "Hassan Nur, a resident"."""
        for description in _PERSON_DESCRIPTION.finditer(text):
            named = _DESCRIBED_NAME.search(text, max(0, description.start() - 80), description.start())
            if named is None:
                aged = self._aged_surname(text, description)
                if aged is not None:
                    yield aged
                continue
            words = named.group(1).split()
            start = named.start(1)
            while words and words[0].lower() in _LEADING_FUNCTION_WORDS:
                start = text.index(words[1], start) if len(words) > 1 else named.end(1)
                words = words[1:]  # "In Tehran, a government spokesman said": no name there
            whole = normalize(" ".join(words))
            if len(words) < 2 or words[-1].lower() in NAME_HEADS or whole in self._names:
                continue  # "Flanders Road", "Kherson Oblast, the regional governor": places
            yield start, named.end(1), words

    def _aged_surname(self, text: str, description: re.Match[str]) -> tuple[int, int, list[str]] | None:
        """A lone given name or surname before an age: "chatted with McDonald, 24, of Archer".

        News gives a person's age after the name, never a town's. Only a name on the Census
        lists whose places are all small towns: "Austin, 24," leaves Austin, Texas alone.
        """
        if not description.group()[1:].lstrip()[:1].isdigit():
            return None
        word = _AGED_WORD.search(text, max(0, description.start() - 40), description.start())
        if word is None:
            return None
        name = word.group(1)
        if not self._small_town_named_like_a_person(name, normalize(name)):
            return None
        return word.start(1), word.end(1), [name]

    def _may_be_a_person(self, norm: str) -> bool:
        """Whether a word taken for a person's name may drop its place mentions article-wide.

        A country, a division or a big city is named too often to be given up on one person's
        name: "John Paul Washington" leaves "Washington lies 330 km south of New York" alone.
        """
        return self._strength(norm) not in (Strength.COUNTRY, Strength.CITY)

    def _is_person(self, span: Span, people: set[str]) -> bool:
        """A bare surname or first name seen elsewhere in the article as part of a person's name."""
        return (
            span.kind == MentionKind.PLACE
            and span.key.norm in people
            and self._strength(span.key.norm) != Strength.COUNTRY
        )

    def _chunk_spans(
        self,
        chunk: str,
        opens_sentence: bool,
        before: str,
        said: bool,
        disease_after: bool,
        number_after: bool,
        qualified: bool,
    ) -> _ChunkResult:
        """Spans of one chunk relative to its start, and the names it shows to be people's.

        The result depends only on the arguments, so it is cached: news repeats its chunks.
        """
        tokens, longest = self._words_of(chunk)
        count = len(tokens)
        kept: list[_ChunkSpan] = []
        people: list[str] = []
        ordinary: list[_ChunkSpan] = []
        i = 0
        streets = any(token[2] in STREET_HEADS or token[2] in FEATURE_HEADS for token in tokens)
        while i < count:
            word = tokens[i][2]
            street = self._street_span(chunk, tokens, i, before, said, number_after) if streets else None
            if street is not None:
                last, key = street
                kept.append(
                    (tokens[i][0], tokens[last][1], key, MentionKind.PLACE, opens_sentence and i == 0)
                )
                i = last + 1
                continue
            found = self._longest_at(chunk, tokens, longest, i)
            if found is None and i == 0 and not opens_sentence and not _joined_to_next(chunk, tokens, 0):
                # not the first word of a longer name: "towards Maarat al-Numan" is no misspelt "Meerut"
                found = self._spelled_after_locative(word, before)
            if found is None or self._inside_an_unknown_name(chunk, tokens, i, kept):
                i += 1
                continue
            j, norm, kind = found
            start, end = tokens[i][0], tokens[j][1]
            back = i - 1
            while back >= 0 and tokens[back][2].lower() in _CONNECTORS:
                back = -2 if tokens[back][2].lower() in _LINKING else back - 1
            previous = _hyphened_word(chunk, tokens, back) if back >= 0 else before if back == -1 else ""
            if back >= 0 and "-" in chunk[tokens[back][1] : tokens[i][0]]:
                previous, back = "", -2  # "Middlesex-London", "Israeli-Egyptian": two names, no person
            following = tokens[j + 1][2] if j + 1 < count else ""
            first = opens_sentence and i == 0
            verdict = self._verdict(chunk[start:end], norm, kind, first, previous, back >= 0)
            whole = i == 0 and j == count - 1 and not first
            if (
                verdict in ("drop", "ordinary")
                and qualified
                and whole
                and self._only_an_ordinary_word(chunk[start:end], norm, previous)
            ):
                verdict = "keep"  # "in Redding, California", "Hurricane, W.Va.": the town so placed
            if verdict == "ordinary":
                verdict = "drop"
                ordinary.append((start, end, LookupKey(norm), kind, first))
            if verdict == "person" and 0 <= back < i - 1:
                # "Abbaye de Paris", "Jean de Paris": after a particle the name may be a
                # person's or a building's, so it is left out here but not article-wide
                verdict = "drop"
            if following.isdigit() and _is_acronym(chunk[start:end]):
                verdict = "drop"  # "US-24", "US 30": a road
            if following.lower() in DISEASE_WORDS or (disease_after and j == count - 1):
                verdict = "drop"  # "West Nile virus", "Ebola Virus Disease": a disease, not a place
                if self._may_be_a_person(norm):
                    people.append(norm)  # and so is a bare "Marburg" elsewhere in the article
            if following == "Day" and self._strength(norm) != Strength.COUNTRY:
                verdict = "drop"  # "Columbus Day": a holiday ("Canada Day" still names Canada)
            if verdict == "keep" and kind == MentionKind.PLACE and previous.lower() in CLUB_PREFIXES:
                verdict = "drop"  # "Real Madrid", "Atletico Madrid": a club
            if (
                verdict == "keep"
                and back >= 0
                and norm in NAME_HEADS
                and self._strength(norm) != Strength.COUNTRY
            ):
                verdict = "drop"  # "Wellcome Trust Centre": the head of another name, not the region Centre
            if verdict == "keep" and self._bearings_before_a_place(chunk, tokens, i, j, longest):
                verdict = "drop"  # "Far North Queensland": which part of Queensland, not Cameroon's region
            if verdict == "keep" and self._before_an_epithet(chunk, tokens, j):
                verdict = "person"  # "St John the Evangelist", "Alexander the Great": a person's epithet
            if verdict == "keep" and j + 1 < count and self._half_of_a_compound(chunk, tokens, j, norm, kind):
                verdict = "drop"  # "Wal-Mart", "Coca-Cola": one word split by a hyphen
            if verdict == "keep" and kind == MentionKind.PLACE and self._word_in_a_title(norm, following):
                verdict = "drop"  # "UK Maritime Trade Operations", "Central Bank": a word of a title
            heads = [token[2] for token in tokens[j + 1 : j + 1 + BUILDING_NAME_WORDS]]
            if verdict == "keep" and kind == MentionKind.PLACE and self._heads_a_building(norm, heads):
                verdict = "drop"  # "Williams College", "Campbell Soup Company": a building's name
            # "Officials in Hama said": a name after "in" is where they spoke, not who spoke
            speaker = said and j == count - 1 and previous.lower() not in LOCATIVES
            if (
                verdict != "drop"
                and j + 1 < count
                and chunk[end : tokens[j + 1][0]].isspace()  # "Nebraska-Lincoln" is no person
                and self._first_name_and_surname(word, norm, following)
            ):
                people.extend((norm, normalize(following)))
                i = j + 2  # "James Baker", "George Bush": both words are the person's
                continue
            # a place's name spaced before another capitalised word may be a given name
            spaced_place = (
                verdict == "keep"
                and word in self._first_names
                and kind == MentionKind.PLACE
                and j + 1 < count
                and chunk[end : tokens[j + 1][0]].isspace()
            )
            if spaced_place and self._country_as_given_name(word, norm, following):
                people.append(normalize(following))
                i = j + 2  # "Georgia Stevens": the girl, not the country, and not a town Stevens
                continue
            if spaced_place and self._given_name_before_a_word(word, norm, following):
                verdict = "drop"  # "Donald Trump": this mention is the person's
            # across a spaced dash ("ROSWELL - A man") the next word starts another phrase
            dashed = (
                j + 1 < count
                and " " in chunk[end : tokens[j + 1][0]]
                and not chunk[end : tokens[j + 1][0]].isspace()
            )
            named = "" if dashed else following
            if verdict == "keep" and self._first_name_or_surname(word, norm, kind, named, speaker):
                verdict = "person"
            if verdict == "keep":
                kept.append((start, end, LookupKey(norm), kind, first))
                i = j + 1
                continue
            if verdict == "person":
                people.append(norm)
                if self._surname_after_title(chunk, tokens, j, previous):
                    people.append(normalize(following))  # "Senator Marco Rubio": both words
                    i = j + 2
                    continue
            i += 1
        return tuple(kept), tuple(people), tuple(ordinary)

    def _bearings_before_a_place(
        self, chunk: str, tokens: list[_Token], i: int, j: int, longest: list[object]
    ) -> bool:
        """Whether tokens i..j are bearing words alone ("Far North") right before another place's name."""
        if j + 1 >= len(tokens) or not chunk[tokens[j][1] : tokens[j + 1][0]].isspace():
            return False
        if any(tokens[k][2].lower() not in BEARING_WORDS for k in range(i, j + 1)):
            return False
        after = self._longest_at(chunk, tokens, longest, j + 1)
        return after is not None and after[2] == MentionKind.PLACE

    def _before_an_epithet(self, chunk: str, tokens: list[_Token], j: int) -> bool:
        """Whether "the" and a capitalised word no place's name follow token j: an epithet.

        "John the Baptist", "Ivan the Terrible": a place is not named so ("Bosnia and the
        Netherlands" joins two places: the word after "the" is a country's name there; a small
        town called Great does not make "the Great" a place).
        """
        if j + 2 >= len(tokens) or tokens[j + 1][2] != "the":
            return False
        epithet = tokens[j + 2][2]
        after = normalize(epithet)
        if not epithet[0].isupper() or after in self._demonyms:
            return False
        return after not in self._names or self._strength(after) == Strength.WEAK

    def _street_span(
        self, chunk: str, tokens: list[_Token], i: int, before: str, said: bool, number_after: bool
    ) -> tuple[int, LookupKey] | None:
        """(index of the last token, key) of a street's name starting at token i, if one does.

        Not a person's name that ends in a street word: after a title or a role ("Sheriff Mark
        Lane"), a given name before it ("Diane Lane", "Rosamund Pike"), nor a speaker ("Tom
        Lane said").
        """
        street = self._street_at(chunk, tokens, i, number_after)
        feature = self._feature_at(chunk, tokens, i) if street is None else None
        found = street or feature
        if found is None:
            return None
        last, norm = found
        head = tokens[last][2]
        surname = STREET_HEADS_THAT_ARE_SURNAMES if street else FEATURE_HEADS_THAT_ARE_SURNAMES
        if head in surname and self._titled_or_named(chunk, tokens, i, last, before):
            return None
        if said and last == len(tokens) - 1:
            return None
        town = self._town_in_a_street(chunk[tokens[i][0] : tokens[last - 1][1]])
        return last, LookupKey.street(norm, town)

    def _titled_or_named(self, chunk: str, tokens: list[_Token], i: int, last: int, before: str) -> bool:
        """Whether tokens i..last read as a person's name ("Sheriff Lane", "Diane Lane").

        After a title or a role, or a given name before the last word. Only a street word that
        is a surname too is asked about: "King Edward Street" is a street.
        """
        previous = _hyphened_word(chunk, tokens, i - 1) if i > 0 else before
        first = tokens[i][2]
        if _is_title(previous) or previous.lower() in ROLES or _is_title(first) or first.lower() in ROLES:
            return True
        return tokens[last - 1][2] in self._first_names

    def _street_at(
        self, chunk: str, tokens: list[_Token], i: int, number_after: bool
    ) -> tuple[int, str] | None:
        """A street's name starting at token i: (index of its last token, norm), if one does.

        One to three capitalised words spaced before a street word ("Main Street", "Rest Acres
        Road", "Elm St."): a street the gazetteer does not know, named but never placed. Not
        when the gazetteer has the whole name, nor inside a longer name ("Wall Street Journal",
        "Main Street Bank"), nor led by a function word ("The Street"), nor numbered ("Otter
        Tail County Road 80" names the county; `number_after` says a number follows the chunk).
        """
        first = tokens[i][2]
        if not first[0].isupper() or first.lower() in _NO_STREET_START or first in STREET_HEADS:
            return None
        for last in range(i + 1, min(i + 4, len(tokens))):
            if not chunk[tokens[last - 1][1] : tokens[last][0]].isspace():
                return None
            word = tokens[last][2]
            if word in STREET_HEADS:
                break
            if not word[0].isupper() or word.lower() in _CONNECTORS or word.lower() in _NO_STREET_START:
                return None  # "Man Killed On Main Street": a headline's words, not the street's
        else:
            return None
        after = tokens[last + 1][2] if last + 1 < len(tokens) else ""
        continues = after[:1].isupper() and after.lower() not in _NO_STREET_START
        if continues and chunk[tokens[last][1] : tokens[last + 1][0]].isspace():
            return None  # "Wall Street Journal": the street names something else
        if number_after and last == len(tokens) - 1:
            return None
        if last - i >= 2 and self._strength(normalize(first)) in (Strength.COUNTRY, Strength.STRONG):
            return None  # "Ohio Turnpike Road crews", "Iowa Farmers Drive to...": the state is named
        norm = normalize(chunk[tokens[i][0] : tokens[last][1]])
        if norm in self._names or norm in self._extra:
            return None  # the gazetteer's own place (a square, a district) is looked up as such
        return last, norm

    def _feature_at(self, chunk: str, tokens: list[_Token], i: int) -> tuple[int, str] | None:
        """A local feature's name starting at token i: (index of its last token, norm), if one does.

        One to four capitalised words spaced before a feature word, the last such word taken
        ("Pine Hollow Lake Park", "Eagle Creek Reservoir", "Turkey Run State Park"): a park,
        lake or creek the gazetteer does not know, named but never placed, rather than the town
        or country its first words spell. Not when the gazetteer has the whole name ("Crystal
        Lake", "Lincoln Park" are towns), nor inside a longer name ("Forest Park Zoo"), nor led
        by a function word or a feature word ("The Lake", "Lake Park").
        """
        first = tokens[i][2]
        if not first[0].isupper() or first.lower() in _NO_STREET_START or first in FEATURE_HEADS:
            return None
        last = None
        for j in range(i + 1, min(i + 6, len(tokens))):
            word = tokens[j][2]
            spaced = chunk[tokens[j - 1][1] : tokens[j][0]].isspace()
            if (
                not spaced
                or not word[0].isupper()
                or word.lower() in _CONNECTORS
                or word.lower() in _NO_STREET_START
            ):
                break
            if word in FEATURE_HEADS:
                last = j
        if last is None:
            return None
        after = tokens[last + 1][2] if last + 1 < len(tokens) else ""
        if after[:1].isupper() and chunk[tokens[last][1] : tokens[last + 1][0]].isspace():
            return None  # "Forest Park Zoo", "Lake Forest College": the feature names something else
        norm = normalize(chunk[tokens[i][0] : tokens[last][1]])
        if norm in self._names or norm in self._extra:
            return None
        return last, norm

    def _town_in_a_street(self, words: str) -> str | None:
        """The town a street is named after, if its words are one ("Morecambe" of "Morecambe Road").

        Roads are named after the towns they lead to, so the town is evidence of where the
        article is; a big city's, a state's or a country's name in a street ("Washington
        Avenue", "Texas Avenue") at least says which country. Not a small town's name that
        names people or things as often ("King", "Church", "Francis", "Rutledge").
        """
        norm = normalize(words)
        if norm not in self._names:
            return None
        if " " not in norm and self._strength(norm) == Strength.WEAK:
            common = self._word_frequency(norm) >= COMMON_ZIPF
            if common or words in self._first_names or words.capitalize() in self._surnames:
                return None
        return norm

    @staticmethod
    def _inside_an_unknown_name(chunk: str, tokens: list[_Token], i: int, kept: list[_ChunkSpan]) -> bool:
        """Whether token i follows an Arabic article joining it to an unknown word before.

        "Maarat al-Numan", "Tell al-Abyad": "Numan" is the end of a name the gazetteer
        lacks, not Numan in Nigeria. A known name before the article counts as the name
        ("Idlib al-Khadra" is not asked about here).
        """
        if i < 2 or not _joined_to_next(chunk, tokens, i - 2):
            return False
        unknown = tokens[i - 2]
        return unknown[2][:1].isupper() and not any(start <= unknown[0] < end for start, end, *_ in kept)

    def _spelled_after_locative(self, word: str, before: str) -> _Found | None:
        """A lone unknown word after "in", "near", "from"... spelt like a known place ("near Hodeidah").

        The span asks for the gazetteer's spelling ("al hudaydah"); its surface stays as written.
        """
        if self._spelling_of is None or before.lower() not in LOCATIVES or len(word) < MIN_VARIANT_LETTERS:
            return None
        norm = normalize(word)
        if norm in self._common or word in self._first_names or norm in CALENDAR:
            return None
        spelling = self._spelling_of(norm)
        if spelling is None or self._strength(spelling) == Strength.WEAK:
            return None  # only a big city, a division or a known site is worth a guess at the spelling
        return 0, spelling, MentionKind.PLACE

    def _half_of_a_compound(
        self, chunk: str, tokens: list[_Token], j: int, norm: str, kind: MentionKind
    ) -> bool:
        """A weak one-word name hyphened to a capitalised word that is no place or demonym.

        "Northbrook-based" and "Watertown-ML" (a lowercase word, an acronym) keep the place. A
        small town's name that is an ordinary word counts as no place here, as it would alone:
        "Wal-Mart" is one word though Mart is a town in Texas ("Israeli-Egyptian" keeps both).
        """
        word = tokens[j + 1][2]
        if not word[0].isupper() or _is_acronym(word) or kind != MentionKind.PLACE or " " in norm:
            return False
        if self._strength(norm) != Strength.WEAK:
            return False
        between = chunk[tokens[j][1] : tokens[j + 1][0]]
        if between not in ("-", "‐"):
            return False  # "MONROE - Federal agents": a dateline's dash, not a compound
        following = normalize(word)
        if following in self._demonyms or following in self._extra:
            return False
        if following not in self._names:
            return True
        return self._strength(following) == Strength.WEAK and self._word_frequency(following) >= COMMON_ZIPF

    def _words_of(self, chunk: str) -> tuple[list[_Token], list[object]]:
        """The chunk's tokens and the longest name found at each (filled in as asked).

        Both depend on the chunk alone, and a chunk comes back in other contexts (after
        another word, at a sentence start) which the chunk cache tells apart.
        """
        found = self._words.get(chunk)
        if found is None:
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(chunk)]
            found = self._words[chunk] = (tokens, [_UNSEEN] * len(tokens))
        return found

    def _longest_at(self, chunk: str, tokens: list[_Token], longest: list[object], i: int) -> _Found | None:
        """`_longest` for token i, remembered in `longest` (None for a lowercase token)."""
        found = longest[i]
        if found is _UNSEEN:
            found = longest[i] = self._longest(chunk, tokens, i) if tokens[i][2][0].isupper() else None
        return found  # type: ignore[return-value]

    def _first_name_or_surname(
        self, word: str, norm: str, kind: MentionKind, following: str, said: bool
    ) -> bool:
        """A one-word weak name (or a given name) before a surname or an initial, or before "said"."""
        if kind != MentionKind.PLACE or " " in norm:
            return False
        strength = self._strength(norm)
        if strength != Strength.WEAK and not (word in self._first_names and strength != Strength.COUNTRY):
            return False
        initial = len(following) == 1 and following.isupper()
        return initial or said or self._name_like(following)

    def _given_name_before_a_word(self, word: str, norm: str, following: str) -> bool:
        """A small town's name that is a given name, before a capitalised ordinary word: "Donald Trump".

        Weaker evidence than a surname from the list: the mention alone is dropped, the town
        keeps its other mentions ("Marion Teen Killed ... north of Marion").
        """
        if " " in norm or word not in self._first_names or self._strength(norm) != Strength.WEAK:
            return False
        return self._surname_like(following)

    def _surname_like(self, word: str) -> bool:
        """A capitalised word that may be a surname though it is also an ordinary word ("Trump").

        Not one of the commonest words, which head the names of offices and firms ("Alexandria
        Police", "Austin Energy"); not a head word of a place's, a building's or a medium's name
        ("Marion County", "Chester Zoo", "Austin Radio"); not a demonym or a place stronger
        than a small town.
        """
        if word.lower() in NAME_HEADS:  # the place, building and medium heads all
            return False
        return self._word_frequency(normalize(word)) < VERY_COMMON_ZIPF and self._capitalised_name(word)

    def _country_as_given_name(self, word: str, norm: str, following: str) -> bool:
        """A country's name that is a given name, before a common surname: "Georgia Stevens".

        The mention alone is the person's ("Chad Walker", "Jordan Henderson"); the country keeps
        its other mentions, unlike a small town's name before a surname.
        """
        if word not in self._first_names or " " in norm or self._strength(norm) != Strength.COUNTRY:
            return False
        if following.lower() in NAME_HEADS or following.capitalize() not in self._surnames:
            return False
        after = normalize(following)
        if self._word_frequency(after) >= VERY_COMMON_ZIPF:
            return False  # "Georgia Power", "Jordan Times": a firm's name, though Power is a surname
        return not (after in self._names and self._strength(after) != Strength.WEAK)

    def _first_name_and_surname(self, word: str, norm: str, following: str) -> bool:
        """A given name before a common surname: "James Baker", "George Bush", "Abraham Lincoln".

        A division's name counts as a given name before a surname that is no ordinary word:
        "Angus Taylor", "Victoria Beckham" (but "Florida Keys" is a place).

        Both lists are the US Census Bureau's; surnames are often ordinary words or towns'
        names, which is why they need the list. Anything else after a given name ("Florence
        Fire Department", "Austin Energy") leaves the name to the other rules.
        """
        strength = self._strength(norm)
        if " " in norm or strength == Strength.COUNTRY:
            return False
        if word not in self._first_names and not (strength == Strength.STRONG and self._rare_word(following)):
            return False  # a division's name is a given name only before a surname no word shares
        if following.lower() in NAME_HEADS or following.capitalize() not in self._surnames:
            return False  # "Lincoln Park", "George Street": a place's name, though Park is a surname
        return self._strength(normalize(following)) != Strength.COUNTRY

    def _surname_after_title(self, chunk: str, tokens: list[_Token], j: int, previous: str) -> bool:
        """Whether the word after a titled given name is the surname: "Senator Marco Rubio".

        After a title ("President", "Senator") or a role, a given name and the name-like word
        spaced after it are one person's name.
        """
        if j + 1 >= len(tokens) or not chunk[tokens[j][1] : tokens[j + 1][0]].isspace():
            return False
        if not (_is_title(previous) or previous.lower() in ROLES):
            return False
        following = tokens[j + 1][2]
        return following.lower() not in NAME_HEADS and self._name_like(following)

    def _rare_word(self, word: str) -> bool:
        """Whether a capitalised word is no ordinary English word: "Taylor", not "Keys" or "Black"."""
        return self._word_frequency(normalize(word)) < COMMON_ZIPF

    def _word_in_a_title(self, norm: str, following: str) -> bool:
        """Whether a division's name that is an ordinary word runs on into a title's next word.

        "Maritime" (a region of Togo) in "UK Maritime Trade Operations", "Central" in "Central
        Bank": the next word is capitalised and neither a place nor a place's head word
        ("Maritime Provinces", "Central Province" keep theirs).
        """
        if not following[:1].isupper() or " " in norm or self._strength(norm) != Strength.STRONG:
            return False
        if self._word_frequency(norm) < COMMON_ZIPF or following.lower() in NAME_HEADS:
            return False
        after = normalize(following)
        return not (after in self._names or after in self._demonyms or after in self._extra)

    def _heads_a_building(self, norm: str, heads: list[str]) -> bool:
        """Whether the capitalised words after a small town's name make it a building's name.

        "Williams College", "Fairview Mall", and a few words on, a firm's: "Campbell Soup
        Company". Not after a big city's, a division's or a country's name: "Boston
        University", "Polk County School Board" and "Northern Illinois University" still say
        where they are.
        """
        following = heads[0] if heads else ""
        if not following[:1].isupper():
            return False
        head = following.lower()
        strength = self._strength(norm)
        if head in MEDIA_HEADS:
            return strength not in (Strength.COUNTRY, Strength.CITY)
        if strength != Strength.WEAK:
            return False
        if head in BUILDING_HEADS:
            return True
        for word in heads[1:]:
            if not word[:1].isupper():
                return False
            if word.lower() in INSTITUTION_HEADS:
                return True
        return False

    def _longest(self, chunk: str, tokens: list[_Token], i: int) -> _Found | None:
        """The longest name starting at token i: (last token index, norm, kind)."""
        last = i
        while last + 1 < len(tokens) and last - i + 1 < MAX_WORDS:
            word = tokens[last + 1][2]
            capitalised = word[0].isupper() or word.lower() in _CONNECTORS or _elided_capital(word)
            if not capitalised and chunk[tokens[last][1] : tokens[last + 1][0]] not in _HYPHENS:
                break  # but a lowercase word inside a hyphened one counts: "Port-au-Prince"
            last += 1
        if last + 1 < len(tokens) and tokens[last + 1][2] in SITE_WORDS:
            norm = normalize(chunk[tokens[i][0] : tokens[last + 1][1]])
            if norm in self._names or norm in self._extra:  # "Ben Gurion airport", "O'Hare airport"
                return last + 1, norm, MentionKind.PLACE
        for j in range(last, i - 1, -1):
            if not tokens[j][2][0].isupper() and not _elided_capital(tokens[j][2]):
                continue
            surface = chunk[tokens[i][0] : tokens[j][1]]
            norm = normalize(surface)
            if norm in self._demonyms:
                return j, norm, MentionKind.DEMONYM
            if (norm in self._names or norm in self._extra) and (i != j or norm not in _CONNECTORS):
                if self._state_word_of_an_office(tokens, i, j):
                    return j - 1, norm, MentionKind.PLACE  # looked up as "Kentucky State", named "Kentucky"
                first = self._first_of_two_countries(chunk, tokens, i, j, norm) if " and " in norm else None
                return first if first is not None else (j, norm, MentionKind.PLACE)
        return None

    def _first_of_two_countries(
        self, chunk: str, tokens: list[_Token], i: int, j: int, norm: str
    ) -> _Found | None:
        """The first country of a region named as two ("Australia and New Zealand"), or None.

        News that writes "between Australia and New Zealand" means the two countries, not
        the statistical region so named; a country named so ("Trinidad and Tobago") stays whole.
        """
        if self._strength(norm) == Strength.COUNTRY:
            return None
        for k in range(i + 1, j):
            if tokens[k][2] != "and":
                continue
            before = normalize(chunk[tokens[i][0] : tokens[k - 1][1]])
            after = normalize(chunk[tokens[k + 1][0] : tokens[j][1]])
            if self._strength(before) == Strength.COUNTRY and self._strength(after) == Strength.COUNTRY:
                return k - 1, before, MentionKind.PLACE
        return None

    @staticmethod
    def _state_word_of_an_office(tokens: list[_Token], i: int, j: int) -> bool:
        """Whether token j is the "State" of "Kentucky State Police": the office's word, not the name's.

        The gazetteer lists "Kentucky State" as a name of Kentucky; before another capitalised
        word it names an office or a university of the state: the mention is the state's name
        alone, still looked up as "Kentucky State" ("Washington State Patrol" is the state).
        """
        return j > i and tokens[j][2] == "State" and j + 1 < len(tokens) and tokens[j + 1][2][:1].isupper()

    def _verdict(
        self, surface: str, norm: str, kind: MentionKind, sentence_start: bool, previous: str, inside: bool
    ) -> str:
        """Say "keep", "drop" (an ordinary word, an acronym) or "person" (part of a person's name).

        "ordinary" is a drop too: a big city's name that is an ordinary word ("Reading"),
        which the article may still show to be the city (see _with_names_shown_to_be_places).
        """
        if kind == MentionKind.DEMONYM:
            return "drop" if sentence_start and self._common.get(norm, 0.0) >= VERY_COMMON_ZIPF else "keep"
        if norm in NEVER or _generic(norm):
            return "drop"
        strength = self._strength(norm)
        if _is_acronym(surface) and strength != Strength.COUNTRY:
            return "drop"
        if strength == Strength.CITY and not sentence_start and previous.lower() in LOCATIVES:
            return "keep"  # "moved from York to Reading": a big city after a locative word, not "reading"
        if " " not in norm:
            zipf = self._word_frequency(norm)
            if zipf >= VERY_COMMON_ZIPF and strength != Strength.COUNTRY:
                return "ordinary" if strength == Strength.CITY else "drop"
            placed = zipf < RARE_WORD_ZIPF and not sentence_start and previous in _WHERE_WORDS
            if zipf >= COMMON_ZIPF and strength == Strength.WEAK and not placed:
                return "drop"  # but "students in Lombard": a rarer word after "in" is the town
            frequent = zipf >= FREQUENT_ZIPF or norm in MODIFIERS
            if frequent and strength != Strength.COUNTRY and (strength == Strength.STRONG or sentence_start):
                return "ordinary" if strength == Strength.CITY else "drop"
        if _is_title(previous) or (previous.lower() in ROLES and strength != Strength.COUNTRY):
            return "person"
        if inside and strength == Strength.WEAK and previous in self._first_names:
            return "person"  # "Marco Rubio", "Bill Rigby": a given name, however ordinary a word
        if inside and strength != Strength.COUNTRY and self._given_name_like(previous):
            if strength != Strength.WEAK and " " in norm and normalize(previous) in self._names:
                return "keep"  # "Valhalla New York", "Springfield New Jersey": a town and its state
            return "person"
        return "keep"

    def _only_an_ordinary_word(self, surface: str, norm: str, previous: str) -> bool:
        """Whether a name was dropped only for being an English word too ("Redding", "Van").

        Not for an acronym, a word that is never a place, or a part of a person's name.
        """
        if _is_acronym(surface) or norm in NEVER or _generic(norm) or " " in norm:
            return False
        return not (_is_title(previous) or previous.lower() in ROLES or previous in self._first_names)

    def _qualifier_after(self, text: str, end: int) -> bool:
        """Whether ", <state, province or country>" follows `end`: "Redding, California", "Van, Turkey"."""
        match = _QUALIFIER_AFTER.match(text, end)
        if match is None:
            return False
        words = match.group(1).split()
        abbreviation = words[0].replace(".", "").upper()
        if "." in words[0] and (
            abbreviation in lexicon.STATE_ABBREVIATIONS or abbreviation in lexicon.DOTTED
        ):
            return True
        for count in range(len(words), 0, -1):
            norm = normalize(" ".join(words[:count]))
            if norm in self._names and self._strength(norm) in (Strength.COUNTRY, Strength.STRONG):
                return True
        return False

    def _word_frequency(self, norm: str) -> float:
        """Zipf frequency of a one-word name as an English word.

        Plurals count as their singular ("Cases", "Rights"): the word list keeps only singulars.
        """
        zipf = self._common.get(norm, 0.0)
        if not zipf and norm.endswith("s"):
            zipf = self._common.get(norm[:-1], 0.0)
        return zipf

    def _name_like(self, word: str) -> bool:
        """A capitalised word that is no ordinary word, modifier, demonym or strong place: a first name."""
        return word.lower() not in self._common and self._capitalised_name(word)

    def _given_name_like(self, word: str) -> bool:
        """`_name_like`, and no ordinary word's inflected form either, as a title-case headline writes it.

        For the word before a place's name: "Petrov Joins Sochi Race" names no person called Sochi.
        """
        if word not in self._first_names and self._inflected_word(word.lower()):
            return False
        return self._name_like(word)

    def _inflected_word(self, lowered: str) -> bool:
        """Whether a lowercase word is a common word plus -s, -es, -ed or -ing ("joins", "wanted")."""
        for ending, restored in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
                stem = lowered[: -len(ending)] + restored
                if ending == "es" and not stem.endswith(_SIBILANTS):
                    continue  # "Oakes" is no plural of "oak"
                if self._common.get(stem, 0.0) >= COMMON_ZIPF:
                    return True
        return False

    def _capitalised_name(self, word: str) -> bool:
        """A capitalised word that is no modifier, connector, demonym or strong place (any word)."""
        if not word or not word[0].isupper() or _is_acronym(word) or len(word) < 2:
            return False
        lowered = word.lower()
        if lowered in MODIFIERS or lowered in _CONNECTORS or lowered in CALENDAR:
            return False
        norm = normalize(word)
        return not any(
            form in self._demonyms or (form in self._names and self._strength(form) != Strength.WEAK)
            for form in (norm, norm[:-1] if norm.endswith("s") else norm)
        )  # "Idlib Syrias northern city": a possessive that lost its apostrophe is no first name

    def _with_abbreviations(self, text: str, spans: list[Span]) -> list[Span]:
        """Add state abbreviations: dotted ones anywhere ("W.Va."), short ones after a comma."""
        extra = []
        standalone = any(abbreviation in text for abbreviation in lexicon.STANDALONE)
        for match in _STANDALONE.finditer(text) if standalone else ():
            division = LookupKey.division(normalize(lexicon.STANDALONE[match.group()]))
            extra.append(Span(match.start(), match.end(), match.group(), division, MentionKind.PLACE))
        for match in _ABBREVIATION_LIKE.finditer(text):
            surface = match.group()
            key = surface.replace(".", "").replace(" ", "").upper()
            dotted = surface.count(".") >= 2
            state = (
                lexicon.DOTTED.get(key)
                if dotted and key in lexicon.DOTTED
                else lexicon.STATE_ABBREVIATIONS.get(key)
            )
            if state is None or not ABBREVIATION_PATTERN.fullmatch(surface):
                continue
            if not dotted and not _after_comma(text, match.start()):
                continue
            if dotted and not (key in lexicon.DOTTED or " " in state or len(key) > 2):
                continue  # "M.D.", "P.A." are degrees and titles far more often than states
            if dotted and match.start() > 1 and text[match.start() - 2].isdigit():
                continue  # "500 B.C."
            lookup = (
                LookupKey(normalize(state))
                if dotted and key in lexicon.DOTTED
                else LookupKey.division(normalize(state))
            )
            extra.append(
                Span(match.start(), match.start() + len(surface), surface, lookup, MentionKind.PLACE)
            )
        return _with_spans_over(spans, extra)


def _placed(text: str, span: Span) -> bool:
    """Whether the words around a mention say it is a place: "in X", "X, Okla.", "X police"."""
    if _LOCATIVE_BEFORE.search(text, max(0, span.start - 25), span.start):
        return True
    if text[span.start - 1 : span.start] == "-" or text[span.end : span.end + 1] == "-":
        return True  # "Nebraska-Lincoln", "R-Marshall": one of two places
    after = _WORD_AFTER.match(text, span.end)
    if after is None:
        return False
    word = after.group(2)
    return (
        after.group(1) is not None
        or word.lower() in LOCAL_NOUNS
        or (word in ("and", "or") and _NAME_NEXT.match(text, after.end()) is not None)
    )


def _chunk_after_possessive(text: str, chunk: re.Match[str]) -> re.Match[str] | None:
    """The capitalised chunk right after the "'s" that ends `chunk`, if a space leads to one."""
    gap = _POSSESSIVE_GAP.match(text, chunk.end() + 2)
    return _CHUNK.match(text, gap.end()) if gap else None


def _without_organisations(text: str, spans: list[Span]) -> list[Span]:
    """The spans but those inside an organisation's name: "United Russia" is a party.

    Only the words before a span that ends such a name are searched, not the whole text.
    """
    if not any(span.key.norm in _ORGANISATION_PLACES for span in spans):
        return spans
    return [span for span in spans if not _in_an_organisation(text, span)]


def _in_an_organisation(text: str, span: Span) -> bool:
    if span.key.norm not in _ORGANISATION_PLACES:
        return False
    start = max(0, span.start - _LONGEST_ORGANISATION)
    return any(
        m.start() <= span.start and span.end <= m.end() for m in _ORGANISATION.finditer(text, start, span.end)
    )


def _with_spans_over(spans: list[Span], extra: list[Span]) -> list[Span]:
    """`spans` with `extra` added, in order; a span overlapping one of `extra` gives way to it."""
    if not extra:
        return spans
    kept = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in extra)]
    return sorted(kept + extra, key=lambda s: s.start)


def _trailing_words(item: str) -> list[str]:
    """The item without its first word, then without its first two: "In Harlan" -> "Harlan"."""
    words = item.split(" ")
    return [" ".join(words[first:]) for first in range(1, len(words))]


#: The hyphens a compound word is written with.
_HYPHENS = ("-", "\u2010")


def _hyphened_word(chunk: str, tokens: list[_Token], i: int) -> str:
    """Token i with the tokens hyphened to it before: "President-elect" for "elect"."""
    first = i
    while first > 0 and chunk[tokens[first - 1][1] : tokens[first][0]] in _HYPHENS:
        first -= 1
    return _capitalised_compound(chunk[tokens[first][0] : tokens[i][1]])


def _capitalised_compound(word: str) -> str:
    """A hyphened word as the word before a name, if it opens with a capital ("President-elect").

    Otherwise only its last part: "sit-in" before "Reading" is the locative "in".
    """
    if word[:1].isupper() or not any(hyphen in word for hyphen in _HYPHENS):
        return word
    for hyphen in _HYPHENS:
        word = word.rpartition(hyphen)[2]
    return word


def _after_comma(text: str, start: int) -> bool:
    """Tell whether a word and a comma precede `start`, as in "Alexandria, La."."""
    index = start - 1
    while index >= 0 and text[index] == " ":
        index -= 1
    return index > 0 and text[index] == "," and text[index - 1].isalpha()


def _is_title(word: str) -> bool:
    """A personal title before a name: "President", "Gov.", "mayor"; but not "miss" or "general".

    A hyphened title counts by its title word: "President-elect", "ex-Governor", "Vice-Admiral".
    """
    lowered = word.lower().rstrip(".")
    title = next((part for part in lowered.split("-") if part in TITLES), None)
    return title is not None and (word[:1].isupper() or title not in LOWERCASE_NOT_TITLES)


def _generic(norm: str) -> bool:
    """An article and place nouns alone, which some gazetteer entries list as a name: "The City".

    Prose means whatever city it is about ("The City Council met"), never Oakville,
    Connecticut. "The Hague" and "The Colony" keep a word of their own.
    """
    first, _, rest = norm.partition(" ")
    return first == "the" and bool(rest) and all(word in NAME_HEADS for word in rest.split())


def _is_acronym(surface: str) -> bool:
    """All-capital short words ("TASS", "HTS", "US"): codes unless they name a country."""
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _elided_capital(word: str) -> bool:
    """A capitalised word after an elided article: "d'Ivoire", "l'Aquila"."""
    return len(word) > 2 and word[1] in "'’" and word[0] in "dl" and word[2].isupper()


def _sentence_and_previous_word(text: str, start: int) -> tuple[bool, str]:
    """Whether `start` opens a sentence, and the word just before it (for "President Assad").

    A sentence is opened when only spaces and sentence punctuation, quotes or nothing precede
    `start`; the previous word counts only if spaces alone separate it. One scan back serves both.
    """
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    opens = index < 0 or text[index] in _SENTENCE_END
    if index == start - 1:
        return opens, ""  # no space before `start`: no previous word
    end = index + 1
    while index >= 0 and (text[index].isalnum() or text[index] == "." or _inner_hyphen(text, index)):
        index -= 1
    return opens, _capitalised_compound(text[index + 1 : end])


def _inner_hyphen(text: str, index: int) -> bool:
    """A hyphen between two letters, inside one word: "President-elect"."""
    if text[index] not in _HYPHENS or not 0 < index < len(text) - 1:
        return False
    return text[index - 1].isalpha() and text[index + 1].isalpha()
