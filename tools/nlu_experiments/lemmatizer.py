"""Rasa component: gives each word its dictionary form from spaCy's lemma lookup tables.

"drapeaux", "prières", "voulons", "ceremonies" and "was" then count as "drapeau", "prière",
"vouloir", "ceremony" and "be" for the featurizers (Rasa's CountVectorsFeaturizer reads lemmas
by default), so an inflection the training examples never used still meets the words they did.
The tables come from spacy-lookups-data, installed with the package: nothing is downloaded.
They exist for English and French (and Urdu); Arabic words keep their form. Runs after the
tokenizer, on text TextNormalizer has folded, so the tables are folded the same way.
"""

from __future__ import annotations

import importlib.metadata
from functools import cache
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_detector import DETECTED_LANGUAGE
from common.textnorm import fold


# A message featurizer to Rasa, so that it runs on the training examples too.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class LookupLemmatizer(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # The languages whose words get lemmas: those spacy-lookups-data has a table for.
        return {"languages": ["en", "fr"]}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.languages = tuple(config.get("languages", self.get_default_config()["languages"]))
        for language in self.languages:
            lemma_table(language)  # fail at load time, not on a user's message

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LookupLemmatizer:
        return cls(config)

    @staticmethod
    def required_packages() -> List[str]:
        return ["spacy"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Retrain when the tables change (their distribution and import names differ, so
        required_packages() cannot name them)."""
        return importlib.metadata.version("spacy-lookups-data")

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            language = message.get(DETECTED_LANGUAGE)
            if language not in self.languages:
                continue
            table = lemma_table(language)
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            for token in tokens:
                token.lemma = table.get(token.text, token.text)
            # Through set(), so the message's fingerprint changes: Rasa's training cache keys
            # the featurizers on it, and would otherwise hand back ones trained without lemmas.
            message.set(TOKENS_NAMES[TEXT], tokens)
        return messages


@cache
def lemma_table(language: str) -> Dict[str, str]:
    """spaCy's lookup table for the language, keys and lemmas folded as common.textnorm folds text.

    Where folding merges two forms with different lemmas ("été" and "ete"), the form that was
    already folded wins, as it is what people who drop accents type."""
    from catalogue import RegistryError
    from spacy.util import load_language_data, registry

    try:
        path = registry.lookups.get(language)["lemma_lookup"]
    except (KeyError, RegistryError) as error:
        raise ValueError(f"spacy-lookups-data has no lemma table for {language!r}") from error
    table = load_language_data(path)
    if not isinstance(table, dict):
        raise ValueError(f"{path}: a lemma table should map forms to lemmas")
    folded: Dict[str, str] = {}
    unfolded: Dict[str, str] = {}
    for form, lemma in table.items():
        if isinstance(lemma, list):  # French: the lemmas of an ambiguous form, likeliest first
            lemma = lemma[0]
        key = fold(form)
        (folded if key == form else unfolded).setdefault(key, fold(lemma))
    return {**unfolded, **folded}
