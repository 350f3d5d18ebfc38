"""Issue 20, by kind: a place the model marked that is no place's name ("when do they open and
close the north gate", where gates are words of the access text and the range's directions say
"through the North Gate") got the range's card. Now, when the place marked names no venue by
its name and the whole message finds a topic's text ahead of every place, that text answers. The
search is scripted: the figures the service gives such a question."""

from __future__ import annotations

import json
from typing import Any

import httpx

from actions.answer_search import ActionAnswerVenue
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack, topic_text

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
RANGE = ("venue", "al-jabal-range")
Ranked = list[tuple[tuple[str, str], float]]
ACCESS = ("topic", "camp-badge-and-access")


def ask(text: str, entity: str, lang: str, name_score: float, ranked: Ranked) -> Any:
    """The venue answer when the entity finds the range at `name_score` (mode "name") and the
    whole message finds `ranked` (kind and id, score) among the places and texts."""
    fake = FakeLookup(SAMPLE)

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/search":
            kinds = request.url.params.get_list("kind")
            if request.url.params.get("mode") == "name":
                fake.search_hits = [RANGE]
                fake.search_figures = {RANGE: (name_score, 1.0)}
            elif "topic" in kinds:
                fake.search_hits = [key for key, _ in ranked]
                fake.search_figures = {key: (score, 1.0) for key, score in ranked}
            else:
                fake.search_hits = [RANGE]
                fake.search_figures = {RANGE: (0.2, 1.0)}
        return fake.handle(request)

    entities = [{"entity": "venue", "value": entity}]
    return run(ActionAnswerVenue, handle, language=lang, text=text, entities=entities)


def said(dispatcher: Any) -> list[Any]:
    return [m.get("text") or m.get("response") for m in dispatcher.messages]


def test_a_gate_in_the_access_text_gets_that_text() -> None:
    dispatcher = ask(
        "when do they open and close the north gate",
        "the north gate",
        "en",
        0.5,
        [(ACCESS, 0.4), (RANGE, 0.15)],
    )
    assert said(dispatcher)[0] == topic_text(SAMPLE, "badges_access", "en")[0]
    assert "utter_venue_details" not in said(dispatcher)


def test_urdu_too() -> None:
    dispatcher = ask(
        "شمالی گیٹ صبح کب کھلتا ہے اور شام کو کب بند", "شمالی گیٹ", "ur", 0.5, [(ACCESS, 0.4)]
    )
    assert said(dispatcher)[0] == topic_text(SAMPLE, "badges_access", "ur")[0]


def test_a_place_named_by_its_name_keeps_its_card() -> None:
    dispatcher = ask("when does the range open", "the range", "en", 2.0, [(ACCESS, 0.4)])
    assert said(dispatcher)[0] == "utter_venue_details"


def test_a_place_as_likely_as_the_text_keeps_its_card() -> None:
    dispatcher = ask(
        "north gate road hours", "north gate", "en", 0.5, [(ACCESS, 0.3), (RANGE, 0.3)]
    )
    assert said(dispatcher)[0] == "utter_venue_details"
