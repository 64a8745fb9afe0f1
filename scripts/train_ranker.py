"""Fit the resolver's ranker and calibrator on the gold corpora; write geomap/resolve/ranker.json.

    python scripts/train_ranker.py lgl.xml TR-News.xml GeoVirus.xml [--loco] [--objective O] [--out FILE]

Numpy only; deterministic:

1. The ranker: score = w . features (geomap.resolve.ranker.CANDIDATE_FEATURES) over each
   ambiguous name's candidates. A gold toponym's candidates within 161 km of its gold point
   are right; names with none are left out. `--objective accuracy` (the default) fits w by
   coordinate ascent on the number of names whose best-scored candidate is right
   (fit_accuracy); `likelihood`, by Newton's method on a conditional logit with an L2 pull
   towards the hand-set weights (fit_ranker, `--l2`; `inf` keeps the hand-set weights).
   Features depend on the article's other picks, so features are extracted, weights fitted,
   and features extracted again with the new weights (ROUNDS times), starting from the
   hand-set weights.
2. The calibrator, a logistic model of P(the pick lies within 161 km of the gold point) over
   PICK_FEATURES (Newton's method, L2), fitted on every resolved gold toponym with the final
   ranker: the confidence.
3. The focus confidence: of the gold toponyms the gazetteer has no candidate for, which the
   resolver places at the article's focus, the share within 161 km (Laplace-smoothed).

--loco also trains on every pair of corpora and scores the third (gold spans and end to end),
printing acc@161, exact-id accuracy, F1 and expected calibration error per held-out corpus.
The corpora are read at training time only; nothing of them is written but the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gazetteer import Gazetteer
from geomap.evaluate.corpora import Corpus, GoldToponym, read_corpus
from geomap.evaluate.metrics import ACCURACY_KM, evaluate
from geomap.geodesy import haversine_km
from geomap.model import Mention
from geomap.pipeline import Geoparser
from geomap.resolve.joint import RankDetail
from geomap.resolve.ranker import CANDIDATE_FEATURES, PICK_FEATURES, Ranker

OUT = Path(__file__).resolve().parent.parent / "geomap" / "resolve" / "ranker.json"
#: Extract-then-fit passes of the ranker.
ROUNDS = 3
#: L2 penalties (on standardised features) of the ranker and the calibrator.
RANKER_L2 = math.inf
CALIBRATOR_L2 = 1.0
NEWTON_STEPS = 30
#: The hand-set weights the first extraction uses (geomap 0.1's resolver).
HAND_WEIGHTS = {
    "prior": 1.0,
    "kind_cue": 8.0,
    "country_share": 4.0,
    "country_named": 1.0,
    "division_named": 2.0,
    "division_share": 2.0,
    "contains_share": 2.0,
    "qualifier": 8.0,
    "closeness": 2.0,
}


@dataclass
class Examples:
    """Training rows of one corpus: ranker groups (features, index of the right one) and picks."""

    groups: list[tuple[np.ndarray, int]]
    acceptable: list[np.ndarray]
    """Per group: which candidates lie within 161 km of the gold point (any of them is right)."""
    picks: list[tuple[np.ndarray, bool]]
    focus: list[bool]
    """Whether each gold toponym without candidates, placed at its article's focus, is right."""


def hand_ranker() -> Ranker:
    candidate = tuple(HAND_WEIGHTS.get(name, 0.0) for name in CANDIDATE_FEATURES)
    pick = tuple(1.0 if name == "share_logit" else 0.0 for name in PICK_FEATURES)
    return Ranker(candidate, pick, "hand-set")


