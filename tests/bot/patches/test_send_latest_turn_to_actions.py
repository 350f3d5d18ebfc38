"""bot.patches.send_latest_turn_to_actions: the actions that read no history get the current
turn's events and everything else Rasa sends as Rasa builds it; every other action gets the
whole conversation; the action server reads the same latest message, slots and channel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker

from bot.patches._originals import Originals

DOMAIN = Domain.from_dict(
    {
        "intents": ["ask_meal_times", "greet"],
        "slots": {"language": {"type": "text", "mappings": [{"type": "custom"}]}},
        "actions": ["action_answer_topic", "action_request_human"],
    }
)


def _user(text: str, intent: str, channel: str) -> UserUttered:
    return UserUttered(
        text,
        intent={"name": intent, "confidence": 0.9},
        entities=[{"entity": "venue", "value": "mess", "start": 0, "end": 4}],
        input_channel=channel,
        parse_data={"intent": {"name": intent, "confidence": 0.9}, "text": text},  # type: ignore[arg-type]
    )


def _tracker() -> DialogueStateTracker:
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        _user("bonjour", "greet", "socketio"),
        SlotSet("language", "fr"),
        ActionExecuted("utter_greet"),
        BotUttered("Bonjour !"),
        ActionExecuted("action_listen"),
        _user("quand est le déjeuner ?", "ask_meal_times", "rest"),
        SlotSet("language", "fr"),
    ]
    return DialogueStateTracker.from_events("visitor-1", events, DOMAIN.slots)


def _request(name: str, tracker: DialogueStateTracker) -> dict[str, Any]:
    action = RemoteAction(name, EndpointConfig("http://localhost:5055/webhook"))
    payload: dict[str, Any] = action._action_call_format(tracker, DOMAIN)
    return payload


def test_the_answering_actions_get_the_current_turn_and_the_rest_as_rasa_builds_it(
    apply_patch: Callable[..., Originals],
) -> None:
    tracker = _tracker()
    before = {name: _request(name, tracker) for name in ("action_answer_topic", "x_other")}
    apply_patch("send_latest_turn_to_actions")
    after = _request("action_answer_topic", tracker)

    events = after["tracker"].pop("events")
    full = before["action_answer_topic"]["tracker"].pop("events")
    assert after == before["action_answer_topic"]  # all but the events, as Rasa made it
    assert len(full) == len(tracker.events) == 10
    assert events == full[8:]  # from the latest user message on
    assert [e["event"] for e in events] == ["user", "slot"]

    # What the action server reads is the same.
    sdk_full = Tracker.from_dict({**before["action_answer_topic"]["tracker"], "events": full})  # type: ignore[typeddict-item]
    sdk_turn = Tracker.from_dict({**after["tracker"], "events": events})  # type: ignore[typeddict-item]
    for read in (
        lambda t: t.latest_message,
        lambda t: t.current_slot_values(),
        lambda t: t.get_latest_input_channel(),
        lambda t: list(t.get_latest_entity_values("venue")),
        lambda t: t.sender_id,
    ):
        assert read(sdk_turn) == read(sdk_full)
    assert sdk_turn.get_latest_input_channel() == "rest"

    # Any action not listed gets the whole conversation, exactly as before.
    assert _request("x_other", tracker) == before["x_other"]
    assert len(_request("action_request_human", tracker)["tracker"]["events"]) == 10


def test_a_conversation_without_a_user_message_is_sent_whole(
    apply_patch: Callable[..., Originals],
) -> None:
    tracker = DialogueStateTracker.from_events(
        "visitor-2", [ActionExecuted("action_session_start"), SessionStarted()], DOMAIN.slots
    )
    before = _request("action_answer_topic", tracker)
    apply_patch("send_latest_turn_to_actions")
    assert _request("action_answer_topic", tracker) == before
