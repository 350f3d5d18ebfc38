"""Rasa's CountVectorsFeaturizer, sentence features only.

Rasa's featurizer also makes a per-token (sequence) matrix for every message, which DIET and TED
read. Nothing in this pipeline does: the intent classifier reads sentence features and the CRF
its own token features. The sequence matrices were half of the featurizers' work per message
(one sklearn transform of two per featurizer), so this one leaves them out. Put Rasa's own
featurizer back if DIET or TED ever return. It overrides Rasa 3.6's private `_create_features`;
tests/nlu/test_sentence_featurizer.py compares it with Rasa's featurizer, so an upgrade that
changes that method fails there.
"""

from __future__ import annotations

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)

Matrices = list[scipy.sparse.spmatrix | None]


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
        sentences: Matrices = []
        for tokens in all_tokens:
            if not tokens:
                sentences.append(None)
                continue
            vector = vectorizer.transform([" ".join(tokens)])
            vector.sort_indices()
            sentences.append(vector.tocoo())
        return sequences, sentences
