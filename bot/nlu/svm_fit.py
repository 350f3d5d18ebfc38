"""The linear SVM fits of the intent classifier, apart from Rasa so that worker processes import
only numpy, scipy and scikit-learn.

The classifier's cross-validation fits five or ten SVMs on folds of the training data, and the
final one on all of it: the longest step of `rasa train`. They are independent (the final one
too, when the weighting is configured rather than chosen by the folds), so they run in a
process per core (issue 21's 3-minute training budget on 2 cores). Processes, not threads:
liblinear draws its coordinate order from one generator global to the process, which threads
would share, and the folds' results would then depend on timing; in its own process each fit
gives exactly what it gives fitted alone.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Optional

import numpy as np
import scipy.sparse

logger = logging.getLogger(__name__)

WEIGHTINGS = ("tfidf", "naive_bayes")


def fit_weights(
    features: scipy.sparse.csr_matrix,
    gold: np.ndarray,
    c: float,
    seed: int,
    weighting: str,
    classes: Optional[int] = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest linear SVMs: a weight row and a bias per intent (rows for all `classes`).

    "naive_bayes" scales each intent's features by their naive-Bayes log-count ratio before its
    SVM (NBSVM, Wang and Manning 2012) and folds the ratio back into the weights, so prediction
    is unchanged. It wins on long topical sentences (SIB-200) and loses on short FAQ questions,
    which is why "auto" lets cross-validation choose.
    """
    from sklearn.svm import LinearSVC

    if weighting not in WEIGHTINGS:
        raise ValueError(f"LinearIntentClassifier: weighting {weighting!r} not in {WEIGHTINGS}")
    classes = classes or int(gold.max()) + 1
    weights, bias = np.zeros((classes, features.shape[1])), np.zeros(classes)
    if weighting == "tfidf":
        svm = LinearSVC(C=c, random_state=seed).fit(features, gold)
        rows, coef, intercept = svm.classes_, svm.coef_, svm.intercept_
        if len(rows) == 2:  # sklearn keeps one row for two classes: the second's score
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        weights[rows], bias[rows] = coef, intercept
        return weights, bias
    present = (features > 0).astype(np.float64)
    for intent in np.unique(gold):
        positive = gold == intent
        in_intent = 1.0 + np.asarray(present[positive].sum(axis=0)).ravel()
        elsewhere = 1.0 + np.asarray(present[~positive].sum(axis=0)).ravel()
        ratio = np.log(in_intent / in_intent.sum()) - np.log(elsewhere / elsewhere.sum())
        svm = LinearSVC(C=c, random_state=seed)
        svm.fit(features @ scipy.sparse.diags(ratio), positive.astype(int))
        weights[intent], bias[intent] = svm.coef_.ravel() * ratio, svm.intercept_[0]
    return weights, bias


# One cross-validation fit: the weighting, the rows to train on, the rows to score.
Fold = tuple[str, np.ndarray, np.ndarray]


def _fold_scores(
    features: scipy.sparse.csr_matrix,
    gold: np.ndarray,
    test_features: scipy.sparse.csr_matrix,
    c: float,
    seed: int,
    weighting: str,
    classes: int,
) -> np.ndarray:
    weights, bias = fit_weights(features, gold, c, seed, weighting, classes=classes)
    return np.asarray(test_features @ weights.T + bias)


def fit_in_parallel(
    features: scipy.sparse.csr_matrix,
    gold: np.ndarray,
    folds: Iterable[Fold],
    c: float,
    seed: int,
    final: Optional[str] = None,
    processes: Optional[int] = None,
) -> tuple[list[np.ndarray], Optional[tuple[np.ndarray, np.ndarray]]]:
    """Each fold's held-out scores (its test rows x every intent of `gold`), in the folds'
    order, and with `final` (a weighting) the fit on every row with it, beside the folds rather
    than after them: one more job for the pool instead of a step that keeps one core idle. In
    up to `processes` (default: the cores) worker processes, one after another when there is
    one core or the workers cannot start. The workers are forked: "spawn" and "forkserver"
    first import the main module again (all of Rasa under `rasa train`: more than the folds
    gain). They run only numpy, scipy and liblinear, none of the locks other threads may hold."""
    classes = int(gold.max()) + 1
    jobs: list[tuple[Any, ...]] = [
        (features[train], gold[train], features[test], c, seed, weighting, classes)
        for weighting, train, test in folds
    ]
    if final is not None:  # first: the longest job, on every row
        jobs.insert(0, (features, gold, None, c, seed, final, classes))
    processes = min(processes or os.cpu_count() or 1, len(jobs))
    results: Optional[list[Any]] = None
    if processes > 1:
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(processes, mp_context=context) as pool:
                results = list(pool.map(_job, jobs))
        except (OSError, BrokenProcessPool, ValueError) as error:
            logger.warning("Intent classifier folds fitted one by one (%s)", error)
    if results is None:
        results = [_job(job) for job in jobs]
    if final is None:
        return results, None
    return results[1:], results[0]


def _job(job: tuple[Any, ...]) -> Any:
    """A fold's held-out scores, or (no test rows) the weights and bias of a fit on all rows."""
    features, gold, test_features, c, seed, weighting, classes = job
    if test_features is None:
        return fit_weights(features, gold, c, seed, weighting, classes=classes)
    return _fold_scores(features, gold, test_features, c, seed, weighting, classes)