def extract(corpus: Corpus, gazetteer: Gazetteer, ranker: Ranker) -> Examples:
    """The ranker's view of every gold toponym of the corpus, with the weights `ranker` has."""
    parser = Geoparser(gazetteer, ranker=ranker)
    examples = Examples([], [], [], [])
    for article in corpus.articles:
        gold = {(t.start, t.end): t for t in article.toponyms}
        spans = [(t.start, t.end) for t in article.toponyms]
        details = parser.rank_details(article.text, spans)
        placed = parser.resolve_spans(article.text, spans)
        examples.focus.extend(_focus_outcomes(article.toponyms, details, placed))
        for detail in details:
            toponym = gold.get((detail.start, detail.end))
            if toponym is None or toponym.lat is None or toponym.lon is None:
                continue
            lat, lon = toponym.lat, toponym.lon
            errors = [haversine_km(lat, lon, place.lat, place.lon) for place in detail.candidates]
            if detail.features:
                best = min(range(len(errors)), key=errors.__getitem__)
                if errors[best] <= ACCURACY_KM:
                    examples.groups.append((np.array(detail.features, dtype=float), best))
                    examples.acceptable.append(np.array(errors) <= ACCURACY_KM)
            right = haversine_km(lat, lon, detail.chosen.lat, detail.chosen.lon) <= ACCURACY_KM
            examples.picks.append((np.array(detail.pick, dtype=float), right))
    return examples


def _focus_outcomes(
    toponyms: Sequence[GoldToponym], details: Sequence[RankDetail], mentions: Sequence[Mention]
) -> Iterator[bool]:
    """For each located gold toponym that had no candidate but was placed: within 161 km?"""
    ranked = {(d.start, d.end) for d in details}
    placed = {(m.start, m.end): m.place for m in mentions if m.place is not None}
    for toponym in toponyms:
        span = (toponym.start, toponym.end)
        place = placed.get(span)
        if toponym.lat is None or toponym.lon is None or span in ranked or place is None:
            continue
        yield haversine_km(toponym.lat, toponym.lon, place.lat, place.lon) <= ACCURACY_KM


def fit_focus_confidence(outcomes: Sequence[bool]) -> float:
    """The share of right focus placements, Laplace-smoothed: (right + 1) / (all + 2)."""
    return (sum(outcomes) + 1) / (len(outcomes) + 2)


def fit_ranker(groups: list[tuple[np.ndarray, int]], l2: float) -> np.ndarray:
    """Weights maximising sum log softmax(X w)[right] - l2/2 |w - hand|^2 (features standardised).

    The penalty pulls towards the hand-set weights, not towards 0: the data move a weight
    only as far as they support, and a feature they say nothing about keeps its old weight.
    """
    scale = _scale(np.vstack([x for x, _ in groups]))
    centre = np.array([HAND_WEIGHTS.get(name, 0.0) for name in CANDIDATE_FEATURES]) * scale
    w = centre.copy()
    for _ in range(NEWTON_STEPS):
        gradient = -l2 * (w - centre)
        hessian = -l2 * np.eye(len(w))
        for x, right in groups:
            z = x / scale
            p = _softmax(z @ w)
            mean = p @ z
            gradient += z[right] - mean
            hessian -= (z.T * p) @ z - np.outer(mean, mean)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w / scale


#: Steps coordinate ascent tries on each candidate weight, smallest change first.
ASCENT_STEPS = (0.25, -0.25, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 4.0, -4.0, 8.0, -8.0)
ASCENT_PASSES = 6
#: A step is taken only if it resolves at least this share of the training names more: smaller
#: gains are the corpora's noise (1, 3 and 6 names were tried; see docs/evaluation.md).
ASCENT_MIN_GAIN = 0.001
#: Ties among a name's candidates go to the earlier one (the resolver's stable sort): a score
#: lowered by this much per position breaks them the same way.
_TIE_BREAK = 1e-9


