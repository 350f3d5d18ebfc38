"""Conversations for the handoff and staff-intent tests: Rasa's tracker events, a tracker made of
them, and an action run against the fake lookup service (or one that is down)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import liaison_team
from actions.base import ClientAction
from tests.actions.conftest import EMPTY_DOMAIN
from tests.actions.fake_lookup import FakeLookup, client_for

SENDER = "visitor-7"


def user(text: str, intent: str, time: float, **message: Any) -> dict[str, Any]:
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    parse.update(message)
    return {
        "event": "user",
        "text": text,
        "timestamp": time,
        "parse_data": parse,
        "input_channel": "socketio",
        "metadata": message.get("metadata", {}),
    }


def console(intent: str, time: float, **message: Any) -> dict[str, Any]:
    """A staff intent as Rasa's trigger_intent API adds it (what the liaison console calls)."""
    return user(f"EXTERNAL: {intent}", intent, time, metadata={"is_external": True}, **message)


def bot(text: str, time: float, response: str | None = None) -> dict[str, Any]:
    metadata = {"utter_action": response} if response else {}
    return {"event": "bot", "text": text, "timestamp": time, "metadata": metadata}


def action(name: str, time: float) -> dict[str, Any]:
    return {"event": "action", "name": name, "timestamp": time}


def tracker(events: list[dict[str, Any]], language: str = "fr", **slots: Any) -> Tracker:
    last_user = next(e for e in reversed(events) if e["event"] == "user")
    return Tracker.from_dict(
        {
            "sender_id": SENDER,
            "slots": {"language": language, "handoff_active": False, **slots},
            "latest_message": last_user["parse_data"],
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "active_form": {},  # the older name of active_loop, still in rasa-sdk's TrackerState
            "latest_action_name": "action_listen",
        }
    )


def run(
    action_class: type[Action], fake: FakeLookup | None, state: Tracker
) -> tuple[CollectingDispatcher, list[dict[str, Any]]]:
    """The action against `fake`, or against a lookup service that is down (None)."""

    async def go() -> tuple[CollectingDispatcher, list[dict[str, Any]]]:
        async with client_for(fake.handle if fake else None) as client:
            dispatcher = CollectingDispatcher()
            instance = (
                action_class(client) if issubclass(action_class, ClientAction) else action_class()
            )
            events = await instance.run(dispatcher, state, EMPTY_DOMAIN)
            await liaison_team.drain()
            return dispatcher, events

    return asyncio.run(go())
