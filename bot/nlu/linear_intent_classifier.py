"""Rasa component: intents from a linear SVM over the pipeline's sparse sentence features.

With a few thousand short examples per language, a linear model on TF-IDF weighted word and
character n-grams separates FAQ-style intents better than DIET and trains in seconds instead of
minutes (docs/nlu.md has the comparison, on our held-out sets and on the public benchmarks). It
reads whatever sentence features the featurizers before it produce, one block per featurizer:
sparse counts IDF-weighted, sublinear and L2-normalised per block (so the character n-grams do
not drown the words), dense vectors (a pretrained encoder's, when one is configured)
L2-normalised. `block_weights` can then make a featurizer's block (named by its `alias`) count
more or less in one language's messages (Arabic, with its dialect spellings, gains from leaning
on character n-grams). A language or a featurizer is added in config.yml, not here.

Two ways of fitting the weights are cross-validated on the training data and the better kept
("weighting: auto"): the SVM on TF-IDF alone, best for short FAQ questions, or with each intent's
features scaled by their naive-Bayes log-count ratio (NBSVM), best for long topical sentences.
Confidences are a softmax over the SVM's scores at a temperature fitted on the same
cross-validated scores, so that FallbackClassifier's threshold means "this sure, or say so
and offer a person". The model is stored as plain arrays (npz and JSON), never pickled.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, cast

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers import LABEL_RANKING_LENGTH
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_detector import DETECTED_LANGUAGE
from bot.nlu.svm_fit import WEIGHTINGS, fit_in_parallel, fit_weights

logger = logging.getLogger(__name__)

ARRAYS_FILE = "linear_intent_classifier.npz"
META_FILE = "linear_intent_classifier.json"


@dataclass
class LinearModel:
    """Everything prediction needs: per-block IDF, one weight row per intent, a temperature."""

    intents: list[str]
    block_sizes: list[int]
    idf: list[Optional[np.ndarray]]  # None for a dense block
    weights: np.ndarray  # (intents, features)
    bias: np.ndarray  # (intents,)
    temperature: float
    weighting: str = "tfidf"  # how the weights were fitted (WEIGHTINGS); prediction is the same
    # Each block's featurizer (its alias), and {language: {alias: weight}} for the messages
    # detected in that language; a block not named counts 1.
    block_names: list[str] = field(default_factory=list)
    block_weights: dict[str, dict[str, float]] = field(default_factory=dict)

    def scales(self, language: Optional[str]) -> list[float]:
        names = self.block_names or [""] * len(self.block_sizes)
        return block_scales(self.block_weights, language, names)

    def probabilities(
        self, blocks: list[scipy.sparse.spmatrix], language: Optional[str] = None
    ) -> np.ndarray:
        """One message's intent probabilities: only the weight columns of its n-grams are read
        (a turn's cost; building the full TF-IDF row took milliseconds)."""
        scores = self.bias.astype(np.float64)
        offset = 0
        for block, idf, size, scale in zip(
            blocks, self.idf, self.block_sizes, self.scales(language), strict=True
        ):
            columns, values = row_entries(block)
            values = values.astype(np.float64)
            if idf is not None:
                values = (np.log(values) + 1.0) * idf[columns]
            norm = np.sqrt(values @ values)
            if norm > 0:
                scores += self.weights[:, offset + columns] @ (values * (scale / norm))
            offset += size
        return softmax(scores[np.newaxis, :], self.temperature)


def row_entries(block: scipy.sparse.spmatrix) -> tuple[np.ndarray, np.ndarray]:
    """A one-message block's (columns, values) as its CSR form holds them. The featurizers' sentence
    vectors are COO rows with increasing columns, whose CSR form has the same entries in the same
    order: those are read as they are (converting four blocks to CSR cost ~0.25 ms a message);
    any other block is converted."""
    if isinstance(block, scipy.sparse.coo_matrix) and block.shape[0] == 1:
        columns = block.col
        if not block.row.any() and (columns.size < 2 or bool((columns[1:] > columns[:-1]).all())):
            return columns, block.data
    row = scipy.sparse.csr_matrix(block)
    return row.indices, row.data


def stacked_rows(rows: list[Any]) -> scipy.sparse.csr_matrix:
    """`scipy.sparse.vstack([csr_matrix(row) for row in rows], format="csr")`, the same matrix
    (entries, dtypes, index arrays), for one-row matrices: each row's (columns, values) are read
    as they are (`row_entries`) and joined once. Converting the ~30,000 training sentences' rows
    to CSR one by one, for each of the three featurizers' blocks, took 21 s of the classifier's
    step in a profile of `python -m bot.train` (docs/nlu.md "Training time, with margin"), all
    of it before its fits start in parallel. Anything else (a row of another dtype, several
    rows in one matrix, no rows) is stacked as before."""
    entries: list[tuple[np.ndarray, np.ndarray]] = []
    for row in rows:
        if not scipy.sparse.issparse(row):
            row = scipy.sparse.csr_matrix(row)
        if row.shape[0] != 1:
            entries = []
            break
        entries.append(row_entries(row))
    dtypes = {values.dtype for _, values in entries}
    widths = {row.shape[1] for row in rows}
    if not entries or len(dtypes) != 1 or len(widths) != 1:
        return scipy.sparse.vstack([scipy.sparse.csr_matrix(row) for row in rows], format="csr")
    lengths = np.array([columns.size for columns, _ in entries])
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    indices = np.concatenate([columns for columns, _ in entries])
    data = np.concatenate([values for _, values in entries])
    return scipy.sparse.csr_matrix(
        (data, indices, indptr), shape=(len(entries), widths.pop()), dtype=dtypes.pop()
    )


def block_scales(
    block_weights: dict[str, dict[str, float]], language: Optional[str], names: list[str]
) -> list[float]:
    """The weight of each block in a message of this language (1 where none is configured)."""
    weights = block_weights.get(language or "", {})
    return [float(weights.get(name, 1.0)) for name in names]


def tfidf(counts: scipy.sparse.csr_matrix, idf: Optional[np.ndarray]) -> scipy.sparse.csr_matrix:
    """Sublinear term frequency times IDF, each row L2-normalised (sklearn's TfidfTransformer).

    A dense block (idf None) is only L2-normalised.
    """
    weighted = counts.astype(np.float64).tocsr(copy=True)
    if idf is not None:
        weighted.data = np.log(weighted.data) + 1.0  # counts are positive
        weighted = (weighted @ scipy.sparse.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return scipy.sparse.diags(1.0 / norms) @ weighted


def inverse_document_frequency(counts: scipy.sparse.csr_matrix) -> np.ndarray:
    """Smoothed IDF, as sklearn computes it: log((1 + n) / (1 + df)) + 1."""
    documents = counts.shape[0]
    frequency = np.bincount(counts.tocsr().indices, minlength=counts.shape[1])
    return np.log((1 + documents) / (1 + frequency)) + 1.0


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    scaled = scores / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, gold: np.ndarray) -> float:
    """The temperature that makes held-out scores' softmax most likely (temperature scaling)."""
    from scipy.optimize import minimize_scalar

    def negative_log_likelihood(log_t: float) -> float:
        probs = softmax(scores, float(np.exp(log_t)))
        return -float(np.mean(np.log(probs[np.arange(len(gold)), gold] + 1e-12)))

    result = minimize_scalar(negative_log_likelihood, bounds=(-6.0, 3.0), method="bounded")
    return float(np.exp(result.x))


def sentence_features(message: Message) -> list[Features]:
    """The message's sentence features, one per featurizer, in pipeline order."""
    return [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # SVM regularisation: chosen on the development split (docs/nlu.md).
            "C": 0.5,
            # "tfidf", "naive_bayes" (NBSVM), or "auto": the better cross-validated macro-F1.
            "weighting": "auto",
            # Folds of training data whose held-out scores choose the weighting and fit the
            # confidence temperature.
            "calibration_folds": 5,
            "random_seed": 2027,
            # {language: {featurizer alias: weight}}: how much a featurizer's block counts
            # against the others, after each is L2-normalised, in messages LanguageDetector
            # found in that language. Blocks and languages not named count 1.
            "block_weights": {},
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[LinearModel] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    @staticmethod
    def required_packages() -> List[str]:
        return ["sklearn", "scipy"]

    def train(self, training_data: TrainingData) -> Resource:
        # Each example's sentence features, read once; examples without any are left out.
        featured = [(m, sentence_features(m)) for m in training_data.intent_examples]
        featured = [(m, features) for m, features in featured if features]
        examples = [m for m, _ in featured]
        intents = sorted({m.get(INTENT) for m in examples})
        if len(intents) < 2:
            logger.warning("LinearIntentClassifier needs at least two intents; not trained.")
            return self._resource
        first = featured[0][1]
        counts = [
            stacked_rows([features[i].features for _, features in featured])
            for i in range(len(first))
        ]
        idf = [
            inverse_document_frequency(block) if f.is_sparse() else None
            for block, f in zip(counts, first, strict=True)
        ]
        # Each featurizer gives its own block (Rasa makes `origin` a list only when combining).
        names = [cast(str, f.origin) for f in first]
        block_weights = self._block_weights(names)
        # Each row's blocks scaled by the weights for its message's language.
        row_scales = np.array(
            [block_scales(block_weights, m.get(DETECTED_LANGUAGE), names) for m in examples]
        )
        features = scipy.sparse.hstack(
            [
                scipy.sparse.diags(row_scales[:, i]) @ tfidf(block, weights)
                for i, (block, weights) in enumerate(zip(counts, idf, strict=True))
            ],
            format="csr",
        )
        gold = np.array([intents.index(m.get(INTENT)) for m in examples])
        weighting, held_out_scores, fitted = self._choose_weighting(features, gold)
        weights, bias = fitted or fit_weights(
            features, gold, self.config["C"], self.config["random_seed"], weighting
        )
        self.model = LinearModel(
            intents=intents,
            block_sizes=[block.shape[1] for block in counts],
            idf=idf,
            weights=weights.astype(np.float32),
            bias=bias.astype(np.float32),
            temperature=1.0 if held_out_scores is None else fit_temperature(held_out_scores, gold),
            weighting=weighting,
            block_names=names,
            block_weights=block_weights,
        )
        self.persist()
        return self._resource

    def _block_weights(self, names: list[str]) -> dict[str, dict[str, float]]:
        configured = self.config["block_weights"] or {}
        for language, weights in configured.items():
            unknown = set(weights) - set(names)
            if unknown or any(w <= 0 for w in weights.values()):
                raise ValueError(
                    f"LinearIntentClassifier: block_weights for {language!r} {weights} must be "
                    f"positive and name featurizers by their alias (these give features: {names})"
                )
        return {
            language: {name: float(w) for name, w in weights.items()}
            for language, weights in configured.items()
        }

    def _choose_weighting(
        self, features: scipy.sparse.csr_matrix, gold: np.ndarray
    ) -> tuple[str, Optional[np.ndarray], Optional[tuple[np.ndarray, np.ndarray]]]:
        """The configured weighting, or under "auto" the one whose cross-validated macro-F1 on
        the training data is higher (ties keep plain TF-IDF); with its held-out scores, which
        also fit the temperature (None when an intent has too few examples to fold), and, for a
        configured weighting, its fit on all the data, made beside the folds (None otherwise)."""
        from sklearn.metrics import f1_score
        from sklearn.model_selection import StratifiedKFold

        configured = self.config["weighting"]
        candidates = list(WEIGHTINGS) if configured == "auto" else [configured]
        folds = min(self.config["calibration_folds"], int(np.bincount(gold).min()))
        if folds < 2:
            return candidates[0], None, None
        splits = list(
            StratifiedKFold(folds, shuffle=True, random_state=self.config["random_seed"]).split(
                features, gold
            )
        )
        folds = [(w, train, test) for w in candidates for train, test in splits]
        scores, fitted = fit_in_parallel(
            features,
            gold,
            folds,
            self.config["C"],
            self.config["random_seed"],
            final=candidates[0] if len(candidates) == 1 else None,
        )
        held_out = {w: np.zeros((len(gold), int(gold.max()) + 1)) for w in candidates}
        for (weighting, _, test_rows), fold_scores in zip(folds, scores, strict=True):
            held_out[weighting][test_rows] = fold_scores
        macro_f1 = {
            w: float(f1_score(gold, s.argmax(axis=1), average="macro")) for w, s in held_out.items()
        }
        chosen = max(candidates, key=lambda w: macro_f1[w])  # first wins a tie
        logger.info(
            "LinearIntentClassifier: %s weighting (cross-validated macro-F1 %s)",
            chosen,
            ", ".join(f"{w} {f:.3f}" for w, f in macro_f1.items()),
        )
        return chosen, held_out[chosen], fitted

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            blocks = [f.features for f in sentence_features(message)]
            if self.model is None or not blocks:
                continue
            if [b.shape[1] for b in blocks] != self.model.block_sizes:
                raise ValueError(
                    "LinearIntentClassifier: the featurizers changed since training "
                    f"({[b.shape[1] for b in blocks]} != {self.model.block_sizes}); retrain."
                )
            probabilities = self.model.probabilities(blocks, message.get(DETECTED_LANGUAGE))[0]
            order = np.argsort(-probabilities)[:LABEL_RANKING_LENGTH]
            ranking = [
                {"name": self.model.intents[i], "confidence": float(probabilities[i])}
                for i in order
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        if self.model is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            np.savez_compressed(
                directory / ARRAYS_FILE,
                weights=self.model.weights,
                bias=self.model.bias,
                **{f"idf_{i}": idf for i, idf in enumerate(self.model.idf) if idf is not None},
            )
            meta = {
                "intents": self.model.intents,
                "block_sizes": self.model.block_sizes,
                "temperature": self.model.temperature,
                "weighting": self.model.weighting,
                "block_names": self.model.block_names,
                "block_weights": self.model.block_weights,
            }
            (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                meta = json.loads((directory / META_FILE).read_text("utf-8"))
                with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
                    model = LinearModel(
                        intents=meta["intents"],
                        block_sizes=meta["block_sizes"],
                        idf=[arrays.get(f"idf_{i}") for i in range(len(meta["block_sizes"]))],
                        # Column-major: a message reads a few columns of it (its n-grams'),
                        # each then one contiguous run instead of one value per intent row;
                        # 0.05 -> 0.015 ms a block, the same values (docs/bench.md).
                        weights=np.asfortranarray(arrays["weights"]),
                        bias=arrays["bias"],
                        temperature=float(meta["temperature"]),
                        weighting=meta.get("weighting", "tfidf"),
                        block_names=meta.get("block_names", []),
                        block_weights=meta.get("block_weights", {}),
                    )
        except ValueError:
            logger.warning("LinearIntentClassifier: no trained model found; not classifying.")
            model = None
        return cls(config, model_storage, resource, model)
