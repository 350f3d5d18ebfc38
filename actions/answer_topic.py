"""action_answer_topic: logistics, protocol and etiquette questions, answered from the topic
items the liaison team keeps in the lookup service."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import LookupAction, intent_of, logger, say_texts

# Which knowledge-service topic answers which intent.
TOPIC_FOR_INTENT = {
    "ask_reporting": "reporting",
    "ask_badges_access": "badges_access",
    "ask_transport": "transport",
    "ask_lodging": "lodging",
    "ask_meal_times": "meals",
    "ask_laundry": "laundry",
    "ask_currency": "currency",
    "ask_communications": "communications",
    "ask_medical": "medical",
    "ask_emergency_contact": "emergency_contacts",
    "ask_weather_kit": "weather_kit",
    "ask_forms_of_address": "forms_of_address",
    "ask_ceremonies": "ceremonies",
    "ask_flag_order": "flag_order",
    "ask_dress_code": "dress",
    "ask_greetings_etiquette": "greetings",
    "ask_hospitality": "hospitality",
    "ask_prayer_facilities": "prayer_facilities",
    "ask_ramadan": "ramadan",
    "ask_gifts": "gifts",
    "ask_photography": "photography",
    "ask_gender_interaction": "gender_interaction",
    "ask_dining_manners": "dining_manners",
    "ask_dos_donts": "dos_and_donts",
}


class ActionAnswerTopic(LookupAction):
    def name(self) -> str:
        return "action_answer_topic"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        intent = intent_of(tracker)
        topic = TOPIC_FOR_INTENT.get(intent)
        if topic is None:
            logger.warning("action_answer_topic ran for intent %r, which has no topic", intent)
            dispatcher.utter_message(response="utter_default")
            return
        say_texts(dispatcher, await self.client.topic(topic, lang), "text")
