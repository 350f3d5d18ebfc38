"""Who to contact, and the exercise at a glance."""

from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.base import LookupAction, say_freshness
from actions.lookup_client import NoAnswer


class ActionAnswerContacts(LookupAction):
    def name(self) -> str:
        return "action_answer_contacts"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        contacts = await self.client.items("contact", lang)
        if not contacts:
            raise NoAnswer("no contacts")
        for contact in contacts:
            fields = contact["fields"]
            reach = " · ".join(
                value for value in (fields.get(k) for k in ("phone", "email", "radio")) if value
            )
            dispatcher.utter_message(
                response="utter_contact",
                name=fields.get("name") or "",
                role=(fields.get("role") or "").rstrip(". "),  # the template adds punctuation
                reach=reach,
                languages=rendering.language_names(fields.get("languages", []), lang),
            )
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
