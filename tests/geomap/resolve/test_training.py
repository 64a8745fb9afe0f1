"""scripts/train_ranker.py's accuracy fit, on hand-made candidate rows (no corpus)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from geomap.resolve.ranker import CANDIDATE_FEATURES

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "train_ranker.py"


@pytest.fixture(scope="module")
def training() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_ranker", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ranker"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _row(**features: float) -> np.ndarray:
    return np.array([features.get(name, 0.0) for name in CANDIDATE_FEATURES])


def _examples(training: ModuleType, groups: list[tuple[list[np.ndarray], int]]) -> Any:
    built = [(np.vstack(rows), right) for rows, right in groups]
    acceptable = [np.arange(len(rows)) == right for rows, right in groups]
    return training.Examples(built, acceptable, [], [])


def test_ties_go_to_the_earlier_candidate(training: ModuleType) -> None:
    tied = [_row(prior=5.0), _row(prior=5.0)]
    examples = _examples(training, [(tied, 0), (tied, 1)])
    scorer = training.GroupScorer([(examples.groups, examples.acceptable)])
    weights = np.array([1.0 if name == "prior" else 0.0 for name in CANDIDATE_FEATURES])
    assert scorer.right(scorer.scores(weights)).tolist() == [1]


def test_a_feature_that_picks_the_right_namesakes_gains_weight(training: ModuleType) -> None:
    # The bigger namesake is wrong whenever the smaller one has the article's other names around it.
    together = [_row(prior=6.0), _row(prior=5.0, cluster_support=2.0)]
    alone = [_row(prior=6.0), _row(prior=5.0)]
    examples = _examples(training, [(together, 1)] * 5 + [(alone, 0)] * 5)
    weights = training.fit_accuracy([examples])
    by_name = dict(zip(CANDIDATE_FEATURES, weights, strict=True))
    assert by_name["cluster_support"] > 0.5
    scorer = training.GroupScorer([(examples.groups, examples.acceptable)])
    assert scorer.right(scorer.scores(weights)).tolist() == [10]
    assert np.array_equal(weights, training.fit_accuracy([examples]))  # deterministic


def test_no_step_is_taken_that_resolves_no_more_names(training: ModuleType) -> None:
    rows = [_row(prior=6.0, is_capital=1.0), _row(prior=5.0)]
    examples = _examples(training, [(rows, 0)] * 3)
    weights = training.fit_accuracy([examples])
    hand = np.array([training.HAND_WEIGHTS.get(name, 0.0) for name in CANDIDATE_FEATURES])
    assert np.array_equal(weights, hand)
