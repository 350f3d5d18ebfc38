"""action_switch_language: "English please", "بالعربي", "en français" set the reply language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from common.asking import LANGUAGE_NAMES
from common.languages import LANGUAGES
from common.textnorm import words

# Letters two names of one language share at the start, at least: "عربي" and "العربية", "فرنساوي"
# and "الفرنسية", "arabic" and "arabe".
SHARED_START = 4


def language_requested(value: str) -> str | None:
    """The language code an extracted requested_language means: the code itself, or a language's
    name the training data never mapped to its code ("بالفرنسية", "فرنساوي"); None when it names
    none of the assistant's languages, or several."""
    if value in LANGUAGES:
        return value
    asked = [word for word in words(value) if len(word) >= SHARED_START]
    found = {
        code
        for code, names in LANGUAGE_NAMES.items()
        for word in asked
        for name in names
        if word[:SHARED_START] == name[:SHARED_START]
    }
    return found.pop() if len(found) == 1 else None


class ActionSwitchLanguage(Action):
    def name(self) -> str:
        return "action_switch_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        value = next(tracker.get_latest_entity_values("requested_language"), None)
        # A value that names none of the languages ("بالفرنسية" left unmapped by the model) set
        # the slot to itself, and every later answer fell back to English. Without a recognised
        # target, the language the request was written in stands.
        requested = language_requested(str(value)) if value else None
        language = requested or tracker.get_slot("language")
        return [SlotSet("language", language)]
