"""Geoparsing evaluation against gold corpora: recognition P/R/F1 and resolution error statistics.

Metrics follow Gritta et al. (2017, "What's missing in geographical parsing?"): exact-span
and overlap recognition scores; accuracy within 161 km, mean and median error, and the
area under the curve of sorted ln(1 + error_km) / ln(20039) (lower is better).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import normalize
from geomap.evaluate.corpora import Corpus, GoldArticle, GoldToponym
from geomap.geodesy import haversine_km
from geomap.model import Mention, MentionKind
from geomap.pipeline import Geoparser

#: Half the Earth's circumference: the error charged for a toponym left unresolved.
MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0
#: Equal-width confidence bins of the expected calibration error.
CALIBRATION_BINS = 10
#: Demonym conventions: "include" counts demonym mentions as toponyms (LGL, TR-News annotate
#: "Russian"), "exclude" ignores them (GeoVirus), "auto" decides from the gold annotations.
DEMONYM_MODES = ("auto", "include", "exclude")


@dataclass(frozen=True, slots=True)
class Recognition:
    """Recognition scores, exact span and overlap."""

    gold: int
    predicted: int
    exact_tp: int
    overlap_tp: int

    @property
    def precision(self) -> float:
        return self.exact_tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.exact_tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def overlap_precision(self) -> float:
        return self.overlap_tp / self.predicted if self.predicted else 0.0

    @property
    def overlap_recall(self) -> float:
        return self.overlap_tp / self.gold if self.gold else 0.0

    @property
    def overlap_f1(self) -> float:
        return _f1(self.overlap_precision, self.overlap_recall)


@dataclass(frozen=True, slots=True)
class Resolution:
    """Resolution error statistics over the gold toponyms that have coordinates."""

    errors_km: tuple[float, ...]
    confidences: tuple[float, ...] = ()
    """The resolver's confidence in each pick, in the order of errors_km (0 when unresolved)."""
    id_hits: tuple[bool | None, ...] = ()
    """Whether each pick has the gold GeoNames id (None where the corpus gives none)."""

    @property
    def count(self) -> int:
        return len(self.errors_km)

    @property
    def exact_id_accuracy(self) -> float | None:
        """Share of the toponyms with a gold GeoNames id resolved to exactly that id."""
        known = [hit for hit in self.id_hits if hit is not None]
        return sum(known) / len(known) if known else None

    @property
    def calibration_error(self) -> float | None:
        """Expected calibration error over CALIBRATION_BINS equal bins of confidence.

        A pick counts as right when it lies within 161 km; the error is the population-weighted
        gap between each bin's mean confidence and its share of right picks (0 is perfect).
        """
        if not self.confidences or len(self.confidences) != self.count:
            return None
        bins: list[list[tuple[float, bool]]] = [[] for _ in range(CALIBRATION_BINS)]
        for confidence, error in zip(self.confidences, self.errors_km, strict=True):
            index = min(int(confidence * CALIBRATION_BINS), CALIBRATION_BINS - 1)
            bins[index].append((confidence, error <= ACCURACY_KM))
        gaps = (
            len(members)
            * abs(statistics.fmean(c for c, _ in members) - statistics.fmean(r for _, r in members))
            for members in bins
            if members
        )
        return sum(gaps) / self.count

    @property
    def accuracy(self) -> float:
        """Share of toponyms resolved within 161 km (100 miles) of the gold point."""
        return sum(e <= ACCURACY_KM for e in self.errors_km) / self.count if self.count else 0.0

    @property
    def mean_km(self) -> float:
        return statistics.fmean(self.errors_km) if self.count else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.count else 0.0

    @property
    def auc(self) -> float:
        """Area under the sorted, log-scaled error curve, normalised to 0..1 (lower is better)."""
        if not self.count:
            return 0.0
        scaled = sorted(math.log(1 + e) / math.log(MAX_ERROR_KM) for e in self.errors_km)
        if len(scaled) == 1:
            return scaled[0]
        area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
        return area / (len(scaled) - 1)


@dataclass(frozen=True, slots=True)
class CorpusScores:
    """Everything `geomap eval` reports for one corpus."""

    corpus: str
    articles: int
    demonyms_counted: bool
    recognition: Recognition
    end_to_end: Resolution
    """Resolution of the gold toponyms whose span was recognised (overlapping prediction)."""
    gold_spans: Resolution | None
    """Resolution of every gold toponym given its span (None unless asked for)."""


