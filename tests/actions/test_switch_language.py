from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.switch_language import ActionSwitchLanguage
from tests.actions.conftest import EMPTY_DOMAIN, tracker_from_file


def switch(entities: list[dict], language: str = "fr") -> list[dict]:
    tracker = tracker_from_file(
        "french_meal_question.json", intent="switch_language", language=language, entities=entities
    )
    return asyncio.run(ActionSwitchLanguage().run(CollectingDispatcher(), tracker, EMPTY_DOMAIN))


def test_sets_the_requested_language() -> None:
    requested = [{"entity": "requested_language", "value": "en", "start": 12, "end": 19}]
    assert switch(requested) == [
        {"event": "slot", "name": "language", "value": "en", "timestamp": None}
    ]


def test_without_a_target_keeps_the_language_of_the_request() -> None:
    assert switch([], "ar")[0]["value"] == "ar"


def test_a_language_named_but_not_mapped_to_its_code_is_that_language() -> None:
    # "كيف أقول شكرا بالفرنسية" gave the slot "بالفرنسية" itself: no response has a variation
    # for it, and every later answer came in English.
    requested = [{"entity": "requested_language", "value": "بالفرنسية", "start": 13, "end": 22}]
    assert switch(requested, "ar")[0]["value"] == "fr"
    requested = [{"entity": "requested_language", "value": "in English", "start": 0, "end": 10}]
    assert switch(requested, "fr")[0]["value"] == "en"


def test_a_value_naming_no_language_keeps_the_language_of_the_request() -> None:
    requested = [{"entity": "requested_language", "value": "klingon", "start": 0, "end": 7}]
    assert switch(requested, "ur")[0]["value"] == "ur"
