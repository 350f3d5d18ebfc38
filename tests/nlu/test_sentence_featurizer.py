"""The sentence-only featurizer: the same sentence features as Rasa's CountVectorsFeaturizer,
no per-token ones, and the same intents from a trained pipeline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from tests.nlu.tiny_training import EXAMPLES, train_tiny_nlu

if TYPE_CHECKING:
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )

TEXTS = ["when is lunch served", "navette pour la base", "متى الباص", "bus ?"]


def featurized(
    featurizer_class: type[CountVectorsFeaturizer], config: dict[str, Any], tmp_path: Path
) -> list:
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    training = TrainingData(
        [Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts]
    )
    tokenizer.process_training_data(training)
    storage = tmp_path / featurizer_class.__name__
    storage.mkdir()
    featurizer = featurizer_class.create(
        {**featurizer_class.get_default_config(), **config},
        LocalModelStorage(storage),
        Resource(featurizer_class.__name__),
        ExecutionContext(GraphSchema({}), "test"),
    )
    featurizer.train(training)
    messages = [Message(data={"text": t}) for t in TEXTS]
    tokenizer.process(messages)
    featurizer.process(messages)
    return [m.get_sparse_features("text") for m in messages]


@pytest.mark.parametrize(
    "config", [{}, {"analyzer": "char", "min_ngram": 2, "max_ngram": 5}], ids=["words", "chars"]
)
def test_same_sentence_features_as_rasas_featurizer_and_no_sequence(
    config: dict[str, Any], tmp_path: Path
) -> None:
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )

    from bot.nlu.sentence_featurizer import SentenceCountVectorsFeaturizer

    rasa = featurized(CountVectorsFeaturizer, config, tmp_path)
    ours = featurized(SentenceCountVectorsFeaturizer, config, tmp_path)
    for (rasa_sequence, rasa_sentence), (our_sequence, our_sentence) in zip(
        rasa, ours, strict=True
    ):
        assert rasa_sequence is not None and our_sequence is None
        assert our_sentence is not None
        assert our_sentence.features.shape == rasa_sentence.features.shape
        assert np.array_equal(our_sentence.features.toarray(), rasa_sentence.features.toarray())


def test_a_pipeline_with_it_parses_as_with_rasas_featurizer(tmp_path: Path) -> None:
    from rasa.core.agent import Agent

    def pipeline(featurizer: str) -> dict[str, Any]:
        return {
            "recipe": "default.v1",
            "language": "xx",
            "assistant_id": "sentence-featurizer-test",
            "pipeline": [
                {"name": "WhitespaceTokenizer"},
                {"name": featurizer},
                {"name": featurizer, "analyzer": "char", "min_ngram": 2, "max_ngram": 5},
                {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
            ],
            "policies": [],
        }

    rankings = []
    for featurizer in (
        "CountVectorsFeaturizer",
        "bot.nlu.sentence_featurizer.SentenceCountVectorsFeaturizer",
    ):
        folder = tmp_path / featurizer
        folder.mkdir()
        agent = Agent.load(train_tiny_nlu(pipeline(featurizer), EXAMPLES, folder, name="m"))
        parsed = [asyncio.run(agent.parse_message(t)) for t in TEXTS]
        rankings.append(
            [[(r["name"], r["confidence"]) for r in p["intent_ranking"]] for p in parsed]
        )
    for rasa, ours in zip(*rankings, strict=True):
        assert [name for name, _ in ours] == [name for name, _ in rasa]
        assert [c for _, c in ours] == pytest.approx([c for _, c in rasa], abs=1e-6)
