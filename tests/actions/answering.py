"""One lookup action run on the French meal question's tracker (tracker_from_file overrides
its language, intent, text or entities), against a handler of the fake lookup service."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.base import LookupAction
from actions.not_translated import PENDING_SLOT
from tests.actions.conftest import EMPTY_DOMAIN, tracker_from_file
from tests.actions.fake_lookup import Handler, client_for


def run(
    action_class: type[LookupAction],
    handler: Handler | None,
    action_kwargs: dict[str, Any] | None = None,
    timeout: float = 3.0,
    **tracker_changes: Any,
) -> CollectingDispatcher:
    async def go() -> CollectingDispatcher:
        async with client_for(handler, timeout) as client:
            dispatcher = CollectingDispatcher()
            tracker = tracker_from_file("french_meal_question.json", **tracker_changes)
            action = action_class(client, **(action_kwargs or {}))
            events = await action.run(dispatcher, tracker, EMPTY_DOMAIN)
            # Only the question kept for an offer of other languages (actions/not_translated.py).
            assert all(event["name"] == PENDING_SLOT for event in events)
            return dispatcher

    return asyncio.run(go())
