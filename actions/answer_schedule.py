"""action_answer_schedule: the programme of a day, or the exercise's main events."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dates, notes, rendering
from actions.answer_directory import ActionAnswerExercise, phases_asked_about, say_phase
from actions.answer_found import (
    plainly_named,
    related_text,
    say_details_asked,
    say_event,
    say_item,
    say_venue,
)
from actions.answer_topic import place_open_on_a_day
from actions.base import DatedLookupAction, say_freshness, user_text
from actions.dates import requested_day, time_asked
from actions.lookup_client import LookupClient
from actions.not_translated import event_kind, say_notice
from common.asking import SCHEDULE_WORDS
from common.textnorm import words

HIGHLIGHT_KINDS = ("ceremony", "social")


def event_line(event: dict[str, Any], lang: str | None = None) -> str:
    fields = event["fields"]
    place = related_text(event, "venue", "name")
    span = f"{rendering.clock(fields['start'])}–{rendering.clock(fields['end'])}"
    # A title missing in this language: the event's kind in `lang` (never another language's
    # title); a place missing is left out, not said as an empty word.
    title = fields.get("title") or (event_kind(fields.get("kind"), lang) if lang else "")
    return " — ".join(part for part in (f"{span} {title}".strip(), place) if part)


def say_untitled(dispatcher: CollectingDispatcher, events: list[dict[str, Any]], lang: str) -> None:
    """After a programme listing events without their title in this language, the notice and
    offer of the languages that have them (once: actions/not_translated.py)."""
    for event in events:
        if not event["fields"].get("title"):
            say_notice(dispatcher, event, lang)


def runs_at(event: dict[str, Any], day: date, at: time) -> bool:
    """Whether the event is under way at `at` on `day`, in the exercise's local time (the
    service gives the events' times with the exercise's offset)."""
    starts = datetime.fromisoformat(event["fields"]["start"])
    ends = datetime.fromisoformat(event["fields"]["end"])
    moment = datetime.combine(day, at, tzinfo=starts.tzinfo)
    return starts <= moment < ends


class ActionAnswerSchedule(DatedLookupAction):
    def name(self) -> str:
        return "action_answer_schedule"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        # One read of the exercise: its calendar, and its phases for a day only they name.
        exercise = (await self.client.exercise(lang))["fields"]
        today, start, end = self.calendar_of(exercise)
        text = user_text(tracker)
        day = requested_day(text, today, start, end, lang)
        # "Is Well Square open on Sunday", taken for the day's programme: the place's hours
        # (that day's when it is one of the exercise's, else the week's), not the events.
        places = await place_open_on_a_day(self.client, text, lang)
        if places:
            on_day = partial(notes.hours_on, when=day, lang=lang) if day else None
            for venue in places:
                say_venue(dispatcher, venue, lang, on_day)
            say_freshness(dispatcher, places, lang)
            return
        if day is None and await say_named_not_on_programme(self.client, dispatcher, text, lang):
            return
        # "What's the first day of the exercise", taken for the programme: the exercise's dates,
        # as the overview says them (the main events start after its first day, end before its
        # last, and never say either).
        if day is None and asks_exercise_span(text):
            await ActionAnswerExercise(self.client).answer(dispatcher, tracker, lang)
            return
        if day is None:
            events = [
                e for e in await self.client.events(lang) if e["fields"]["kind"] in HIGHLIGHT_KINDS
            ]
            lines = [
                f"{rendering.day(datetime.fromisoformat(e['fields']['start']).date(), lang)}: "
                f"{event_line(e, lang)}"
                for e in events
            ]
            dispatcher.utter_message(response="utter_schedule_highlights", lines="\n".join(lines))
            say_untitled(dispatcher, events, lang)
            say_phases_asked(dispatcher, exercise, text, lang)
            say_freshness(dispatcher, events, lang)
            return
        if await say_day(self.client, dispatcher, text, day, lang):
            return
        # "Which day is the rest day", its words read as a day with nothing on: the phase whose
        # description says it (the programme lists events, not a phase's rest day).
        if not say_phases_asked(dispatcher, exercise, text, lang):
            dispatcher.utter_message(
                response="utter_schedule_empty",
                day=rendering.day(day, lang),
                start=rendering.full_date(start, lang),
                end=rendering.full_date(end, lang),
            )


# The exercise itself, the words saying its first or last day, a day, and its start or end, in
# each language (folded as `words` folds: Urdu's letters as Arabic's, no article).
EXERCISE_WORDS = frozenset(words("exercise exercice تمرين التمرين للتمرين مشق مشقیں mashq"))
FIRST_LAST_WORDS = frozenset(
    words(
        "first last premier première dernier dernière أول اول آخر اخر پہلا پہلی پہلے آخری "
        "pehla pehli pehle akhri aakhri aakhiri"
    )
)
DAY_WORDS = frozenset(words("day jour journée يوم نهار دن din"))
START_END_WORDS = frozenset(
    words(
        "start starts begin begins beginning end ends finish finishes commence commencent "
        "débute début fin finit termine terminé يبدأ يبدا تبدأ بداية ينتهي تنتهي نهاية يخلص "
        "شروع ختم shuru khatam"
    )
)
# "The final exercise" (an event, a phase) is not the exercise's end: "final", and Urdu's
# "آخری مشق" (the last word before the noun: the final exercise; "مشق کا آخری دن" is its last day).
FINAL_WORDS = frozenset(words("final finale finex ختامي الختامي"))


def asks_exercise_span(text: str) -> bool:
    """Whether the message asks the exercise's own first or last day, or when it starts or
    ends: the exercise named, and a first or last day or a start or end, and no final exercise."""
    said = words(text)
    present = set(said)
    if not present & EXERCISE_WORDS or present & FINAL_WORDS:
        return False
    if any(a in FIRST_LAST_WORDS and b in EXERCISE_WORDS for a, b in itertools.pairwise(said)):
        return False
    return bool(present & START_END_WORDS) or bool(
        present & FIRST_LAST_WORDS and present & DAY_WORDS
    )


# What a question taken for the programme may name outright that the programme does not list: a
# dress code, a place, a person or a grade ("the programme says field boots, what is that").
NOT_ON_PROGRAMME = frozenset({"dress_code", "venue", "contact", "rank"})


async def say_named_not_on_programme(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """For a question that names no day: the items of NOT_ON_PROGRAMME it names whole and nearly
    alone (`plainly_named`), as their own actions say them, rather than the exercise's main
    events, which do not say them; whether any was said. Events named stay the programme's."""
    named = await plainly_named(client, text, lang)
    if not named or any(item["kind"] not in NOT_ON_PROGRAMME for item in named):
        return False
    for item in named:
        await say_item(client, dispatcher, item, lang, text)
        say_details_asked(dispatcher, item, text, lang)
    say_freshness(dispatcher, named, lang)
    return True


