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
