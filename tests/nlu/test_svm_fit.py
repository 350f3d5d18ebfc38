"""The intent classifier's cross-validation folds fitted in worker processes give exactly what
they give fitted one after another (bot/nlu/svm_fit.py: liblinear's generator is per process)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from sklearn.model_selection import StratifiedKFold

from bot.nlu.svm_fit import WEIGHTINGS, fold_scores_in_parallel


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
