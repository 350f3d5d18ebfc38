"""The intent classifier's cross-validation folds fitted in worker processes give exactly what
they give fitted one after another (bot/nlu/svm_fit.py: liblinear's generator is per process)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from sklearn.model_selection import StratifiedKFold

from bot.nlu.svm_fit import (
    WEIGHTINGS,
    Fold,
    fit_in_parallel,
    fit_weights,
)


def _problem(
    weighting: str, rows: int, columns: int, intents: int, seed: int
) -> tuple[scipy.sparse.csr_matrix, np.ndarray, list[Fold]]:
    """Random sparse features, random intents, and five stratified folds of them."""
    features = scipy.sparse.random(
        rows, columns, density=0.05, format="csr", random_state=np.random.RandomState(seed)
    )
    gold = np.random.default_rng(seed).integers(0, intents, rows)
    splits = StratifiedKFold(5, shuffle=True, random_state=2027).split(features, gold)
    return features, gold, [(weighting, train, test) for train, test in splits]


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_folds_in_processes_equal_folds_one_by_one(
    weighting: str, caplog: pytest.LogCaptureFixture
) -> None:
    features, gold, folds = _problem(weighting, rows=600, columns=400, intents=6, seed=7)
    in_processes = fit_in_parallel(features, gold, folds, 1.5, 2027, processes=2)[0]
    assert "one by one" not in caplog.text  # the worker processes did start
    one_by_one = fit_in_parallel(features, gold, folds, 1.5, 2027, processes=1)[0]
    assert len(in_processes) == 5
    for parallel, sequential, (_, _, test) in zip(in_processes, one_by_one, folds, strict=True):
        assert parallel.shape == (len(test), 6)
        np.testing.assert_array_equal(parallel, sequential)


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_the_final_fit_beside_the_folds_equals_it_fitted_alone(weighting: str) -> None:
    features, gold, folds = _problem(weighting, rows=500, columns=300, intents=5, seed=11)
    alone = fit_weights(features, gold, 1.5, 2027, weighting)
    for processes in (2, 1):
        scores, final = fit_in_parallel(
            features, gold, folds, 1.5, 2027, final=weighting, processes=processes
        )
        assert final is not None and len(scores) == 5
        for beside, after in zip(final, alone, strict=True):
            np.testing.assert_array_equal(beside, after)
        for with_final, without in zip(
            scores, fit_in_parallel(features, gold, folds, 1.5, 2027)[0], strict=True
        ):
            np.testing.assert_array_equal(with_final, without)
