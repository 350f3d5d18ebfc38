"""Handing a conversation to the liaison team, and the questions the team hears about."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.handoff import (
    ActionForwardToLiaison,
    ActionLiaisonHandback,
    ActionNotUnderstood,
    ActionRelayLiaisonMessage,
    ActionRequestHuman,
)
from actions.lookup_client import service_token
from tests.actions.conversation import SENDER, action, bot, console, run, tracker, user
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


def test_asking_for_a_person_queues_the_conversation_with_its_transcript() -> None:
    fake = FakeLookup(other_pack())
    state = tracker(
        [
            user("où est la salle de sport ?", "ask_venue_info", 1000.0),
            action("action_answer_venue", 1000.1),
            bot("Je n'ai pas encore cette information.", 1000.2, "utter_no_information"),
            user("je veux parler à quelqu'un", "request_human", 1010.0),
        ]
    )
    dispatcher, events = run(ActionRequestHuman, fake, state)

    [handoff] = fake.posted("/v1/handoffs")
    assert handoff["sender_id"] == SENDER and handoff["channel"] == "socketio"
    assert handoff["language"] == "fr" and handoff["reason"] == "lookup_failed"
    assert [line["speaker"] for line in handoff["transcript"]] == ["visitor", "bot", "visitor"]
    assert handoff["transcript"][0]["text"] == "où est la salle de sport ?"
    # The question the bot could not answer reaches the team's unanswered list.
    [question] = fake.posted("/v1/unanswered")
    assert question["text"] == "où est la salle de sport ?" and question["reason"] == "handoff"
    assert "sender_id" not in question
    assert dispatcher.messages[0]["text"].startswith("L'équipe de liaison vous répondra")
    assert events == [{"event": "slot", "name": "handoff_active", "value": True, "timestamp": None}]


def test_without_the_queue_the_visitor_gets_the_contacts_and_the_bot_stays_on() -> None:
    state = tracker([user("I need a human", "request_human", 1.0)], language="en")
    dispatcher, events = run(ActionRequestHuman, None, state)
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_request_human"
    assert events == []


def test_during_a_handoff_the_visitors_words_go_to_the_officer_silently() -> None:
    fake = FakeLookup(other_pack())
    fake.open_handoffs[("socketio", SENDER)] = 41
    state = tracker([user("merci, j'attends", "thanks", 5.0)], handoff_active=True)
    dispatcher, events = run(ActionForwardToLiaison, fake, state)
    # The visitor, (channel, sender), goes with the message: the service checks it is theirs.
    assert fake.posted("/v1/handoffs/41/messages") == [
        {
            "sender_id": SENDER,
            "channel": "socketio",
            "speaker": "visitor",
            "text": "merci, j'attends",
        }
    ]
    assert dispatcher.messages == [] and events == []


def test_the_same_sender_on_another_channel_has_no_handoff() -> None:
    fake = FakeLookup(other_pack())
    fake.open_handoffs[("telegram", SENDER)] = 41
    state = tracker([user("allô ?", "greet", 5.0)], handoff_active=True)
    dispatcher, _ = run(ActionForwardToLiaison, fake, state)
    assert fake.posted("/v1/handoffs/41/messages") == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_back"]


def test_every_call_to_the_lookup_service_carries_the_service_token() -> None:
    fake = FakeLookup(other_pack())
    fake.token = "another-token-the-actions-do-not-have"
    state = tracker([user("je veux parler à quelqu'un", "request_human", 1.0)])
    dispatcher, events = run(ActionRequestHuman, fake, state)
    assert fake.posted("/v1/handoffs") == []  # refused: 401
    assert dispatcher.messages[0]["response"] == "utter_request_human"
    assert events == []


def test_the_service_token_comes_from_the_environment_or_a_file(tmp_path: Path) -> None:
    assert service_token({}) is None
    assert service_token({"LIAISON_SERVICE_TOKEN": " abc "}) == "abc"
    token_file = tmp_path / "service-token"
    token_file.write_text("from-a-file\n")
    assert service_token({"LIAISON_SERVICE_TOKEN_FILE": str(token_file)}) == "from-a-file"


def test_a_handoff_closed_in_the_console_gives_the_conversation_back() -> None:
    state = tracker([user("allô ?", "greet", 5.0)], handoff_active=True)
    dispatcher, events = run(ActionForwardToLiaison, FakeLookup(other_pack()), state)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_back"]
    assert events[0]["name"] == "handoff_active" and events[0]["value"] is False


def test_an_officers_words_are_said_as_written() -> None:
    reply = "Bonjour, la salle de sport ouvre à 06:00 dans le bâtiment 7."
    entities = [{"entity": "liaison_text", "value": reply}]
    state = tracker([console("liaison_message", 9.0, entities=entities)])
    dispatcher, _ = run(ActionRelayLiaisonMessage, None, state)
    assert [m["text"] for m in dispatcher.messages] == [reply]


def test_the_hand_back_switches_the_bot_on_again() -> None:
    state = tracker([console("liaison_handback", 9.0)], handoff_active=True)
    dispatcher, events = run(ActionLiaisonHandback, None, state)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_back"]
    assert events[0]["value"] is False


def test_a_question_not_understood_is_recorded_with_the_models_guess_only() -> None:
    fake = FakeLookup(other_pack())
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.6},
        {"name": "ask_transport", "confidence": 0.41},
    ]
    state = tracker(
        [user("y a-t-il une navette pour la plage ?", "nlu_fallback", 3.0, intent_ranking=ranking)]
    )
    dispatcher, _ = run(ActionNotUnderstood, fake, state)
    assert fake.posted("/v1/unanswered") == [
        {
            "text": "y a-t-il une navette pour la plage ?",
            "language": "fr",
            "intent": "ask_transport",
            "confidence": 0.41,
            "reason": "fallback",
        }
    ]
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
    # Whoever talks to the bot can receive announcements on this channel.
    assert fake.posted("/v1/visitors") == [
        {"sender_id": SENDER, "channel": "socketio", "language": "fr"}
    ]


@pytest.mark.parametrize("channel", ["rest", "callback", "cmdline", "some_new_connector"])
def test_on_a_channel_the_team_cannot_reply_on_the_visitor_gets_the_contacts(channel: str) -> None:
    fake = FakeLookup(other_pack())
    request = user("I need a human", "request_human", 1.0)
    request["input_channel"] = channel
    dispatcher, events = run(ActionRequestHuman, fake, tracker([request], language="en"))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_handoff_not_on_this_channel"
    assert "utter_contact" in responses
    assert fake.posted("/v1/handoffs") == [] and events == []


def test_a_visitor_is_registered_once_per_channel_and_language_not_every_turn() -> None:
    fake = FakeLookup(other_pack())
    question = [user("je veux parler à quelqu'un", "request_human", 10.0)]
    for _ in range(3):
        run(ActionNotUnderstood, fake, tracker(question))
    assert len(fake.posted("/v1/visitors")) == 1
    run(ActionNotUnderstood, fake, tracker(question, language="en"))
    assert [v["language"] for v in fake.posted("/v1/visitors")] == ["fr", "en"]


def test_a_registration_that_failed_is_tried_again_next_turn() -> None:
    question = [user("je veux parler à quelqu'un", "request_human", 10.0)]
    run(ActionNotUnderstood, None, tracker(question))  # lookup service down
    fake = FakeLookup(other_pack())
    run(ActionNotUnderstood, fake, tracker(question))
    assert fake.posted("/v1/visitors") == [
        {"sender_id": SENDER, "channel": "socketio", "language": "fr"}
    ]
