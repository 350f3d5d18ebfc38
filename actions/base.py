"""What every knowledge action shares: the user's language, the lookup client, and turning the
service's failures into a polite answer in that language instead of an error."""

from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import dates, not_translated, notes
from actions.answer_found import (
    answer_from_search,
    confident,
    say_texts,
    search_message,
    searches_of_one_turn,
)
from actions.liaison_team import channel_of, record_unanswered, remember_visitor
from actions.lookup_client import (
    ForParticipants,
    LookupClient,
    LookupUnavailable,
    NoAnswer,
    asking_for,
    shared_client,
)
from actions.position import only_where_they_are, without_own_position
from common.languages import DEFAULT_LANGUAGE
from common.textnorm import words

logger = logging.getLogger(__name__)

# The domain gives the `language` slot this initial value; kept here for trackers without it.
FALLBACK_LANGUAGE = DEFAULT_LANGUAGE


class ClientAction(Action, ABC):
    """An action that talks to the lookup service (tests hand it a client of their own)."""

    def __init__(self, client: LookupClient | None = None) -> None:
        self._client = client

    @property
    def client(self) -> LookupClient:
        return self._client or shared_client()

    @abstractmethod
    def name(self) -> str:
        """Abstract until a subclass names itself: rasa_sdk registers every concrete Action."""


# Items tied for the best match that one answer gives, at most.
TIES_AT_MOST = 3
# Items an entity may name, among which the whole message decides.
CANDIDATES = 10


class LookupAction(ClientAction):
    """Subclasses implement `answer`; raising NoAnswer or LookupUnavailable is handled here."""

    @abstractmethod
    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> None:
        """Say the answer; raise NoAnswer or LookupUnavailable when there is none."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        lang = tracker.get_slot("language") or FALLBACK_LANGUAGE
        remember_visitor(self.client, tracker, lang)
        try:
            # The service answers for this visitor's tier (issue 19): public until enrolled.
            with (
                asking_for(channel_of(tracker), tracker.sender_id) as asker,
                searches_of_one_turn(),
            ):
                try:
                    await self.answer(dispatcher, tracker, lang)
                except NoAnswer as reason:
                    # Before "I don't have that": what the whole message names in the
                    # knowledge (the intent's topic may be one this exercise lacks).
                    if not await answer_from_search(self.client, dispatcher, tracker, lang):
                        raise
                    logger.info("%s: answered from search (%s)", self.name(), reason)
            if asker.withheld:
                dispatcher.utter_message(response="utter_enrol_for_more")
        except ForParticipants as reason:
            logger.info("%s: for participants only: %s", self.name(), reason)
            dispatcher.utter_message(response="utter_enrol_needed")
        except NoAnswer as reason:
            logger.info("%s: no answer in %s: %s", self.name(), lang, reason)
            record_unanswered(self.client, tracker, lang, reason="fallback")
            dispatcher.utter_message(response="utter_no_information")
        except LookupUnavailable as reason:
            logger.error("%s: lookup service unavailable: %s", self.name(), reason)
            dispatcher.utter_message(response="utter_lookup_unavailable")
        # A question answered with "not yet in your language" is kept for the switch that
        # answers it in another (actions/not_translated.py).
        return not_translated.after_answer(dispatcher, tracker, self.name(), lang)


class DatedLookupAction(LookupAction):
    """A LookupAction whose answer depends on the day: tests fix the clock (`today`); otherwise
    it is the exercise's local date."""

    def __init__(self, client: LookupClient | None = None, today: date | None = None) -> None:
        super().__init__(client)
        self._today = today

    async def calendar(self, lang: str) -> tuple[date, date, date]:
        """Today in the exercise's time zone, and the exercise's first and last days."""
        return self.calendar_of((await self.client.exercise(lang))["fields"])

    def calendar_of(self, exercise: dict[str, Any]) -> tuple[date, date, date]:
        """calendar() from the exercise's fields already fetched."""
        today = self._today or datetime.now(ZoneInfo(exercise["time_zone"])).date()
        start, end = (date.fromisoformat(exercise[f]) for f in ("start_date", "end_date"))
        return today, start, end

    async def day_asked(self, tracker: Tracker, lang: str) -> date | None:
        """The exercise-local day the message names ("today", "vendredi", "21 يناير"), if any."""
        text = user_text(tracker)
        if not dates.may_name_a_day(text):
            return None
        today, start, end = await self.calendar(lang)
        return dates.requested_day(text, today, start, end, lang)


