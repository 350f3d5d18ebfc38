"""Rasa components: the folded copy of a message's text that the NLU reads, kept beside what the
visitor typed.

`TextNormalizer` folds the text before tokenisation, identically in training and inference
(common.textnorm.fold: Arabic diacritics and tatweel removed, alef/hamza, alef maqsura and ta
marbuta unified, Arabic-Indic digits to 0-9, Latin accents and case folded). Without it the
tokenizer splits diacritised Arabic words into fragments, and "prière", "priere" and "PRIERE" are
three different words to the featurizers. It runs after LanguageDetector, which needs the accents,
and moves annotated entity spans with the text.

Rasa's tokenizers, featurizers and CRFEntityExtractor all read the message's `text` attribute, so
inside the pipeline `text` *is* the folded copy (a separate attribute would mean replacing each of
those components, and a risk of the model predicting differently). The typed text is kept as
`ORIGINAL_TEXT`, and `OriginalTextRestorer`, the pipeline's last component, puts it back when a
message has been understood: `text` is then what the visitor typed, `normalized_text` the folded
copy, and each entity's start and end index the typed text (its value is unchanged). Rasa's
processor copies the parse data's `text` into the tracker, so `tracker.latest_message["text"]`
in an action is what the visitor typed, with no need to look through the events (UserUttered's
own `text` already was: Rasa takes it from the incoming message, not from the parse data).
"""

from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import common.textnorm
from bot.nlu.code_fingerprint import modules_fingerprint
from bot.nlu.per_message import each_message
from common.textnorm import fold_with_offsets

# Message attributes: what the visitor typed (set by TextNormalizer, read by the restorer), and
# the folded copy the pipeline read (set by the restorer, in the parse data).
ORIGINAL_TEXT = "original_text"
NORMALIZED_TEXT = "normalized_text"


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

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The fold lives in common.textnorm: a change there must retrain what reads its output."""
        return modules_fingerprint(sys.modules[__name__], common.textnorm)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        each_message(training_data.training_examples, normalize)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, normalize)


# An entity extractor to Rasa's recipe, so it runs when a message is parsed and never on the
# training data (the CRF learns from spans in the folded text).
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class OriginalTextRestorer(GraphComponent):
    """Last in the pipeline: `text` back to what the visitor typed, the folded copy beside it."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OriginalTextRestorer:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, restore)


def normalize(message: Message) -> None:
    text = message.get(TEXT)
    if not text:
        return
    folded, offsets = fold_with_offsets(text)
    message.set(ORIGINAL_TEXT, text)
    message.set(TEXT, folded)
    for entity in message.get(ENTITIES) or []:
        if "start" in entity and "end" in entity:
            entity["start"], entity["end"] = offsets[entity["start"]], offsets[entity["end"]]


def restore(message: Message) -> None:
    """Undo normalize() for the parse data: typed text, spans in it, folded copy beside it."""
    original = message.get(ORIGINAL_TEXT)
    if original is None:
        return
    _, offsets = fold_with_offsets(original)
    message.set(NORMALIZED_TEXT, message.get(TEXT), add_to_output=True)
    message.set(TEXT, original)
    for entity in message.get(ENTITIES) or []:
        if "start" in entity and "end" in entity:
            entity["start"], entity["end"] = original_span(offsets, entity["start"], entity["end"])


def original_span(offsets: List[int], start: int, end: int) -> tuple[int, int]:
    """The typed text's span for a folded span (offsets from fold_with_offsets). A character
    that folds to nothing (a diacritic, tatweel) goes with the letter before it."""
    first = next(i for i, at in enumerate(offsets) if at >= start)
    last = max(i for i, at in enumerate(offsets) if at <= end)
    return first, max(first, last)
