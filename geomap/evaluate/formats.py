"""The `geomap eval` formats: corpus scores as an aligned text table or JSON."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from geomap.report.base import FormatRegistry

if TYPE_CHECKING:  # metrics imports the pipeline; the CLI imports this module at start
    from geomap.evaluate.metrics import CorpusScores, Resolution

_HEADER = (
    "corpus",
    "articles",
    "P",
    "R",
    "F1",
    "overlap F1",
    "mode",
    "toponyms",
    "acc@161",
    "mean km",
    "median km",
    "AUC",
    "exact id",
    "ECE",
)


class EvalFormat(enum.Enum):
    """The output formats of `geomap eval`, each mapped to a function of the scores."""

    TEXT = "text"
    JSON = "json"


def scores_table(scores: Sequence[CorpusScores]) -> str:
    """A row per corpus and resolution mode, right-aligned numbers, then each corpus's demonym rule."""
    rows = [row for score in scores for row in _rows(score)]
    widths = [max(len(row[i]) for row in [_HEADER, *rows]) for i in range(len(_HEADER))]
    lines = [
        "  ".join(
            cell.rjust(width) if column else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=False))
        )
        for row in [_HEADER, *rows]
    ]
    notes = [
        f"{s.corpus}: demonyms {'counted' if s.demonyms_counted else 'not counted'} as toponyms"
        for s in scores
    ]
    return "\n".join([*lines, "", *notes]) + "\n"


def scores_json(scores: Sequence[CorpusScores]) -> str:
    """A JSON array with one object per corpus (scores_record), ASCII-escaped."""
    return json.dumps([scores_record(score) for score in scores], indent=2) + "\n"


def scores_record(score: CorpusScores) -> dict[str, Any]:
    """One corpus's scores as plain JSON values, rounded to 4 places (km to 0.1)."""
    rec = score.recognition
    return {
        "corpus": score.corpus,
        "articles": score.articles,
        "demonyms_counted": score.demonyms_counted,
        "recognition": {
            "gold": rec.gold,
            "predicted": rec.predicted,
            "exact": {
                "precision": round(rec.precision, 4),
                "recall": round(rec.recall, 4),
                "f1": round(rec.f1, 4),
            },
            "overlap": {
                "precision": round(rec.overlap_precision, 4),
                "recall": round(rec.overlap_recall, 4),
                "f1": round(rec.overlap_f1, 4),
            },
        },
        "end_to_end": resolution_record(score.end_to_end),
        "gold_spans": resolution_record(score.gold_spans),
    }


def resolution_record(resolution: Resolution | None) -> dict[str, float | None] | None:
    """Resolution statistics as plain JSON values (None when not measured)."""
    if resolution is None:
        return None
    return {
        "toponyms": resolution.count,
        "accuracy_161km": round(resolution.accuracy, 4),
        "mean_km": round(resolution.mean_km, 1),
        "median_km": round(resolution.median_km, 1),
        "auc": round(resolution.auc, 4),
        "exact_id_accuracy": _rounded(resolution.exact_id_accuracy),
        "calibration_error": _rounded(resolution.calibration_error),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


EVAL_FORMATS: FormatRegistry[EvalFormat, Callable[[Sequence[CorpusScores]], str]] = FormatRegistry(
    EvalFormat, {EvalFormat.TEXT: scores_table, EvalFormat.JSON: scores_json}
)


def render_scores(scores: Sequence[CorpusScores], output_format: EvalFormat | str) -> str:
    """The scores in one eval format (a wrong name is a ConfigError)."""
    return EVAL_FORMATS[output_format](scores)


def _rows(score: CorpusScores) -> list[tuple[str, ...]]:
    """The table rows of one corpus: end-to-end, then gold spans when measured."""
    rec = score.recognition
    base = (
        score.corpus,
        str(score.articles),
        f"{rec.precision:.3f}",
        f"{rec.recall:.3f}",
        f"{rec.f1:.3f}",
        f"{rec.overlap_f1:.3f}",
    )
    modes = [("end-to-end", score.end_to_end)]
    if score.gold_spans is not None:
        modes.append(("gold spans", score.gold_spans))
    return [
        (
            *(base if number == 0 else ("",) * len(base)),
            mode,
            str(res.count),
            f"{100 * res.accuracy:.1f}%",
            f"{res.mean_km:.0f}",
            f"{res.median_km:.1f}",
            f"{res.auc:.3f}",
            _percent(res.exact_id_accuracy),
            "-" if res.calibration_error is None else f"{res.calibration_error:.3f}",
        )
        for number, (mode, res) in enumerate(modes)
    ]
