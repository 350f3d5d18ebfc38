"""action_switch_language: "English please", "بالعربي", "en français" set the reply language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionSwitchLanguage(Action):
    def name(self) -> str:
        return "action_switch_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        requested = next(tracker.get_latest_entity_values("requested_language"), None)
        # Without a recognised target, the language the request was written in stands.
        language = requested or tracker.get_slot("language")
        return [SlotSet("language", language)]
