"""The intent classifier's cross-validation folds fitted in worker processes give exactly what
they give fitted one after another (bot/nlu/svm_fit.py: liblinear's generator is per process)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from sklearn.model_selection import StratifiedKFold

from bot.nlu.svm_fit import WEIGHTINGS, fit_in_parallel, fit_weights, fold_scores_in_parallel


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_folds_in_processes_equal_folds_one_by_one(
    weighting: str, caplog: pytest.LogCaptureFixture
) -> None:
    rng = np.random.default_rng(7)
    features = scipy.sparse.random(
        600, 400, density=0.05, format="csr", random_state=np.random.RandomState(3)
    )
    gold = rng.integers(0, 6, 600)
    splits = StratifiedKFold(5, shuffle=True, random_state=2027).split(features, gold)
    folds = [(weighting, train, test) for train, test in splits]
    in_processes = fold_scores_in_parallel(features, gold, folds, 1.5, 2027, processes=2)
    assert "one by one" not in caplog.text  # the worker processes did start
    one_by_one = fold_scores_in_parallel(features, gold, folds, 1.5, 2027, processes=1)
    assert len(in_processes) == 5
    for parallel, sequential, (_, _, test) in zip(in_processes, one_by_one, folds, strict=True):
        assert parallel.shape == (len(test), 6)
        np.testing.assert_array_equal(parallel, sequential)


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_the_final_fit_beside_the_folds_equals_it_fitted_alone(weighting: str) -> None:
    rng = np.random.default_rng(11)
    features = scipy.sparse.random(
        500, 300, density=0.05, format="csr", random_state=np.random.RandomState(5)
    )
    gold = rng.integers(0, 5, 500)
    splits = StratifiedKFold(5, shuffle=True, random_state=2027).split(features, gold)
    folds = [(weighting, train, test) for train, test in splits]
    alone = fit_weights(features, gold, 1.5, 2027, weighting)
    for processes in (2, 1):
        scores, final = fit_in_parallel(
            features, gold, folds, 1.5, 2027, final=weighting, processes=processes
        )
        assert final is not None and len(scores) == 5
        for beside, after in zip(final, alone, strict=True):
            np.testing.assert_array_equal(beside, after)
        for with_final, without in zip(
            scores, fold_scores_in_parallel(features, gold, folds, 1.5, 2027), strict=True
        ):
            np.testing.assert_array_equal(with_final, without)
