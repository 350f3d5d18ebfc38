"""action_answer_schedule: the programme of a day, or the exercise's main events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import rendering
from actions.answer_found import related_text
from actions.base import DatedLookupAction, say_freshness, user_text
from actions.dates import requested_day

HIGHLIGHT_KINDS = ("ceremony", "social")


def event_line(event: dict[str, Any]) -> str:
    fields = event["fields"]
    place = related_text(event, "venue", "name")
    span = f"{rendering.clock(fields['start'])}–{rendering.clock(fields['end'])}"
    # A title or place missing in this language is left out, not said as an empty word.
    return " — ".join(
        part for part in (f"{span} {fields.get('title') or ''}".strip(), place) if part
    )


class ActionAnswerSchedule(DatedLookupAction):
    def name(self) -> str:
        return "action_answer_schedule"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        today, start, end = await self.calendar(lang)
        day = requested_day(user_text(tracker), today, start, end, lang)
        if day is None:
            events = [
                e for e in await self.client.events(lang) if e["fields"]["kind"] in HIGHLIGHT_KINDS
            ]
            lines = [
                f"{rendering.day(datetime.fromisoformat(e['fields']['start']).date(), lang)}: "
                f"{event_line(e)}"
                for e in events
            ]
            dispatcher.utter_message(response="utter_schedule_highlights", lines="\n".join(lines))
            say_freshness(dispatcher, events, lang)
            return
        events = await self.client.events(lang, on=day.isoformat())
        if not events:
            dispatcher.utter_message(
                response="utter_schedule_empty",
                day=rendering.day(day, lang),
                start=rendering.full_date(start, lang),
                end=rendering.full_date(end, lang),
            )
            return
        dispatcher.utter_message(
            response="utter_schedule_day",
            day=rendering.day(day, lang),
            lines="\n".join(event_line(e) for e in events),
        )
        say_freshness(dispatcher, events, lang)
