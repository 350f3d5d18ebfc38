"""Refused OPSEC questions (issue 19): recorded by the action server with the service token,
listed newest first for the security officer at GET /v1/admin/refusals (admin token) and in the
console (administrators only), a page at a time."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lookup.console import paging
from lookup.settings import Settings
from lookup.store.database import transaction
from lookup.store.staff import save_staff
from tests.console.conftest import OFFICER, sign_in

ADMIN_TOKEN = "refusals-admin-token-0123456789"
AS_ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
SECURITY = ("security1", "another correct horse", "Maj. Sam Okafor")


@pytest.fixture
def client(make_client: Callable[..., TestClient], settings: Settings) -> TestClient:
    """SQLite and PostgreSQL, with an admin API token."""
    return make_client(settings.model_copy(update={"admin_tokens": f"sec:{ADMIN_TOKEN}"}))


def refuse(client: TestClient, text: str, lang: str = "en", sender: str = "tg-42") -> int:
    body = {"sender_id": sender, "channel": "telegram", "language": lang, "text": text}
    response = client.post("/v1/refusals", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_refusals_are_listed_newest_first_with_sender_channel_language_and_text(
    client: TestClient,
) -> None:
    first = refuse(client, "how many tanks are there", "en", "tg-1")
    second = refuse(client, "où sont les munitions", "fr", "wa-33")
    third = refuse(client, "كم دبابة عندكم", "ar", "tg-1")
    listed = client.get("/v1/admin/refusals", headers=AS_ADMIN)
    assert listed.status_code == 200, listed.text
    rows = listed.json()
    assert [r["id"] for r in rows] == [third, second, first]
    assert {k: rows[1][k] for k in ("sender_id", "channel", "language", "text")} == {
        "sender_id": "wa-33",
        "channel": "telegram",
        "language": "fr",
        "text": "où sont les munitions",
    }
    assert rows[0]["at"] >= rows[1]["at"] >= rows[2]["at"]
    page = client.get("/v1/admin/refusals?limit=1&offset=1", headers=AS_ADMIN).json()
    assert [r["id"] for r in page] == [second]


def test_only_the_service_token_records_and_only_an_admin_token_reads(
    client: TestClient,
) -> None:
    body = {"sender_id": "x", "channel": "rest", "language": "en", "text": "freq?"}
    assert client.post("/v1/refusals", json=body, headers=AS_ADMIN).status_code == 403
    assert client.post("/v1/refusals", json=body, headers={"Authorization": ""}).status_code == 401
    # The service token (the client's default) may write intake but not read the list.
    assert client.get("/v1/admin/refusals").status_code == 403


def test_a_refusal_needs_an_exercise_language_and_loses_control_characters(
    client: TestClient,
) -> None:
    body = {"sender_id": "x", "channel": "rest", "language": "de", "text": "wo sind die Panzer"}
    assert client.post("/v1/refusals", json=body).status_code == 422
    refuse(client, "how many\x1b[2J tanks\u202e")
    [row] = client.get("/v1/admin/refusals", headers=AS_ADMIN).json()
    assert row["text"] == "how many[2J tanks"


def test_the_console_page_is_for_administrators_newest_first_and_paged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    with transaction(client.app.state.session_factory) as session:  # type: ignore[attr-defined]
        save_staff(session, SECURITY[0], SECURITY[1], display_name=SECURITY[2], is_admin=True)
    for n in range(5):
        refuse(client, f"question {n} about the guard rotation", sender=f"sender-{n}")
    monkeypatch.setattr(paging, "REFUSALS_PER_PAGE", 2)
    monkeypatch.setattr("lookup.console.refusals.REFUSALS_PER_PAGE", 2)

    sign_in(client, OFFICER[0], OFFICER[1])  # a liaison officer, not an administrator
    assert client.get("/console/refusals").status_code == 403
    assert "/console/refusals" not in client.get("/console/handoffs").text
    client.cookies.clear()

    sign_in(client, SECURITY[0], SECURITY[1])
    page = client.get("/console/refusals")
    assert page.status_code == 200
    html = page.text
    assert html.index("question 4") < html.index("question 3")
    assert "question 2" not in html and "sender-4" in html
    assert 'href="/console/refusals?page=3"' in html
    last = client.get("/console/refusals?page=3").text
    assert "question 0" in last and "question 4" not in last


def test_the_console_page_speaks_the_officers_language(client: TestClient) -> None:
    with transaction(client.app.state.session_factory) as session:  # type: ignore[attr-defined]
        save_staff(
            session,
            SECURITY[0],
            SECURITY[1],
            display_name=SECURITY[2],
            is_admin=True,
            language="fr",
        )
    sign_in(client, SECURITY[0], SECURITY[1])
    html = client.get("/console/refusals").text
    assert "Questions refusées pour la sécurité opérationnelle" in html
    assert "Aucune question n&#39;a été refusée." in html
