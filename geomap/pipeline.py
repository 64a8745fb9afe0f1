"""The composition root: the Geoparser (recognition then resolution) and the whole run over articles."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence

from gazetteer import Gazetteer
from geomap.model import Article, ArticleResult, Mention, Report
from geomap.recognize.abbreviations import county_states
from geomap.recognize.capitalised import Recognizer
from geomap.resolve.joint import Resolver
from geomap.settings import Settings


class Geoparser:
    """Finds every place mention of a text and resolves it; reuse one instance for many texts.

    Building it loads the gazetteer's name index (a marisa trie: milliseconds); names and
    their candidates are cached across texts, so later articles mostly hit memory.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._demonyms = gazetteer.demonyms()
        self._resolver = Resolver(gazetteer)
        self._recognizer = Recognizer(
            gazetteer.recognition_index(),
            self._demonyms,
            self._resolver.strength,
            extra_names=frozenset(county_states()),
        )

    @property
    def demonym_table(self) -> dict[str, str]:
        """Normalised demonym -> ISO country code, as recognition uses it."""
        return self._demonyms

    def parse(self, text: str) -> list[Mention]:
        """Every place and demonym mention, sorted by start; text[m.start:m.end] == m.surface."""
        if not isinstance(text, str) or not text:
            return []
        spans = self._recognizer.find(text)
        return self._resolver.resolve(text, spans, self._demonyms)

    def recognize(self, text: str) -> list[tuple[int, int, str]]:
        """Only the recognition stage: (start, end, kind) of every span."""
        return [(span.start, span.end, span.kind) for span in self._recognizer.find(text)]

    def resolve_spans(self, text: str, spans: list[tuple[int, int]]) -> list[Mention]:
        """Resolve given spans (gold spans in evaluation) as place names, in the article's context.

        The article's own recognised mentions still supply context (countries, demonyms).
        """
        return self._resolver.resolve_given(text, spans, self._recognizer.find(text), self._demonyms)


_LOCK = threading.Lock()
_PARSERS: weakref.WeakKeyDictionary[Gazetteer, Geoparser] = weakref.WeakKeyDictionary()
_DEFAULT: list[Geoparser] = []


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Geoparse `text` with `gazetteer`, or with the default one, opened once on first use.

    The Geoparser for each gazetteer is cached, so repeated calls pay the load only once.
    """
    with _LOCK:
        if gazetteer is None:
            if not _DEFAULT:
                _DEFAULT.append(Geoparser(Gazetteer.open()))
            parser = _DEFAULT[0]
        else:
            cached = _PARSERS.get(gazetteer)
            if cached is None:
                cached = _PARSERS[gazetteer] = Geoparser(gazetteer)
            parser = cached
    return parser.parse(text)


def run(articles: Sequence[Article], gazetteer: Gazetteer, settings: Settings) -> Report:
    """Geoparse, extract claims and verify them for every article."""
    from geomap.claims.finders import extract_claims
    from geomap.outlines import Borders
    from geomap.verify.checks import Verifier

    geoparser = Geoparser(gazetteer)
    verifier = Verifier(settings, Borders())
    results = []
    for article in articles:
        mentions = tuple(geoparser.parse(article.text))
        claims = extract_claims(article.text, mentions)
        verdicts = tuple(verifier.verify(claim) for claim in claims)
        results.append(ArticleResult(article, mentions, verdicts))
    return Report(tuple(results))
