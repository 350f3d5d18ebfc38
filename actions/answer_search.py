"""Questions about one named thing (an event, its dress, a place, a rank): the lookup service's
multilingual search finds it from the user's own words, so no exercise fact lives in the model."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import dates, incomplete, notes
from actions.answer_directory import (
    distinctive_nation_words,
    nation_words_said,
    say_absent_person,
    say_named_contacts,
)
from actions.answer_found import (
    NAMED_SCORE,
    WHEN_WORDS,
    answer_from_search,
    asks_beyond_when_and_where,
    related_text,
    say_event,
    say_item,
    say_purpose_asked,
    say_rank,
    say_texts,
    say_venue,
    search_message,
)
from actions.base import (
    DatedLookupAction,
    LookupAction,
    entity_values_asked,
    find,
    other_kinds_named,
    say_freshness,
    user_text,
)
from actions.lookup_client import ForParticipants, NoAnswer
from actions.not_translated import say_not_translated
from actions.stand_ins import say_meals_asked, say_meals_before_events
from common.textnorm import words

# Arabic's one-letter prepositions written on a word ("بحفل"): the word said without one.
_ARABIC_PROCLITICS = "لبكفو"


def said_whole(name: str, text: str) -> bool:
    """Whether the message says every word of a name that says something (longer than two
    letters: not "de", "of", "la"), a word with an Arabic preposition on it counting too."""
    said = set(words(text))
    said |= {w[1:] for w in said if len(w) > 3 and w[0] in _ARABIC_PROCLITICS}
    named = [w for w in words(name) if len(w) > 2]
    return bool(named) and all(w in said for w in named)


class ActionAnswerEvent(LookupAction):
    def name(self) -> str:
        return "action_answer_event"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        hits = await find(self.client, tracker, "event", lang)
        text = user_text(tracker)
        if not hits and (
            await answer_from_search(self.client, dispatcher, tracker, lang)
            or await say_meals_asked(self.client, dispatcher, text, lang)
        ):
            # What the message names; else a meal, not an event of the programme: when and
            # where meals are served (actions/stand_ins.py).
            return
        if not hits:
            raise NoAnswer("no event matches")
        # "what time is dinner pls" finds the welcome and farewell dinners by "dinner": the daily
        # meal's times first, then those dinners (actions/stand_ins.py).
        meals = await say_meals_before_events(self.client, dispatcher, text, hits, lang)
        for event in hits:  # several when the question names them equally (find)
            say_event(dispatcher, event, lang, text)  # what to wear: the dress described
            description = event["fields"].get("description") or ""
            if description and asks_beyond_when_and_where(text, event):
                dispatcher.utter_message(text=description)
        others = await other_kinds_named(self.client, tracker, "event", hits, lang)
        for item in others:  # "... and when does Well Square open"
            await say_item(self.client, dispatcher, item, lang)
        said = [i for e in hits for i in [e, *e.get("related", {}).values()]]
        say_freshness(dispatcher, [*meals, *said, *others], lang)


# What a dress question may name: a dress code itself, or an event (whose dress is asked).
DRESS_OR_EVENT = ["dress_code", "event"]

# A dress question that also asks the event's date, day or place ("date and dress for the
# closing ceremony", "رفع العلم إمتى ونلبس إيه", "drill kahan hogi aur uniform kaun si") gets
# the event's time and place before its dress: WHEN_WORDS, and the date, day and where words
# of each language, spoken Arabic's 'when' and Roman Urdu's.
EVENT_FACT_WORDS = WHEN_WORDS | frozenset(
    words(
        "date day where jour ou lieu "
        "امتى إمتى ايمتى أيمتى امتا وقتاش فوقاش إيمته تاريخ يوم أين وين فين فاين مكان "
        "تاریخ دن کہاں کدھر جگہ "
        "kab kahan kahaan kidhar tareekh tarikh din waqt"
    )
)


class ActionAnswerDress(DatedLookupAction):
    """The dress for the event named; else for the events of the day named ("what do I wear on
    2 June", in the exercise's time zone, as the schedule reads days); else the general dress
    guidance."""

    def name(self) -> str:
        return "action_answer_dress"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        # "What is the dress code 'field boots'?", "c'est quoi la tenue de cérémonie ?": a dress
        # code named outright is the answer itself, not the events worn in it nor the guidance.
        text = user_text(tracker)
        named = await search_message(self.client, text, lang, DRESS_OR_EVENT)
        codes = [item for item in named if item["kind"] == "dress_code"]
        if codes:
            # "date and dress for the closing ceremony": the ceremonial dress's description
            # mentions the ceremonies, but an event named whole is what is asked (its dress,
            # the code's name and description among it).
            events = await search_message(self.client, text, lang, ["event"])
            if any(said_whole(event["fields"].get("title") or "", text) for event in events):
                codes = []
        if codes:
            for code in codes:
                await say_item(self.client, dispatcher, code, lang)
            say_freshness(dispatcher, codes, lang)
            return
        try:
            hits = await find(self.client, tracker, "event", lang)
            if not hits:  # no event named: those of the day named, if any
                hits = await self._events_of_day_asked(tracker, lang)
        except ForParticipants:  # the events are not for this visitor; the dress guidance is
            hits = []
        if not hits or "dress" not in hits[0].get("related", {}):
            await self._say_guidance(dispatcher, lang)
            return
        dressed = [event for event in hits if "dress" in event.get("related", {})]
        asks_when = bool(EVENT_FACT_WORDS & set(words(user_text(tracker))))
        for event in dressed:  # several when the question names them equally (find)
            if asks_when:  # its time, place and dress; then the dress's description
                say_event(dispatcher, event, lang)
            title = event["fields"].get("title") or ""
            dress = related_text(event, "dress", "name")
            description = related_text(event, "dress", "description")
            if title and dress:
                dispatcher.utter_message(
                    response="utter_event_dress", title=title, dress=dress, description=description
                )
            elif dress or description:  # a text missing in this language
                dispatcher.utter_message(
                    text=incomplete.event_dress(title, dress, description, lang)
                )
            else:
                say_not_translated(dispatcher, event["related"]["dress"], lang)
        say_freshness(dispatcher, [i for e in dressed for i in (e, e["related"]["dress"])], lang)

    async def _say_guidance(self, dispatcher: CollectingDispatcher, lang: str) -> None:
        """The pack's dress guidance; a pack without any ("what's the dress code on this
        exercise") has its dress codes said instead, each with its description: the facts it
        holds, rather than "I don't have that"."""
        try:
            guidance = await self.client.topic("dress", lang)
        except NoAnswer:
            codes = await self.client.items("dress_code", lang)
            if not codes:
                raise
            for code in codes:
                await say_item(self.client, dispatcher, code, lang)
            say_freshness(dispatcher, codes, lang)
            return
        say_texts(dispatcher, guidance, "text")
        say_freshness(dispatcher, guidance, lang)

    async def _events_of_day_asked(self, tracker: Tracker, lang: str) -> list[dict[str, Any]]:
        """The events of the exercise-local day the message names, those with a dress first
        (the answer says each one's); none when it names no day of the exercise."""
        day = await self.day_asked(tracker, lang)
        if day is None:
            return []
        events = await self.client.events(lang, on=day.isoformat())
        return sorted(events, key=lambda event: "dress" not in event.get("related", {}))


class ActionAnswerVenue(DatedLookupAction):
    """A place's directions and hours: those of the day asked about ("is the gym open on
    Friday?", in the exercise's time zone), else the week's; every place the question names."""

    def name(self) -> str:
        return "action_answer_venue"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        day = await self.day_asked(tracker, lang)
        # The day's words are the date of the answer, not part of the place's name.
        searched = dates.without_day_words(user_text(tracker)) if day else None
        hits = await find(
            self.client,
            tracker,
            "venue",
            lang,
            at=day.isoformat() if day else None,
            message=searched,
        )
        if not hits and (
            await answer_from_search(self.client, dispatcher, tracker, lang)
            or await say_meals_asked(self.client, dispatcher, user_text(tracker), lang)
        ):
            return  # what the message names; else where and when meals are served
        if not hits:
            raise NoAnswer("no venue matches")
        if await self.said_text_naming_it(dispatcher, tracker, lang):
            return
        for venue in hits:
            # The service gives the hours in force on the day (Ramadan's in Ramadan) as
            # `current`: said for the day asked, else for the week.
            on_day = partial(notes.hours_on, when=day, lang=lang) if day else None
            say_venue(dispatcher, venue, lang, on_day)
            say_purpose_asked(dispatcher, venue, user_text(tracker), lang)
        others = await other_kinds_named(self.client, tracker, "venue", hits, lang)
        for item in others:  # "... and when is the flag raising"
            await say_item(self.client, dispatcher, item, lang)
        say_freshness(dispatcher, [*hits, *others], lang)

    async def said_text_naming_it(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str
    ) -> bool:
        """A place that is only a word of some text ("when does the North Gate open and close",
        in a pack whose gates are no places but words of its access text): when the place the
        model marked is no place's name (a venue found only because its directions mention it)
        and the whole message, searched among the places and the topics' texts, finds a text
        ahead of every place, that text answers, not the range reached through the gate.
        Whether it was said."""
        values = entity_values_asked(tracker, "venue")
        if not values:
            return False
        named = await self.client.search_scored(" ".join(values), lang, ["venue"], 1, "name")
        if not named or named[0][0] >= NAMED_SCORE:
            return False
        ranked = await self.client.search_hits(user_text(tracker), lang, ["venue", "topic"], 2)
        if not ranked or ranked[0]["item"]["kind"] != "topic":
            return False
        if len(ranked) > 1 and ranked[1]["score"] >= ranked[0]["score"]:
            return False  # a place as likely as the text: the place's answer stands
        text = ranked[0]["item"]
        await say_item(self.client, dispatcher, text, lang)
        say_freshness(dispatcher, [text], lang)
        return True


RANK_CODE = re.compile(r"\b(O[FR])[- ]?(\d{1,2})\b", re.IGNORECASE)


class ActionAnswerRank(LookupAction):
    """Every nation's titles for the grade the user names (by title in any language, or code)."""

    def name(self) -> str:
        return "action_answer_rank"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        text = user_text(tracker)
        # "Captain Girard's phone" names a person, not a grade: the contact answers.
        if not RANK_CODE.search(text) and (
            await say_named_contacts(self.client, dispatcher, text, lang)
            or await say_absent_person(self.client, dispatcher, text, lang)
        ):
            return
        # Every code named, in order ("compare OF-3 and OF-4"): each grade is answered.
        codes = list(
            dict.fromkeys(
                f"{c.group(1).upper()}-{int(c.group(2))}" for c in RANK_CODE.finditer(text)
            )
        )
        ranks = await self.client.items("rank", lang)
        if codes:
            by_code = {r["fields"]["code"]: r for r in ranks}
            matches = [by_code[code] for code in codes if code in by_code]
        else:
            meant = [hit["id"] for hit in await find(self.client, tracker, "rank", lang)]
            by_id = {r["id"]: r for r in ranks}
            matches = [by_id[item_id] for item_id in meant if item_id in by_id]
            # "Warrant Officer Class 2": the search reads no number of one digit, and found the
            # Class 1's grade as well (or alone, by another word of its title's note).
            matches = numbered_titles_named(ranks, text) or matches
        if not matches:
            dispatcher.utter_message(response="utter_rank_not_found")
            return
        exercise = (await self.client.exercise(lang))["fields"]
        if len(matches) > 1:
            matches = await self.nations_own(matches, exercise, text)
        for match in matches:
            say_rank(dispatcher, match, exercise)
        say_freshness(dispatcher, matches, lang)

    async def nations_own(
        self, matches: list[dict[str, Any]], exercise: dict[str, Any], text: str
    ) -> list[dict[str, Any]]:
        """Of several grades found for one title, those whose title in the nation the message
        names (else the visitor's own nation) is the title asked: Valmère's "Major" is a senior
        NCO (OR-9), Northmark's an officer (OF-3), and "Valmère's major" is the first. All of
        them, each with every nation's titles, when no nation is named nor the visitor's, or
        when that nation's titles (their notes in brackets aside) do not tell them apart."""
        distinctive = distinctive_nation_words(exercise.get("nations", []))
        asked = set(words(text))
        codes = {code for code, theirs in distinctive if nation_words_said(theirs, asked)}
        if not codes:
            own = await self.client.own_nation()
            codes = {own} if own else set()
        if len(codes) != 1:
            return matches
        (code,) = codes
        titled = [
            rank
            for rank in matches
            if asked
            & {
                w
                for t in rank["fields"]["titles"].get(code) or []
                for w in words(_NOTE.sub(" ", t))
                if len(w) > 2
            }
        ]
        return titled or matches


def numbered_titles_named(ranks: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The grades a title with a number names whole in the message, its number included
    ("what rank in Valmère equals a Northmark Warrant Officer Class 2", "وارنٹ آفیسر کلاس 2 کے
    برابر"): that class, not its siblings (Class 1, OR-9, got the answer: issue 20). None when
    the message names no such title (the search's grades stand)."""
    asked = words(text)
    named = []
    for rank in ranks:
        for titles in (rank["fields"].get("titles") or {}).values():
            if any(
                _numbered_title_in(words(_NOTE.sub(" ", title)), asked)
                for title in titles or []
                if title  # none in a language the pack lacks
            ):
                named.append(rank)
                break
    return named


def _numbered_title_in(title: list[str], asked: list[str]) -> bool:
    """Whether the title's words, one of them a number, follow each other in the message."""
    if not any(word.isdigit() for word in title):
        return False
    return any(asked[at : at + len(title)] == title for at in range(len(asked) - len(title) + 1))


# A note in brackets after a title ("Warrant Officer Class 1 (équivalent de major)", "Major
# (senior NCO rank)"): it explains the title and is not what the nation calls the grade.
_NOTE = re.compile(r"\([^)]*\)")
