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
        # (then a search of the whole message, as the topic has nothing: answer_found.py)
        [request] = [r for r in fake.requests if r.url.path.startswith("/v1/topics/")]
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
