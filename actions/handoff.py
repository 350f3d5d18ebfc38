"""Handing a conversation to the liaison team and back.

The queue lives in the lookup service (so it survives restarts); the `handoff_active` slot tells
bot.dialogue.HandoffPolicy to keep the bot quiet. The console sends an officer's words and the
hand-back through Rasa's API as the liaison_message and liaison_handback intents.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_directory import (
    ActionAnswerContacts,
    asks_to_reach,
    say_host_nation,
    say_named_contacts,
)
from actions.answer_found import (
    LEANED_TO_REFUSE,
    NEVER_SEARCHED,
    answer_from_search,
    guessed_intent,
)
from actions.answer_schedule import say_programme_asked
from actions.base import FALLBACK_LANGUAGE, ClientAction, LookupAction, user_text
from actions.liaison_team import channel_of, record_unanswered, remember_visitor
from actions.lookup_client import LookupClient, LookupUnavailable
from actions.stand_ins import asks_about_a_meal, say_room_fault_asked, say_topic
from common.channels import can_push
from common.intents import MESSAGE_ENTITY, STAFF_INTENTS

logger = logging.getLogger(__name__)

HANDOFF_SLOT = "handoff_active"
TRANSCRIPT_LENGTH = 30  # the last messages an officer sees first; enough for context


def transcript(tracker: Tracker) -> list[dict[str, str]]:
    """What the visitor and the bot said, oldest first (button payloads left out)."""
    lines = []
    for event in tracker.events:
        text = event.get("text")
        if event.get("event") not in ("user", "bot") or not text or text.startswith("/"):
            continue
        lines.append(
            {
                "speaker": "visitor" if event["event"] == "user" else "bot",
                "text": text,
                "time": datetime.fromtimestamp(event["timestamp"], timezone.utc).isoformat(),
            }
        )
    return lines[-TRANSCRIPT_LENGTH:]


def _previous_turn(tracker: Tracker) -> tuple[str | None, str | None]:
    """(the action that answered the visitor's previous message, that message's text)."""
    users = [e for e in tracker.events if e.get("event") == "user"]
    if len(users) < 2:
        return None, None
    previous = users[-2]
    answered_by = None
    for event in tracker.events[tracker.events.index(previous) + 1 :]:
        if event.get("event") == "user":
            break
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action"):
            answered_by = event["metadata"]["utter_action"]
        elif event.get("event") == "action" and event.get("name") != "action_listen":
            answered_by = answered_by or event.get("name")
    return answered_by, previous.get("text")


class ActionRequestHuman(ClientAction):
    """Queue the conversation for the liaison team and tell the visitor when to expect a reply."""

    def name(self) -> str:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        lang = tracker.get_slot("language") or FALLBACK_LANGUAGE
        remember_visitor(self.client, tracker, lang)
        if not can_push(channel_of(tracker)):
            # An officer's later reply could not reach the visitor on this channel: the team's
            # contacts instead of a place in the queue.
            dispatcher.utter_message(response="utter_handoff_not_on_this_channel")
            # The contacts' own events: one missing in the visitor's language keeps the question
            # for the notice's buttons (actions/not_translated.py).
            return await ActionAnswerContacts(self._client).run(dispatcher, tracker, domain)
        answered_by, previous_text = _previous_turn(tracker)
        reason = "asked"
        if answered_by == "action_not_understood":
            reason = "fallback"  # that question was recorded when it was not understood
        elif answered_by == "utter_no_information":
            reason = "lookup_failed"
            record_unanswered(self.client, tracker, lang, reason="handoff", text=previous_text)
        try:
            handoff = await self.client.open_handoff(
                {
                    "sender_id": tracker.sender_id,
                    "channel": channel_of(tracker),
                    "language": lang,
                    # Known only when the channel passes it (message metadata "nationality").
                    "nationality": (tracker.latest_message.get("metadata") or {}).get(
                        "nationality"
                    ),
                    "reason": reason,
                    "transcript": transcript(tracker),
                }
            )
        except LookupUnavailable as error:
            logger.error("handoff not queued: %s", error)
            dispatcher.utter_message(response="utter_request_human")
            return await ActionAnswerContacts(self._client).run(dispatcher, tracker, domain)
        dispatcher.utter_message(text=handoff["message"])
        return [SlotSet(HANDOFF_SLOT, True)]


class ActionForwardToLiaison(ClientAction):
    """During a handoff: pass the visitor's message to the officer, say nothing."""

    def name(self) -> str:
        return "action_forward_to_liaison"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = user_text(tracker)
        try:
            sender, channel = tracker.sender_id, channel_of(tracker)
            handoff_id = await self.client.active_handoff(sender, channel)
            if handoff_id is None:
                # Closed in the console without a hand-back: the bot takes over again.
                dispatcher.utter_message(response="utter_handoff_back")
                return [SlotSet(HANDOFF_SLOT, False)]
            if text and not text.startswith("/"):
                await self.client.add_handoff_message(handoff_id, sender, channel, text)
        except LookupUnavailable as error:
            logger.error("visitor message not forwarded: %s", error)
            dispatcher.utter_message(response="utter_lookup_unavailable")
        return []


