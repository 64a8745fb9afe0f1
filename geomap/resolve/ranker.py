"""The learned ranker: candidate features, their weights, and a calibrated confidence in each pick.

Weights are not typed in: scripts/train_ranker.py fits them on the gold corpora (a conditional
logit over each name's candidates, then a logistic model of whether the pick is right) and
writes geomap/resolve/ranker.json, which records the data it was fitted on. Inference is a
dot product in plain Python: no numpy import on the start-up path.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul
from pathlib import Path

#: What the ranker sees of a candidate, in the order of its weights.
CANDIDATE_FEATURES = (
    "prior",
    "log_population",
    "is_country",
    "is_division",
    "is_capital",
    "is_settlement",
    "is_county",
    "is_water",
    "is_site",
    "alternate_name",
    "kind_cue",
    "country_share",
    "country_named",
    "division_named",
    "division_share",
    "contains_share",
    "qualifier",
    "closeness",
    "division_with_namesake_town",
    "population_gap",
    "unsupported_country",
    "cluster_support",
)
#: What the calibrator sees of a pick, in the order of its weights (the last is the intercept).
PICK_FEATURES = (
    "share_logit",
    "runner_up_gap",
    "single_candidate",
    "log_candidates",
    "country_share",
    "country_named",
    "division_named",
    "closeness",
    "is_wide",
    "is_division",
    "is_settlement",
    "log_population",
    "alternate_name",
    "unsupported_country",
    "other_country_leads",
    "prior_favourite",
    "prior_margin",
    "intercept",
)
WEIGHTS_FILE = "ranker.json"
#: The focus confidence of weights that do not record one (a guess: the pick is a fallback).
DEFAULT_FOCUS_CONFIDENCE = 0.05
#: Shares are clipped this far from 0 and 1 before taking their logit.
_SHARE_EPSILON = 1e-4


@dataclass(frozen=True, slots=True)
class Ranker:
    """Candidate weights (a score per candidate) and calibration weights (P(pick is right))."""

    candidate_weights: tuple[float, ...]
    pick_weights: tuple[float, ...]
    trained_on: str = ""
    """What the weights were fitted on (corpora, data version), as the weights file records it."""
    focus_confidence: float = DEFAULT_FOCUS_CONFIDENCE
    """P(right) of a given name the gazetteer lacks, placed at the article's focus: the share
    of such names in the training corpora that lie within 161 km of it."""

    def score(self, features: tuple[float, ...]) -> float:
        """A candidate's score: higher is likelier; softmax over a name's candidates.

        An exactly rounded sum (fsum) of the products, as the weights were fitted: a plain
        or numpy dot product may differ in the last bit and reorder tied candidates.
        `map(mul, ...)` keeps the products in C (a generator costs a Python step each).
        """
        if len(features) != len(self.candidate_weights):
            raise ValueError(f"{len(features)} features for {len(self.candidate_weights)} weights")
        return math.fsum(map(mul, self.candidate_weights, features))

    def confidence(self, features: tuple[float, ...]) -> float:
        """The calibrated probability that a pick with these features is right."""
        if len(features) != len(self.pick_weights):
            raise ValueError(f"{len(features)} features for {len(self.pick_weights)} weights")
        z = math.fsum(map(mul, self.pick_weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return (
            json.dumps(
                {
                    "trained_on": self.trained_on,
                    "candidate_features": dict(zip(CANDIDATE_FEATURES, self.candidate_weights, strict=True)),
                    "pick_features": dict(zip(PICK_FEATURES, self.pick_weights, strict=True)),
                    "focus_confidence": self.focus_confidence,
                },
                indent=2,
            )
            + "\n"
        )

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        """Read weights written by to_json; a feature missing from the file weighs 0."""
        data = json.loads(text)
        candidate = data["candidate_features"]
        pick = data["pick_features"]
        return cls(
            tuple(float(candidate.get(name, 0.0)) for name in CANDIDATE_FEATURES),
            tuple(float(pick.get(name, 0.0)) for name in PICK_FEATURES),
            str(data.get("trained_on", "")),
            float(data.get("focus_confidence", DEFAULT_FOCUS_CONFIDENCE)),
        )


@lru_cache(maxsize=8)
def load_ranker(path: Path | None = None) -> Ranker:
    """The shipped weights, or those at `path` (leave-one-corpus-out runs of the training script)."""
    if path is None:
        text = (resources.files("geomap.resolve") / WEIGHTS_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return Ranker.from_json(text)


def share_logit(share: float) -> float:
    """log(p / (1 - p)) of a softmax share, clipped so that 0 and 1 stay finite."""
    p = min(max(share, _SHARE_EPSILON), 1.0 - _SHARE_EPSILON)
    return math.log(p / (1.0 - p))


def softmax_shares(scores: list[float]) -> list[float]:
    """Each score's share of exp(score) over all of them (the largest is 1 / sum)."""
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = math.fsum(weights)
    return [weight / total for weight in weights]