def say_phases_asked(
    dispatcher: CollectingDispatcher, exercise: dict[str, Any], text: str, lang: str
) -> bool:
    """Say the phases whose description tells what the message asks and the programme does
    not ("which day is the rest day": a phase's day off, no event); whether any."""
    phases = phases_asked_about(exercise, text)
    for phase in phases:
        dispatcher.utter_message(text=say_phase(phase, lang))
    return bool(phases)


async def say_day(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, day: date, lang: str
) -> bool:
    """Say the programme of `day`: the event running at the time the message names, else the
    day's events; whether the day has any."""
    events = await client.events(lang, on=day.isoformat())
    if not events:
        return False
    at = time_asked(text)
    running = [e for e in events if at is not None and runs_at(e, day, at)]
    if running:  # "what happens on 2 June at 7": the event of that time, not the whole day
        for event in running:
            say_event(dispatcher, event, lang)
        say_freshness(dispatcher, running, lang)
        return True
    dispatcher.utter_message(
        response="utter_schedule_day",
        day=rendering.day(day, lang),
        lines="\n".join(event_line(e, lang) for e in events),
    )
    say_untitled(dispatcher, events, lang)
    say_freshness(dispatcher, events, lang)
    return True


async def say_programme_asked(
    client: LookupClient, dispatcher: CollectingDispatcher, text: str, lang: str
) -> bool:
    """For a message the model did not take for a schedule question ("what happens on june 2
    at 7", read as out of scope): when it asks what is on (SCHEDULE_WORDS) and names a day of
    the exercise, in its time zone, that day's programme; whether it was said."""
    if not (SCHEDULE_WORDS & set(words(text)) and dates.may_name_a_day(text)):
        return False
    exercise = (await client.exercise(lang))["fields"]
    today = datetime.now(ZoneInfo(exercise["time_zone"])).date()
    start, end = (date.fromisoformat(exercise[f]) for f in ("start_date", "end_date"))
    day = requested_day(text, today, start, end, lang)
    return day is not None and await say_day(client, dispatcher, text, day, lang)