def sent_by_console(tracker: Tracker) -> bool:
    """Whether the latest message is a staff intent added through Rasa's trigger_intent API (the
    liaison console's path, behind Rasa's token), not something a visitor typed. Rasa marks such
    a message `is_external` in its metadata, and bot.channels.guard removes that mark from every
    channel message, so a visitor cannot claim it; the guard also turns a typed staff intent into
    nlu_fallback. This check is the second lock, should a rule or policy ever route a visitor's
    message here."""
    latest = tracker.latest_message or {}
    metadata = latest.get("metadata") or {}
    intent = (latest.get("intent") or {}).get("name")
    if metadata.get("is_external") is True and intent in STAFF_INTENTS:
        return True
    logger.warning("staff action refused: latest message %.80r is not from the console", latest)
    return False


class ActionRelayLiaisonMessage(Action):
    """An officer's reply or an announcement, sent through the console: say it as written."""

    def name(self) -> str:
        return "action_relay_liaison_message"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not sent_by_console(tracker):
            return []
        text = next(tracker.get_latest_entity_values(MESSAGE_ENTITY), None)
        if text:
            dispatcher.utter_message(text=str(text))
        return []


class ActionLiaisonHandback(Action):
    def name(self) -> str:
        return "action_liaison_handback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not sent_by_console(tracker):
            return []
        dispatcher.utter_message(response="utter_handoff_back")
        return [SlotSet(HANDOFF_SLOT, False)]


async def answered_before_search(
    client: LookupClient, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str
) -> bool:
    """What a message the model did not place may still plainly ask, answered as the contacts
    action would: the host nation, or how to reach a person or role the exercise lists
    ("je voudrais contacter le commandant Lefèvre", "qui appeler à la permanence"), whose
    reaching words the whole-message search would count against them. Never for what staff
    send or what the OPSEC guard flagged; a person's contact not when the model leaned to refuse
    (as the search), the host nation (public, in every exercise summary) even then: "مين الدولة
    المضيفة" is a fallback whose runner-up is ask_restricted."""
    latest = tracker.latest_message or {}
    guess = guessed_intent(latest)
    if guess in NEVER_SEARCHED or latest.get("opsec_guard"):
        return False
    text = user_text(tracker)
    if await say_host_nation(client, dispatcher, text, lang):
        return True
    if guess == LEANED_TO_REFUSE:
        return False
    return asks_to_reach(text) and await say_named_contacts(client, dispatcher, text, lang)


async def programme_asked(
    client: LookupClient, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str
) -> bool:
    """The programme of the day a message the model did not place asks about ("what happens on
    june 2 at 7", read as out of scope), as the schedule action says it; never for what staff
    send, the OPSEC guard flagged or the model leaned to refuse."""
    latest = tracker.latest_message or {}
    guess = guessed_intent(latest)
    if guess in NEVER_SEARCHED or guess == LEANED_TO_REFUSE or latest.get("opsec_guard"):
        return False
    return await say_programme_asked(client, dispatcher, user_text(tracker), lang)


async def topic_asked_by_its_words(
    client: LookupClient, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str
) -> bool:
    """A fault in one's room (the lodging text: where faults are reported), or when or where a
    meal is served (the meals' texts), in a message the model did not place ("the heating in my
    room has stopped working, who do I report it to", "صبح کے کھانے کا آخری وقت"); never for
    what staff send, the OPSEC guard flagged or the model leaned to refuse (stand_ins.py)."""
    latest = tracker.latest_message or {}
    guess = guessed_intent(latest)
    if guess in NEVER_SEARCHED or guess == LEANED_TO_REFUSE or latest.get("opsec_guard"):
        return False
    text = user_text(tracker)
    if await say_room_fault_asked(client, dispatcher, text, lang):
        return True
    return asks_about_a_meal(text, when_or_where=True) and await say_topic(
        client, dispatcher, "meals", lang
    )


class ActionNotUnderstood(LookupAction):
    """The fallback: first what the message names in the knowledge, when the search is sure
    (actions/answer_found.py: a name the model never saw, on any exercise); else record the
    question for the liaison team, ask to rephrase, offer a person."""

    def name(self) -> str:
        return "action_not_understood"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        if await answered_before_search(self.client, dispatcher, tracker, lang):
            return
        if await answer_from_search(self.client, dispatcher, tracker, lang):
            return
        if await programme_asked(self.client, dispatcher, tracker, lang):
            return
        if await topic_asked_by_its_words(self.client, dispatcher, tracker, lang):
            return
        record_unanswered(self.client, tracker, lang, reason="fallback")
        dispatcher.utter_message(response="utter_default")


class ActionOutOfScope(LookupAction):
    """A question the model called out of scope: first what the message names in the knowledge,
    when the search is sure (the model only knows the names of the exercise it learned on, so
    "where's Well Square?" on another exercise reads as out of scope); else the out-of-scope
    answer as before. The same confident-match rule as the fallback, so "what's the weather in
    Paris?" finds no near item. The out-of-scope answer needs no lookup: said even when the
    service cannot be reached."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        try:
            if await answered_before_search(self.client, dispatcher, tracker, lang):
                return
            if await answer_from_search(self.client, dispatcher, tracker, lang):
                return
            if await programme_asked(self.client, dispatcher, tracker, lang):
                return
        except LookupUnavailable as reason:
            logger.warning("out of scope, not searched: lookup service unavailable: %s", reason)
        dispatcher.utter_message(response="utter_out_of_scope")
