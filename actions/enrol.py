"""action_enrol: a visitor sent an enrolment code (issue 19; bot/nlu/enrolment_code.py made the
intent `enrol`). The lookup service checks it and binds the enrolment to this (channel, sender);
the visitor hears the outcome in their language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import FALLBACK_LANGUAGE, ClientAction, logger, user_text
from actions.liaison_team import channel_of, remember_visitor
from actions.lookup_client import LookupUnavailable, NoAnswer
from common.enrolment import code_in

# The service's reason -> what the visitor is told.
RESPONSE_FOR_REASON = {
    "unknown": "utter_enrol_invalid",
    "not_a_code": "utter_enrol_invalid",
    "expired": "utter_enrol_expired",
    "revoked": "utter_enrol_expired",
    "used_up": "utter_enrol_used_up",
    "too_many_attempts": "utter_enrol_too_many",
}


class ActionEnrol(ClientAction):
    def name(self) -> str:
        return "action_enrol"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        lang = tracker.get_slot("language") or FALLBACK_LANGUAGE
        remember_visitor(self.client, tracker, lang)
        entities = [str(v) for v in tracker.get_latest_entity_values("enrolment_code")]
        code = entities[0] if entities else code_in(user_text(tracker))
        if code is None:
            dispatcher.utter_message(response="utter_enrol_invalid")
            return []
        try:
            answer = await self.client.enrol(channel_of(tracker), tracker.sender_id, code)
        except LookupUnavailable as error:
            logger.error("action_enrol: lookup service unavailable: %s", error)
            dispatcher.utter_message(response="utter_lookup_unavailable")
            return []
        if not answer.get("enrolled"):
            reason = str(answer.get("reason"))
            logger.info("action_enrol: code refused for %s: %s", channel_of(tracker), reason)
            response = RESPONSE_FOR_REASON.get(reason, "utter_enrol_invalid")
            dispatcher.utter_message(response=response)
            return []
        nation = await self._nation_name(str(answer.get("nation") or ""), lang)
        response = "utter_enrol_already" if answer.get("already") else "utter_enrolled"
        dispatcher.utter_message(response=response, nation=nation)
        return []

    async def _nation_name(self, code: str, lang: str) -> str:
        """The contingent's nation in the visitor's language (the exercise summary is public)."""
        try:
            exercise = (await self.client.exercise(lang))["fields"]
        except (LookupUnavailable, NoAnswer):
            return code
        names = {n["code"]: n.get("name") for n in exercise.get("nations", [])}
        return names.get(code) or code
