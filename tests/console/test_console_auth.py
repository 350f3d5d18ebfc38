"""Signing in to the console: accounts, password hashing, refusals, CSRF, cookies, languages."""

from __future__ import annotations

import io
import stat
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from lookup.cli import main
from lookup.settings import Settings
from lookup.store.database import make_engine, make_session_factory
from lookup.store.models import Staff
from tests.console.conftest import OFFICER, csrf_of, post_form, sign_in


@pytest.fixture
def client(sqlite_client: TestClient) -> TestClient:
    """Nothing here depends on the database engine: SQLite only."""
    return sqlite_client


def test_a_wrong_password_is_refused_and_signs_nobody_in(client: TestClient) -> None:
    refused = sign_in(client, OFFICER[0], "not the password")
    assert refused.status_code == 401
    assert "Wrong username or password." in refused.text
    unknown = sign_in(client, "nobody", OFFICER[1])
    assert unknown.status_code == 401
    page = client.get("/console/handoffs")
    assert page.status_code == 303
    assert page.headers["location"].startswith("/console/login?next=/console/handoffs")
    assert client.get("/console/handoffs/1/messages.json").status_code == 401


def test_the_right_password_opens_the_console(client: TestClient) -> None:
    signed_in = sign_in(client, OFFICER[0].upper(), OFFICER[1])  # usernames ignore case
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/console/handoffs"
    cookie = signed_in.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/console" in cookie
    page = client.get("/console/handoffs")
    assert page.status_code == 200
    assert OFFICER[2] in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        staff = session.scalar(select(Staff))
        assert staff is not None and staff.last_login_at is not None


def test_passwords_are_stored_as_argon2_hashes_only(client: TestClient) -> None:
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        staff = session.scalar(select(Staff).where(Staff.username == OFFICER[0]))
        assert staff is not None
        assert staff.password_hash.startswith("$argon2id$")
        assert OFFICER[1] not in staff.password_hash


def test_repeated_wrong_passwords_lock_the_username_out_for_a_while(
    make_client: object, sqlite_settings: Settings
) -> None:
    client = make_client(sqlite_settings.model_copy(update={"login_max_failures": 2}))  # type: ignore[operator]
    for _ in range(2):
        assert sign_in(client, OFFICER[0], "wrong wrong wrong").status_code == 401
    locked = sign_in(client, OFFICER[0], OFFICER[1])
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.text


def test_every_post_needs_the_sessions_csrf_token(officer: TestClient) -> None:
    handoff = officer.post(
        "/v1/handoffs",
        json={"sender_id": "s1", "channel": "socketio", "language": "en", "reason": "asked"},
    ).json()
    for url, data in [
        (f"/console/handoffs/{handoff['id']}/reply", {"text": "hello"}),
        (f"/console/handoffs/{handoff['id']}/handback", {}),
        ("/console/announcements", {"lang": "en", "text": "hi"}),
        ("/console/logout", {}),
    ]:
        assert officer.post(url, data=data).status_code == 403, url
        assert officer.post(url, data={**data, "csrf_token": "forged"}).status_code == 403, url
    # Nothing happened: still open, still signed in.
    assert officer.get(
        "/v1/handoffs/active", params={"sender_id": "s1", "channel": "socketio"}
    ).json()["active"]
    assert officer.get("/console/handoffs").status_code == 200
    # The sign-in form is protected too (no logging someone into an attacker's account).
    assert (
        officer.post("/console/login", data={"username": "a", "password": "b"}).status_code == 403
    )
    assert post_form(officer, "/console/logout").status_code == 303
    assert officer.get("/console/handoffs").status_code == 303


def test_signing_in_starts_a_new_session_token(client: TestClient) -> None:
    before = csrf_of(client)
    sign_in(client, OFFICER[0], OFFICER[1])
    assert csrf_of(client, "/console/handoffs") != before


