"""The read cache (lookup/read_cache.py, issue 22): hits answer as the routes would, every write
(admin API, pack import, audience edit) is seen by the next read in any process, and no answer
crosses tiers or tokens. SQLite and PostgreSQL, in-process and with two real uvicorn processes."""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from lookup.api import views
from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.read_cache import ReadCache
from lookup.settings import Settings
from lookup.store.database import make_engine, make_session_factory
from lookup.store.enrolment import revoke_code
from lookup.store.knowledge_version import SQLiteVersionReader, read_version, version_reader
from lookup.store.models import EnrolmentCode, Exercise
from tests.lookup.conftest import ADMIN_TOKEN, AS_ADMIN, AS_SERVICE, SERVICE_TOKEN
from tests.lookup.test_audiences import VISITOR, code_for, enrol
from tests.packs import SAMPLE_PACK, other_pack, ramadan_pack, write_pack

MEAL = "/v1/admin/items/topic/mess-tent"
SAMPLE_MEAL = "meals-dining-hall"
ROOT = Path(__file__).resolve().parents[2]
UVICORN = [
    sys.executable,
    "-m",
    "uvicorn",
    "lookup.app:create_app",
    "--factory",
    "--host",
    "127.0.0.1",
    "--log-level",
    "warning",
]


def meal_text(
    client: Any, lang: str = "en", headers: dict[str, str] = AS_ADMIN, item: str = "mess-tent"
) -> str:
    response = client.get("/v1/topics/meals", params={"lang": lang}, headers=headers)
    assert response.status_code == 200, response.text
    return str(next(i["fields"]["text"] for i in response.json()["items"] if i["id"] == item))


def test_a_repeated_read_is_a_hit_with_an_etag_and_304(other_client: TestClient) -> None:
    first = other_client.get("/v1/topics/meals", params={"lang": "fr"}, headers=AS_ADMIN)
    second = other_client.get("/v1/topics/meals", params={"lang": "fr"}, headers=AS_ADMIN)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert "etag" not in first.headers and "etag" in second.headers  # only a hit carries one
    again = other_client.get(
        "/v1/topics/meals",
        params={"lang": "fr"},
        headers={**AS_ADMIN, "If-None-Match": second.headers["etag"]},
    )
    assert again.status_code == 304 and again.content == b""
    # Another language is another answer.
    english = other_client.get("/v1/topics/meals", params={"lang": "en"}, headers=AS_ADMIN)
    assert english.json()["lang"] == "en" and english.json() != first.json()


def test_an_admin_write_and_an_audience_edit_are_seen_by_the_next_read(
    other_client: TestClient,
) -> None:
    before = meal_text(other_client, "fr")
    assert meal_text(other_client, "fr") == before  # cached now
    new = "La tente B sert désormais les repas de 06h30 à 07h15."
    assert other_client.patch(MEAL, json={"text": {"fr": new}}, headers=AS_ADMIN).status_code == 200
    assert meal_text(other_client, "fr") == new

    public = other_client.get("/v1/topics/meals", params={"lang": "en"}).json()
    assert public["items"] == [] and public["withheld"] == 2  # meals: participants by default
    assert other_client.get("/v1/topics/meals", params={"lang": "en"}).json() == public
    edit = other_client.patch(MEAL, json={"audience": "public"}, headers=AS_ADMIN)
    assert edit.status_code == 200, edit.text
    assert meal_text(other_client, "en", headers=AS_SERVICE)  # the public now reads it


def test_a_pack_import_invalidates(settings: Settings, tmp_path: Path) -> None:
    pack = other_pack()
    app_client = TestClient(
        create_app_with(settings, write_pack(tmp_path / "a.yml", pack)), headers=AS_ADMIN
    )
    with app_client as client:
        before = meal_text(client, "en")
        assert meal_text(client, "en") == before
        changed = copy.deepcopy(pack)
        changed["topics"][0]["text"]["en"] = "Meals moved to tent C."
        import_pack(
            client.app.state.session_factory,  # type: ignore[attr-defined]
            load_pack(write_pack(tmp_path / "b.yml", changed)).pack,
        )
        assert meal_text(client, "en") == "Meals moved to tent C."
        client.app.state.engine.dispose()  # type: ignore[attr-defined]


def create_app_with(settings: Settings, pack: Path) -> Any:
    app = create_app(settings)
    import_pack(app.state.session_factory, load_pack(pack).pack)
    return app