class GroupScorer:
    """Accuracy of candidate weights on fixed feature rows, per corpus: how many names each
    resolves within 161 km with its best-scored candidate (ties going to the earlier one)."""

    def __init__(
        self, corpora: Sequence[tuple[Sequence[tuple[np.ndarray, int]], Sequence[np.ndarray]]]
    ) -> None:
        groups = [g for corpus_groups, _ in corpora for g in corpus_groups]
        self.rows = np.vstack([x for x, _ in groups])
        sizes = np.array([len(x) for x, _ in groups])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.positions = np.concatenate([np.arange(size) for size in sizes]) * _TIE_BREAK
        self.ok = np.concatenate([a for _, acceptable in corpora for a in acceptable])
        self.owner = np.repeat(np.arange(len(sizes)), sizes)
        corpus_of_group = np.repeat(np.arange(len(corpora)), [len(g) for g, _ in corpora])
        self.corpus = corpus_of_group[self.owner]
        self.corpora = len(corpora)

    def scores(self, weights: np.ndarray) -> np.ndarray:
        return self.rows @ weights - self.positions

    def right(self, scores: np.ndarray) -> np.ndarray:
        """How many names of each corpus the scores resolve within 161 km."""
        best = np.maximum.reduceat(scores, self.starts)
        hits = self.ok & (scores == best[self.owner])
        return np.bincount(self.corpus[hits], minlength=self.corpora)


def fit_accuracy(corpora: Sequence[Examples]) -> np.ndarray:
    """Weights resolving more of the training names within 161 km, by coordinate ascent.

    Maximum likelihood over candidates (fit_ranker) does not maximise accuracy here: it trades
    a few confident names for many close calls. This starts from the hand-set weights and
    moves one weight at a time by the step (ASCENT_STEPS, smallest first) that resolves the
    most names of all the corpora together, if it resolves ASCENT_MIN_GAIN of them more. (A
    rule that no corpus may lose a name took too few steps: see docs/evaluation.md.)
    Deterministic.
    """
    scorer = GroupScorer([(e.groups, e.acceptable) for e in corpora])
    least = max(1, math.ceil(ASCENT_MIN_GAIN * len(scorer.starts)))
    w = np.array([HAND_WEIGHTS.get(name, 0.0) for name in CANDIDATE_FEATURES])
    current = scorer.scores(w)
    best = scorer.right(current)
    for _ in range(ASCENT_PASSES):
        improved = False
        for feature in range(len(w)):
            column = scorer.rows[:, feature]
            if not column.any():
                continue
            step, chosen = 0.0, best
            for candidate in ASCENT_STEPS:
                trial = scorer.right(current + candidate * column)
                if trial.sum() > chosen.sum() and trial.sum() - best.sum() >= least:
                    step, chosen = candidate, trial
            if step:
                w[feature] += step
                current = current + step * column
                best, improved = chosen, True
        if not improved:
            break
    return w


def fit_calibrator(picks: list[tuple[np.ndarray, bool]]) -> np.ndarray:
    """Logistic regression of right ~ pick features (the last is the intercept, not penalised)."""
    x = np.vstack([row for row, _ in picks])
    y = np.array([float(right) for _, right in picks])
    scale = _scale(x)
    scale[-1] = 1.0
    z = x / scale
    penalty = np.full(z.shape[1], CALIBRATOR_L2)
    penalty[-1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (y - p) - penalty * w
        hessian = -(z.T * (p * (1 - p))) @ z - np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w / scale


def _scale(x: np.ndarray) -> np.ndarray:
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return scale


def _softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max())
    return e / e.sum()


def train(
    corpora: list[Corpus],
    gazetteer: Gazetteer,
    label: str,
    l2: float = RANKER_L2,
    objective: str = "accuracy",
) -> Ranker:
    """Both models fitted on `corpora`, the ranker re-extracted ROUNDS times."""
    ranker = hand_ranker()
    fitted = objective == "accuracy" or not math.isinf(l2)
    for _ in range(ROUNDS if fitted else 0):
        examples = [extract(corpus, gazetteer, ranker) for corpus in corpora]
        groups = [g for e in examples for g in e.groups]
        weights = fit_accuracy(examples) if objective == "accuracy" else fit_ranker(groups, l2)
        ranker = Ranker(tuple(_round(weights)), ranker.pick_weights, label)
    examples = [extract(corpus, gazetteer, ranker) for corpus in corpora]
    calibration = fit_calibrator([p for e in examples for p in e.picks])
    focus = fit_focus_confidence([right for e in examples for right in e.focus])
    return Ranker(ranker.candidate_weights, tuple(_round(calibration)), label, float(f"{focus:.6g}"))


