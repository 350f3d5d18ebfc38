"""action_answer_topic: factual questions answered by the lookup service, in the user's language."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.lookup_client import LookupClient, LookupUnavailable, NoAnswer, shared_client

logger = logging.getLogger(__name__)

# Which knowledge-service topic answers which intent.
TOPIC_FOR_INTENT = {
    "ask_meal_times": "meals",
    "ask_prayer_facilities": "prayer_facilities",
    "ask_emergency_contact": "emergency_contacts",
}

# The domain gives the `language` slot this initial value; kept here for trackers without it.
FALLBACK_LANGUAGE = "en"


class ActionAnswerTopic(Action):
    def __init__(self, client: LookupClient | None = None) -> None:
        self._client = client

    def name(self) -> str:
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        topic = TOPIC_FOR_INTENT.get(intent or "")
        if topic is None:
            logger.warning("action_answer_topic ran for intent %r, which has no topic", intent)
            dispatcher.utter_message(response="utter_default")
            return []
        language = tracker.get_slot("language") or FALLBACK_LANGUAGE
        client = self._client or shared_client()
        try:
            items = await client.topic(topic, language)
        except NoAnswer as reason:
            logger.info("no answer on %s in %s: %s", topic, language, reason)
            dispatcher.utter_message(response="utter_no_information")
            return []
        except LookupUnavailable as reason:
            logger.error("lookup service unavailable for %s in %s: %s", topic, language, reason)
            dispatcher.utter_message(response="utter_lookup_unavailable")
            return []
        for item in items:
            dispatcher.utter_message(text=item.text)
        return []