def test_no_answer_crosses_tiers_or_tokens(sample_client: TestClient) -> None:
    def meals(
        headers: dict[str, str] = AS_SERVICE, visitor: dict[str, str] | None = None
    ) -> httpx.Response:
        params = {"lang": "en", **(visitor or {})}
        return sample_client.get("/v1/topics/meals", params=params, headers=headers)

    for _ in range(2):  # the second time from the cache
        assert meals().json()["withheld"] == 1
        assert meals(visitor=VISITOR).json()["withheld"] == 1
    staff = meals(AS_ADMIN).json()
    assert staff["withheld"] == 0 and staff["items"]
    enrol(sample_client, code_for(sample_client))
    for _ in range(2):
        participant = meals(visitor=VISITOR).json()
        assert participant["withheld"] == 0 and participant["items"] == staff["items"]
        assert meals().json()["withheld"] == 1  # not enrolled: still public
        assert (
            meals(visitor={"channel": "telegram", "sender_id": "someone-else"}).json()["withheld"]
            == 1
        )
    # A cached answer never goes to a request the routes would refuse.
    assert meals({"Authorization": ""}).status_code == 401
    assert meals({"Authorization": "Bearer not-a-token-at-all-0000"}).status_code == 403
    assert meals(visitor={"channel": "x" * 65, "sender_id": "4242"}).status_code == 422


def test_a_visitors_tier_is_kept_until_an_enrolment_or_revocation(
    sample_client: TestClient,
) -> None:
    """The enrolment query once per visitor and knowledge version, not once per read; a code
    revoked in another session (as another process would) is seen by the very next read."""

    def withheld() -> int:
        params = {"lang": "en", **VISITOR}
        response = sample_client.get("/v1/topics/meals", params=params, headers=AS_SERVICE)
        return int(response.json()["withheld"])

    assert [withheld() for _ in range(3)] == [1, 1, 1]
    cache = _read_cache(sample_client)  # built by the first request
    assert cache.tier_queries == 1
    enrol(sample_client, code_for(sample_client))
    assert [withheld() for _ in range(3)] == [0, 0, 0]
    assert cache.tier_queries == 2
    factory = sample_client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        row = session.scalars(select(EnrolmentCode)).one()
        revoke_code(session, row, actor="test", at=datetime.now(timezone.utc))
        session.commit()
    assert withheld() == 1


def test_a_miss_takes_the_exercise_and_tier_from_the_check(sample_client: TestClient) -> None:
    """A read the cache missed (a search never asked before) does not query the exercise, the
    visitor's enrolment or the knowledge version again in the route (issue 22: each was a
    query, the first two in a thread-pool job of their own); a write of the exercise is seen by
    the next miss."""
    engine = sample_client.app.state.engine  # type: ignore[attr-defined]
    # The cache's own check reads the version through the engine but on a SQLite file.
    check = 0 if engine.url.get_backend_name() == "sqlite" else 1

    def selects(query: str) -> tuple[int, int, int]:
        statements: list[str] = []

        def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            statements.append(statement)

        params = {"q": query, "lang": "en", **VISITOR}
        event.listen(engine, "before_cursor_execute", record)
        try:
            answer = sample_client.get("/v1/search", params=params, headers=AS_SERVICE)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        assert answer.status_code == 200, answer.text
        reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        return (
            sum("FROM exercises" in s for s in reads),
            sum("FROM enrolments" in s for s in reads),
            sum("FROM knowledge_version" in s for s in reads) - check,
        )

    selects("lunch")  # the version's exercise and the visitor's tier, once
    assert selects("dinner") == (0, 0, 0)
    assert selects("breakfast") == (0, 0, 0)
    factory = sample_client.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        exercise = session.scalars(select(Exercise)).one()
        exercise.time_zone = "Pacific/Kiritimati"
        session.commit()
    assert selects("coffee") == (1, 1, 0)  # a new version: both read again
    kept = sample_client.app.state.kept_exercise  # type: ignore[attr-defined]
    with factory() as session:
        assert kept.at(read_version(engine), session).time_zone == "Pacific/Kiritimati"
    assert selects("tea") == (0, 0, 0)


def test_the_version_is_read_on_the_event_loop_only_from_a_sqlite_file(
    sample_client: TestClient,
) -> None:
    """A SQLite file's version is read inline through a connection of its own, and sees a
    write committed through the engine at once; PostgreSQL's goes to a worker thread."""
    engine = sample_client.app.state.engine  # type: ignore[attr-defined]
    read, inline = version_reader(engine)
    assert inline == (engine.url.get_backend_name() == "sqlite")
    before = read()
    assert before == read_version(engine)
    assert (
        sample_client.patch(
            MEAL.replace("mess-tent", SAMPLE_MEAL), json={"text": {"en": "x"}}, headers=AS_ADMIN
        ).status_code
        == 200
    )
    assert read() == read_version(engine) > before
    if isinstance(read, SQLiteVersionReader):
        read.close()


