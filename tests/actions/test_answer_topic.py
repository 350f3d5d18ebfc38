from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_topic import TOPIC_FOR_INTENT, ActionAnswerTopic
from actions.lookup_client import LookupClient
from tests.actions.conftest import tracker_from_file
from tests.packs import SAMPLE_PACK, read_pack, topic_text

SAMPLE = read_pack(SAMPLE_PACK)


def serve_pack(
    pack: dict[str, Any], seen: list[httpx.Request]
) -> Callable[[httpx.Request], httpx.Response]:
    """A stand-in lookup service at the HTTP layer, answering from a pack."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        topic = request.url.path.rsplit("/", 1)[-1]
        lang = request.url.params["lang"]
        items = [
            {
                "id": i["id"],
                "title": i["title"][lang],
                "text": i["text"][lang],
                "last_updated": "2026-11-20T09:00:00Z",
                "updated_by": i["updated_by"],
            }
            for i in pack["topics"]
            if i["topic"] == topic
        ]
        if not items:
            return httpx.Response(404, json={"detail": f"nothing on topic '{topic}'"})
        return httpx.Response(
            200, json={"exercise_id": "x", "topic": topic, "lang": lang, "items": items}
        )

    return handle


def run_action(
    handler: Callable[[httpx.Request], httpx.Response], **tracker_changes: Any
) -> CollectingDispatcher:
    async def go() -> CollectingDispatcher:
        client = LookupClient("http://lookup.test", transport=httpx.MockTransport(handler))
        dispatcher = CollectingDispatcher()
        events = await ActionAnswerTopic(client).run(
            dispatcher, tracker_from_file("french_meal_question.json", **tracker_changes), {}
        )
        assert events == []
        await client.aclose()
        return dispatcher

    return asyncio.run(go())


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize("intent,topic", sorted(TOPIC_FOR_INTENT.items()))
def test_answers_the_intents_topic_in_the_slot_language(intent: str, topic: str, lang: str) -> None:
    seen: list[httpx.Request] = []
    dispatcher = run_action(serve_pack(SAMPLE, seen), intent=intent, language=lang)
    assert [m["text"] for m in dispatcher.messages] == topic_text(SAMPLE, topic, lang)
    [request] = seen
    assert request.url.path == f"/v1/topics/{topic}"
    assert request.url.params["lang"] == lang


def test_without_a_language_slot_it_asks_in_english() -> None:
    seen: list[httpx.Request] = []
    run_action(serve_pack(SAMPLE, seen), language=None)
    assert seen[0].url.params["lang"] == "en"


def test_topic_the_exercise_lacks_says_so() -> None:
    empty = {"topics": []}
    dispatcher = run_action(serve_pack(empty, []))
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_information"]


def fail_with(error: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handle(request: httpx.Request) -> httpx.Response:
        raise error

    return handle


@pytest.mark.parametrize(
    "handler",
    [
        fail_with(httpx.ConnectError("connection refused")),
        fail_with(httpx.ReadTimeout("timed out")),
        lambda request: httpx.Response(500, text="Internal Server Error"),
        lambda request: httpx.Response(503, json={"status": "degraded"}),
        lambda request: httpx.Response(200, json={"unexpected": True}),
    ],
    ids=["refused", "timeout", "500", "503", "malformed"],
)
def test_lookup_failure_gives_the_apology_not_an_error(
    handler: Callable[[httpx.Request], httpx.Response],
) -> None:
    dispatcher = run_action(handler)
    assert [m["response"] for m in dispatcher.messages] == ["utter_lookup_unavailable"]


def test_intent_without_a_topic_falls_back() -> None:
    dispatcher = run_action(serve_pack(SAMPLE, []), intent="greet")
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
