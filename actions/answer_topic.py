"""action_answer_topic: logistics, protocol and etiquette questions, answered from the topic
items the liaison team keeps in the lookup service."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import notes, prayers
from actions.answer_directory import asks_to_reach, say_named_contacts
from actions.answer_found import plainly_named, say_item, say_texts
from actions.base import DatedLookupAction, intent_of, logger, say_freshness, user_text
from actions.dates import requested_day
from actions.lookup_client import NoAnswer
from common.topics import CONTACT_TOPICS, TOPIC_FOR_INTENT

# Topics whose questions name places and events as a matter of course, and are still about the
# topic ("is photography allowed during the flag raising?"): never overridden by a named item.
SEARCH_NOT_FIRST = frozenset({"ask_photography", "ask_prayer_facilities", "ask_ramadan"})


class ActionAnswerTopic(DatedLookupAction):
    def name(self) -> str:
        return "action_answer_topic"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        intent = intent_of(tracker)
        topic = TOPIC_FOR_INTENT.get(intent)
        if topic is None:
            logger.warning("action_answer_topic ran for intent %r, which has no topic", intent)
            dispatcher.utter_message(response="utter_default")
            return
        text = user_text(tracker)
        # "How do I reach Captain Girard?": the person named, not the emergency numbers; and
        # under any topic a message asking how to reach someone the exercise lists by name or
        # role ("Captain Girard's phone number" taken for a communications question).
        if (topic in CONTACT_TOPICS or asks_to_reach(text)) and await say_named_contacts(
            self.client, dispatcher, text, lang
        ):
            return
        named = [] if intent in SEARCH_NOT_FIRST else await plainly_named(self.client, text, lang)
        if named:
            # The message names a place, event, dress code, person or grade outright: that item,
            # not the topic the model guessed from words it knew (actions/answer_found.py).
            for item in named:
                await say_item(self.client, dispatcher, item, lang)
            say_freshness(dispatcher, named, lang)
            return
        if topic == "prayer_facilities" and prayers.asks_for_times(text):
            try:
                await self.answer_prayer_times(dispatcher, text, lang)
            except NoAnswer as reason:  # the pack gives no prayer_times: the rooms' text does
                logger.info("no calculated prayer times: %s", reason)
            else:
                if prayers.times_only(text):
                    return
        items = await self.client.topic(topic, lang)
        say_texts(dispatcher, items, "text")
        if topic == "meals":
            note = notes.ramadan_meals((await self.client.exercise(lang))["fields"], lang)
            if note:
                dispatcher.utter_message(text=note)
        say_freshness(dispatcher, items, lang)

    async def answer_prayer_times(
        self, dispatcher: CollectingDispatcher, text: str, lang: str
    ) -> None:
        """The times of the prayer named (all of them when none is) on the day the visitor
        names in the exercise's time zone, today when none; Friday prayer on the Friday named,
        else the next one."""
        today, start, end = await self.calendar(lang)
        day = requested_day(text, today, start, end, lang) or today
        prayer = prayers.prayer_named(text)
        if prayer == prayers.FRIDAY:
            day = prayers.next_friday(day)
        [times] = await self.client.prayer_times(lang, day.isoformat())
        for sentence in prayers.render(times, prayer, lang):
            dispatcher.utter_message(text=sentence)