def evaluate(
    corpus: Corpus, geoparser: Geoparser, *, gold_spans: bool = False, demonyms: str = "auto"
) -> CorpusScores:
    """Geoparse every article of `corpus` and score it against the gold annotations."""
    count_demonyms = _counts_demonyms(corpus, geoparser) if demonyms == "auto" else demonyms == "include"
    gold_total = predicted_total = exact_total = overlap_total = 0
    end_errors: list[_Outcome] = []
    given_errors: list[_Outcome] = []
    for article in corpus.articles:
        mentions = [
            m for m in geoparser.parse(article.text) if count_demonyms or m.kind != MentionKind.DEMONYM
        ]
        exact, overlap = _match(article.toponyms, mentions)
        gold_total += len(article.toponyms)
        predicted_total += len(mentions)
        exact_total += len(exact)
        overlap_total += len(overlap)
        for gold, mention in overlap.items():
            if gold.lat is not None and gold.lon is not None:
                end_errors.append(_outcome(gold, mention))
        if gold_spans:
            given_errors.extend(_given_errors(article, geoparser))
    return CorpusScores(
        corpus=corpus.name,
        articles=len(corpus.articles),
        demonyms_counted=count_demonyms,
        recognition=Recognition(gold_total, predicted_total, exact_total, overlap_total),
        end_to_end=_resolution(end_errors),
        gold_spans=_resolution(given_errors) if gold_spans else None,
    )


def _counts_demonyms(corpus: Corpus, geoparser: Geoparser) -> bool:
    """True when at least 1 % of the gold toponyms are demonyms ("Russian", "Syrian")."""
    table = geoparser.demonym_table
    phrases = [t.phrase for a in corpus.articles for t in a.toponyms]
    hits = sum(normalize(phrase) in table for phrase in phrases)
    return bool(phrases) and hits >= 0.01 * len(phrases)


def _match(
    gold: Sequence[GoldToponym], mentions: Sequence[Mention]
) -> tuple[dict[GoldToponym, Mention], dict[GoldToponym, Mention]]:
    """Exact-span matches and overlap matches (each prediction used once, best overlap first)."""
    by_span = {(m.start, m.end): m for m in mentions}
    exact = {g: by_span[(g.start, g.end)] for g in gold if (g.start, g.end) in by_span}
    overlap: dict[GoldToponym, Mention] = {}
    used: set[int] = set()
    for toponym in gold:
        if toponym in exact:
            overlap[toponym] = exact[toponym]
            used.add(id(exact[toponym]))
    for toponym in gold:
        if toponym in overlap:
            continue
        for mention in mentions:
            if id(mention) not in used and mention.start < toponym.end and toponym.start < mention.end:
                overlap[toponym] = mention
                used.add(id(mention))
                break
    return exact, overlap


def _given_errors(article: GoldArticle, geoparser: Geoparser) -> list[_Outcome]:
    located = [t for t in article.toponyms if t.lat is not None and t.lon is not None]
    if not located:
        return []
    mentions = geoparser.resolve_spans(article.text, [(t.start, t.end) for t in article.toponyms])
    by_span = {(m.start, m.end): m for m in mentions}
    return [_outcome(t, by_span.get((t.start, t.end))) for t in located]


#: One located gold toponym's (error km, confidence, exact GeoNames id or None).
_Outcome = tuple[float, float, bool | None]


def _resolution(outcomes: Sequence[_Outcome]) -> Resolution:
    return Resolution(
        tuple(error for error, _, _ in outcomes),
        tuple(confidence for _, confidence, _ in outcomes),
        tuple(hit for _, _, hit in outcomes),
    )


def _outcome(gold: GoldToponym, mention: Mention | None) -> _Outcome:
    confidence = mention.confidence if mention is not None and mention.place is not None else 0.0
    hit = None
    if gold.geonameid is not None:
        hit = (
            mention is not None
            and mention.place is not None
            and mention.place.id == f"geonames:{gold.geonameid}"
        )
    return _error_km(gold, mention), confidence, hit


def _error_km(gold: GoldToponym, mention: Mention | None) -> float:
    if mention is None or mention.place is None or gold.lat is None or gold.lon is None:
        return MAX_ERROR_KM
    return haversine_km(gold.lat, gold.lon, mention.place.lat, mention.place.lon)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
