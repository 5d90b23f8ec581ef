"""Fit the coverage detector's weights (a logistic regression over its features) on development answers.

Never give it the blind corpus tests/data/coverage/coverage.jsonl. It prints cross-validated precision and
recall for a grid of thresholds, the fitted weights for `CoverageSettings`, and the figures of the fitted
detector on each file:

    PYTHONPATH=$PWD .venv/bin/python scripts/fit_coverage.py tests/data/coverage_dev/dev.jsonl \
        tests/data/coverage_dev/validation.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
from pathlib import Path

import numpy as np

from interviewer.coverage.detector import CoverageDetector, CoverageSettings
from interviewer.coverage.encoder import shared_encoder
from interviewer.coverage.evaluate import load_corpus, score_answers
from interviewer.schedule import bundled_schedules


class RememberingEncoder:
    """The bundled encoder, embedding each distinct text once (the same readings recur across fits)."""

    def __init__(self, cache: Path | None = None):
        self.encoder = shared_encoder()
        self.cache = cache
        self.known: dict[str, object] = pickle.loads(cache.read_bytes()) if cache and cache.is_file() else {}

    def encode_tokens(self, texts: list[str]) -> list:
        missing = [text for text in dict.fromkeys(texts) if text not in self.known]
        if missing:
            self.known.update(zip(missing, self.encoder.encode_tokens(missing)))
            if self.cache:
                self.cache.write_bytes(pickle.dumps(self.known))
        return [self.known[text] for text in texts]

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.array([read.pooled for read in self.encode_tokens(texts)]).reshape(len(texts), -1)


def logistic(features: np.ndarray, labels: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """Weights and bias on the raw features (fitted on standardised ones, by Newton's method)."""
    centre, scale = features.mean(0), features.std(0) + 1e-9
    design = np.c_[(features - centre) / scale, np.ones(len(features))]
    weights = np.zeros(design.shape[1])
    ridge = penalty * np.diag(np.r_[np.ones(design.shape[1] - 1), 0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ weights))
        gradient = design.T @ (p - labels) + ridge @ weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + ridge
        weights -= np.linalg.solve(hessian, gradient)
    raw = weights[:-1] / scale
    return raw, float(weights[-1] - raw @ centre)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--penalty", type=float, default=1.0)
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a CoverageSettings field to change while fitting, e.g. read_lists=False")
    parser.add_argument("--cache", type=Path, help="a file keeping embeddings between runs (a scratch file)")
    args = parser.parse_args()
    schedules = {schedule.id: schedule for schedule in bundled_schedules()}
    encoder = RememberingEncoder(args.cache)
    changes = {}
    for setting in args.setting:
        name, value = setting.split("=", 1)
        kind = type(getattr(CoverageSettings(), name))
        changes[name] = value == "True" if kind is bool else kind(value)
    base = dataclasses.replace(CoverageSettings(), **changes)
    detectors = {sid: CoverageDetector(schedule, encoder, base) for sid, schedule in schedules.items()}
    corpora = {path: load_corpus(path, schedules) for path in args.corpora}
    answers = [answer for found in corpora.values() for answer in found]

    rows, labels, owner = [], [], []
    for number, answer in enumerate(answers):
        detector = detectors[answer.schedule]
        stream = detector.stream(answer.item)
        stream.add(answer.text)
        features = stream.stretch_features(len(stream.sentences) - 1)
        rows.append(features)
        labels += [(p.item_id, p.index) in answer.covered for p in detector.prompts]
        owner += [number] * len(detector.prompts)
    features, labels, owner = np.concatenate(rows), np.array(labels, dtype=float), np.array(owner)

    def predictor(settings: CoverageSettings):
        def predict(answer) -> set[tuple[str, int]]:
            detector = detectors[answer.schedule]
            detector.settings = settings
            return {(hit.item_id, hit.index) for hit in detector.detect(answer.text, answer.item)}
        return predict

    grid = [(first, more) for first in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6) for more in (0.4, 0.5, 0.6, 0.7, 0.8)
            if more >= first]
    folds = np.random.default_rng(0).integers(0, 5, len(answers))
    totals = {pair: [0, 0, 0] for pair in grid}
    for fold in range(5):
        weights, bias = logistic(features[folds[owner] != fold], labels[folds[owner] != fold], args.penalty)
        held = [answer for answer, f in zip(answers, folds) if f == fold]
        for first, more in grid:
            settings = dataclasses.replace(base, weights=tuple(weights), bias=bias,
                                           first_threshold=first, more_threshold=more)
            score, _ = score_answers(held, predictor(settings))
            for i, count in enumerate((score.true_positives, score.predicted, score.gold)):
                totals[(first, more)][i] += count
    print("cross-validated (5 folds by answer): first/more threshold -> precision/recall")
    for (first, more), (right, predicted, gold) in totals.items():
        print(f"  {first:.2f}/{more:.2f}: {right / max(predicted, 1):.3f}/{right / gold:.3f}")

    weights, bias = logistic(features, labels, args.penalty)
    print("weights =", tuple(round(float(w), 4) for w in weights), " bias =", round(bias, 4))
    settings = dataclasses.replace(base, weights=tuple(weights), bias=bias)
    for path, found in corpora.items():
        score, _ = score_answers(found, predictor(settings))
        print(score.line(path.name))


if __name__ == "__main__":
    main()
