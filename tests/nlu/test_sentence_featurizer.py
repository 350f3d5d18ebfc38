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


def training_texts() -> list[str]:
    """Every language's training examples (data/nlu/<lang>/), as the featurizers see them."""
    import yaml

    texts = []
    for path in sorted(Path("data/nlu").glob("*/*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            examples = block.get("examples") if isinstance(block, dict) else None
            texts += [line[2:] for line in (examples or "").splitlines() if line.startswith("- ")]
    return texts


@pytest.mark.parametrize(
    "config",
    [
        {"token_pattern": r"(?u)\b\w+\b"},
        {"analyzer": "char_wb", "ngram_range": (1, 4), "token_pattern": None},
        {"analyzer": "char", "ngram_range": (2, 5), "token_pattern": None},
    ],
    ids=["words", "char_wb 1-4", "char 2-5"],
)
def test_direct_counts_are_sklearns_transform_entry_for_entry(config: dict[str, Any]) -> None:
    """config.yml's three featurizers: the counted matrix is transform's, sorted, as COO (data,
    row, col, their dtypes, shape), on texts of every language and on unseen ones."""
    from sklearn.feature_extraction.text import CountVectorizer

    from bot.nlu.sentence_featurizer import sentence_counts

    texts = training_texts()
    assert len(texts) > 1000
    half = texts[::2]  # fitted on half: the other half has words and n-grams it never saw
    vectorizer = CountVectorizer(lowercase=True, **config).fit(half)
    for text in [*texts, "zzzz qqqq", "", "   ", "Ça VA ? ÉTÉ", "بالتوفيق ✓ 123"]:
        expected = vectorizer.transform([text])
        expected.sort_indices()
        expected = expected.tocoo()
        ours = sentence_counts(vectorizer, text)
        assert ours.shape == expected.shape
        for field in ("data", "row", "col"):
            assert getattr(ours, field).dtype == getattr(expected, field).dtype, field
            assert np.array_equal(getattr(ours, field), getattr(expected, field)), (text, field)


def test_direct_counts_fall_back_to_transform_when_unfitted_or_binary() -> None:
    from sklearn.exceptions import NotFittedError
    from sklearn.feature_extraction.text import CountVectorizer

    from bot.nlu.sentence_featurizer import sentence_counts

    with pytest.raises(NotFittedError):
        sentence_counts(CountVectorizer(), "bus bus")
    binary = CountVectorizer(binary=True).fit(["bus times", "bus stop"])
    assert sentence_counts(binary, "bus bus times").data.tolist() == [1, 1]
