"""Rasa component: folds each message's text before tokenisation, identically in training and
inference (common.textnorm.fold: Arabic diacritics and tatweel removed, alef/hamza, alef maqsura and
ta marbuta unified, Arabic-Indic digits to 0-9, Latin accents and case folded).

Without it the tokenizer splits diacritised Arabic words into fragments, and "prière", "priere"
and "PRIERE" are three different words to the featurizers. Runs after LanguageDetector, which
needs the accents, and moves annotated entity spans with the text.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from common.textnorm import fold_with_offsets


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TextNormalizer(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TextNormalizer:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            normalize(message)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            normalize(message)
        return messages


def normalize(message: Message) -> None:
    text = message.get(TEXT)
    if not text:
        return
    folded, offsets = fold_with_offsets(text)
    message.set(TEXT, folded)
    for entity in message.get(ENTITIES) or []:
        if "start" in entity and "end" in entity:
            entity["start"], entity["end"] = offsets[entity["start"]], offsets[entity["end"]]