async def say_topic_texts(
    client: LookupClient,
    dispatcher: CollectingDispatcher,
    topic: str,
    items: list[dict[str, Any]],
    lang: str,
) -> None:
    """A topic's texts; for the meals, Ramadan's meals too when it is on (issue 20: a meal
    question during Ramadan mentions suhoor and iftar whichever action answers it)."""
    say_texts(dispatcher, items, "text")
    if topic == "meals":
        note = notes.ramadan_meals((await client.exercise(lang))["fields"], lang)
        if note:
            dispatcher.utter_message(text=note)


def say_freshness(dispatcher: CollectingDispatcher, items: list[dict[str, Any]], lang: str) -> None:
    """After an answer: when its facts were last updated, if that is longer ago than
    LIAISON_STALE_AFTER_DAYS (the visitor can then check with the liaison team)."""
    note = notes.last_updated(items, lang)
    if note:
        dispatcher.utter_message(text=note)


def user_text(tracker: Tracker) -> str:
    """The message as the visitor typed it (the NLU's folded copy is `normalized_text`, which a
    model trained before bot.nlu.text_normalizer.OriginalTextRestorer does not have)."""
    return tracker.latest_message.get("text") or ""


def intent_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def entity_values_asked(tracker: Tracker, kind: str, leave_out_position: bool = True) -> list[str]:
    """The latest message's values of an entity, each once; with `leave_out_position`, not
    those said only where the visitor tells where they are ("I'm standing at tent B":
    actions/position.py). find() asks for all of them when it falls back to the whole message
    (a place whose directions start from there)."""
    said = user_text(tracker)
    return [
        value
        for value in dict.fromkeys(str(v) for v in tracker.get_latest_entity_values(kind))
        if not (leave_out_position and only_where_they_are(value, said))
    ]


async def find(
    client: LookupClient,
    tracker: Tracker,
    kind: str,
    lang: str,
    at: str | None = None,
    message: str | None = None,
) -> list[dict[str, Any]]:
    """The items of this kind the user means (entities are named after the kinds they find).
    An extracted entity says which items can be meant (every word of it must count), and the
    whole message decides between them: "when's the rehearsal for the opening ceremony?" has
    the entity "opening ceremony" but asks for the rehearsal. Without an entity, the whole
    message (words matching nothing are filler). Usually one item; several when they tie for
    the best score (the question names them equally: "when is dinner?" with a welcome and a
    farewell dinner), so the answer gives each rather than one picked by id (issue 20); and
    one for each thing the question names ("the gym and the mess"), which one search of all
    the words would not find. `at`: the local day the answer is for; `message`: the words to
    search, when not the whole message."""
    said = user_text(tracker) if message is None else message
    # Where the visitor says they are ("I'm standing at tent B") is not the item asked: neither
    # the entity marked there nor the clause's words are searched (actions/position.py); when
    # nothing is found without them, the whole message as before (a place whose directions
    # start from there: "where's the HQ? I'm at the main gate").
    asked = without_own_position(said)
    found = await _find(client, tracker, kind, lang, at, asked, True)
    if found or asked == said:
        return found
    return await _find(client, tracker, kind, lang, at, said, False)


async def _find(
    client: LookupClient,
    tracker: Tracker,
    kind: str,
    lang: str,
    at: str | None,
    message: str,
    apart: bool,
) -> list[dict[str, Any]]:
    values = entity_values_asked(tracker, kind, leave_out_position=apart)
    if len(values) >= 2:
        # Each entity names one thing and decides among the items it may mean by itself: the
        # whole message names them all ("the welcome dinner and the farewell dinner" would
        # pick the farewell dinner for both).
        each = [await _find_one(client, value, [value], kind, lang, at) for value in values]
        named = _distinct([hits[0] for hits in each if hits])
        if len(named) >= 2:
            return named[:TIES_AT_MOST]
        return named or await _find_one(client, message, values, kind, lang, at)
    whole = await _find_one(client, message, values, kind, lang, at)
    parts = [part for part in _CONJUNCTION.split(message) if part.strip()]
    if values or len(parts) < 2 or not whole:
        return whole
    # "opening hours of the gym and the mess": each part names one; kept only when the whole
    # message's best is among them (a conjunction inside one name splits nothing of it away).
    each = [
        _best(await client.search_scored(part, lang, [kind], TIES_AT_MOST, at=at)) for part in parts
    ]
    named = _distinct([hits[0] for hits in each if hits])
    if len(named) >= 2 and whole[0]["id"] in {item["id"] for item in named}:
        return named[:TIES_AT_MOST]
    return whole


