"""bot.patches.cache_event_classes: stored events deserialise to the same classes, and unknown
names fail or fall back to the default as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from bot.patches._originals import Originals


def test_events_deserialise_to_the_same_classes(apply_patch: Callable[..., Originals]) -> None:
    apply_patch("cache_event_classes")
    stored: list[dict[str, Any]] = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "user", "text": "when is lunch", "parse_data": {"intent": {"name": "x"}}},
        {"event": "slot", "name": "language", "value": "fr"},
        {"event": "bot", "text": "Lunch is at 12:00."},
    ]
    for _ in range(2):  # the second time from the remembered classes
        events = [Event.from_parameters(e) for e in stored]
        assert [type(e) for e in events] == [
            ActionExecuted,
            SessionStarted,
            UserUttered,
            SlotSet,
            BotUttered,
        ]
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None  # Rasa's old TopicSet events, as before
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
