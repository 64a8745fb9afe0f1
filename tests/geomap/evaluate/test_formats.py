from __future__ import annotations

import json

import pytest

from geomap.errors import ConfigError
from geomap.evaluate.formats import (
    EVAL_FORMATS,
    EvalFormat,
    render_scores,
    resolution_record,
    scores_json,
    scores_record,
    scores_table,
)
from geomap.evaluate.metrics import CorpusScores, Recognition, Resolution

LGL = CorpusScores(
    corpus="lgl_small",
    articles=2,
    demonyms_counted=True,
    recognition=Recognition(gold=8, predicted=9, exact_tp=7, overlap_tp=8),
    end_to_end=Resolution((0.0, 12.5, 300.0), (1.0, 1.0, 1.0), (True, False, None)),
    gold_spans=Resolution((0.0, 1.0, 2.0, 20039.0)),
)
GEOVIRUS = CorpusScores(
    corpus="géovirus",
    articles=1,
    demonyms_counted=False,
    recognition=Recognition(gold=0, predicted=0, exact_tp=0, overlap_tp=0),
    end_to_end=Resolution(()),
    gold_spans=None,
)


def test_the_table_has_a_row_per_mode_and_a_note_per_corpus() -> None:
    text = scores_table([LGL, GEOVIRUS])
    lines = text.splitlines()
    assert lines[0].split()[:5] == ["corpus", "articles", "P", "R", "F1"]
    assert lines[1].split() == [
        "lgl_small",
        "2",
        "0.778",
        "0.875",
        "0.824",
        "0.941",
        "end-to-end",
        "3",
        "66.7%",
        "104",
        "12.5",
        f"{LGL.end_to_end.auc:.3f}",
        "50.0%",
        "0.333",
    ]
    assert lines[2].startswith(" " * len("lgl_small")) and "gold spans" in lines[2] and "75.0%" in lines[2]
    assert lines[3].split()[:2] == ["géovirus", "1"] and "0.0%" in lines[3]
    assert lines[4] == ""
    assert lines[5:] == [
        "lgl_small: demonyms counted as toponyms",
        "géovirus: demonyms not counted as toponyms",
    ]
    assert text.endswith("\n")
    assert len({len(line) for line in lines[:4]}) == 1  # aligned columns


def test_json_rounds_and_leaves_out_unmeasured_gold_spans() -> None:
    text = scores_json([LGL, GEOVIRUS])
    assert "\\u00e9" in text  # ASCII-escaped, as `geomap eval --format json` always wrote it
    lgl, geovirus = json.loads(text)
    assert lgl == scores_record(LGL)
    assert lgl["recognition"]["exact"] == {"precision": 0.7778, "recall": 0.875, "f1": 0.8235}
    assert lgl["recognition"]["overlap"]["recall"] == 1.0
    assert lgl["end_to_end"] == {
        "toponyms": 3,
        "accuracy_161km": 0.6667,
        "mean_km": 104.2,
        "median_km": 12.5,
        "auc": round(LGL.end_to_end.auc, 4),
        "exact_id_accuracy": 0.5,
        "calibration_error": 0.3333,
    }
    assert geovirus["gold_spans"] is None and geovirus["demonyms_counted"] is False
    assert resolution_record(None) is None


@pytest.mark.parametrize("output_format", list(EvalFormat))
def test_every_format_by_member_and_name(output_format: EvalFormat) -> None:
    text = render_scores([LGL], output_format)
    assert text == render_scores([LGL], output_format.value) == EVAL_FORMATS[output_format]([LGL])
    assert text.endswith("\n") and "lgl_small" in text
    assert render_scores([], output_format).endswith("\n")


def test_a_wrong_eval_format_lists_the_valid_ones() -> None:
    assert EVAL_FORMATS.choices == ["text", "json"]
    with pytest.raises(ConfigError, match="valid: text, json"):
        render_scores([LGL], "csv")
