"""A handoff from the console: the queue, the transcript, an officer's reply reaching the
visitor through Rasa (a fake one here), and handing the conversation back."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from lookup.store.models import Handoff, HandoffMessage
from tests.console.conftest import OFFICER, open_handoff, post_form
from tests.console.fake_rasa import FakeRasa

# The visitor open_handoff() queues: (channel, sender) as the intake routes take it.
VISITOR = {"sender_id": "tg-1001", "channel": "telegram"}
TG_1001 = VISITOR


@pytest.fixture
def client(sqlite_client: TestClient) -> TestClient:
    """The console's logic is the same on any database (the intake and delivery tests run
    on PostgreSQL too): SQLite only."""
    return sqlite_client


def transcript(client: TestClient) -> list[tuple[str, str | None, str, str | None]]:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        return [
            (m.speaker, m.author, m.text, m.delivery)
            for m in session.scalars(select(HandoffMessage).order_by(HandoffMessage.id))
        ]


def test_the_queue_shows_who_waits_in_which_language(officer: TestClient) -> None:
    open_handoff(officer, "tg-1", language="fr", nationality="Guestland")
    open_handoff(
        officer,
        "web-2",
        channel="socketio",
        language="ar",
        nationality=None,
        reason="lookup_failed",
    )
    page = officer.get("/console/handoffs").text
    assert page.count('data-handoff="') == 2
    assert "Guestland" in page and "français" in page.lower() and "العربية" in page
    assert "the bot had no answer" in page and "asked for a person" in page


def test_an_officer_reply_reaches_the_visitor_on_their_channel(
    officer: TestClient, fake_rasa: FakeRasa
) -> None:
    handoff = open_handoff(officer, "tg-1001")
    page = officer.get(f"/console/handoffs/{handoff['id']}")
    assert page.status_code == 200
    assert "Je veux parler à quelqu&#39;un" in page.text
    sent = post_form(
        officer, f"/console/handoffs/{handoff['id']}/reply", {"text": "  Bonjour, je suis là.  "}
    )
    assert sent.status_code == 303
    assert fake_rasa.messages() == [("tg-1001", "telegram", "Bonjour, je suis là.")]
    assert transcript(officer)[-1] == ("officer", OFFICER[2], "Bonjour, je suis là.", "sent")
    assert "Reply sent." in officer.get(f"/console/handoffs/{handoff['id']}").text
    # The bot stays quiet: the handoff is still open.
    assert officer.get("/v1/handoffs/active", params=TG_1001).json()["active"]


def test_a_reply_rasa_refuses_is_kept_marked_undelivered_and_can_be_sent_again(
    officer: TestClient, fake_rasa: FakeRasa
) -> None:
    handoff = open_handoff(officer)
    fake_rasa.failing = True
    post_form(officer, f"/console/handoffs/{handoff['id']}/reply", {"text": "Allô ?"})
    assert transcript(officer)[-1][2:] == ("Allô ?", "failed")
    page = officer.get(f"/console/handoffs/{handoff['id']}").text
    assert "did not reach the visitor" in page and "HTTP 500" in page
    message_id = re.search(r"/messages/(\d+)/resend", page)
    assert message_id
    fake_rasa.failing = False
    post_form(officer, f"/console/handoffs/{handoff['id']}/messages/{message_id.group(1)}/resend")
    assert fake_rasa.messages() == [("tg-1001", "telegram", "Allô ?")]
    assert transcript(officer)[-1][2:] == ("Allô ?", "sent")


def test_visitor_messages_appear_in_the_live_view(officer: TestClient) -> None:
    handoff = open_handoff(officer)
    first = officer.get(f"/console/handoffs/{handoff['id']}/messages.json").json()
    last_id = first["messages"][-1]["id"]
    officer.post(
        f"/v1/handoffs/{handoff['id']}/messages",
        json={**VISITOR, "speaker": "visitor", "text": "<b>Toujours là ?</b>"},
    )
    update = officer.get(
        f"/console/handoffs/{handoff['id']}/messages.json", params={"after": last_id}
    ).json()
    assert update["status"] == "open"
    assert [(m["speaker"], m["label"], m["text"]) for m in update["messages"]] == [
        ("visitor", "Visitor", "<b>Toujours là ?</b>")
    ]
    page = officer.get(f"/console/handoffs/{handoff['id']}").text
    assert "&lt;b&gt;Toujours là ?&lt;/b&gt;" in page and "<b>Toujours" not in page


def test_handing_back_tells_the_visitor_and_lets_the_bot_answer_again(
    officer: TestClient, fake_rasa: FakeRasa
) -> None:
    handoff = open_handoff(officer)
    assert post_form(officer, f"/console/handoffs/{handoff['id']}/handback").status_code == 303
    [call] = fake_rasa.calls
    assert (call.sender_id, call.output_channel, call.name, call.entities) == (
        "tg-1001",
        "telegram",
        "liaison_handback",
        {},
    )
    assert officer.get("/v1/handoffs/active", params=TG_1001).json() == {
        "active": False,
        "id": None,
    }
    with officer.app.state.session_factory() as session:  # type: ignore[attr-defined]
        stored = session.get(Handoff, handoff["id"])
        assert stored is not None and (stored.status, stored.closed_by) == ("closed", OFFICER[2])
    page = officer.get(f"/console/handoffs/{handoff['id']}").text
    assert "handed the conversation back to the bot" in page
    assert f'action="/console/handoffs/{handoff["id"]}/reply"' not in page
    # A message for a closed handoff is refused; the next request opens a new one.
    assert (
        officer.post(
            f"/v1/handoffs/{handoff['id']}/messages",
            json={**VISITOR, "speaker": "visitor", "text": "?"},
        ).status_code
        == 409
    )
    assert open_handoff(officer)["id"] != handoff["id"]


def test_closing_without_a_message_calls_nobody(officer: TestClient, fake_rasa: FakeRasa) -> None:
    handoff = open_handoff(officer)
    post_form(officer, f"/console/handoffs/{handoff['id']}/close")
    assert fake_rasa.calls == []
    assert not officer.get("/v1/handoffs/active", params=TG_1001).json()["active"]
