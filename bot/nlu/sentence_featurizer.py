"""Rasa's CountVectorsFeaturizer, sentence features only.

Rasa's featurizer also makes a per-token (sequence) matrix for every message, which DIET and TED
read. Nothing in this pipeline does: the intent classifier reads sentence features and the CRF
its own token features. The sequence matrices were half of the featurizers' work per message
(one sklearn transform of two per featurizer), so this one leaves them out. Put Rasa's own
featurizer back if DIET or TED ever return. It overrides Rasa 3.6's private `_create_features`;
tests/nlu/test_sentence_featurizer.py compares it with Rasa's featurizer, so an upgrade that
changes that method fails there.

A message's counts are taken from the vectorizer's own analyzer and vocabulary (`sentence_counts`)
rather than through `CountVectorizer.transform`, whose checks and CSR building for a one-row
matrix cost more than the counting (0.13-0.14 ms against 0.08 per message and featurizer; three
featurizers run per message). The matrix is the same, entry for entry and dtype for dtype
(tests/nlu/test_sentence_featurizer.py checks it on the training data of every language).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)

Matrices = list[scipy.sparse.spmatrix | None]


def sentence_counts(
    vectorizer: Any, text: str, analyzer: Callable[[str], list[str]] | None = None
) -> scipy.sparse.coo_matrix:
    """`vectorizer.transform([text])` with sorted indices, as a COO matrix, counted directly: the
    analyzer's features that are in the fitted vocabulary, each with its count. Falls back to
    `transform` (and its errors) for an unfitted or binary vectorizer."""
    vocabulary = getattr(vectorizer, "vocabulary_", None)
    if vocabulary is None or vectorizer.binary:
        vector = vectorizer.transform([text])
        vector.sort_indices()
        return vector.tocoo()
    counts: dict[int, int] = {}
    for feature in (analyzer or vectorizer.build_analyzer())(text):
        index = vocabulary.get(feature)
        if index is not None:
            counts[index] = counts.get(index, 0) + 1
    columns = sorted(counts)
    return scipy.sparse.coo_matrix(
        (
            np.array([counts[c] for c in columns], dtype=vectorizer.dtype),
            (np.zeros(len(columns), dtype=np.int32), np.array(columns, dtype=np.int32)),
        ),
        shape=(1, len(vocabulary)),
    )


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    def _create_features(
        self, attribute: str, all_tokens: list[list[str]]
    ) -> tuple[Matrices, Matrices]:
        """(no sequence features, a sentence vector per message) for each message's tokens."""
        vectorizer = self.vectorizers.get(attribute)
        sequences: Matrices = [None] * len(all_tokens)
        if not vectorizer or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
            return sequences, [None] * len(all_tokens)
        analyzer = vectorizer.build_analyzer()
        sentences: Matrices = [
            sentence_counts(vectorizer, " ".join(tokens), analyzer) if tokens else None
            for tokens in all_tokens
        ]
        return sequences, sentences
