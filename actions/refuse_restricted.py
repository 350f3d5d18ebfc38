"""Refusing an operationally sensitive question (issue 19).

The NLU (the ask_restricted intent, and bot.nlu.opsec_guard for what the classifier misses) marks
the question; its rule brings it here and never to a lookup action, so nothing the pack holds can
answer it, whoever asks. The visitor gets the refusal in their language with the way to the
liaison team; the security officer gets a record (time, language, channel, sender, text) in the
lookup service, sent in the background so a slow service never delays the refusal.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import FALLBACK_LANGUAGE, ClientAction, user_text
from actions.liaison_team import channel_of, in_background

logger = logging.getLogger(__name__)


class ActionRefuseRestricted(ClientAction):
    def name(self) -> str:
        return "action_refuse_restricted"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        lang = tracker.get_slot("language") or FALLBACK_LANGUAGE
        dispatcher.utter_message(response="utter_restricted")
        text = user_text(tracker)
        if text and not text.startswith("/"):  # a button's payload is nobody's question
            refusal = {
                "sender_id": tracker.sender_id,
                "channel": channel_of(tracker),
                "language": lang,
                "text": text,
            }
            logger.info("refused an operationally sensitive question (%s)", lang)
            in_background(self.client.record_refusal(refusal))
        return []
