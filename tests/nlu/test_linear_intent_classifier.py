"""The linear intent classifier: its TF-IDF matches sklearn's, its confidences are probabilities,
it trains and parses inside a Rasa pipeline, and it is stored without pickle."""

from __future__ import annotations

import asyncio
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse

from bot.nlu.linear_intent_classifier import (
    WEIGHTINGS,
    LinearIntentClassifier,
    fit_temperature,
    fit_weights,
    inverse_document_frequency,
    softmax,
    tfidf,
)
from tests.nlu.tiny_training import EXAMPLES, train_tiny_nlu


def test_tfidf_matches_sklearn() -> None:
    from sklearn.feature_extraction.text import TfidfTransformer

    counts = scipy.sparse.random(40, 30, density=0.2, random_state=1, format="csr")
    counts.data = np.ceil(counts.data * 4)
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    ours = tfidf(counts, inverse_document_frequency(counts))
    assert np.allclose(ours.toarray(), expected.toarray())


def test_a_messages_probabilities_are_those_of_its_full_tfidf_row() -> None:
    from bot.nlu.linear_intent_classifier import LinearModel

    rng = np.random.default_rng(3)
    words = scipy.sparse.random(30, 12, density=0.3, random_state=4, format="csr")
    words.data = np.ceil(words.data * 3)
    dense = scipy.sparse.csr_matrix(rng.normal(size=(30, 5)))
    model = LinearModel(
        intents=["a", "b", "c"],
        block_sizes=[12, 5],
        idf=[inverse_document_frequency(words), None],
        weights=rng.normal(size=(3, 17)).astype(np.float32),
        bias=rng.normal(size=3).astype(np.float32),
        temperature=0.7,
    )
    for i in range(30):
        blocks = [words[i], dense[i]]
        row = scipy.sparse.hstack([tfidf(b, idf) for b, idf in zip(blocks, model.idf, strict=True)])
        expected = softmax(np.asarray(row @ model.weights.T + model.bias), model.temperature)
        assert np.allclose(model.probabilities(blocks), expected, atol=1e-6)


def test_dense_block_is_only_normalised() -> None:
    row = scipy.sparse.csr_matrix(np.array([[3.0, 4.0]]))
    assert np.allclose(tfidf(row, None).toarray(), [[0.6, 0.8]])


def test_softmax_rows_are_probabilities() -> None:
    probabilities = softmax(np.array([[2.0, 1.0, -1.0], [0.0, 0.0, 0.0]]), 0.5)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert probabilities[0].argmax() == 0
    assert np.allclose(probabilities[1], 1 / 3)


def topical_documents(seed: int) -> tuple[scipy.sparse.csr_matrix, np.ndarray]:
    """Long texts of common words, each topic given away by a few rare words half the time:
    the kind of data (SIB-200's sentences) where naive-Bayes weighting helps a linear SVM."""
    rng = np.random.default_rng(seed)
    gold = np.repeat(np.arange(3), 60)
    counts = rng.poisson(0.2, size=(len(gold), 300)).astype(float)
    for row, topic in enumerate(gold):
        for word in range(3):
            if rng.random() < 0.5:
                counts[row, 281 + 3 * topic + word] += 1
    counts = scipy.sparse.csr_matrix(counts)
    return tfidf(counts, inverse_document_frequency(counts)), gold


def test_naive_bayes_weights_are_each_intents_svm_on_ratio_scaled_features() -> None:
    """The log-count ratio folded into the weights gives the scores of the SVM trained on the
    scaled features, so prediction needs no extra step."""
    from sklearn.svm import LinearSVC

    features, gold = topical_documents(0)
    weights, bias = fit_weights(features, gold, 0.5, 7, "naive_bayes")
    present = (features.toarray() > 0).astype(float)
    for intent in range(3):
        inside = 1 + present[gold == intent].sum(axis=0)
        outside = 1 + present[gold != intent].sum(axis=0)
        ratio = np.log(inside / inside.sum()) - np.log(outside / outside.sum())
        scaled = features.toarray() * ratio
        svm = LinearSVC(C=0.5, random_state=7).fit(scaled, (gold == intent).astype(int))
        ours = features.toarray() @ weights[intent] + bias[intent]
        assert np.allclose(ours, svm.decision_function(scaled), atol=1e-6)


