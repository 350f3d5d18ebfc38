"""Rasa component: tags each message with its language as a `language` entity.

The domain maps that entity to the `language` slot, so a message too short to tell keeps the
language the conversation already has, and responses pick the variation for the slot's value.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_id import LanguageIdentifier


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # The assistant's languages: the one list to extend when adding a language.
            "languages": ["ar", "en", "fr"],
            # How much more likely the best language must be than the next to be trusted.
            "min_relative_distance": 0.25,
            "entity": "language",
        }

    def __init__(self, config: Dict[str, Any]) -> None:
        self._entity = config["entity"]
        self._identifier = LanguageIdentifier(config["languages"], config["min_relative_distance"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        return cls(config)

    @staticmethod
    def required_packages() -> List[str]:
        return ["lingua"]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._tag(message)
        return messages

    def _tag(self, message: Message) -> None:
        text: Optional[str] = message.get(TEXT)
        if not text:
            return
        language = self._identifier.identify(text)
        if language is None:
            return
        entity = {
            "entity": self._entity,
            "value": language,
            "start": 0,
            "end": len(text),
        }
        message.set(
            ENTITIES,
            message.get(ENTITIES, []) + self.add_extractor_name([entity]),
            add_to_output=True,
        )
