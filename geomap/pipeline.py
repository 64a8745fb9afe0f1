"""The composition root: the Geoparser (recognition then resolution) and the whole run over articles."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache

from gazetteer import Gazetteer, Place
from geomap.model import Article, ArticleResult, Mention, Notice, Report
from geomap.recognize import make_recognizer
from geomap.resolve import make_resolver
from geomap.resolve.candidates import CandidateIndex
from geomap.resolve.joint import JointResolver, RankDetail
from geomap.resolve.ranker import Ranker
from geomap.settings import Settings

#: The recognizer and resolver a Geoparser uses unless told otherwise.
DEFAULT_RECOGNIZER, DEFAULT_RESOLVER = "capitalised", "joint"


class Geoparser:
    """Finds every place mention of a text and resolves it; reuse one instance for many texts.

    Building it loads the gazetteer's name index (a marisa trie: milliseconds); names and
    their candidates are cached across texts, so later articles mostly hit memory.
    Recognition and resolution share one CandidateIndex; neither holds the other.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        recognizer: str = DEFAULT_RECOGNIZER,
        resolver: str = DEFAULT_RESOLVER,
        ranker: Ranker | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self._demonyms: Mapping[str, str] = gazetteer.demonyms()
        index = self._index = CandidateIndex(gazetteer)
        self._recognizer = make_recognizer(recognizer, gazetteer, index)
        self._resolver = make_resolver(resolver, index, self._demonyms, ranker)

    @property
    def demonym_table(self) -> Mapping[str, str]:
        """Normalised demonym -> ISO country code, as recognition uses it."""
        return self._demonyms

    def capital_of(self, code: str) -> Place | None:
        """The capital city of a country by ISO code (for claims about "the Syrian capital")."""
        return self._index.capital_of(code)

    def parse(self, text: str) -> list[Mention]:
        """Every place and demonym mention, sorted by start; text[m.start:m.end] == m.surface."""
        if not isinstance(text, str) or not text:
            return []
        return self._resolver.resolve(text, self._recognizer.find(text))

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Mention]:
        """Resolve given spans (gold spans in evaluation) as place names, in the article's context.

        The article's own recognised mentions still supply context (countries, demonyms).
        """
        return self._resolver.resolve_given(text, spans, self._recognizer.find(text))

    def rank_details(self, text: str, spans: Sequence[tuple[int, int]]) -> list[RankDetail]:
        """What the joint resolver's ranker saw for each given span (training data for its weights)."""
        resolver = self._resolver
        if not isinstance(resolver, JointResolver):
            raise TypeError("rank_details needs the joint resolver")
        return resolver.rank_details(text, spans, self._recognizer.find(text))


def geoparse(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Geoparse `text` with `gazetteer`, or with the default one, opened once on first use.

    The Geoparser for each gazetteer is kept (the last few), so repeated calls pay the load once.
    """
    parser = _default_geoparser() if gazetteer is None else _geoparser_for(gazetteer)
    return parser.parse(text)


@cache
def _default_geoparser() -> Geoparser:
    return Geoparser(Gazetteer.open())


@lru_cache(maxsize=8)
def _geoparser_for(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


#: Called with the number of articles just finished (a progress bar's update).
Progress = Callable[[int], None]


class ArticleAnalyser:
    """Turns one article into its result: geoparse, then (with claims) extract and verify claims.

    Built once per process (the run loop here, or each worker of geomap.batch): it holds the
    Geoparser, whose name cache fills across articles, and the Verifier with its outlines.
    With `languages`, each result also says whether the article looks English: the check is
    part of the work on an article, so it runs in the worker processes with the rest.
    """

    def __init__(
        self, gazetteer: Gazetteer, settings: Settings, *, claims: bool = True, languages: bool = True
    ) -> None:
        from geomap.corrections import Pinner
        from geomap.outlines import Borders
        from geomap.verify import Verifier

        self.geoparser = Geoparser(gazetteer)
        self.pinner = Pinner(settings.pin, gazetteer)
        self.verifier = Verifier(settings, Borders(gazetteer)) if claims else None
        self.languages = languages

    def preload(self) -> None:
        """Import now what later articles' checks may need: shapely, numpy, geopy (about 0.2 s).

        Called before forking worker processes, which then inherit the modules instead of each
        importing them again on its first border or containment claim.
        """
        if self.verifier is not None:
            import importlib

            importlib.import_module("shapely.ops")
            importlib.import_module("geopy.distance")

    def __call__(self, article: Article) -> ArticleResult:
        from geomap.claims.extract import extract_claims
        from geomap.language import not_english

        language = not_english(article.text) if self.languages else None
        mentions = self.pinner.apply(article, self.geoparser.parse(article.text))
        if self.verifier is None:
            return ArticleResult(article, mentions, language=language)
        claims = extract_claims(article.text, mentions, self.geoparser.capital_of)
        verdicts = tuple(self.verifier.verify(claim) for claim in claims)
        return ArticleResult(article, mentions, verdicts, language)


def run(
    articles: Sequence[Article],
    gazetteer: Gazetteer,
    settings: Settings,
    *,
    claims: bool = True,
    progress: Progress | None = None,
) -> Report:
    """Geoparse, extract claims and verify them for every article (only geoparse without `claims`).

    The settings' pins override resolution in the articles they name, before claims are found;
    their waivers are applied to the verdicts last (geomap.corrections). With `settings.jobs`
    above 1 and enough work, the articles are spread over worker processes (geomap.batch.pool);
    the report is the same, in the same order, as from one process. A run with pins stays in
    one process: which pins matched nothing is known only to the process that applied them.
    """
    from geomap.corrections import waive

    jobs = min(settings.job_count(), len(articles))
    results: tuple[ArticleResult, ...] | None = None
    notices: tuple[Notice, ...] = ()
    if jobs > 1 and not settings.pin:
        from geomap.batch.pool import parallel_results, worth_a_pool

        if worth_a_pool(articles):
            results = tuple(
                parallel_results(articles, gazetteer, settings, jobs, claims=claims, progress=progress)
            )
    if results is None:
        analyse = ArticleAnalyser(gazetteer, settings, claims=claims)
        done = []
        for article in articles:
            done.append(analyse(article))
            if progress is not None:
                progress(1)
        results, notices = tuple(done), analyse.pinner.notices()
    report = Report(results, notices=notices, strict=settings.strict)
    return waive(report, settings.waive) if claims else report