def test_the_console_speaks_arabic_right_to_left(officer: TestClient) -> None:
    english = officer.get("/console/handoffs").text
    assert '<html lang="en" dir="ltr">' in english
    assert (
        post_form(
            officer, "/console/language", {"lang": "ar", "next": "/console/unanswered"}
        ).headers["location"]
        == "/console/unanswered"
    )
    arabic = officer.get("/console/unanswered").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "أسئلة بلا إجابة" in arabic
    post_form(officer, "/console/language", {"lang": "fr", "next": "https://evil.example/"})
    french = officer.get("/console/handoffs")
    assert '<html lang="fr" dir="ltr">' in french.text and "Transferts ouverts" in french.text


def test_the_login_page_follows_the_browser_language(sqlite_client: TestClient) -> None:
    page = sqlite_client.get("/console/login", headers={"Accept-Language": "ar-SA,ar;q=0.9"})
    assert 'dir="rtl"' in page.text and "تسجيل الدخول" in page.text


def test_static_files_are_served_by_the_service(sqlite_client: TestClient) -> None:
    assert sqlite_client.get("/console/static/console.css").status_code == 200
    assert sqlite_client.get("/console/static/console.js").status_code == 200
    page = sqlite_client.get("/console/login").text
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere


def test_the_session_secret_is_generated_once_and_private(sqlite_settings: Settings) -> None:
    from lookup.console.web import session_secret

    first = session_secret(sqlite_settings)
    path = sqlite_settings.data_dir / "secret-key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert session_secret(sqlite_settings) == first
    assert session_secret(sqlite_settings.model_copy(update={"secret_key": "x" * 40})) == "x" * 40


def test_replicas_starting_together_share_one_whole_secret(
    sqlite_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two lookup processes over one data folder: the first is slow to make its key, the second
    reads the file meanwhile. It must never find a key half written (it found an empty file and
    the replica failed to start, caught by test_read_cache's two processes)."""
    import secrets

    from lookup.console import web

    first_is_making_its_key = threading.Event()
    second_is_done = threading.Event()
    made = iter(["a" * 64, "b" * 64])

    def slow_for_the_first(nbytes: int) -> str:
        key = next(made)
        if key.startswith("a"):
            first_is_making_its_key.set()
            second_is_done.wait(5)
        return key

    monkeypatch.setattr(secrets, "token_urlsafe", slow_for_the_first)
    results: dict[str, str | BaseException] = {}

    def start(name: str) -> None:
        try:
            results[name] = web.session_secret(sqlite_settings)
        except BaseException as error:
            results[name] = error
        finally:
            if name == "second":
                second_is_done.set()

    first = threading.Thread(target=start, args=("first",))
    first.start()
    assert first_is_making_its_key.wait(5)
    start("second")
    first.join(10)
    assert results["first"] == results["second"] == "b" * 64
    path = sqlite_settings.data_dir / "secret-key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".secret-key")] == []


def test_admins_see_the_staff_list_and_officers_do_not(officer: TestClient) -> None:
    assert officer.get("/console/staff").status_code == 403
    assert "/console/staff" not in officer.get("/console/handoffs").text


@pytest.fixture
def cli_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path / "data"


def test_add_staff_and_list_staff(
    cli_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert (
        main(
            [
                "add-staff",
                "Amina",
                "--name",
                "Lt. Amina Saleh",
                "--lang",
                "ar",
                "--admin",
                "--password-stdin",
            ]
        )
        == 0
    )
    assert "created console account 'amina' (Lt. Amina Saleh, ar, admin)" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("another long password\n"))
    assert main(["add-staff", "amina", "--password-stdin"]) == 2
    assert "already exists" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["add-staff", "bob", "--password-stdin"]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new password\n"))
    assert main(["add-staff", "amina", "--update", "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["list-staff"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("amina\tLt. Amina Saleh\tar\tadmin\tlast sign-in never")

    engine = make_engine(f"sqlite:///{cli_data_dir / 'liaison.db'}")
    with make_session_factory(engine)() as session:
        [staff] = session.scalars(select(Staff))
        assert staff.is_admin and staff.language == "ar"
        assert "a brand new password" not in staff.password_hash
    engine.dispose()
