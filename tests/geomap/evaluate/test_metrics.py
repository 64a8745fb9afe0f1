"""Corpus readers and evaluation metrics, on small fixture corpora in the three formats."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap.errors import InputError
from geomap.evaluate.corpora import read_corpus
from geomap.evaluate.metrics import MAX_ERROR_KM, Recognition, Resolution, evaluate
from geomap.pipeline import Geoparser

CORPORA = Path(__file__).parents[3] / "tests" / "fixtures" / "corpora"


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


def test_reads_lgl_format() -> None:
    corpus = read_corpus(CORPORA / "lgl_small.xml")
    assert corpus.format == "toponym" and len(corpus.articles) == 2
    first = corpus.articles[0]
    assert [t.phrase for t in first.toponyms] == ["Russian", "Idlib", "Syria", "Damascus", "Moscow"]
    assert all(first.text[t.start : t.end] == t.phrase for t in first.toponyms)
    assert first.toponyms[1].geonameid == 169389
    assert corpus.articles[1].toponyms[-1].lat is None


def test_repairs_tr_news_offsets() -> None:
    corpus = read_corpus(CORPORA / "trnews_small.xml")
    article = corpus.articles[0]
    assert [(t.start, t.end) for t in article.toponyms] == [(21, 27), (32, 38)]
    assert corpus.repaired == 2 and corpus.dropped == 0


def test_reads_geovirus_nested_locations_one_off() -> None:
    corpus = read_corpus(CORPORA / "geovirus_small.xml")
    article = corpus.articles[0]
    assert corpus.format == "location"
    assert [t.phrase for t in article.toponyms] == ["Gaziantep", "Istanbul", "Turkey"]
    assert all(article.text[t.start : t.end] == t.phrase for t in article.toponyms)
    assert corpus.repaired == 0


@pytest.mark.parametrize("content", ["not xml", "<root><article/></root>"])
def test_rejects_other_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(InputError):
        read_corpus(path)


def test_recognition_scores() -> None:
    scores = Recognition(gold=10, predicted=8, exact_tp=6, overlap_tp=7)
    assert scores.precision == 0.75 and scores.recall == 0.6
    assert scores.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert scores.overlap_f1 > scores.f1
    assert Recognition(0, 0, 0, 0).f1 == 0.0


def test_resolution_statistics() -> None:
    result = Resolution((0.0, 100.0, 200.0, MAX_ERROR_KM))
    assert result.accuracy == 0.5
    assert result.median_km == 150.0
    assert result.mean_km == pytest.approx((300 + MAX_ERROR_KM) / 4)
    scaled = sorted(math.log(1 + e) / math.log(MAX_ERROR_KM) for e in result.errors_km)
    expected = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False)) / 3
    assert result.auc == pytest.approx(expected)
    assert Resolution((0.0,)).auc == 0.0 and Resolution(()).accuracy == 0.0


def test_evaluate_lgl_fixture(parser: Geoparser) -> None:
    scores = evaluate(read_corpus(CORPORA / "lgl_small.xml"), parser, gold_spans=True)
    assert scores.demonyms_counted
    assert scores.recognition.gold == 8
    assert scores.recognition.exact_tp == 7
    assert scores.gold_spans is not None and scores.gold_spans.count == 7
    assert scores.gold_spans.accuracy == 1.0
    assert scores.end_to_end.accuracy == 1.0


def test_evaluate_demonym_modes(parser: Geoparser) -> None:
    corpus = read_corpus(CORPORA / "geovirus_small.xml")
    assert not evaluate(corpus, parser).demonyms_counted
    assert evaluate(corpus, parser, demonyms="include").demonyms_counted
    scores = evaluate(corpus, parser, gold_spans=True)
    assert scores.recognition.f1 == 1.0 and scores.gold_spans.accuracy == 1.0


def test_exact_id_accuracy_counts_only_toponyms_with_a_gold_id() -> None:
    result = Resolution((0.0, 0.0, 5.0), (0.9, 0.9, 0.9), (True, None, False))
    assert result.exact_id_accuracy == 0.5
    assert Resolution((0.0,), (1.0,), (None,)).exact_id_accuracy is None


def test_calibration_error_is_the_weighted_gap_between_confidence_and_accuracy() -> None:
    # Two picks at 0.95 (one right), two at 0.15 (none right): (2*0.45 + 2*0.15) / 4.
    result = Resolution((0.0, 500.0, 500.0, 500.0), (0.95, 0.95, 0.15, 0.15))
    assert result.calibration_error == pytest.approx(0.3)
    assert Resolution((0.0, 0.0), (1.0, 1.0)).calibration_error == 0.0
    assert Resolution((0.0,)).calibration_error is None
