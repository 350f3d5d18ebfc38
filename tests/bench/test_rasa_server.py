"""bot.rasa_server's fixes to Rasa's custom action calls change their cost, not their outcome:
replies validate (and fail) as before, and calls reuse one connection to the action server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import aiohttp.web
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import rasa_server

VALID = [
    {"events": [], "responses": [{"text": "Lunch is at 12:00.", "buttons": [], "image": None}]},
    {"events": [{"event": "slot", "name": "language", "value": "fr"}], "responses": []},
    {},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}], "responses": []},
    {"events": [{"event": "no_such_event"}]},
    {"responses": "text"},
]


@pytest.fixture()
def patched() -> Iterator[None]:
    from rasa.core import tracker_store
    from rasa.utils.endpoints import EndpointConfig
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    saved = (
        RemoteAction._validate_action_result,
        RemoteAction.run,
        EndpointConfig.session,
        tracker_store.create_engine_kwargs,
    )
    assert rasa_server.install()
    yield
    (
        RemoteAction._validate_action_result,
        RemoteAction.run,
        EndpointConfig.session,
        tracker_store.create_engine_kwargs,
    ) = saved
    event.remove(Engine, "connect", rasa_server._sync_wal_at_checkpoints)


def _outcome(validate: Any, result: dict[str, Any]) -> Any:
    try:
        return validate(RemoteAction("x", None), result)
    except jsonschema.ValidationError as error:
        return ("invalid", error.message, list(error.path))


def test_replies_validate_as_before() -> None:
    original = RemoteAction._validate_action_result
    rasa_server.cache_action_reply_validator()
    try:
        for result in VALID + INVALID:
            assert _outcome(RemoteAction._validate_action_result, result) == _outcome(
                original, result
            )
        assert all(_outcome(original, r)[0] == "invalid" for r in INVALID)
    finally:
        RemoteAction._validate_action_result = original


def test_action_calls_reuse_one_connection(patched: None) -> None:
    async def scenario() -> tuple[set[Any], list[Any]]:
        peers: set[Any] = set()

        async def webhook(request: aiohttp.web.Request) -> aiohttp.web.Response:
            peers.add(request.transport.get_extra_info("peername"))
            body = await request.json()
            return aiohttp.web.json_response(
                {
                    "events": [{"event": "slot", "name": "language", "value": "fr"}],
                    "responses": [{"text": f"answer to {body['next_action']}"}],
                }
            )

        app = aiohttp.web.Application()
        app.router.add_post("/webhook", webhook)
        runner = aiohttp.web.AppRunner(app)
        await runner.setup()
        site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        domain = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})
        results = []
        try:
            for _ in range(3):
                results.append(
                    await RemoteAction("action_answer_topic", endpoint).run(
                        CollectingOutputChannel(),
                        TemplatedNaturalLanguageGenerator({}),
                        DialogueStateTracker("sender", domain.slots),
                        domain,
                    )
                )
        finally:
            await runner.cleanup()
        return peers, results

    peers, results = asyncio.run(scenario())
    assert len(peers) == 1  # one client port: the connection was kept and reused
    for events in results:
        assert (
            isinstance(events[0], BotUttered) and events[0].text == "answer to action_answer_topic"
        )
        assert events[1] == SlotSet("language", "fr")


def test_other_endpoints_keep_a_session_per_request(patched: None) -> None:
    async def scenario() -> bool:
        endpoint = EndpointConfig("http://127.0.0.1:1/model")
        async with endpoint.session() as session:
            pass
        return session.closed

    assert asyncio.run(scenario())


def test_sqlite_tracker_store_keeps_its_connections(patched: None, tmp_path: Any) -> None:
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy.pool import QueuePool

    domain = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    assert isinstance(store.engine.pool, QueuePool)
    tracker = DialogueStateTracker("sender", domain.slots)
    tracker.update(SlotSet("language", "ar"))
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("sender")).get_slot("language") == "ar"
    assert store.engine.pool.checkedin() == 1  # one connection, kept between sessions


def test_a_wal_tracker_database_syncs_at_checkpoints_not_every_commit(
    patched: None, tmp_path: Any
) -> None:
    import sqlite3

    from rasa.core.tracker_store import SQLTrackerStore

    wal, rollback = tmp_path / "wal.db", tmp_path / "rollback.db"
    with sqlite3.connect(wal) as database:
        database.execute("PRAGMA journal_mode=WAL")
    domain = Domain.from_dict({})
    full, normal = 2, 1  # SQLite's codes for PRAGMA synchronous
    for path, expected in ((wal, normal), (rollback, full)):
        store = SQLTrackerStore(domain, dialect="sqlite", db=str(path))
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == expected
        store.engine.dispose()
