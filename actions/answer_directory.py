"""Who to contact, and the exercise at a glance."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.answer_found import say_contact, search_message
from actions.base import LookupAction, say_freshness, user_text
from actions.lookup_client import LookupClient, NoAnswer


async def named_contacts(client: LookupClient, text: str, lang: str) -> list[dict[str, Any]]:
    """The contacts the message names by name or role ("Captain Girard's phone", "how do I
    reach the medical officer"), searched among contacts and ranks together so that a rank
    title alone ("what is a captain?") stays a rank; none when unsure."""
    found = await search_message(client, text, lang, ["contact", "rank"])
    return [item for item in found if item["kind"] == "contact"]


class ActionAnswerContacts(LookupAction):
    """The contact the question names, else every contact."""

    def name(self) -> str:
        return "action_answer_contacts"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        contacts = await named_contacts(self.client, user_text(tracker), lang)
        if not contacts:
            contacts = await self.client.items("contact", lang)
        if not contacts:
            raise NoAnswer("no contacts")
        for contact in contacts:
            say_contact(dispatcher, contact, lang)
        say_freshness(dispatcher, contacts, lang)


class ActionAnswerExercise(LookupAction):
    def name(self) -> str:
        return "action_answer_exercise"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        fields = (await self.client.exercise(lang))["fields"]
        dispatcher.utter_message(
            response="utter_exercise_overview",
            name=fields.get("name") or "",
            start=rendering.full_date(date.fromisoformat(fields["start_date"]), lang),
            end=rendering.full_date(date.fromisoformat(fields["end_date"]), lang),
            summary=fields.get("summary") or "",
            nations=rendering.and_list((n["name"] or n["code"] for n in fields["nations"]), lang),
            phases=rendering.and_list(
                (p["name"] or p["id"] for p in fields.get("phases", [])), lang
            ),
        )
