"""The whole pipeline for a run: geoparse each article, find its claims, check them."""

from __future__ import annotations

from collections.abc import Sequence

from gazetteer import Gazetteer
from geomap.model import Article, ArticleResult, Report
from geomap.settings import Settings


def run(articles: Sequence[Article], gazetteer: Gazetteer, settings: Settings) -> Report:
    """Geoparse, extract claims and verify them for every article."""
    from geomap.borders import Borders
    from geomap.claims import extract_claims
    from geomap.geoparsing import Geoparser
    from geomap.verify import Verifier

    geoparser = Geoparser(gazetteer)
    verifier = Verifier(settings, Borders())
    results = []
    for article in articles:
        mentions = tuple(geoparser.parse(article.text))
        claims = extract_claims(article.text, mentions)
        verdicts = tuple(verifier.verify(claim) for claim in claims)
        results.append(ArticleResult(article, mentions, verdicts))
    return Report(tuple(results))