def test_auto_weighting_takes_the_better_cross_validated_one() -> None:
    classifier = LinearIntentClassifier({}, None, None)  # type: ignore[arg-type]
    for seed in range(3):
        features, gold = topical_documents(seed)
        chosen, held_out, fitted = classifier._choose_weighting(features, gold)
        assert chosen == "naive_bayes"
        assert held_out is not None and held_out.shape == (len(gold), 3)
        assert fitted is None  # the folds choose first; the final fit follows them
    fixed = LinearIntentClassifier({"weighting": "tfidf"}, None, None)  # type: ignore[arg-type]
    chosen, _, fitted = fixed._choose_weighting(features, gold)
    assert chosen == "tfidf" and fitted is not None
    # The final fit made beside the folds is the one made after them.
    after = fit_weights(features, gold, 0.5, 2027, "tfidf")
    for made_beside, made_after in zip(fitted, after, strict=True):
        np.testing.assert_array_equal(made_beside, made_after)
    with pytest.raises(ValueError, match="weighting"):
        fit_weights(features, gold, 0.5, 7, "bm25")


def test_temperature_sharpens_confident_correct_scores_and_softens_wrong_ones() -> None:
    gold = np.array([0, 1, 2] * 20)
    right = np.eye(3)[gold] * 0.5  # small margins, always right: sharpen (T < 1)
    wrong = np.eye(3)[(gold + 1) % 3] * 2.0  # large margins, often wrong: soften (T > 1)
    wrong[::2] = np.eye(3)[gold[::2]] * 2.0
    assert fit_temperature(right, gold) < 1.0
    assert fit_temperature(wrong, gold) > 1.0


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("linear")
    config = {
        "recipe": "default.v1",
        "language": "xx",
        "assistant_id": "linear-test",
        "pipeline": [
            {"name": "bot.nlu.text_normalizer.TextNormalizer"},
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "max_ngram": 4},
            {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
            {"name": "FallbackClassifier", "threshold": 0.2},
        ],
        "policies": [],
    }
    model = train_tiny_nlu(config, EXAMPLES, folder, name="linear")
    return Path(model)


def test_parses_unseen_phrasings_in_three_languages(trained_model: Path) -> None:
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))
    expected = {
        "hello everyone": "greet",
        "what time is lunch served": "ask_meal_times",
        "horaires du dîner": "ask_meal_times",
        "متى موعد الغداء": "ask_meal_times",
        "navette aéroport ?": "ask_transport",
    }
    for text, intent in expected.items():
        result = asyncio.run(agent.parse_message(text))
        assert result["intent"]["name"] == intent, (text, result["intent"])
        ranking = result["intent_ranking"]
        confidences = [r["confidence"] for r in ranking if r["name"] != "nlu_fallback"]
        assert confidences == sorted(confidences, reverse=True)
        assert sum(confidences) == pytest.approx(1.0, abs=1e-6)


def test_is_stored_as_arrays_and_json_not_pickle(trained_model: Path, tmp_path: Path) -> None:
    import tarfile

    with tarfile.open(trained_model) as archive:
        names = [n for n in archive.getnames() if "LinearIntentClassifier" in n]
        archive.extractall(tmp_path, members=[archive.getmember(n) for n in names])
    arrays = next(tmp_path.rglob("linear_intent_classifier.npz"))
    meta = json.loads(next(tmp_path.rglob("linear_intent_classifier.json")).read_text())
    assert sorted(meta["intents"]) == sorted(EXAMPLES)
    assert meta["temperature"] > 0
    assert meta["weighting"] in WEIGHTINGS
    with zipfile.ZipFile(arrays) as npz:
        assert all(name.endswith(".npy") for name in npz.namelist())
    with np.load(arrays, allow_pickle=False) as loaded:
        assert loaded["weights"].shape[0] == len(EXAMPLES)


def test_changed_featurizers_are_refused_with_a_clear_error() -> None:
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.linear_intent_classifier import LinearIntentClassifier, LinearModel

    model = LinearModel(
        intents=["a", "b"],
        block_sizes=[5],
        idf=[np.ones(5)],
        weights=np.zeros((2, 5)),
        bias=np.zeros(2),
        temperature=1.0,
    )
    classifier = LinearIntentClassifier({}, None, None, model)  # type: ignore[arg-type]
    message = Message({"text": "hello"})
    message.add_features(
        Features(scipy.sparse.coo_matrix(np.ones((1, 7))), "sentence", "text", "cvf")
    )
    with pytest.raises(ValueError, match="retrain"):
        classifier.process([message])


