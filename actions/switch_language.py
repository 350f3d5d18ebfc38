"""action_switch_language: "English please", "بالعربي", "en français" set the reply language;
action_language_switched, the step after it, says so in the new language, or answers in it the
question that was just "not yet in your language" (its notice's buttons are language switches:
actions/not_translated.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_directory import ActionAnswerContacts, ActionAnswerExercise
from actions.answer_schedule import ActionAnswerSchedule
from actions.answer_search import (
    ActionAnswerDress,
    ActionAnswerEvent,
    ActionAnswerRank,
    ActionAnswerVenue,
)
from actions.answer_topic import ActionAnswerTopic
from actions.base import FALLBACK_LANGUAGE, ClientAction, LookupAction
from actions.handoff import ActionNotUnderstood, ActionOutOfScope
from actions.not_translated import pending_question
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


# The actions whose answers may end with the notice and its offer (every LookupAction), by name.
ANSWERING: dict[str, type[LookupAction]] = {
    action().name(): action
    for action in (
        ActionAnswerTopic,
        ActionAnswerSchedule,
        ActionAnswerEvent,
        ActionAnswerDress,
        ActionAnswerVenue,
        ActionAnswerRank,
        ActionAnswerContacts,
        ActionAnswerExercise,
        ActionNotUnderstood,
        ActionOutOfScope,
    )
}


class ActionLanguageSwitched(ClientAction):
    """After action_switch_language. When the visitor's previous question was answered "not yet
    in <language>; it exists in …" (the question kept in the `pending_question` slot, see
    actions/not_translated.py) and the language now differs from the one it was asked in, that
    question is answered again, by the action that answered it, with its own text, intent and
    entities, in the language now set: pressing "English" under the notice gives the answer in
    English. Otherwise (a switch typed or picked with nothing pending) the confirmation,
    utter_language_switched, as before."""

    def name(self) -> str:
        return "action_language_switched"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        lang = tracker.get_slot("language") or FALLBACK_LANGUAGE
        pending = pending_question(tracker, frozenset(ANSWERING))
        if pending is None or pending["language"] == lang:
            dispatcher.utter_message(response="utter_language_switched")
            return []
        asked = tracker.copy()
        asked.latest_message = pending["message"]
        # The answer's own events: the slot emptied, or the question kept again when it is
        # missing in this language too.
        return await ANSWERING[pending["action"]](self._client).run(dispatcher, asked, domain)
