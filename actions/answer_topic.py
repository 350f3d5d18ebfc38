"""action_answer_topic: logistics, protocol and etiquette questions, answered from the topic
items the liaison team keeps in the lookup service."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import notes
from actions.base import LookupAction, intent_of, logger, say_freshness, say_texts
from common.topics import TOPIC_FOR_INTENT


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
        items = await self.client.topic(topic, lang)
        say_texts(dispatcher, items, "text")
        if topic == "meals":
            note = notes.ramadan_meals((await self.client.exercise(lang))["fields"], lang)
            if note:
                dispatcher.utter_message(text=note)
        say_freshness(dispatcher, items, lang)
