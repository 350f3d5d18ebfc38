from __future__ import annotations

import asyncio

import httpx
import pytest

from actions.answer_topic import ActionAnswerTopic
from common.topics import TOPICS
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup, Handler
from tests.actions.rules import intents_answered_by
from tests.packs import other_pack, topic_text

PACK = other_pack()


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize(
    "intent,topic", [("ask_meal_times", "meals"), ("ask_prayer_facilities", "prayer_facilities")]
)
def test_answers_the_intents_topic_in_the_slot_language(intent: str, topic: str, lang: str) -> None:
    fake = FakeLookup(PACK)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent=intent, language=lang)
    assert [m["text"] for m in dispatcher.messages] == topic_text(PACK, topic, lang)
    # After a search for an item the message might name; then the exercise, for meals (is it
    # Ramadan today?).
    request = next(r for r in fake.requests if r.url.path != "/v1/search")
    assert request.url.path == f"/v1/topics/{topic}"
    assert request.url.params["lang"] == lang


def test_every_intent_the_rules_send_here_asks_for_a_topic_of_its_own() -> None:
    # The intents come from data/rules.yml and the topics from the pack schema's list, not from
    # the mapping the action itself reads.
    intents = intents_answered_by("action_answer_topic")
    asked = {}
    for intent in intents:
        fake = FakeLookup({"topics": []})
        run(ActionAnswerTopic, fake.handle, intent=intent)
        # (then a stand-in topic's, if it has one, and a search of the whole message, as the
        # topic has nothing: answer_topic.STANDS_IN_FOR, answer_found.py)
        request = next(r for r in fake.requests if r.url.path.startswith("/v1/topics/"))
        asked[intent] = request.url.path.removeprefix("/v1/topics/")
    assert set(asked.values()) <= set(TOPICS)
    assert len(set(asked.values())) == len(intents)


def test_without_a_language_slot_it_asks_in_english() -> None:
    fake = FakeLookup(PACK)
    run(ActionAnswerTopic, fake.handle, language=None)
    assert fake.requests[0].url.params["lang"] == "en"


def test_topic_the_exercise_lacks_says_so() -> None:
    dispatcher = run(ActionAnswerTopic, FakeLookup({"topics": []}).handle)
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_information"]


def test_a_missing_translation_is_said_not_filled_from_another_language() -> None:
    pack = other_pack()
    del pack["topics"][0]["text"]["fr"]
    dispatcher = run(ActionAnswerTopic, FakeLookup(pack).handle, language="fr")
    # Offered in the languages that have it (tests/actions/test_not_translated.py), never said.
    assert dispatcher.messages[0]["response"] == "utter_not_translated_offer"
    assert pack["topics"][0]["text"]["en"] not in str(dispatcher.messages[0])
    assert dispatcher.messages[1]["text"] == pack["topics"][1]["text"]["fr"]


async def too_slow(request: httpx.Request) -> httpx.Response:
    await asyncio.sleep(2)
    return httpx.Response(200, json={"items": []})


@pytest.mark.parametrize(
    "handler",
    [
        None,  # nothing listening: connection refused
        too_slow,
        lambda request: httpx.Response(500, text="Internal Server Error"),
        lambda request: httpx.Response(503, json={"status": "degraded"}),
        lambda request: httpx.Response(200, text="<html>not json</html>"),
    ],
    ids=["refused", "timeout", "500", "503", "not-json"],
)
def test_lookup_failure_gives_the_apology_not_an_error(handler: Handler | None) -> None:
    dispatcher = run(ActionAnswerTopic, handler, timeout=0.5)
    assert [m["response"] for m in dispatcher.messages] == ["utter_lookup_unavailable"]


def test_intent_without_a_topic_falls_back() -> None:
    dispatcher = run(ActionAnswerTopic, FakeLookup(PACK).handle, intent="greet")
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


def _pack_with_bus_note() -> dict:
    pack = other_pack()
    pack["events"][0]["description"] = {
        "en": "All contingents. Buses leave the gate at 06:20.",
        "fr": "Tous les contingents. Départ des bus de l'entrée à 06h20.",
        "ar": "جميع الوحدات. تنطلق الحافلات من البوابة الساعة 06:20.",
    }
    bus = {**pack["topics"][0], "id": "bus", "topic": "transport"}
    bus["text"] = {"en": "A shuttle every 20 minutes.", "fr": "Navette.", "ar": "حافلة."}
    pack["topics"].append(bus)
    return pack


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_a_transport_question_naming_an_event_gets_the_events_own_bus_note(lang: str) -> None:
    # Issue 20: "what time does the bus to the range leave on range day" got only the camp's
    # general transport text while the range day's own description says when its buses leave:
    # the event's note comes first, then the topic's text (the event may not be the trip meant).
    pack = _pack_with_bus_note()
    fake = FakeLookup(pack)
    fake.search_hits = [("event", "raising")]
    fake.search_figures = {("event", "raising"): (1.2, 0.95)}
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_transport", language=lang)
    [event, note, *topic] = dispatcher.messages
    assert event["response"] in ("utter_event_details", "utter_event_details_no_dress")
    assert note["text"] == pack["events"][0]["description"][lang]
    expected = topic_text(pack, "transport", lang)
    assert [m["text"] for m in topic][: len(expected)] == expected  # then its freshness, if old


def test_a_transport_question_keeps_the_topic_alone_when_the_event_says_nothing_of_buses() -> None:
    pack = _pack_with_bus_note()
    pack["events"][0]["description"] = PACK["events"][0]["description"]
    fake = FakeLookup(pack)
    fake.search_hits = [("event", "raising")]
    fake.search_figures = {("event", "raising"): (1.2, 0.95)}
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_transport", language="en")
    expected = topic_text(pack, "transport", "en")
    assert [m["text"] for m in dispatcher.messages][: len(expected)] == expected
