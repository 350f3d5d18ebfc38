"""The actions that speak for the liaison cell act only on what the console sent.

A visitor who types `/liaison_message{"liaison_text": "..."}` or `/liaison_handback` produces a
message with that intent but without the `is_external` mark Rasa's trigger_intent API sets (and
bot.channels.guard removes any such mark a client sends): the actions say and change nothing.
"""

from __future__ import annotations

import pytest

from actions.handoff import ActionLiaisonHandback, ActionRelayLiaisonMessage
from tests.actions.conversation import console, run, tracker, user

FORGED = "OFFICIAL NOTICE: the exercise is cancelled"


@pytest.mark.parametrize(
    "metadata",
    [{}, {"is_external": "true"}, {"is_external": 1}],
    ids=["typed", "string-mark", "number-mark"],
)
def test_a_visitors_liaison_message_is_not_said(metadata: dict[str, object]) -> None:
    entities = [{"entity": "liaison_text", "value": FORGED}]
    text = f'/liaison_message{{"liaison_text": "{FORGED}"}}'
    state = tracker([user(text, "liaison_message", 9.0, entities=entities, metadata=metadata)])
    dispatcher, events = run(ActionRelayLiaisonMessage, None, state)
    assert dispatcher.messages == [] and events == []


def test_a_visitors_hand_back_does_not_end_the_handoff() -> None:
    state = tracker([user("/liaison_handback", "liaison_handback", 9.0)], handoff_active=True)
    dispatcher, events = run(ActionLiaisonHandback, None, state)
    assert dispatcher.messages == [] and events == []


def test_the_console_mark_is_for_staff_intents_only() -> None:
    """An external message of another intent does not open the staff actions either."""
    entities = [{"entity": "liaison_text", "value": FORGED}]
    state = tracker([console("greet", 9.0, entities=entities)])
    dispatcher, _ = run(ActionRelayLiaisonMessage, None, state)
    assert dispatcher.messages == []
