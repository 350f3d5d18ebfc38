"""Rasa component: tags each message with its language as a `language` entity.

The domain maps that entity to the `language` slot, so a message too short to tell keeps the
language the conversation already has, and responses pick the variation for the slot's value.
The language is also left on the message as `DETECTED_LANGUAGE`, in training too, for the
components after it whose rules depend on it (the fallback threshold per language, and the
spaCy tokenizer and lemmatizer options).

Training learns the domain vocabulary (bot.nlu.language_vocabulary) from the training examples
the general detector is sure of; a model trained before that existed, or on data with none,
detects with the general detector alone.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.nlu.language_vocabulary
import bot.nlu.roman_urdu
import bot.nlu.word_lists
import common.textnorm
from bot.nlu.arabizi import ARABIZI_TEXT
from bot.nlu.code_fingerprint import modules_fingerprint
from bot.nlu.language_id import LanguageIdentifier
from bot.nlu.language_vocabulary import LanguageVocabulary
from bot.nlu.per_message import each_message
from common.languages import LANGUAGES

logger = logging.getLogger(__name__)

VOCABULARY_FILE = "vocabulary.json"
# Message attribute: the detected language code, or absent when the detector abstained.
DETECTED_LANGUAGE = "detected_language"


# Also a message featurizer, so Rasa runs process_training_data on the training examples and
# the components after it see each example's language in training as they will in inference.
@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=True,
)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # The assistant's languages: common.languages, the one list to extend when adding a
            # language (config.yml may narrow it for an experiment).
            "languages": list(LANGUAGES),
            # How much more likely the best language must be than the next to be trusted.
            "min_relative_distance": 0.25,
            # Learn the domain vocabulary from the training data as a second opinion.
            "learn_vocabulary": True,
            "entity": "language",
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
        vocabulary: Optional[LanguageVocabulary] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._identifier = LanguageIdentifier(
            self.config["languages"], self.config["min_relative_distance"], vocabulary
        )

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        return cls(config, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Retrain when lingua changes: Rasa's required_packages() cannot name it (its import
        name and distribution name differ, and Rasa needs both to be the same); and when the
        vocabulary's words or their fold change (module code Rasa's cache key does not cover), or
        Roman Urdu's word list (data/nlu/ur/latin_script_words.yml)."""
        lingua = importlib.metadata.version("lingua-language-detector")
        modules = (bot.nlu.language_vocabulary, bot.nlu.roman_urdu, common.textnorm)
        words = bot.nlu.word_lists.digest("ur")  # Roman Urdu's words (data, not module code)
        return f"{lingua}-{modules_fingerprint(*modules)}-{words}"

    def train(self, training_data: TrainingData) -> Resource:
        if self.config["learn_vocabulary"]:
            labelled = []
            for message in training_data.intent_examples:
                text = message.get(TEXT) or ""
                language = self._identifier.sure_of(text)
                if language is not None:
                    labelled.append((text, language))
            vocabulary = LanguageVocabulary.learn(labelled)
            logger.info(
                "LanguageDetector: vocabulary from %d of %d examples: %s",
                len(labelled),
                len(training_data.intent_examples),
                {lang: len(words) for lang, words in vocabulary.counts.items()},
            )
            self._identifier.vocabulary = vocabulary
            self.persist()
        assert self._resource is not None, "created by Rasa's graph"
        return self._resource

    def persist(self) -> None:
        vocabulary = self._identifier.vocabulary
        if vocabulary is None or self._model_storage is None or self._resource is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(
                json.dumps(vocabulary.to_dict(), ensure_ascii=False), "utf-8"
            )

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LanguageDetector:
        vocabulary = None
        try:
            with model_storage.read_from(resource) as directory:
                path = directory / VOCABULARY_FILE
                if path.exists():
                    vocabulary = LanguageVocabulary.from_dict(json.loads(path.read_text("utf-8")))
        except ValueError:
            logger.info("LanguageDetector: no vocabulary in the model; general detector alone.")
        return cls(config, model_storage, resource, vocabulary)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        each_message(training_data.training_examples, self._detect)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, self._tag)

    def _detect(self, message: Message) -> Optional[str]:
        """The message's language, also left on it as DETECTED_LANGUAGE; None if unsure."""
        text: Optional[str] = message.get(TEXT)
        language = self._identifier.identify(text) if text else None
        if message.get(ARABIZI_TEXT) is not None and "ar" in self._identifier.languages:
            language = "ar"  # Arabizi (bot.nlu.arabizi), whether or not it was transliterated
        if language is not None:
            message.set(DETECTED_LANGUAGE, language)
        return language

    def _tag(self, message: Message) -> None:
        language = self._detect(message)
        if language is None:
            return
        entity = {
            "entity": self.config["entity"],
            "value": language,
            "start": 0,
            "end": len(message.get(TEXT)),
        }
        message.set(
            ENTITIES,
            message.get(ENTITIES, []) + self.add_extractor_name([entity]),
            add_to_output=True,
        )
