"""Rasa component: Rasa's FallbackClassifier with a confidence threshold per language.

The intent classifier is less sure of itself in one language than in another (Arabic, with its
dialects, gets lower confidences for the same share of right answers), so one threshold for all
rejects more good Arabic questions than it needs to. Each language's threshold is chosen on the
development splits (docs/nlu.md); a message whose language was not detected gets `threshold`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_detector import DETECTED_LANGUAGE


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageFallbackClassifier(FallbackClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # {language code: threshold}; languages not listed use `threshold`.
        return {**FallbackClassifier.get_default_config(), "language_thresholds": {}}

    def threshold_for(self, message: Message) -> float:
        thresholds = self.component_config.get("language_thresholds") or {}
        language = message.get(DETECTED_LANGUAGE)
        return float(thresholds.get(language, self.component_config["threshold"]))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self._should_fallback(message):
                continue
            # As Rasa's: the fallback intent's confidence is the threshold it fell below.
            fallback = {
                INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                PREDICTED_CONFIDENCE_KEY: self.threshold_for(message),
            }
            message.data[INTENT] = fallback
            message.data.setdefault(INTENT_RANKING_KEY, [])
            message.data[INTENT_RANKING_KEY].insert(0, dict(fallback))
        return messages

    def _nlu_confidence_below_threshold(self, message: Message) -> Tuple[bool, float]:
        confidence = message.data[INTENT].get(PREDICTED_CONFIDENCE_KEY)
        return confidence < self.threshold_for(message), confidence
