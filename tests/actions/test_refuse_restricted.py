"""Refusing an operationally sensitive question (actions/refuse_restricted.py, issue 19)."""

from __future__ import annotations

import pytest

from actions.refuse_restricted import ActionRefuseRestricted
from tests.actions.conversation import SENDER, run, tracker, user
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


def test_the_visitor_is_refused_and_the_security_officer_gets_the_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeLookup(other_pack())
    question = "où sont rangées les munitions du bataillon ?"
    state = tracker([user(question, "ask_restricted", 1.0)], language="fr")
    dispatcher, events = run(ActionRefuseRestricted, fake, state)

    assert [m["response"] for m in dispatcher.messages] == ["utter_restricted"]
    assert events == []
    assert fake.posted("/v1/refusals") == [
        {"sender_id": SENDER, "channel": "socketio", "language": "fr", "text": question}
    ]
    # The service took it (the fake answers as lookup/openapi.json says it would).
    assert "could not tell the liaison team" not in caplog.text
    # Nothing about the exercise was looked up: no knowledge read reached the service.
    assert fake.requests == []


def test_the_refusal_is_said_even_when_the_lookup_service_is_down() -> None:
    state = tracker([user("how many tanks are here", "ask_restricted", 1.0)], language="en")
    dispatcher, _ = run(ActionRefuseRestricted, None, state)
    assert [m["response"] for m in dispatcher.messages] == ["utter_restricted"]


def test_a_button_payload_is_not_recorded_as_a_question() -> None:
    fake = FakeLookup(other_pack())
    state = tracker([user("/ask_restricted", "ask_restricted", 1.0)], language="ar")
    dispatcher, _ = run(ActionRefuseRestricted, fake, state)
    assert [m["response"] for m in dispatcher.messages] == ["utter_restricted"]
    assert fake.posted("/v1/refusals") == []