# "and" between two things named, in the exercise's languages (Arabic "و" is written on the
# next word: only before its article, "والمطعم", so words beginning with و are left whole).
_CONJUNCTION = re.compile(r"\s+(?:and|et|&|اور)\s+|\s+و(?=ال)|\s*،\s*|,\s*", re.IGNORECASE)


async def _find_one(
    client: LookupClient,
    message: str,
    values: list[str],
    kind: str,
    lang: str,
    at: str | None,
) -> list[dict[str, Any]]:
    if not values:
        return _best(await client.search_scored(message, lang, [kind], TIES_AT_MOST, at=at))
    named = await client.search_scored(" ".join(values), lang, [kind], CANDIDATES, "name", at)
    if not named:
        # The entity names nothing here (a word no item uses: "حفل" where the pack says
        # "مراسم", or a span cut short): the whole message, if it names an item confidently.
        hits = await client.search_hits(message, lang, [kind], TIES_AT_MOST, at=at)
        if hits and confident(hits[0]["score"], hits[0].get("coverage", 1.0)):
            return _best([(hit["score"], hit["item"]) for hit in hits])
        return []
    if len(named) < 2 and _name_said(named[0][1], message):
        return _best(named)
    meant = {item["id"] for _score, item in named}
    asked = await client.search_scored(message, lang, [kind], CANDIDATES, at=at)
    # A span cut short ("welcome reception" of "the welcome reception dinner") may name only
    # another item's words: an item whose whole name the message says, and which the span
    # names in part, can be meant too (the whole message then decides, as for the others).
    span = set(words(" ".join(values)))
    meant |= {
        item["id"]
        for _score, item in asked
        if _name_said(item, message) and span & set(words(_name_of(item)))
    }
    return _best([(score, item) for score, item in asked if item["id"] in meant] or named)


def _name_of(item: dict[str, Any]) -> str:
    fields = item.get("fields") or {}
    return str(fields.get("title") or fields.get("name") or "")


def _name_said(item: dict[str, Any], message: str) -> bool:
    """Whether the message says every word of the item's name (its title) that says something
    (longer than two letters)."""
    named = [w for w in words(_name_of(item)) if len(w) > 2]
    return bool(named) and set(named) <= set(words(message))


# The kinds of item one part of a message may name beside the kind its intent asks about.
PART_KINDS = ["event", "venue", "dress_code", "contact"]


async def other_kinds_named(
    client: LookupClient, tracker: Tracker, kind: str, said: list[dict[str, Any]], lang: str
) -> list[dict[str, Any]]:
    """The items of other kinds that parts of the message, split at "and", confidently name
    and the answer has not said: "پرچم کشائی کتنے بجے ہے اور ویل اسکوائر کب کھلتا ہے" (when
    is the flag raising and when does Well Square open) asks an event and a place; `find`
    splits only among items of its own kind."""
    parts = [part for part in _CONJUNCTION.split(user_text(tracker)) if part.strip()]
    if len(parts) < 2:
        return []
    kinds = [other for other in PART_KINDS if other != kind]
    known = {(item["kind"], item["id"]) for item in said}
    found = []
    for part in parts:
        for item in await search_message(client, part, lang, kinds):
            if (item["kind"], item["id"]) not in known:
                known.add((item["kind"], item["id"]))
                found.append(item)
    return found[:TIES_AT_MOST]


def _distinct(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({item["id"]: item for item in items}.values())


def _best(hits: list[tuple[float, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The hits tied for the best score, at most TIES_AT_MOST."""
    return [item for score, item in hits if score == hits[0][0]][:TIES_AT_MOST]
