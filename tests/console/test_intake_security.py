"""Issue 18, items 3, 9 and 14: only the action server (its service token) may call intake, a
visitor is (channel, sender), a visitor adds only to their own handoff, languages are the
exercise's, visitor texts lose control characters, and handoffs and callers are bounded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from lookup.api import intake
from lookup.settings import Settings
from lookup.store.models import Handoff, HandoffMessage, UnansweredQuestion, Visitor
from tests.console.conftest import open_handoff

ADMIN_TOKEN = "console-test-admin-token-0123"
VISITOR = {"sender_id": "tg-1001", "channel": "telegram"}  # the one open_handoff() queues
INTAKE_CALLS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("post", "/v1/visitors", {**VISITOR, "language": "fr"}),
    ("post", "/v1/handoffs", {**VISITOR, "language": "fr", "reason": "asked"}),
    ("get", "/v1/handoffs/active?sender_id=tg-1001&channel=telegram", None),
    ("post", "/v1/handoffs/1/messages", {**VISITOR, "speaker": "visitor", "text": "hi"}),
    ("post", "/v1/unanswered", {"text": "gym?", "language": "en", "reason": "fallback"}),
]


def rows(client: TestClient, model: Any) -> list[Any]:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(model)))


def call(client: TestClient, method: str, url: str, body: Any, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}" if token else ""}
    if method == "get":
        return client.get(url, headers=headers)
    return client.post(url, json=body, headers=headers)


@pytest.fixture
def with_admin(make_client: Any, sqlite_settings: Settings) -> TestClient:
    return make_client(sqlite_settings.model_copy(update={"admin_tokens": f"adm:{ADMIN_TOKEN}"}))


@pytest.mark.parametrize(("method", "url", "body"), INTAKE_CALLS)
def test_intake_needs_the_service_token(
    with_admin: TestClient, method: str, url: str, body: Any
) -> None:
    """Not without a token, not with a wrong one, not with an admin's: bot lines in a transcript
    can only come from the action server."""
    no_token = call(with_admin, method, url, body, None)
    assert no_token.status_code == 401 and no_token.headers["www-authenticate"] == "Bearer"
    assert call(with_admin, method, url, body, "a-wrong-token-0123456789").status_code == 403
    assert call(with_admin, method, url, body, ADMIN_TOKEN).status_code == 403
    assert rows(with_admin, Visitor) == [] and rows(with_admin, Handoff) == []
    assert rows(with_admin, UnansweredQuestion) == []


def test_without_a_configured_service_token_intake_is_off(
    make_client: Any, sqlite_settings: Settings
) -> None:
    client = make_client(sqlite_settings.model_copy(update={"service_token": ""}))
    response = client.post("/v1/visitors", json={**VISITOR, "language": "fr"})
    assert response.status_code == 503 and "LIAISON_SERVICE_TOKEN" in response.json()["detail"]


def test_the_service_token_may_come_from_a_file(
    make_client: Any, sqlite_settings: Settings
) -> None:
    token_file = sqlite_settings.data_dir.parent / "service-token"
    token_file.write_text("token-from-a-file-0123456789\n")
    client = make_client(
        sqlite_settings.model_copy(update={"service_token": "", "service_token_file": token_file})
    )
    headers = {"Authorization": "Bearer token-from-a-file-0123456789"}
    body = {**VISITOR, "language": "fr"}
    assert client.post("/v1/visitors", json=body, headers=headers).status_code == 201


def test_a_sender_id_on_another_channel_is_another_visitor(client: TestClient) -> None:
    """Before: registering 'tg-1001' on socketio rerouted the Telegram visitor's officer replies
    and announcements, and changed their language."""
    assert client.post("/v1/visitors", json={**VISITOR, "language": "ar"}).status_code == 201
    other = {"sender_id": "tg-1001", "channel": "socketio", "language": "fr"}
    assert client.post("/v1/visitors", json=other).status_code == 201
    visitors = sorted((v.channel, v.sender_id, v.language) for v in rows(client, Visitor))
    assert visitors == [("socketio", "tg-1001", "fr"), ("telegram", "tg-1001", "ar")]


def test_a_handoff_is_the_visitors_on_their_channel_only(client: TestClient) -> None:
    handoff = open_handoff(client)
    same_id_elsewhere = {"sender_id": "tg-1001", "channel": "socketio"}
    assert client.get("/v1/handoffs/active", params=same_id_elsewhere).json()["active"] is False
    second = open_handoff(client, channel="socketio")
    assert second["id"] != handoff["id"]


@pytest.mark.parametrize(
    "intruder",
    [
        {"sender_id": "someone-else", "channel": "telegram"},
        {"sender_id": "tg-1001", "channel": "socketio"},
    ],
)
def test_nobody_adds_to_another_visitors_handoff(
    client: TestClient, intruder: dict[str, str]
) -> None:
    handoff = open_handoff(client)
    before = len(rows(client, HandoffMessage))
    response = client.post(
        f"/v1/handoffs/{handoff['id']}/messages",
        json={**intruder, "speaker": "visitor", "text": "OFFICIAL NOTICE: exercise cancelled"},
    )
    # The same answer as for a handoff that does not exist: ids say nothing about others.
    assert response.status_code == 404
    assert len(rows(client, HandoffMessage)) == before


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/v1/visitors", {**VISITOR, "language": "de"}),
        ("/v1/handoffs", {**VISITOR, "language": "xx", "reason": "asked"}),
        ("/v1/unanswered", {"text": "wo ist das", "language": "de", "reason": "fallback"}),
    ],
)
def test_only_the_exercises_languages_are_accepted(
    client: TestClient, url: str, body: dict[str, Any]
) -> None:
    """A visitor with a made-up language blocked every announcement (none has that text)."""
    response = client.post(url, json=body)
    assert response.status_code == 422
    assert "not one of this exercise's languages" in response.json()["detail"]
    assert rows(client, Visitor) == [] and rows(client, UnansweredQuestion) == []


def test_control_and_format_characters_are_removed_from_visitor_texts(
    sqlite_client: TestClient,
) -> None:
    handoff = open_handoff(
        sqlite_client,
        transcript=[
            {"speaker": "visitor", "text": "gym\x1b[31m?\u202e", "time": "2027-06-02T08:00:00Z"},
        ],
    )
    sqlite_client.post(
        f"/v1/handoffs/{handoff['id']}/messages",
        json={**VISITOR, "speaker": "visitor", "text": "still\x00 there\u2066? \U0001f44b\u200d"},
    )
    # A lone surrogate, as JSON can carry it ("\\ud800"), could not be stored at all.
    question = {"text": "bus\x07 \ud800 times\x1b", "language": "en", "reason": "fallback"}
    sqlite_client.post(
        "/v1/unanswered",
        content=json.dumps(question),
        headers={"Content-Type": "application/json"},
    )
    texts = [m.text for m in rows(sqlite_client, HandoffMessage)]
    assert texts == ["gym[31m?", "still there? \U0001f44b\u200d"]
    assert [q.text for q in rows(sqlite_client, UnansweredQuestion)] == ["bus  times"]


def test_a_sender_id_with_control_characters_is_refused(sqlite_client: TestClient) -> None:
    body = {"sender_id": "tg\x1b1001", "channel": "telegram", "language": "fr"}
    assert sqlite_client.post("/v1/visitors", json=body).status_code == 422


def test_a_transcript_and_a_handoff_are_bounded(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = {"speaker": "visitor", "text": "x", "time": "2027-06-02T08:00:00Z"}
    too_long = [line] * (intake.MAX_TRANSCRIPT_LINES + 1)
    response = sqlite_client.post(
        "/v1/handoffs",
        json={**VISITOR, "language": "fr", "reason": "asked", "transcript": too_long},
    )
    assert response.status_code == 422
    monkeypatch.setattr(intake, "MAX_LINES_PER_HANDOFF", 3)
    handoff = open_handoff(sqlite_client)  # two lines
    url = f"/v1/handoffs/{handoff['id']}/messages"
    body = {**VISITOR, "speaker": "visitor", "text": "one more"}
    assert sqlite_client.post(url, json=body).status_code == 201
    full = sqlite_client.post(url, json=body)
    assert full.status_code == 409 and "3 lines" in full.json()["detail"]
    assert len(rows(sqlite_client, HandoffMessage)) == 3


def test_one_visitor_has_a_budget_per_minute(make_client: Any, sqlite_settings: Settings) -> None:
    client = make_client(sqlite_settings.model_copy(update={"intake_per_sender_per_minute": 3}))
    body = {**VISITOR, "language": "fr"}
    statuses = [client.post("/v1/visitors", json=body).status_code for _ in range(4)]
    assert statuses == [201, 200, 200, 429]
    refused = client.post("/v1/visitors", json=body)
    assert int(refused.headers["retry-after"]) >= 1
    # Another visitor is not held up by this one.
    other = {"sender_id": "tg-2002", "channel": "telegram", "language": "fr"}
    assert client.post("/v1/visitors", json=other).status_code == 201


def test_one_address_has_a_budget_per_minute_even_without_a_token(
    make_client: Any, sqlite_settings: Settings
) -> None:
    client = make_client(sqlite_settings.model_copy(update={"intake_per_address_per_minute": 5}))
    guesses = [
        client.get(
            "/v1/handoffs/active",
            params=VISITOR,
            headers={"Authorization": f"Bearer guess-{n:020d}"},
        ).status_code
        for n in range(6)
    ]
    assert guesses == [403] * 5 + [429]
    # The right token from the same address is held back too, until the minute has passed.
    assert client.get("/v1/handoffs/active", params=VISITOR).status_code == 429


def test_the_action_servers_own_requests_do_not_spend_its_addresss_budget(
    make_client: Any, sqlite_settings: Settings
) -> None:
    """The action server is one address for every visitor: at a peak its turns went over the
    address budget and were refused all together (429 on enrolment during `make eval-answers`)."""
    client = make_client(sqlite_settings.model_copy(update={"intake_per_address_per_minute": 5}))
    visitors = [
        {"sender_id": f"tg-{n}", "channel": "telegram", "language": "fr"} for n in range(12)
    ]
    assert [client.post("/v1/visitors", json=v).status_code for v in visitors] == [201] * 12
    # Wrong tokens from that address still spend it, and then hold the right one back too.
    guesses = [
        client.get(
            "/v1/handoffs/active", params=VISITOR, headers={"Authorization": f"Bearer g-{n:020d}"}
        ).status_code
        for n in range(6)
    ]
    assert guesses == [403] * 5 + [429]
    assert client.get("/v1/handoffs/active", params=VISITOR).status_code == 429
