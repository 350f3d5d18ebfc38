from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.switch_language import ActionSwitchLanguage


def tracker(entities: list[dict], language: str = "fr") -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "s",
            "slots": {"language": language},
            "latest_message": {
                "text": "...",
                "intent": {"name": "switch_language"},
                "entities": entities,
            },
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def test_sets_the_requested_language() -> None:
    requested = [{"entity": "requested_language", "value": "en", "start": 12, "end": 19}]
    events = asyncio.run(ActionSwitchLanguage().run(CollectingDispatcher(), tracker(requested), {}))
    assert events == [{"event": "slot", "name": "language", "value": "en", "timestamp": None}]


def test_without_a_target_keeps_the_language_of_the_request() -> None:
    events = asyncio.run(ActionSwitchLanguage().run(CollectingDispatcher(), tracker([], "ar"), {}))
    assert events[0]["value"] == "ar"
