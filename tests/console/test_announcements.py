"""Announcements: each push-channel visitor gets one in their language through Rasa (a fake one
on a free port), every delivery is recorded, failures are retried then reported, and pending
deliveries survive a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from lookup.settings import Settings
from lookup.store.items import now
from lookup.store.liaison import claim_due
from lookup.store.models import Announcement, Delivery
from tests.console.conftest import OFFICER, eventually, post_form, sign_in
from tests.console.fake_rasa import FakeRasa

TEXTS = {
    "fr": "La cérémonie de clôture est avancée à 16h00.",
    "en": "The closing ceremony moves to 16:00.",
    "ar": "تم تقديم حفل الختام إلى الساعة 16:00.",
}


def visit(client: TestClient, sender: str, channel: str, language: str) -> None:
    body = {"sender_id": sender, "channel": channel, "language": language}
    assert client.post("/v1/visitors", json=body).status_code in (200, 201)


def announce(client: TestClient, texts: dict[str, str]) -> Response:
    return post_form(
        client,
        "/console/announcements",
        {"lang": list(texts), "text": list(texts.values())},
    )


def deliveries(client: TestClient) -> dict[str, tuple[str, str | None, int, str | None]]:
    """sender -> (status, language, attempts, last error)."""
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        return {
            d.sender_id: (d.status, d.language, d.attempts, d.last_error)
            for d in session.scalars(select(Delivery))
        }


def signed_in(client: TestClient) -> TestClient:
    assert sign_in(client, OFFICER[0], OFFICER[1]).status_code == 303
    return client


def test_each_recipient_gets_it_in_their_language_and_only_push_channels_count(
    make_client: Callable[..., TestClient], settings: Settings, fake_rasa: FakeRasa
) -> None:
    client = signed_in(make_client(settings, lifespan=True))
    visit(client, "web-1", "socketio", "fr")
    visit(client, "tg-2", "telegram", "ar")
    visit(client, "rest-3", "rest", "en")
    visit(client, "cli-4", "cmdline", "en")
    fake_rasa.languages["web-1"] = "en"  # switched to English since: the conversation decides
    page = client.get("/console/announcements").text
    assert "2 visitor(s) can receive announcements." in page
    assert page.count("required: 1 recipient(s) read this language") == 2  # fr and ar

    response = announce(client, TEXTS)
    assert response.status_code == 303, response.text
    eventually(lambda: {s for s, *_ in deliveries(client).values()} == {"sent"}, message="sent")
    assert sorted(fake_rasa.messages()) == [
        ("tg-2", "telegram", TEXTS["ar"]),
        ("web-1", "socketio", TEXTS["en"]),
    ]
    assert deliveries(client) == {
        "web-1": ("sent", "en", 1, None),
        "tg-2": ("sent", "ar", 1, None),
    }
    detail = client.get(response.headers["location"]).text
    assert detail.count('class="delivery-sent"') == 2


def test_every_language_a_recipient_reads_is_required(
    make_client: Callable[..., TestClient], sqlite_settings: Settings
) -> None:
    client = signed_in(make_client(sqlite_settings))
    refused = announce(client, {"fr": TEXTS["fr"]})
    assert refused.status_code == 422
    assert "No visitor has talked to the bot" in refused.text
    visit(client, "web-1", "socketio", "fr")
    visit(client, "tg-2", "telegram", "ar")
    refused = announce(client, {"fr": TEXTS["fr"], "en": TEXTS["en"]})
    assert refused.status_code == 422
    assert "Also write it in: Arabic" in refused.text
    assert TEXTS["fr"] in refused.text  # what was written is kept
    assert announce(client, {"fr": " ", "ar": ""}).status_code == 422
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        assert session.scalars(select(Announcement)).all() == []


def test_failed_attempts_are_retried_until_delivered(
    make_client: Callable[..., TestClient], sqlite_settings: Settings, fake_rasa: FakeRasa
) -> None:
    client = signed_in(make_client(sqlite_settings, lifespan=True))
    visit(client, "web-1", "socketio", "fr")
    fake_rasa.fail_next = 2
    announce(client, {"fr": TEXTS["fr"]})
    eventually(lambda: deliveries(client)["web-1"][0] == "sent", message="sent after retries")
    assert deliveries(client)["web-1"] == ("sent", "fr", 3, None)
    assert fake_rasa.refused == 2
    assert fake_rasa.messages() == [("web-1", "socketio", TEXTS["fr"])]


def test_a_delivery_failing_every_attempt_is_reported_and_can_be_retried(
    make_client: Callable[..., TestClient], settings: Settings, fake_rasa: FakeRasa
) -> None:
    client = signed_in(make_client(settings, lifespan=True))
    visit(client, "web-1", "socketio", "fr")
    visit(client, "tg-2", "telegram", "fr")
    fake_rasa.languages["tg-2"] = "fr"
    fake_rasa.failing = True
    location = announce(client, {"fr": TEXTS["fr"]}).headers["location"]
    eventually(lambda: {s for s, *_ in deliveries(client).values()} == {"failed"}, message="failed")
    status, _, attempts, error = deliveries(client)["web-1"]
    assert (status, attempts) == ("failed", 3)  # LIAISON_DELIVERY_MAX_ATTEMPTS
    assert error is not None and "HTTP 500" in error
    page = client.get(location).text
    assert page.count('class="delivery-failed"') == 2 and "HTTP 500" in page
    assert "2 announcement delivery(ies) failed" in client.get("/console/handoffs").text

    fake_rasa.failing = False
    retried = post_form(client, location.rstrip("/") + "/retry-failed")
    assert retried.status_code == 303
    eventually(lambda: {s for s, *_ in deliveries(client).values()} == {"sent"}, message="resent")
    assert len(fake_rasa.messages()) == 2
    assert "failed:" not in client.get("/console/handoffs").text


def test_pending_deliveries_are_sent_after_a_restart(
    make_client: Callable[..., TestClient], settings: Settings, fake_rasa: FakeRasa
) -> None:
    before = signed_in(make_client(settings))  # no lifespan: its worker never runs ("crashed")
    visit(before, "web-1", "socketio", "fr")
    visit(before, "tg-2", "telegram", "ar")
    announce(before, {"fr": TEXTS["fr"], "ar": TEXTS["ar"]})
    assert {s for s, *_ in deliveries(before).values()} == {"pending"}
    assert fake_rasa.calls == []

    after = make_client(settings, lifespan=True, seed=False)  # the service starts again
    eventually(lambda: {s for s, *_ in deliveries(after).values()} == {"sent"}, message="resumed")
    assert sorted(fake_rasa.messages()) == [
        ("tg-2", "telegram", TEXTS["ar"]),
        ("web-1", "socketio", TEXTS["fr"]),
    ]


def test_two_workers_never_claim_the_same_delivery(
    make_client: Callable[..., TestClient], settings: Settings
) -> None:
    client = signed_in(make_client(settings))
    for n in range(3):
        visit(client, f"web-{n}", "socketio", "fr")
    announce(client, {"fr": TEXTS["fr"]})
    factory = client.app.state.session_factory  # type: ignore[attr-defined]
    at = now()
    with factory() as first, factory() as second:
        mine = claim_due(first, at, timedelta(minutes=1))
        theirs = claim_due(second, at, timedelta(minutes=1))
    assert len(mine) == 3 and theirs == []
    with factory() as later:  # a claim whose worker died lapses, and the delivery is due again
        assert len(claim_due(later, at + timedelta(minutes=2), timedelta(minutes=1))) == 3