def test_two_intents_are_enough(tmp_path: Path) -> None:
    """sklearn keeps a single row of weights for two classes; the model still scores both."""
    from rasa.core.agent import Agent

    config = {
        "recipe": "default.v1",
        "language": "xx",
        "assistant_id": "linear-two",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "bot.nlu.linear_intent_classifier.LinearIntentClassifier"},
        ],
        "policies": [],
    }
    two = {intent: EXAMPLES[intent] for intent in ("greet", "ask_transport")}
    agent = Agent.load(train_tiny_nlu(config, two, tmp_path, name="two"))
    for text, intent in {"hello everyone": "greet", "navette aéroport ?": "ask_transport"}.items():
        result = asyncio.run(agent.parse_message(text))
        assert result["intent"]["name"] == intent
        assert sum(r["confidence"] for r in result["intent_ranking"]) == pytest.approx(1.0)


def test_block_weights_scale_each_languages_blocks_in_training_and_parsing(
    tmp_path: Path,
) -> None:
    """Trained with Arabic rows' blocks scaled (blocks named by their featurizer's alias), the
    stored model scores a message exactly as the SVM scores its row scaled by the weights of the
    message's language, and is reloaded with them."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.nlu.language_detector import DETECTED_LANGUAGE

    words = scipy.sparse.random(60, 15, density=0.25, random_state=5, format="csr")
    chars = scipy.sparse.random(60, 40, density=0.25, random_state=6, format="csr")
    for block in (words, chars):
        block.data = np.ceil(block.data * 3)
    gold = np.arange(60) % 3
    languages = ["ar" if i % 2 else "en" for i in range(60)]
    messages = []
    for i in range(60):
        message = Message({"text": f"m{i}", "intent": "abc"[gold[i]]})
        message.set(DETECTED_LANGUAGE, languages[i])
        for name, block in (("words", words), ("chars", chars)):
            message.add_features(Features(block[i].tocoo(), "sentence", "text", name))
        messages.append(message)

    def trained(block_weights: dict) -> LinearIntentClassifier:
        config = {"weighting": "tfidf", "block_weights": block_weights}
        folder = tmp_path / ("weighted" if block_weights else "plain")
        folder.mkdir(exist_ok=True)
        classifier = LinearIntentClassifier(config, LocalModelStorage(folder), Resource("lic"))
        classifier.train(TrainingData(messages))
        return classifier

    weights_by_language = {"ar": {"words": 0.5, "chars": 2.0}}
    classifier = trained(weights_by_language)
    model = classifier.model
    assert model is not None
    row_scales = np.array([[0.5, 2.0] if lang == "ar" else [1.0, 1.0] for lang in languages])
    scaled = scipy.sparse.hstack(
        [
            scipy.sparse.diags(row_scales[:, i]) @ tfidf(block, inverse_document_frequency(block))
            for i, block in enumerate((words, chars))
        ],
        format="csr",
    )
    weights, bias = fit_weights(scaled, gold, 0.5, 2027, "tfidf")
    for i in range(60):
        expected = softmax(np.asarray(scaled[i] @ weights.T + bias), model.temperature)
        got = model.probabilities([words[i], chars[i]], languages[i])
        assert np.allclose(got, expected, atol=1e-5)

    # Parsing reads the language the detector left on the message.
    arabic = Message({"text": "m1"})
    arabic.set(DETECTED_LANGUAGE, "ar")
    for name, block in (("words", words), ("chars", chars)):
        arabic.add_features(Features(block[1].tocoo(), "sentence", "text", name))
    [parsed] = classifier.process([arabic])
    expected = model.probabilities([words[1], chars[1]], "ar")[0]
    assert parsed.get("intent")["confidence"] == pytest.approx(expected.max())
    assert not np.isclose(expected.max(), model.probabilities([words[1], chars[1]])[0].max())

    reloaded = LinearIntentClassifier.load(
        {},
        classifier._model_storage,
        classifier._resource,
        None,  # type: ignore[arg-type]
    )
    assert reloaded.model is not None and reloaded.model.block_weights == weights_by_language
    assert not np.allclose(trained({}).model.weights, model.weights)  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="block_weights"):
        trained({"ar": {"sentencepiece": 1.0}})  # no featurizer of that alias


@pytest.mark.parametrize(
    ("columns", "values"),
    [
        ([2, 5, 9], [1, 3, 2]),  # what the featurizers make: increasing columns
        ([], []),
        ([7], [0]),  # an explicit zero is kept, as CSR keeps it
        ([9, 2, 5], [2, 1, 3]),  # unsorted: converted
        ([2, 2, 5], [1, 4, 3]),  # a duplicate: converted (summed)
    ],
)
def test_row_entries_are_the_csr_forms_entries(columns: list[int], values: list[int]) -> None:
    from bot.nlu.linear_intent_classifier import row_entries

    block = scipy.sparse.coo_matrix(
        (np.array(values, dtype=np.int64), (np.zeros(len(columns), dtype=np.int32), columns)),
        shape=(1, 12),
    )
    expected = scipy.sparse.csr_matrix(block)
    got_columns, got_values = row_entries(block)
    assert got_columns.tolist() == expected.indices.tolist()
    assert got_values.tolist() == expected.data.tolist()
    assert got_values.dtype == expected.data.dtype


def test_probabilities_of_coo_blocks_are_those_of_csr_blocks_bit_for_bit() -> None:
    from bot.nlu.linear_intent_classifier import LinearModel

    rng = np.random.default_rng(5)
    words = scipy.sparse.random(20, 40, density=0.2, random_state=6, format="csr")
    words.data = np.ceil(words.data * 3)
    model = LinearModel(
        intents=["a", "b", "c"],
        block_sizes=[40],
        idf=[inverse_document_frequency(words)],
        weights=rng.normal(size=(3, 40)).astype(np.float32),
        bias=rng.normal(size=3).astype(np.float32),
        temperature=0.7,
    )
    for i in range(20):
        row = words[i]
        row.sort_indices()
        assert np.array_equal(model.probabilities([row.tocoo()]), model.probabilities([row]))


def _coo_row(columns: list[int], values: list[int], width: int = 12) -> scipy.sparse.coo_matrix:
    return scipy.sparse.coo_matrix(
        (np.array(values, dtype=np.int64), (np.zeros(len(columns), dtype=np.int32), columns)),
        shape=(1, width),
    )


def _assert_same_csr(got: scipy.sparse.csr_matrix, expected: scipy.sparse.csr_matrix) -> None:
    assert got.format == expected.format == "csr"
    assert got.shape == expected.shape
    for name in ("data", "indices", "indptr"):
        assert getattr(got, name).dtype == getattr(expected, name).dtype, name
        assert np.array_equal(getattr(got, name), getattr(expected, name)), name


@pytest.mark.parametrize(
    "rows",
    [
        # what the featurizers make: one-row COO matrices, increasing columns, some empty
        [_coo_row([2, 5, 9], [1, 3, 2]), _coo_row([], []), _coo_row([0, 11], [4, 1])],
        [_coo_row([7], [0]), _coo_row([9, 2, 5], [2, 1, 3]), _coo_row([2, 2, 5], [1, 4, 3])],
        [scipy.sparse.csr_matrix(np.array([[0.0, 1.5, 0.0, 2.0]])), np.array([[3.0, 0, 0, 1]])],
        # another dtype among the rows, several rows in one matrix: stacked as before
        [_coo_row([1], [2]), scipy.sparse.coo_matrix(np.array([[0.5] + [0.0] * 11]))],
        [_coo_row([1], [2]), scipy.sparse.coo_matrix(np.eye(2, 12, dtype=np.int64))],
    ],
)
def test_stacked_rows_are_rasas_vstack_of_csr_rows(rows: list) -> None:
    from bot.nlu.linear_intent_classifier import stacked_rows

    expected = scipy.sparse.vstack([scipy.sparse.csr_matrix(row) for row in rows], format="csr")
    _assert_same_csr(stacked_rows(rows), expected)


def test_stacked_rows_of_the_featurizers_sentence_vectors_are_vstacks() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    from bot.nlu.linear_intent_classifier import stacked_rows
    from bot.nlu.sentence_featurizer import sentence_counts

    texts = [text for examples in EXAMPLES.values() for text in examples] + ["", "zzz"]
    for vectorizer in (
        CountVectorizer(),
        CountVectorizer(analyzer="char_wb", ngram_range=(1, 4)),
        CountVectorizer(analyzer="char", ngram_range=(2, 5)),
    ):
        vectorizer.fit(texts)
        rows = [sentence_counts(vectorizer, text) for text in texts]
        expected = scipy.sparse.vstack([scipy.sparse.csr_matrix(r) for r in rows], format="csr")
        _assert_same_csr(stacked_rows(rows), expected)
