"""Rasa component: a message holding an enrolment code is the `enrol` intent (issue 19).

A code (common/enrolment.py: XXXX-XXXX-XX) can come alone or inside a sentence in any language
("my code is …", "رمزي …", "voici mon code …"). The classifier was never taught codes, and a
code must work whatever it would have guessed, so this component looks for a code-shaped token
after the classifier and the fallback and, if it finds one, makes the intent `enrol` with the
code as the `enrolment_code` entity; the rule sends it to action_enrol, which asks the lookup
service. It runs before the OPSEC guard, so a restricted question carrying a code is still
refused.

It reads what the visitor typed (the Arabizi text, else the text before folding, so capitals
count), and a lower-case ten-character word that reads as Arabizi ("mayenfa3sh", "it does not
work") in a message of several words is not a code (bot.nlu.arabizi.reads_as_arabizi_word): a
code in capitals, hyphenated, or alone in its message always is.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

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

from bot.nlu.arabizi import ARABIZI_TEXT, is_code_token
from bot.nlu.per_message import each_message
from bot.nlu.text_normalizer import ORIGINAL_TEXT
from common.enrolment import code_in

# Candidates: a hyphenated code, or ten letters and digits run together (common/enrolment.py
# says which are codes).
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z0-9]{4}[-\u2010-\u2014\u2212][A-Za-z0-9]{4}[-\u2010-\u2014\u2212]"
    r"[A-Za-z0-9]{2}|[A-Za-z0-9]{10})(?![A-Za-z0-9])"
)
_WORD = re.compile(r"[^\W_]+")

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


def code_in_message(text: str) -> Optional[str]:
    """The first enrolment code in a message, canonical, or None (see the module docstring)."""
    alone = sum(any(c.isalpha() for c in word) for word in _WORD.findall(text)) == 1
    for match in _CANDIDATE.finditer(text):
        token = match.group(0)
        if len(token) > 10 or is_code_token(token, alone):
            code = code_in(token)
            if code is not None:
                return code
    return None


def detect(message: Message) -> None:
    """Set intent `enrol` and the `enrolment_code` entity when the text holds a code."""
    typed = message.get(ARABIZI_TEXT) or message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
    code = code_in_message(typed)
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
