"""Rasa component: a message holding an enrolment code is the `enrol` intent (issue 19).

A code (common/enrolment.py: XXXX-XXXX-XX) can come alone or inside a sentence in any language
("my code is …", "رمزي …", "voici mon code …"). The classifier was never taught codes, and a
code must work whatever it would have guessed, so this component looks for a code-shaped token
after the classifier and the fallback and, if it finds one, makes the intent `enrol` with the
code as the `enrolment_code` entity; the rule sends it to action_enrol, which asks the lookup
service. It runs before the OPSEC guard, so a restricted question carrying a code is still
refused.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.per_message import each_message
from common.enrolment import code_in

ENROL_INTENT = "enrol"
CODE_ENTITY = "enrolment_code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EnrolmentCodeDetector(GraphComponent):
    """After the classifier and the fallback: a message with a code becomes `enrol`."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EnrolmentCodeDetector:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, detect)


def detect(message: Message) -> None:
    """Set intent `enrol` and the `enrolment_code` entity when the text holds a code."""
    code = code_in(message.get(TEXT) or "")
    if code is None:
        return
    raised = {INTENT_NAME_KEY: ENROL_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != ENROL_INTENT]
    message.set(INTENT, raised, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(raised), *ranking], add_to_output=True)
    entity = {
        ENTITY_ATTRIBUTE_TYPE: CODE_ENTITY,
        ENTITY_ATTRIBUTE_VALUE: code,
        EXTRACTOR: "EnrolmentCodeDetector",
    }
    others = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != CODE_ENTITY]
    message.set(ENTITIES, [*others, entity], add_to_output=True)