def _round(values: np.ndarray) -> list[float]:
    """Weights to 6 significant digits: the file stays readable and identical across machines."""
    return [float(f"{value:.6g}") for value in values]


def describe(paths: list[Path], gazetteer: Gazetteer) -> str:
    digests = ", ".join(f"{p.name} sha256:{hashlib.sha256(p.read_bytes()).hexdigest()[:12]}" for p in paths)
    return f"{digests}; gazetteer {gazetteer.info().fingerprint}; scripts/train_ranker.py"


def loco(paths: list[Path], corpora: list[Corpus], gazetteer: Gazetteer, l2: float, objective: str) -> None:
    """Train on all corpora but one, score the one left out; print a row per held-out corpus."""
    print("held out   acc@161 (gold spans)  exact id  ECE (gold)   F1   acc@161 (e2e)  ECE (e2e)")
    for held_out in range(len(corpora)):
        training = [c for i, c in enumerate(corpora) if i != held_out]
        ranker = train(training, gazetteer, f"all but {paths[held_out].name}", l2, objective)
        scores = evaluate(corpora[held_out], Geoparser(gazetteer, ranker=ranker), gold_spans=True)
        moved = ", ".join(
            f"{name} {weight:+g}"
            for name, weight in zip(CANDIDATE_FEATURES, ranker.candidate_weights, strict=True)
            if weight != HAND_WEIGHTS.get(name, 0.0)
        )
        print(f"  (without {corpora[held_out].name}: {moved or 'the hand-set weights'})", file=sys.stderr)
        given, end = scores.gold_spans, scores.end_to_end
        assert given is not None
        exact = "-" if given.exact_id_accuracy is None else f"{given.exact_id_accuracy:.3f}"
        print(
            f"{corpora[held_out].name:9}  {given.accuracy:20.3f}  {exact:>8}"
            f"  {given.calibration_error or 0:10.3f}  {scores.recognition.f1:.3f}  {end.accuracy:13.3f}"
            f"  {end.calibration_error or 0:9.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--loco", action="store_true", help="also report leave-one-corpus-out scores")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument(
        "--l2",
        type=float,
        default=RANKER_L2,
        help="with --objective likelihood: pull towards the hand-set weights ('inf' keeps them)",
    )
    parser.add_argument(
        "--objective",
        choices=("accuracy", "likelihood"),
        default="accuracy",
        help="fit candidate weights by accuracy (coordinate ascent) or likelihood (conditional logit, --l2)",
    )
    args = parser.parse_args()
    corpora = [read_corpus(path) for path in args.corpora]
    with Gazetteer.open(args.cache_dir) as gazetteer:
        if args.loco:
            loco(args.corpora, corpora, gazetteer, args.l2, args.objective)
        ranker = train(corpora, gazetteer, describe(args.corpora, gazetteer), args.l2, args.objective)
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text(ranker.to_json(), encoding="utf-8")
    temporary.replace(args.out)
    print(f"weights written to {args.out}; focus confidence {ranker.focus_confidence}", file=sys.stderr)
    for name, weight in zip(CANDIDATE_FEATURES, ranker.candidate_weights, strict=True):
        print(f"  {name:28} {weight:+.4f}", file=sys.stderr)
    if not math.isfinite(sum(ranker.candidate_weights)):
        raise SystemExit("weights are not finite")


if __name__ == "__main__":
    main()
