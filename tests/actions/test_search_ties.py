"""Issue 20: a question that names two items equally gets both, never one picked by id; a
better match is answered alone."""

from __future__ import annotations

import copy
import json

import httpx
import pytest

from actions.answer_search import ActionAnswerDress, ActionAnswerEvent
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack

PACK = other_pack()
SECOND = copy.deepcopy(PACK["events"][0])
SECOND.update(
    id="lowering",
    title={"en": "Flag lowering", "fr": "Descente des couleurs", "ar": "إنزال العلم"},
    start="2027-06-02T18:00:00+01:00",
    end="2027-06-02T18:30:00+01:00",
)
PACK["events"].append(SECOND)


def scored(scores: list[float]) -> FakeLookup:
    """The fake service answering a search with both events, scored as given."""
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising"), ("event", "lowering")]
    handle = fake.handle

    def with_scores(request: httpx.Request) -> httpx.Response:
        response = handle(request)
        if request.url.path != "/v1/search":
            return response
        body = json.loads(response.content)
        for hit, score in zip(body["hits"], scores, strict=True):
            hit["score"] = score
        return httpx.Response(200, json=body)

    fake.handle = with_scores  # type: ignore[method-assign]
    return fake


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_tied_events_are_both_answered(lang: str) -> None:
    dispatcher = run(ActionAnswerEvent, scored([1.5, 1.5]).handle, language=lang)
    titles = [m["title"] for m in dispatcher.messages if m.get("response")]
    assert titles == [PACK["events"][0]["title"][lang], SECOND["title"][lang]]


def test_a_better_match_is_answered_alone() -> None:
    dispatcher = run(ActionAnswerEvent, scored([1.5, 1.2]).handle, language="en")
    titles = [m["title"] for m in dispatcher.messages if m.get("response")]
    assert titles == ["Flag raising"]


def test_tied_events_get_each_their_dress() -> None:
    dispatcher = run(ActionAnswerDress, scored([2.0, 2.0]).handle, language="fr")
    dressed = [m["title"] for m in dispatcher.messages if m.get("response") == "utter_event_dress"]
    assert dressed == ["Lever des couleurs", "Descente des couleurs"]


def test_the_whole_message_decides_among_the_items_an_entity_names() -> None:
    """Entity "flag": both events; the message says "lowering": that one, though the entity
    search alone ranks the raising first."""
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising"), ("event", "lowering")]
    handle = fake.handle

    def by_mode(request: httpx.Request) -> httpx.Response:
        response = handle(request)
        if request.url.path != "/v1/search":
            return response
        body = json.loads(response.content)
        named = request.url.params.get("mode") == "name"
        for hit in body["hits"]:
            hit["score"] = {"raising": 2.0 if named else 1.0, "lowering": 1.5}[hit["item"]["id"]]
        body["hits"].sort(key=lambda hit: -hit["score"])
        return httpx.Response(200, json=body)

    entities = [{"entity": "event", "value": "flag", "start": 0, "end": 4}]
    dispatcher = run(ActionAnswerEvent, by_mode, language="en", entities=entities)
    assert [m["title"] for m in dispatcher.messages if m.get("response")] == ["Flag lowering"]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", 'what is the dress code "field boots"?'),
        ("fr", "c'est quoi la tenue rangers ?"),
        ("ar", "ما هو الحذاء الميداني؟"),
    ],
)
def test_a_dress_code_named_outright_is_the_answer(lang: str, text: str) -> None:
    """The dress code itself, not the guidance nor the events worn in it: a dress question
    whose message confidently names a dress code (the service's figures, scripted here)."""
    fake = FakeLookup(PACK)
    fake.search_hits = [("dress_code", "boots"), ("event", "raising")]
    fake.search_figures = {("dress_code", "boots"): (2.0, 1.0), ("event", "raising"): (0.5, 0.5)}
    dispatcher = run(ActionAnswerDress, fake.handle, language=lang, text=text, entities=[])
    [message] = dispatcher.messages
    assert message["response"] == "utter_dress_code"
    assert message["description"] == PACK["dress_codes"][0]["description"][lang]


def test_an_event_named_keeps_its_dress_when_no_dress_code_is() -> None:
    """The rule above stays narrow: a dress code matched weakly beside an event named."""
    fake = FakeLookup(PACK)
    fake.search_hits = [("event", "raising"), ("dress_code", "boots")]
    fake.search_figures = {("event", "raising"): (2.0, 1.0), ("dress_code", "boots"): (0.9, 0.3)}
    text = "what should I wear to the flag raising?"
    dispatcher = run(ActionAnswerDress, fake.handle, language="en", text=text, entities=[])
    assert [m.get("response") for m in dispatcher.messages] == ["utter_event_dress"]
