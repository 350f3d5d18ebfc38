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


# The database of a test in a READ_ONLY module: never opened, as its service is the session's
# (client_for makes that one its own database). A new PostgreSQL database is a copy of the
# template, on disk until the server stops: a few hundred of them were a minute of CI.
SHARED_SERVICES_DATABASE = "read-only-modules-use-the-sessions-services"


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    database_url = None
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_url")
        if getattr(request.module, "READ_ONLY", False):
            database_url = f"{server}/{SHARED_SERVICES_DATABASE}"
        else:
            database_url = fresh_database(server)
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        admin_tokens=f"Capt. Test:{ADMIN_TOKEN}",
        service_token=SERVICE_TOKEN,
    )


@pytest.fixture
def other_pack_path(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "other.yml", other_pack())


@pytest.fixture(scope="session")
def read_only_services() -> Iterator[dict[tuple[object, ...], TestClient]]:
    """The services of the modules that only read (READ_ONLY), one per database kind, packs'
    contents, exercise and headers, kept for the session."""
    services: dict[tuple[object, ...], TestClient] = {}
    yield services
    for client in services.values():
        client.close()
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


@pytest.fixture
def client_for(
    settings: Settings,
    request: pytest.FixtureRequest,
    read_only_services: dict[tuple[object, ...], TestClient],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., TestClient]]:
    """A client of a fresh service whose database holds the given packs; it calls as the action
    server (the service token) unless a request, or the test module's CLIENT_HEADERS, says
    otherwise. In a module whose tests only read (READ_ONLY = True: searches, no write, no
    request that counts against a budget) the service for the same packs is made once a session
    and database kind: a fresh app, its migrations and the pack's import were most of such a
    test's time."""
    clients: list[TestClient] = []
    headers = getattr(request.module, "CLIENT_HEADERS", AS_SERVICE)
    read_only = getattr(request.module, "READ_ONLY", False)

    def make(*packs: Path, exercise_id: str | None = None) -> TestClient:
        if read_only:
            key = (
                settings.database_url is None,
                tuple(pack.read_bytes() for pack in packs),
                exercise_id,
                tuple(sorted(headers.items())),
            )
            if key not in read_only_services:
                data_dir = tmp_path_factory.mktemp("read-only") / "data"
                database_url = settings.database_url and fresh_database(
                    request.getfixturevalue("postgres_url")
                )
                shared = settings.model_copy(
                    update={"data_dir": data_dir, "database_url": database_url}
                )
                read_only_services[key] = fresh_client(shared, packs, exercise_id, headers)
            return read_only_services[key]
        client = fresh_client(settings, packs, exercise_id, headers)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


def fresh_client(
    settings: Settings,
    packs: tuple[Path, ...],
    exercise_id: str | None,
    headers: dict[str, str],
) -> TestClient:
    """A client of a new service on `settings`' database, the packs imported."""
    app = create_app(settings.model_copy(update={"exercise_id": exercise_id}))
    for pack in packs:
        import_pack(app.state.session_factory, load_pack(pack).pack)
    return TestClient(app, headers=headers)


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