def _read_cache(client: TestClient) -> ReadCache:
    """The ReadCache middleware of an app that has served a request."""
    app: Any = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(app, ReadCache):
        app = app.app
    return app


@pytest.fixture
def two_processes(settings: Settings, tmp_path: Path) -> Iterator[tuple[str, str, Settings]]:
    """Two uvicorn processes over one database (SQLite file or PostgreSQL) holding the sample."""
    engine = make_engine(settings.sqlalchemy_url)
    import_pack(make_session_factory(engine), load_pack(SAMPLE_PACK).pack)
    engine.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIAISON_", "DATABASE_URL"))}
    env.update(
        LIAISON_DATA_DIR=str(settings.data_dir),
        LIAISON_DATABASE_URL=settings.sqlalchemy_url,
        LIAISON_ADMIN_TOKENS=f"Capt. Test:{ADMIN_TOKEN}",
        LIAISON_SERVICE_TOKEN=SERVICE_TOKEN,
    )
    processes, urls = [], []
    try:
        for _ in range(2):
            port = _free_port()
            processes.append(
                subprocess.Popen(
                    [*UVICORN, "--port", str(port)],
                    cwd=ROOT,
                    env=env,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait_ready(url)
        yield urls[0], urls[1], settings
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def test_a_write_in_one_process_is_read_at_once_in_the_other(
    two_processes: tuple[str, str, Settings], tmp_path: Path
) -> None:
    first, second, settings = two_processes
    with httpx.Client(base_url=first) as a, httpx.Client(base_url=second) as b:
        before = meal_text(b, item=SAMPLE_MEAL)
        hit = b.get("/v1/topics/meals", params={"lang": "en"}, headers=AS_ADMIN)
        assert "etag" in hit.headers  # the second process holds the answer in its cache
        sample_meal = "/v1/admin/items/topic/" + SAMPLE_MEAL
        for round_ in range(3):
            new = f"Breakfast moved to 06:{10 + round_} (round {round_})."
            response = a.patch(sample_meal, json={"text": {"en": new}}, headers=AS_ADMIN)
            assert response.status_code == 200, response.text
            assert meal_text(b, item=SAMPLE_MEAL) == new  # no wait: the very next read
            assert meal_text(b, item=SAMPLE_MEAL) == new
        assert before != new

        # Edits of who may read it too: the public sees it in the other process at once.
        assert (
            b.get("/v1/topics/meals", params={"lang": "en"}, headers=AS_SERVICE).json()["items"]
            == []
        )
        audience = a.patch(sample_meal, json={"audience": "public"}, headers=AS_ADMIN)
        assert audience.status_code == 200, audience.text
        assert meal_text(b, headers=AS_SERVICE, item=SAMPLE_MEAL) == new

        # A pack import from a third process (the CLI) puts the pack's text back everywhere.
        engine = make_engine(settings.sqlalchemy_url)
        version = read_version(engine)
        env = {k: v for k, v in os.environ.items() if not k.startswith("LIAISON_")}
        env.update(
            LIAISON_DATA_DIR=str(settings.data_dir), LIAISON_DATABASE_URL=settings.sqlalchemy_url
        )
        subprocess.run(
            [str(Path(sys.executable).parent / "liaison"), "import-pack", str(SAMPLE_PACK)],
            env=env,
            check=True,
            capture_output=True,
        )
        assert read_version(engine) > version
        engine.dispose()
        assert meal_text(b, item=SAMPLE_MEAL) == before
        assert meal_text(a, item=SAMPLE_MEAL) == before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


def test_an_answer_of_one_local_date_is_not_served_on_another(
    client_for: Callable[..., TestClient], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Venue hours follow the exercise's local date (Ramadan's in Ramadan): the same service,
    read before and after local midnight in Dubai, answers each with its own hours."""
    client = client_for(write_pack(tmp_path / "ramadan.yml", ramadan_pack()))
    for moment, in_force in (
        (datetime(2027, 2, 7, 19, 30, tzinfo=timezone.utc), "weekly"),
        (datetime(2027, 2, 7, 20, 30, tzinfo=timezone.utc), "ramadan"),  # 00:30 in Dubai
        (datetime(2027, 2, 7, 19, 59, tzinfo=timezone.utc), "weekly"),
    ):
        monkeypatch.setattr(views, "now", lambda moment=moment: moment)
        for _ in range(2):  # the second read is a hit
            response = client.get(
                "/v1/items/venue/camp-store", params={"lang": "en"}, headers=AS_ADMIN
            )
            assert response.json()["fields"]["hours"]["in_force"] == in_force
        assert "etag" in response.headers
