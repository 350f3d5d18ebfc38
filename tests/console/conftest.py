"""Console, intake and delivery tests: a service over a fresh database (SQLite and a real
PostgreSQL, like tests/lookup), a fake Rasa on a free port, and a signed-in liaison officer."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.settings import Settings
from lookup.store.database import transaction
from lookup.store.staff import save_staff
from tests.browser import browser  # noqa: F401 (a fixture for the browser tests)
from tests.console.fake_rasa import FakeRasa
from tests.packs import other_pack, write_pack
from tests.postgres import fresh_database, postgres_server

OFFICER = ("officer1", "correct horse battery", "Capt. Nadia Haddad")
SERVICE_TOKEN = "console-test-service-token-0123"
# The intake routes are the action server's: test clients send its token unless told otherwise.
AS_SERVICE = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
PUSH = "socketio,telegram"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def pack_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pack(tmp_path_factory.mktemp("packs") / "other.yml", other_pack())


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa().start()
    yield fake
    fake.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path, fake_rasa: FakeRasa) -> Settings:
    database_url = None
    if request.param == "postgresql":
        database_url = fresh_database(request.getfixturevalue("postgres_url"))
    return fast_settings(tmp_path, fake_rasa, database_url)


@pytest.fixture
def sqlite_settings(tmp_path: Path, fake_rasa: FakeRasa) -> Settings:
    return fast_settings(tmp_path, fake_rasa, None)


def fast_settings(tmp_path: Path, fake_rasa: FakeRasa, database_url: str | None) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        rasa_url=fake_rasa.url,
        rasa_timeout=3,
        push_channels=PUSH,
        delivery_max_attempts=3,
        delivery_retry_seconds=0.01,
        delivery_poll_seconds=0.05,
        service_token=SERVICE_TOKEN,
    )


@pytest.fixture
def make_client(pack_path: Path) -> Iterator[Callable[..., TestClient]]:
    """A client of a service over `settings`' database (the pack and the officer created once
    per database); with lifespan=True the app runs its delivery worker until the test ends."""
    clients: list[tuple[TestClient, bool]] = []

    def make(settings: Settings, *, lifespan: bool = False, seed: bool = True) -> TestClient:
        app = create_app(settings)
        if seed:
            import_pack(app.state.session_factory, load_pack(pack_path).pack)
            with transaction(app.state.session_factory) as session:
                save_staff(session, OFFICER[0], OFFICER[1], display_name=OFFICER[2])
        client = TestClient(app, follow_redirects=False, headers=AS_SERVICE)
        if lifespan:
            client.__enter__()
        clients.append((client, lifespan))
        return client

    yield make
    for client, running in clients:
        if running:
            client.__exit__(None, None, None)
        else:
            client.close()
        client.app.state.rasa.close()  # type: ignore[attr-defined]
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture
def client(make_client: Callable[..., TestClient], settings: Settings) -> TestClient:
    return make_client(settings)


@pytest.fixture
def sqlite_client(make_client: Callable[..., TestClient], sqlite_settings: Settings) -> TestClient:
    """For what does not depend on the database (validation, pages, browser)."""
    return make_client(sqlite_settings)


@pytest.fixture
def officer(client: TestClient) -> TestClient:
    """The client, signed in as the officer."""
    sign_in(client, OFFICER[0], OFFICER[1])
    return client


def csrf_of(client: TestClient, page: str = "/console/login") -> str:
    html = client.get(page).text
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, f"no CSRF token on {page}"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str) -> Any:
    token = csrf_of(client)
    return client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": token},
    )


def post_form(client: TestClient, url: str, data: dict[str, Any] | None = None) -> Any:
    """A console form post with the session's CSRF token, as the page would send it."""
    token = csrf_of(client, "/console/handoffs")
    return client.post(url, data={**(data or {}), "csrf_token": token})


def eventually(check: Callable[[], Any], timeout: float = 10, message: str = "") -> Any:
    """Poll until check() is truthy (worker threads, servers); its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting: {message or check}")
        time.sleep(0.05)


def open_handoff(client: TestClient, sender: str = "tg-1001", **changes: Any) -> dict[str, Any]:
    body = {
        "sender_id": sender,
        "channel": "telegram",
        "language": "fr",
        "nationality": "Guestland",
        "reason": "asked",
        "transcript": [
            {
                "speaker": "visitor",
                "text": "Je veux parler à quelqu'un",
                "time": "2027-06-02T08:00:00Z",
            },
            {"speaker": "bot", "text": "Je vous passe l'équipe.", "time": "2027-06-02T08:00:01Z"},
        ],
        **changes,
    }
    response = client.post("/v1/handoffs", json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()
