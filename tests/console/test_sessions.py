"""Console sessions live server-side (issue 18, item 8): a cookie saved before signing out is
refused after it, a password change ends every session of the account, and an expired session
is refused whatever the cookie says."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from lookup.store.database import transaction
from lookup.store.items import now
from lookup.store.staff import save_staff
from tests.console.conftest import OFFICER, post_form, sign_in

COOKIE = "liaison_console"


def _copy(client: TestClient, cookie: str) -> TestClient:
    """Another browser holding the same cookie (say, one an attacker copied)."""
    other = TestClient(client.app, follow_redirects=False, headers=dict(client.headers))
    other.cookies.set(COOKIE, cookie, path="/console")
    return other


def _signed_in(client: TestClient) -> bool:
    page = client.get("/console/handoffs")
    assert page.status_code in (200, 303)
    return page.status_code == 200


def test_a_cookie_saved_before_signing_out_is_refused_after(sqlite_client: TestClient) -> None:
    assert sign_in(sqlite_client, OFFICER[0], OFFICER[1]).status_code == 303
    saved = sqlite_client.cookies.get(COOKIE)
    assert saved and _signed_in(_copy(sqlite_client, saved))
    assert post_form(sqlite_client, "/console/logout").status_code == 303
    replay = _copy(sqlite_client, saved)
    assert not _signed_in(replay)
    assert replay.get("/console/handoffs/1/messages.json").status_code == 401
    assert replay.get("/console/login").status_code == 200  # the sign-in form, not a loop


def test_a_password_change_ends_every_other_session(sqlite_client: TestClient) -> None:
    app = sqlite_client.app
    laptop = sqlite_client
    phone = TestClient(app, follow_redirects=False, headers=dict(laptop.headers))
    for browser in (laptop, phone):
        assert sign_in(browser, OFFICER[0], OFFICER[1]).status_code == 303
        assert _signed_in(browser)
    with transaction(app.state.session_factory) as session:  # type: ignore[attr-defined]
        save_staff(session, OFFICER[0], "a brand new passphrase", update=True)
    assert not _signed_in(laptop) and not _signed_in(phone)
    assert sign_in(phone, OFFICER[0], OFFICER[1]).status_code == 401
    assert sign_in(phone, OFFICER[0], "a brand new passphrase").status_code == 303
    assert _signed_in(phone)


def test_an_expired_session_is_refused(sqlite_client: TestClient) -> None:
    from lookup.store.models import ConsoleSession

    assert sign_in(sqlite_client, OFFICER[0], OFFICER[1]).status_code == 303
    assert _signed_in(sqlite_client)
    with transaction(sqlite_client.app.state.session_factory) as session:  # type: ignore[attr-defined]
        session.execute(update(ConsoleSession).values(expires_at=now() - timedelta(seconds=1)))
    assert not _signed_in(sqlite_client)


def test_the_database_holds_only_a_hash_of_the_token(sqlite_client: TestClient) -> None:
    from lookup.store.models import ConsoleSession

    assert sign_in(sqlite_client, OFFICER[0], OFFICER[1]).status_code == 303
    cookie = sqlite_client.cookies.get(COOKIE) or ""
    payload = cookie.split(".")[0]
    token = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sid"]
    with sqlite_client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        [stored] = session.scalars(select(ConsoleSession.id)).all()
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
