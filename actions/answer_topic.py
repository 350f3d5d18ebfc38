"""action_answer_topic: logistics, protocol and etiquette questions, answered from the topic
items the liaison team keeps in the lookup service."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dates, prayers, rendering
from actions.answer_directory import (
    asks_for_office,
    asks_to_reach,
    asks_who,
    in_another_script,
    named_only,
    say_named_contacts,
    sentences,
)
from actions.answer_found import (
    SEARCH_KINDS,
    answer_from_search,
    asks_beyond_when_and_where,
    asks_details,
    asks_purpose,
    by_name,
    plainly_named,
    say_details_asked,
    say_event,
    say_item,
    say_phrases_asked,
    say_purpose_asked,
    say_venue,
    search_message,
)
from actions.base import (
    DatedLookupAction,
    entity_values_asked,
    find,
    intent_of,
    logger,
    say_freshness,
    say_topic_texts,
    user_text,
)
from actions.dates import requested_day
from actions.lookup_client import ForParticipants, LookupClient, NoAnswer
from actions.not_translated import offered_languages, say_notice
from actions.notes import DOMAIN as VISITOR_DOMAIN
from actions.position import own_position_clauses
from actions.stand_ins import (
    asks_about_a_meal,
    say_meals_before_events,
    say_room_fault_asked,
    say_topic,
)
from common.asking import WHEN_WORDS
from common.i18n import N_, translator
from common.textnorm import words
from common.topics import CONTACT_TOPICS, TOPIC_FOR_INTENT

# Topics whose questions name places and events as a matter of course, and are still about the
# topic ("is photography allowed during the flag raising?"): never overridden by a named item.
SEARCH_NOT_FIRST = frozenset({"ask_photography", "ask_prayer_facilities", "ask_ramadan"})
# Topics whose own words a ceremony's title carries ("what's the flag order" names the flag
# raising as plainly as its topic): an event named does not override them when the message asks
# for the order itself (ORDER_WORDS); "where is the flag raising held", taken for the flag order,
# is still about the event. Places and people named still override.
EVENT_NOT_FIRST = frozenset({"ask_flag_order"})
ORDER_WORDS = frozenset(
    words("order ordering precedence ordre preseance ordonnes ترتيب الترتيب ترتيبها ترتیب")
)
# Words asking whether a place is open (folded, every language): with a day named, a place
# named alone is asked for its hours that day, whatever topic the intent chose.
OPEN_WORDS = frozenset(
    words(
        "open opens opened ouvert ouverte ouverts ouvertes ouvre ouvrent "
        "مفتوح مفتوحة يفتح تفتح فاتح فاتحة کھلا کھلی کھلے کھلتا کھلتی کھلتے"
    )
)
# Words asking a place's hours or when it closes (folded, every language), beside OPEN_WORDS: a
# dining hall's hours asked under the meal times are the hall's, not the meals' (ActionAnswerTopic).
HOURS_WORDS = frozenset(
    words(
        "hours opening closing close closes closed horaires horaire ouverture fermeture ferme "
        "ferment ساعات دوام الدوام دوامه دوامها اوقات تسكر يسكر يغلق تغلق يقفل تقفل بند timing "
        "timings "
        "khula khulta band"
    )
)
# Words for the vehicles an event's own text may say it leaves by (folded, every language): a
# transport question naming such an event ("the bus for the cultural visit") gets the event's
# own note (its departure time) rather than the camp's general transport text.
BUS_WORDS = frozenset(
    words(
        "bus buses shuttle shuttles coach coaches navette navettes autocar autocars "
        "حافلة حافلات باص باصات بس بسیں بسوں شٹل"
    )
)

# Topics a fault in one's room is taken for (a number to call, whom to report to, the phone in
# the room): the lodging text answers it when the exercise has one.
ROOM_FAULT_TAKEN_FOR = frozenset(
    {"emergency_contacts", "reporting", "communications", "medical", "badges_access"}
)
# A topic an exercise may have no text on, and the topic that carries the facts it asks for: "I
# need a doctor" (medical) in a pack whose medical line is among its emergency numbers gets
# those, and so does a visitor not yet enrolled (the medical centre's text is for participants;
# safety information is always public: common/topics.py).
STANDS_IN_FOR = {"medical": "emergency_contacts"}
# A topic an exercise may tell by its events of one kind (lookup/packs/schema.py) rather than a
# text: "when does the parade or ceremony start" in a pack with no ceremonies text, whose only
# ceremony is its flag raising, gets that ceremony, not "I don't have that".
EVENT_KIND_FOR_TOPIC = {"ceremonies": "ceremony"}
# The order of precedence of the flags, said from the exercise's own `flag_order` (its nations'
# codes) when the pack has no flag_order text: every pack gives that order (lookup/packs/schema.py).
_FLAG_ORDER = N_("The flags are placed in this order: {nations}.")


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
        # "The heating in my room stopped working, which number do I call", taken for the
        # emergency numbers: the lodging text says where faults are reported (stand_ins.py).
        if topic in ROOM_FAULT_TAKEN_FOR and await say_room_fault_asked(
            self.client, dispatcher, text, lang
        ):
            return
        # "How do I reach Captain Girard?": the person named, not the emergency numbers; and
        # under any topic a message asking how to reach someone the exercise lists by name or
        # role ("Captain Girard's phone number" taken for a communications question).
        if (
            topic in CONTACT_TOPICS or asks_to_reach(text) or asks_who(text)
        ) and await say_named_contacts(self.client, dispatcher, text, lang):
            return
        # "Which room is Thornton in?" taken for lodging: a person named by name whose office is
        # asked gets their card (not a contingent's words matching a role's text).
        if asks_for_office(text) and await say_named_contacts(
            self.client, dispatcher, text, lang, named_only
        ):
            return
        # "قاعة طعام النخلة من الساعة كم لكم مفتوحة" (the dining hall, open from when to when),
        # taken for the meal times: the hall's own hours, not the meals served there.
        if topic == "meals":
            venues = await self.say_venue_hours_asked(dispatcher, tracker, text, lang)
            if venues:
                say_freshness(dispatcher, venues, lang)
                return
        # "How do you say thank you in Arabic", taken for the greetings: the pack's phrase.
        phrases = await say_phrases_asked(self.client, dispatcher, text, lang)
        if phrases:
            say_freshness(dispatcher, phrases, lang)
            return
        named = (
            await place_open_on_a_day(self.client, text, lang)
            if intent in SEARCH_NOT_FIRST
            else await plainly_named(self.client, text, lang)
        )
        if not named and own_position_clauses(text):
            # "I'm standing by the prayer tent, how do I get to Well Square?", taken for the
            # prayer rooms by the place the visitor stands at: what the rest of the message
            # names confidently, when it is no topic's text (actions/position.py).
            found = await search_message(self.client, text, lang, SEARCH_KINDS)
            named = [] if any(item["kind"] == "topic" for item in found) else found
        if intent in EVENT_NOT_FIRST and ORDER_WORDS & set(words(text)):
            named = [item for item in named if item["kind"] != "event"]
        if named:
            # The message names a place, event, dress code, person or grade outright: that item,
            # not the topic the model guessed from words it knew (actions/answer_found.py);
            # a meal asked bare that found the programme's dinners by "dinner" gets the daily
            # meal's times first (actions/stand_ins.py).
            meals = (
                await say_meals_before_events(self.client, dispatcher, text, named, lang)
                if topic == "meals"
                else []
            )
            for item in named:
                await say_item(self.client, dispatcher, item, lang, text)
                say_details_asked(dispatcher, item, text, lang)
            say_freshness(dispatcher, [*meals, *named], lang)
            return
        # "What should I bring to the cultural visit" (taken for the kit or the dos and don'ts),
        # "by when must I report for the range day": an event named whose description tells what
        # is asked is the answer, not the topic's general text.
        if topic != "transport" and intent not in SEARCH_NOT_FIRST and asks_details(text):
            told = await self.say_event_details(dispatcher, tracker, text, lang)
            if told:
                say_freshness(dispatcher, told, lang)
                return
        # "Someone mentioned a majlis evening with Arabic coffee, when is it", taken for the
        # hospitality topic: an event whose whole title the message says, asked when, is the
        # answer (its day, time and place), not the topic its other words are about.
        if topic != "transport" and intent not in SEARCH_NOT_FIRST:
            timed = await self.say_event_asked_when(dispatcher, text, lang)
            if timed:
                say_freshness(dispatcher, timed, lang)
                return
        # "The bus for the cultural visit": that event's own note first, then the camp's
        # transport text (the event named may not be the trip asked about: "a bus into town").
        events = (
            await self.say_event_transport(dispatcher, tracker, text, lang)
            if topic == "transport"
            else []
        )
        if topic == "prayer_facilities" and prayers.asks_for_times(text):
            try:
                await self.answer_prayer_times(dispatcher, text, lang)
            except NoAnswer as reason:  # the pack gives no prayer_times: the rooms' text does
                logger.info("no calculated prayer times: %s", reason)
            else:
                if prayers.times_only(text):
                    return
        try:
            items = await self.topic_or_stand_in(topic, lang)
        except NoAnswer:
            if await self.say_events_of_topic(dispatcher, topic, lang, text):
                return
            if topic == "flag_order" and await self.say_flag_order_or_found(
                dispatcher, tracker, text, lang
            ):
                return
            # "وين أروح آكل" (where do I go to eat) taken for reporting in, or another topic this
            # exercise has no text on: what the message names, else the meals' texts.
            if asks_about_a_meal(text, when_or_where=True) and (
                await answer_from_search(self.client, dispatcher, tracker, lang)
                or await say_topic(self.client, dispatcher, "meals", lang)
            ):
                return
            raise
        places = await self.say_venue_purpose_asked(dispatcher, text, lang)
        await say_topic_texts(self.client, dispatcher, topic, items, lang)
        say_freshness(dispatcher, [*events, *places, *items], lang)

    async def say_venue_purpose_asked(
        self, dispatcher: CollectingDispatcher, text: str, lang: str
    ) -> list[dict[str, Any]]:
        """What a place the message names is for, before the topic's text, when the message
        asks it (asks_purpose): "à quoi sert le centre médical", "لانڈری کس لیے ہے", taken for
        the medical or laundry topic, got the topic's text, which says how to use the place and
        not what it offers (its purpose: "pharmacy", "pressing of ceremonial uniforms"). The
        topic's text still follows: it answers what the visitor will ask next. The places
        said."""
        if not asks_purpose(text):
            return []
        found = await search_message(self.client, text, lang, ["venue"])
        venues = [item for item in found if item["kind"] == "venue"]
        for venue in venues:
            say_purpose_asked(dispatcher, venue, text, lang)
        return venues

    async def say_venue_hours_asked(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, lang: str
    ) -> list[dict[str, Any]]:
        """A place's card (directions and hours) when the message asks when a place it names
        is open (OPEN_WORDS, HOURS_WORDS) and names no meal: a dining hall's opening hours are
        not its meal times ("the dining hall, from what time until what time is it open",
        "horaires d'ouverture du réfectoire", "ڈائننگ ہال کے اوقات"). The place the model
        marked, else one the whole message names confidently. The places said."""
        if asks_about_a_meal(text) or not (OPEN_WORDS | HOURS_WORDS) & set(words(text)):
            return []
        if entity_values_asked(tracker, "venue"):
            found = await find(self.client, tracker, "venue", lang)
        else:
            found = await search_message(self.client, text, lang, ["venue"])
        venues = [item for item in found if item["kind"] == "venue"]
        for venue in venues:
            say_venue(dispatcher, venue, lang)
        return venues

    async def topic_or_stand_in(self, topic: str, lang: str) -> list[dict[str, Any]]:
        """The topic's texts; for a topic this exercise has nothing on (or nothing this visitor
        may read) that has a stand-in (STANDS_IN_FOR), the stand-in's texts. The reason there is
        no text of the topic itself stands when the stand-in has none either."""
        try:
            return await self.client.topic(topic, lang)
        except (NoAnswer, ForParticipants) as reason:
            stand_in = STANDS_IN_FOR.get(topic)
            if stand_in is None:
                raise
            try:
                return await self.client.topic(stand_in, lang)
            except (NoAnswer, ForParticipants):
                raise reason from None

    async def say_events_of_topic(
        self, dispatcher: CollectingDispatcher, topic: str, lang: str, text: str = ""
    ) -> bool:
        """Say the exercise's events of the kind that tells the topic (EVENT_KIND_FOR_TOPIC);
        whether there were any."""
        kind = EVENT_KIND_FOR_TOPIC.get(topic)
        if kind is None:
            return False
        events = [e for e in await self.client.events(lang) if e["fields"].get("kind") == kind]
        for event in events:
            # "je mets quoi aux pieds pour le lever des couleurs", taken for the ceremonies in
            # a pack whose ceremonies are events: what to wear, the dress described.
            say_event(dispatcher, event, lang, text)
        say_freshness(dispatcher, events, lang)
        return bool(events)

    async def say_flag_order_or_found(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, lang: str
    ) -> bool:
        """For an exercise with no flag_order text: what the message names, when the search is
        sure and the message does not ask for the order itself ("وين يكون رفع العلم", taken for
        the flag order, is about the ceremony), else the order of the exercise's flags; whether
        anything was said."""
        if not ORDER_WORDS & set(words(text)) and await answer_from_search(
            self.client, dispatcher, tracker, lang
        ):
            return True
        return await self.say_flag_order(dispatcher, lang)

    async def say_flag_order(self, dispatcher: CollectingDispatcher, lang: str) -> bool:
        """Say the nations in the exercise's order of flags; whether it was said (not when a
        nation of that order has no name in this language: the topic's absence then stands)."""
        exercise = await self.client.exercise(lang)
        fields = exercise["fields"]
        names = {n.get("code"): n.get("name") for n in fields.get("nations", [])}
        ordered = [names.get(code) for code in fields.get("flag_order", [])]
        if ordered and not all(ordered) and offered_languages(exercise, lang):
            # The nations' names exist only in other languages (a pack without Urdu): the
            # visitor is offered those, as for any text missing in theirs, not "no information".
            say_notice(dispatcher, exercise, lang)
            return True
        if not ordered or not all(ordered):
            return False
        nations = rendering.and_list((f"{n}. {name}" for n, name in enumerate(ordered, 1)), lang)
        text = translator(lang, VISITOR_DOMAIN).gettext(_FLAG_ORDER).format(nations=nations)
        dispatcher.utter_message(text=text)
        return True

    async def say_event_details(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, lang: str
    ) -> list[dict[str, Any]]:
        """Say the events the message names whose description tells what it asks beyond their
        time and place, each with its description; the events said. Those the model found
        named (an event entity), else the one the message confidently names among the events
        alone: "pour la clôture on doit être en place à quelle heure", whose "clôture" the model
        did not mark, got the ceremonies' text, which does not say the time to be in place. None
        for a visitor the events are not for (the topic's answer then stands)."""
        try:
            if list(tracker.get_latest_entity_values("event")):
                hits = await find(self.client, tracker, "event", lang)
            else:
                hits = await search_message(self.client, text, lang, ["event"], by_name)
        except ForParticipants:
            return []
        events = [
            event
            for event in hits
            if event["fields"].get("description") and asks_beyond_when_and_where(text, event)
        ]
        for event in events:
            say_event(dispatcher, event, lang)
            dispatcher.utter_message(text=event["fields"]["description"])
        return events

    async def say_event_asked_when(
        self, dispatcher: CollectingDispatcher, text: str, lang: str
    ) -> list[dict[str, Any]]:
        """When the message asks when (WHEN_WORDS) and names an event by its name among the
        events alone (`by_name`) with every word of its title in this language, say those
        events; the events said. A word the title shares ("when is dinner", with a welcome and a
        farewell dinner) names no event: the topic answers. None for a visitor the events are
        not for."""
        asked = set(words(text))
        if not WHEN_WORDS & asked:
            return []
        # The whole message, else its sentence that asks when ("when does the flag raising
        # end? I want breakfast after": the reason given leaves the event under half of it).
        parts = sentences(text)
        asking = [part for part in parts if WHEN_WORDS & set(words(part))]
        try:
            hits = await search_message(self.client, text, lang, ["event"], by_name)
            if not hits and len(parts) > 1:
                for part in asking:
                    hits = hits or await search_message(self.client, part, lang, ["event"], by_name)
        except ForParticipants:
            return []
        # An event with no title in this language (a pack without Urdu), or a question written
        # in another language than the answer's (asked in Urdu, answered in French after the
        # visitor pressed it): its title cannot be among the words; the search's name stands.
        other_words = in_another_script(text, lang)
        events = [
            event
            for event in hits
            if titled_in(event, asked) or other_words or not event["fields"].get("title")
        ]
        for event in events:
            say_event(dispatcher, event, lang, text)  # what to wear: the dress described
        return events

    async def say_event_transport(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, lang: str
    ) -> list[dict[str, Any]]:
        """Say the events the message names whose own description says how people get there
        (BUS_WORDS), each with its description; the events said. Those the model found named
        (an event entity: "which coach do we take to the cultural visit, I want to book a taxi
        back", whose other words left the whole message unsure), else the ones the message
        confidently names."""
        if list(tracker.get_latest_entity_values("event")):
            named = await find(self.client, tracker, "event", lang)
        else:
            named = await search_message(self.client, text, lang, ["event"])
        events = [
            event
            for event in named
            if BUS_WORDS & set(words(event["fields"].get("description") or ""))
        ]
        for event in events:
            say_event(dispatcher, event, lang)
            dispatcher.utter_message(text=event["fields"]["description"])
        return events

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


def titled_in(event: dict[str, Any], asked: set[str]) -> bool:
    """Whether the message's words (`asked`, folded) hold every word of the event's title
    over three letters (its articles and prepositions aside)."""
    title = {word for word in words(event["fields"].get("title") or "") if len(word) > 3}
    return bool(title) and title <= asked


async def place_open_on_a_day(client: LookupClient, text: str, lang: str) -> list[dict[str, Any]]:
    """For a message asking whether a place is open on a day, the places it names whole and
    nearly alone once its words for a day are left out ("is Well Square open on Sunday", taken
    for prayer or for the day's programme: the place's hours); none otherwise. Prayer,
    photography and Ramadan questions name places as a matter of course ("is there a prayer
    room, and when is Friday prayer": the prayer text, not the room's card)."""
    if not dates.may_name_a_day(text) or not OPEN_WORDS & set(words(text)):
        return []
    undated = dates.without_day_words(text)
    if undated.split() == text.split():
        return []
    named = await plainly_named(client, undated, lang)
    return [item for item in named if item["kind"] == "venue"]
