"""Issue 19 in the actions: reads name the visitor so the service answers for their tier; what it
holds back becomes the enrolment explanation, never a fact; a code in a message enrols."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_schedule import ActionAnswerSchedule
from actions.answer_topic import ActionAnswerTopic
from actions.enrol import ActionEnrol
from tests.actions.answering import run
from tests.actions.conftest import EMPTY_DOMAIN, tracker_from_file
from tests.actions.fake_lookup import FakeLookup, client_for
from tests.packs import other_pack

PACK = other_pack()


class TieredLookup(FakeLookup):
    """The fake service, holding every participants' item back unless the visitor is enrolled
    (as the real one does; its filtering is tested in tests/lookup/test_audiences.py)."""

    def __init__(self, enrolled: bool) -> None:
        super().__init__(PACK)
        self.participant = enrolled

    def answer(self, request: httpx.Request) -> httpx.Response:
        response = super().answer(request)
        path = request.url.path
        if self.participant or request.method != "GET" or response.status_code != 200:
            return response
        if path.startswith("/v1/topics/meals") or path == "/v1/events":
            body = json.loads(response.content)
            body["withheld"], body["items"] = len(body["items"]), []
            return httpx.Response(200, json=body)
        if path == "/v1/topics/prayer_facilities":
            return httpx.Response(200, json={**json.loads(response.content), "withheld": 1})
        if path == "/v1/search":
            return httpx.Response(
                200, json={**json.loads(response.content), "hits": [], "withheld": 2}
            )
        return response


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_an_unenrolled_visitor_hears_how_to_enrol_not_the_facts(lang: str) -> None:
    fake = TieredLookup(enrolled=False)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_meal_times", language=lang)
    assert [m["response"] for m in dispatcher.messages] == ["utter_enrol_needed"]
    assert not any(m.get("text") for m in dispatcher.messages)
    # The topic, the search for an item the message might name (actions/answer_found.py) and,
    # the message asking when, for an event it names by its title (actions/answer_topic.py):
    # each asked for this visitor, whose tier the service applies.
    assert [r.url.path for r in fake.requests] == ["/v1/search", "/v1/search", "/v1/topics/meals"]
    for request in fake.requests:
        assert request.url.params["sender_id"] == "visitor-fr"
        assert request.url.params["channel"] == "rest"


def test_an_enrolled_visitor_gets_the_facts() -> None:
    dispatcher = run(ActionAnswerTopic, TieredLookup(enrolled=True).handle, intent="ask_meal_times")
    assert dispatcher.messages[0]["text"] and "utter_enrol_needed" not in str(dispatcher.messages)


def test_the_public_part_is_said_then_how_to_see_the_rest() -> None:
    fake = TieredLookup(enrolled=False)
    dispatcher = run(ActionAnswerTopic, fake.handle, intent="ask_prayer_facilities", language="en")
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses[-1] == "utter_enrol_for_more"
    assert dispatcher.messages[0]["text"]  # the public part itself


def test_the_schedule_is_for_participants() -> None:
    fake = TieredLookup(enrolled=False)
    dispatcher = run(ActionAnswerSchedule, fake.handle, text="what's the programme?", language="en")
    assert [m["response"] for m in dispatcher.messages] == ["utter_enrol_needed"]


def enrol(
    answer: dict[str, Any], text: str, entities: list[dict[str, Any]] | None = None
) -> tuple[CollectingDispatcher, FakeLookup]:
    fake = FakeLookup(PACK)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/enrolments":
            fake.intake.append(("POST", "/v1/enrolments", json.loads(request.content)))
            return httpx.Response(200, json=answer)
        return fake.handle(request)

    async def go() -> CollectingDispatcher:
        async with client_for(handler, 3.0) as client:
            dispatcher = CollectingDispatcher()
            tracker = tracker_from_file(
                "french_meal_question.json", intent="enrol", text=text, entities=entities or []
            )
            assert await ActionEnrol(client).run(dispatcher, tracker, EMPTY_DOMAIN) == []
            return dispatcher

    return asyncio.run(go()), fake


def test_a_code_in_a_sentence_enrols_and_names_the_contingent() -> None:
    ok = {"enrolled": True, "nation": "gst", "already": False}
    dispatcher, fake = enrol(ok, "mon code est abcd-efgh-j2 merci")
    [body] = fake.posted("/v1/enrolments")
    assert body == {"channel": "rest", "sender_id": "visitor-fr", "code": "ABCDEFGHJ2"}
    [message] = dispatcher.messages
    assert message["response"] == "utter_enrolled"
    names = {n["code"]: n["name"]["fr"] for n in PACK["exercise"]["nations"]}
    assert message["nation"] == names["gst"] == "Invitie"


@pytest.mark.parametrize(
    "reason,response",
    [
        ("unknown", "utter_enrol_invalid"),
        ("expired", "utter_enrol_expired"),
        ("revoked", "utter_enrol_expired"),
        ("used_up", "utter_enrol_used_up"),
        ("too_many_attempts", "utter_enrol_too_many"),
    ],
)
def test_a_refused_code_says_why(reason: str, response: str) -> None:
    dispatcher, _ = enrol({"enrolled": False, "reason": reason}, "ABCD-EFGH-J2")
    assert [m["response"] for m in dispatcher.messages] == [response]
