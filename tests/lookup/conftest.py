"""Every storage and API test runs twice: on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.search import Hit, search
from lookup.settings import Settings
from tests.lookup.ranking_pack import ranking_pack
from tests.packs import SAMPLE_PACK, other_pack, write_pack
from tests.postgres import fresh_database, postgres_server

ADMIN_TOKEN = "test-admin-token-0123456789"
SERVICE_TOKEN = "test-service-token-0123456789"
# Sent by the test clients unless a test says otherwise (reads need the service or an admin token).
AS_SERVICE = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
# Reads as the liaison team (staff tier): every item whatever its audience (issue 19).
AS_ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
NO_TOKEN = {"Authorization": ""}  # overrides the client's default: a request with no token


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    database_url = None
    if request.param == "postgresql":
        database_url = fresh_database(request.getfixturevalue("postgres_url"))
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        admin_tokens=f"Capt. Test:{ADMIN_TOKEN}",
        service_token=SERVICE_TOKEN,
    )


@pytest.fixture
def other_pack_path(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "other.yml", other_pack())


@pytest.fixture
def client_for(
    settings: Settings, request: pytest.FixtureRequest
) -> Iterator[Callable[..., TestClient]]:
    """A client of a fresh service whose database holds the given packs; it calls as the action
    server (the service token) unless a request, or the test module's CLIENT_HEADERS, says
    otherwise."""
    clients: list[TestClient] = []
    headers = getattr(request.module, "CLIENT_HEADERS", AS_SERVICE)

    def make(*packs: Path, exercise_id: str | None = None) -> TestClient:
        app = create_app(settings.model_copy(update={"exercise_id": exercise_id}))
        for pack in packs:
            import_pack(app.state.session_factory, load_pack(pack).pack)
        client = TestClient(app, headers=headers)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture
def sample_client(client_for: Callable[..., TestClient]) -> TestClient:
    return client_for(SAMPLE_PACK)


@pytest.fixture
def other_client(client_for: Callable[..., TestClient], other_pack_path: Path) -> TestClient:
    return client_for(other_pack_path)


@pytest.fixture
def admin() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def find(client_for: Callable[..., TestClient], tmp_path: Path) -> Callable[..., list[Hit]]:
    """Search the ranking exercise (tests/lookup/ranking_pack.py) directly: (query, kind,
    mode) -> hits, as the service's search ranks them."""
    client = client_for(write_pack(tmp_path / "ranking.yml", ranking_pack()))

    def run(query: str, kind: str, mode: str = "question") -> list[Hit]:
        with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
            return search(session, "test-oasis-99", query, kinds=[kind], mode=mode)  # type: ignore[arg-type]

    return run
