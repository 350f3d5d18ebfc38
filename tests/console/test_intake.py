"""The routes the action server calls: visitors, handoffs, visitor messages, unanswered."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from lookup.api import intake
from lookup.store.models import Handoff, HandoffMessage, UnansweredQuestion, Visitor
from tests.console.conftest import open_handoff


def rows(client: TestClient, model: Any) -> list[Any]:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(model)))


def test_a_visitor_is_created_then_refreshed(client: TestClient) -> None:
    body = {"sender_id": "web-abc", "channel": "socketio", "language": "ar"}
    first = client.post("/v1/visitors", json=body)
    assert first.status_code == 201, first.text
    again = client.post("/v1/visitors", json={**body, "language": "fr"})
    assert again.status_code == 200
    assert again.json()["language"] == "fr"
    assert again.json()["first_seen"] == first.json()["first_seen"]
    assert again.json()["last_seen"] >= first.json()["last_seen"]
    [visitor] = rows(client, Visitor)
    assert (visitor.channel, visitor.language) == ("socketio", "fr")


INVALID = [
    ("/v1/visitors", {"sender_id": "x", "channel": "socketio"}),
    ("/v1/visitors", {"sender_id": "x", "channel": "socketio", "language": "French"}),
    ("/v1/visitors", {"sender_id": "", "channel": "socketio", "language": "fr"}),
    ("/v1/visitors", {"sender_id": "x", "channel": "web chat", "language": "fr"}),
    ("/v1/handoffs", {"sender_id": "x", "channel": "rest", "language": "fr", "reason": "bored"}),
    (
        "/v1/handoffs",
        {
            "sender_id": "x",
            "channel": "rest",
            "language": "fr",
            "reason": "asked",
            "transcript": [{"speaker": "officer", "text": "hi", "time": "2027-06-02T08:00:00Z"}],
        },
    ),
    (
        "/v1/handoffs/1/messages",
        {"sender_id": "x", "channel": "rest", "speaker": "visitor", "text": "   "},
    ),
    ("/v1/handoffs/1/messages", {"speaker": "visitor", "text": "no visitor named"}),
    ("/v1/unanswered", {"text": "where is the gym", "language": "en", "reason": "asked"}),
    ("/v1/unanswered", {"text": "", "language": "en", "reason": "fallback"}),
    (
        "/v1/unanswered",
        {"text": "gym?", "language": "en", "reason": "fallback", "confidence": 1.5},
    ),
]


def test_invalid_bodies_are_refused_with_422(sqlite_client: TestClient) -> None:
    for url, body in INVALID:
        assert sqlite_client.post(url, json=body).status_code == 422, (url, body)


def test_a_handoff_is_queued_with_its_transcript_and_a_message_in_the_visitors_language(
    client: TestClient,
) -> None:
    response = client.post(
        "/v1/handoffs",
        json={
            "sender_id": "tg-1",
            "channel": "telegram",
            "language": "ar",
            "nationality": "Guestland",
            "reason": "fallback",
            "transcript": [
                {"speaker": "visitor", "text": "وين الجيم؟", "time": "2027-06-02T08:00:00Z"},
                {"speaker": "bot", "text": "عذرًا، لم أفهم.", "time": "2027-06-02T08:00:01"},
            ],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "open" and isinstance(body["id"], int)
    assert body["message_lang"] == "ar"
    assert "فريق الارتباط" in body["message"]
    # The exercise's local time (Africa/Casablanca is UTC+1 in the test pack's season).
    assert datetime.fromisoformat(body["reply_expected_by"]).utcoffset() is not None
    texts = [(m.speaker, m.text) for m in rows(client, HandoffMessage)]
    assert texts == [("visitor", "وين الجيم؟"), ("bot", "عذرًا، لم أفهم.")]
    [visitor] = rows(client, Visitor)
    assert (visitor.sender_id, visitor.channel, visitor.language) == ("tg-1", "telegram", "ar")


def test_odd_visitor_input_never_stops_a_handoff(sqlite_client: TestClient) -> None:
    """Blank lines are left out, very long text is cut, a nationality that is not text ignored."""
    response = sqlite_client.post(
        "/v1/handoffs",
        json={
            "sender_id": "x",
            "channel": "rest",
            "language": "en",
            "nationality": {"code": "gst"},
            "reason": "asked",
            "transcript": [
                {"speaker": "visitor", "text": "  ", "time": "2027-06-02T08:00:00Z"},
                {"speaker": "visitor", "text": "x" * 5000, "time": "2027-06-02T08:00:01Z"},
            ],
        },
    )
    assert response.status_code == 201, response.text
    [line] = rows(sqlite_client, HandoffMessage)
    assert len(line.text) == 4000 and line.text.endswith("…")
    assert rows(sqlite_client, Handoff)[0].nationality is None


def test_a_second_request_returns_the_open_handoff_with_the_transcript_appended(
    client: TestClient,
) -> None:
    first = open_handoff(client)
    again = client.post(
        "/v1/handoffs",
        json={
            "sender_id": "tg-1001",
            "channel": "telegram",
            "language": "fr",
            "reason": "asked",
            "transcript": [
                # Resent by the bot: already there, not doubled.
                {
                    "speaker": "bot",
                    "text": "Je vous passe l'équipe.",
                    "time": "2027-06-02T08:00:01Z",
                },
                {"speaker": "visitor", "text": "Vous êtes là ?", "time": "2027-06-02T08:05:00Z"},
            ],
        },
    )
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert again.json()["reply_expected_by"] == first["reply_expected_by"]
    texts = [m.text for m in rows(client, HandoffMessage)]
    assert texts == ["Je veux parler à quelqu'un", "Je vous passe l'équipe.", "Vous êtes là ?"]


VISITOR = {"sender_id": "tg-1001", "channel": "telegram"}  # the one open_handoff() queues


def test_active_check_and_visitor_messages(client: TestClient) -> None:
    assert client.get("/v1/handoffs/active", params=VISITOR).json() == {
        "active": False,
        "id": None,
    }
    assert client.get("/v1/handoffs/active").status_code == 422
    assert client.get("/v1/handoffs/active", params={"sender_id": "tg-1001"}).status_code == 422
    handoff = open_handoff(client)
    active = client.get("/v1/handoffs/active", params=VISITOR).json()
    assert active == {"active": True, "id": handoff["id"]}
    someone_else = {"sender_id": "someone-else", "channel": "telegram"}
    assert client.get("/v1/handoffs/active", params=someone_else).json()["active"] is False

    messages = f"/v1/handoffs/{handoff['id']}/messages"
    posted = client.post(messages, json={**VISITOR, "speaker": "visitor", "text": "Allô ?"})
    assert posted.status_code == 201
    assert posted.json()["text"] == "Allô ?"
    assert rows(client, HandoffMessage)[-1].text == "Allô ?"
    nowhere = {**VISITOR, "speaker": "visitor", "text": "x"}
    assert client.post("/v1/handoffs/99999/messages", json=nowhere).status_code == 404
    as_bot = {**VISITOR, "speaker": "bot", "text": "x"}
    assert client.post(messages, json=as_bot).status_code == 422


def test_unanswered_questions_keep_no_personal_data_and_get_a_likely_topic(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed = datetime(2027, 6, 2, 9, 30, tzinfo=timezone.utc)
    monkeypatch.setattr(intake, "now", lambda: fixed)
    by_intent = client.post(
        "/v1/unanswered",
        json={
            "text": "on mange quand ce soir",
            "language": "fr",
            "intent": "ask_meal_times",
            "confidence": 0.41,
            "reason": "fallback",
        },
    )
    assert by_intent.status_code == 201, by_intent.text
    assert by_intent.json()["topic"] == "meals"
    # No intent guess: the question's words find the topic (the test pack's prayer tent).
    by_words = client.post(
        "/v1/unanswered",
        json={"text": "where is the prayer tent", "language": "en", "reason": "handoff"},
    )
    assert by_words.json()["topic"] == "prayer_facilities"
    nothing = client.post(
        "/v1/unanswered", json={"text": "zzz qqq", "language": "en", "reason": "fallback"}
    )
    assert nothing.json()["topic"] is None
    stored = rows(client, UnansweredQuestion)
    assert stored[0].at == fixed
    assert (stored[0].intent, stored[0].confidence, stored[0].resolved) == (
        "ask_meal_times",
        0.41,
        False,
    )
    columns = {c.key for c in inspect(UnansweredQuestion).columns}
    assert not columns & {"sender_id", "sender", "channel", "user", "nationality"}
