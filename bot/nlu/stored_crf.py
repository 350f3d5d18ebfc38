"""Rasa component: Rasa's CRFEntityExtractor, stored as crfsuite's own model files.

Rasa 3.6's CRFEntityExtractor stores its training features and trains the CRF again every time a
model is loaded: with the entity word flags (bot/nlu/entity_flags.py) that is 36 s of every Rasa
start (a cluster replica coming back, each end-to-end stack) for the same weights each time.
This one stores what crfsuite wrote after training (its own binary model format, read by
crfsuite; nothing is unpickled) and opens it on load. Training, features and predictions are
Rasa's: tests/nlu/test_stored_crf.py compares the entities and confidences with Rasa's
component trained on the same data.

It also trains the CRF on made-up examples (bot/nlu/entity_variants.py: names respelled, places
and events renamed from general lists, annotated templates filled), which reach no other
component: the intent classifier's input is unchanged (docs/intents.md, "Entities").
"""

from __future__ import annotations

import functools
import random
import re
import shutil
from collections import OrderedDict
from typing import Any, Callable

import rasa.shared.utils.io
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.nlu.utils import bilou_utils
from rasa.shared.nlu.constants import (
    ENTITIES,
    FEATURE_TYPE_SENTENCE,
    INTENT,
    RESPONSE,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import BILOU_FLAG

from bot.nlu.entity_flags import PATTERN, RARE, TEMPLATE_TABLE, EntityWordFlags, word_class_patterns
from bot.nlu.entity_variants import from_templates, substitutions, variants
from bot.nlu.language_detector import DETECTED_LANGUAGE

ORDER_FILE = "crf_order.json"
MADE_UP = "entity_variants"  # the origin of the made-up examples' (empty) features


@functools.lru_cache(maxsize=16)
def _same_entity(labels: tuple[str, ...]) -> dict[str, list[str]]:
    """Each BILOU label's labels of the same entity ("B-venue" -> all four venue tags), in the
    given order; one tagger's labels come in the same order for every token."""
    return {
        label: [
            other
            for other in labels
            if bilou_utils.tag_without_prefix(label) == bilou_utils.tag_without_prefix(other)
        ]
        for label in labels
    }


def model_file(tag_name: str) -> str:
    return f"crf_{tag_name}.crfsuite"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class StoredCRFEntityExtractor(CRFEntityExtractor):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Copies of each example with a rare word in a name respelled (bot/nlu/entity_variants.py):
        # how many, of which entities, from which seed. 0 copies: Rasa's CRF as it is.
        return {
            **CRFEntityExtractor.get_default_config(),
            "respelled_copies": 0,
            "respelled_entities": ["country", "venue", "event"],
            "respelling_seed": 2027,
            # Copies with each venue and event renamed from its kind's table.
            "renamed_copies": 0,
            # Examples made from each template of the `entity_template_<lang>` tables.
            "template_copies": 0,
            # The share of a template's {name} slots filled by a real nation's word as it is.
            "template_real_names": 0.0,
        }

    def train(self, training_data: TrainingData) -> Resource:
        """Rasa's training, on the examples and their variants (the CRF's alone; see
        bot/nlu/entity_variants.py): respelled names, and venues and events renamed from the
        `<entity>_kind_<lang>` lookup tables of the training data."""
        config = self.component_config
        rng = random.Random(config["respelling_seed"])
        examples = training_data.entity_examples
        copies = [
            c
            for m in examples
            for c in variants(m, config["respelled_entities"], config["respelled_copies"], rng)
        ]
        kinds = _kind_tables(training_data)
        tokenize = _pipeline_tokens(training_data)
        if config["renamed_copies"]:
            copies += [
                c
                for m in examples
                if m.get(DETECTED_LANGUAGE) in kinds
                for c in substitutions(
                    m, kinds[m.get(DETECTED_LANGUAGE)], config["renamed_copies"], rng, tokenize
                )
            ]
        if config["template_copies"]:
            for lang, tables in _tables_by_language(training_data).items():
                templates = tables.pop("template", [])
                copies += from_templates(
                    templates,
                    tables,
                    config["template_copies"],
                    rng,
                    tokenize,
                    config["template_real_names"],
                    lang,
                )
        for made in copies:
            # Rasa's CRF leaves out an example without features of its text (from any
            # featurizer); the CRF reads none here (no text_dense_features), so a copy has an
            # empty one, as an original has the count vectors'.
            made.add_features(
                Features(scipy.sparse.coo_matrix((1, 1)), FEATURE_TYPE_SENTENCE, TEXT, MADE_UP)
            )
        if copies:
            training_data = with_copies(training_data, copies)
        return super().train(training_data)

    @classmethod
    def _create_features_for_token(
        cls,
        crf_tokens: list[CRFToken],
        token_idx: int,
        half_window_size: int,
        window_range: range,
        include_tag_features: bool,
        config: dict[str, Any],
    ) -> dict[str, Any]:
        """Rasa's features of a token without those whose value is False. crfsuite reads False as
        an attribute of value 0, which adds nothing to a label's score and keeps a weight of 0
        under the L1 penalty, but costs time in each of L-BFGS's passes: the 29 word flags of
        EntityWordFlags, three times over the window, and title/upper (the pipeline's text is
        folded to lower case) were most of each token's attributes. The same model up to L-BFGS's
        path (confidences within 0.001 in tests/nlu/test_stored_crf.py), and a model trained
        with them scores these the same."""
        features = super()._create_features_for_token(
            crf_tokens, token_idx, half_window_size, window_range, include_tag_features, config
        )
        return {name: value for name, value in features.items() if value is not False}

    def _most_likely_tag(
        self, predictions: list[dict[str, float]]
    ) -> tuple[list[str], list[float]]:
        """Rasa's most likely tag of each token and, with BILOU tags, its entity's confidence
        (the sum of its B-, I-, L-, U- tags'), the same floats summed in the same order. Rasa
        strips every label's prefix twice per token (a million calls in 3,000 messages, ~0.1 ms
        a message); here each label's entity is found once per tagger's set of labels."""
        if not self.component_config[BILOU_FLAG]:
            return super()._most_likely_tag(predictions)
        tags: list[str] = []
        confidences: list[float] = []
        for token_predictions in predictions:
            same_entity = _same_entity(tuple(token_predictions))
            tag = max(token_predictions, key=lambda key: token_predictions[key])
            tags.append(tag)
            confidences.append(sum(token_predictions[other] for other in same_entity[tag]))
        return tags, confidences

    def persist(self, dataset: list[list[CRFToken]]) -> None:
        """The trained taggers' crfsuite files and their order, not the training features."""
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(model_dir / ORDER_FILE, self.crf_order)
            for tag_name, tagger in (self.entity_taggers or {}).items():
                shutil.copyfile(tagger.modelfile.name, model_dir / model_file(tag_name))

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StoredCRFEntityExtractor:
        import sklearn_crfsuite  # type: ignore[import-untyped]

        try:
            with model_storage.read_from(resource) as model_dir:
                crf_order = rasa.shared.utils.io.read_json_file(model_dir / ORDER_FILE)
                taggers: OrderedDict[str, Any] = OrderedDict()
                for tag_name in crf_order:
                    tagger = sklearn_crfsuite.CRF(
                        model_filename=str(model_dir / model_file(tag_name))
                    )
                    # crfsuite reads the whole file now, while the model's directory exists.
                    _ = tagger.tagger_
                    taggers[tag_name] = tagger
        except ValueError:
            # Nothing stored (no entities in the training data), as Rasa's own load does.
            return cls(config, model_storage, resource)
        extractor = cls(config, model_storage, resource, taggers)
        extractor.crf_order = crf_order
        return extractor


KIND_TABLE = re.compile(r"^(?P<entity>\w+)_kind_(?P<lang>\w+)$")


def _kind_tables(training_data: TrainingData) -> dict[str, dict[str, list[str]]]:
    """language -> entity -> names, from lookup tables named `<entity>_kind_<lang>`."""
    kinds: dict[str, dict[str, list[str]]] = {}
    for table in training_data.lookup_tables:
        match = KIND_TABLE.match(table["name"])
        if match and table["elements"]:
            kinds.setdefault(match["lang"], {})[match["entity"]] = list(table["elements"])
    return kinds


# Slot names of the tables a template's slots are filled from.
SLOT_TABLES = {
    "country": "country_word_",
    "rank": "rank_word_",
    "date": "date_word_",
    "venue": "venue_kind_",
    "event": "event_kind_",
    "language": "language_word_",
    "template": TEMPLATE_TABLE,
}


def _tables_by_language(training_data: TrainingData) -> dict[str, dict[str, list[str]]]:
    """language -> slot -> the entries of that slot's table in that language."""
    tables: dict[str, dict[str, list[str]]] = {}
    for table in training_data.lookup_tables:
        for slot, prefix in SLOT_TABLES.items():
            if table["name"].startswith(prefix) and table["elements"]:
                lang = table["name"][len(prefix) :]
                tables.setdefault(lang, {})[slot] = list(table["elements"])
    return tables


def _pipeline_tokens(training_data: TrainingData) -> Callable[[Message], None]:
    """Tokens and word flags for a new example as the pipeline gives them (config.yml: the
    whitespace tokenizer, then EntityWordFlags with the words that are common in the training
    data and its lookup tables)."""
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    common = frozenset(
        token.text.lower()
        for m in training_data.training_examples
        for token in m.get(TOKENS_NAMES[TEXT]) or []
        if token.get(PATTERN) is not None and not token.get(PATTERN).get(RARE)
    )
    flags = EntityWordFlags({}, None, None, common, word_class_patterns(training_data))

    def tokenize(message: Message) -> None:
        tokenizer.process([message])
        flags.process([message])

    return tokenize


def _plain_key(message: Message) -> tuple[str, ...]:
    """What tells two examples apart before the pipeline: text, intent, entities and the rest of
    their data's plain values. Two messages with different keys have different data, hence
    different fingerprints (Rasa's Message equality)."""
    return tuple(
        f"{name}={value!r}"
        for name, value in sorted(message.data.items())
        if isinstance(value, (str, int, float, bool, type(None))) or name == ENTITIES
    )


def with_copies(training_data: TrainingData, copies: list[Message]) -> TrainingData:
    """`TrainingData(examples + copies, entity_synonyms=...)`, the same examples in the same
    order, without fingerprinting every example with its features (Rasa's constructor drops
    duplicates by each message's fingerprint, which includes the featurizers' matrices turned
    into strings: a third of the CRF step's time). A made-up copy never equals an original (its
    only features are the MADE_UP ones, which no original has), so when the originals' plain
    keys are all different (no two originals equal), the result is the originals followed by
    the copies Rasa's constructor keeps of themselves; otherwise Rasa's constructor does it."""
    examples = training_data.training_examples
    if len({_plain_key(m) for m in examples}) < len(examples) or any(
        f.origin == MADE_UP for m in examples for f in m.features
    ):
        return TrainingData(examples + copies, entity_synonyms=training_data.entity_synonyms)
    merged = TrainingData(entity_synonyms=training_data.entity_synonyms)
    merged.training_examples = _stripped(examples) + TrainingData(copies).training_examples
    return merged


def _stripped(examples: list[Message]) -> list[Message]:
    """Rasa's sanitize_examples without its de-duplication: intents and responses stripped."""
    for example in examples:
        if example.get(INTENT):
            example.set(INTENT, example.get(INTENT).strip())
        if example.get(RESPONSE):
            example.set(RESPONSE, example.get(RESPONSE).strip())
    return list(examples)
