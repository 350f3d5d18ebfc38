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
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, SlotSet
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
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.utils.endpoints import EndpointConfig
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    saved = (
        RemoteAction._validate_action_result,
        RemoteAction.run,
        EndpointConfig.session,
        tracker_store.create_engine_kwargs,
        Event.__dict__["resolve_by_type"],
        SQLTrackerStore.retrieve,
        SQLTrackerStore.save,
        SQLTrackerStore._additional_events,
        DaskGraphRunner.run,
    )
    assert rasa_server.install()
    yield
    (
        RemoteAction._validate_action_result,
        RemoteAction.run,
        EndpointConfig.session,
        tracker_store.create_engine_kwargs,
        resolve_by_type,
        SQLTrackerStore.retrieve,
        SQLTrackerStore.save,
        SQLTrackerStore._additional_events,
        DaskGraphRunner.run,
    ) = saved
    Event.resolve_by_type = resolve_by_type
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


def test_events_deserialise_to_the_same_classes(patched: None) -> None:
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered

    stored = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "user", "text": "when is lunch", "parse_data": {"intent": {"name": "x"}}},
        {"event": "slot", "name": "language", "value": "fr"},
        {"event": "bot", "text": "Lunch is at 12:00."},
    ]
    for _ in range(2):  # the second time from the remembered classes
        events = [Event.from_parameters(e) for e in stored]
        assert [type(e) for e in events] == [
            ActionExecuted,
            SessionStarted,
            UserUttered,
            SlotSet,
            BotUttered,
        ]
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None  # Rasa's old TopicSet events, as before
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")


# Trackers kept between turns: the same conversation, fewer reads.

DOMAIN = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})


def turn(tracker: DialogueStateTracker, text: str) -> None:
    from rasa.shared.core.events import ActionExecuted, UserUttered

    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    tracker.update(SlotSet("language", "en"))
    tracker.update(BotUttered(f"answer to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def stored_events(path: Any) -> list[str]:
    """The conversation as a store that has kept nothing reads it from the database."""
    fresh = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path))
    tracker = asyncio.run(fresh.retrieve_full_tracker("visitor"))
    fresh.engine.dispose()
    return [f"{e.type_name} {getattr(e, 'text', '')}".strip() for e in tracker.events]


def test_a_saved_tracker_is_handed_out_once_and_every_event_is_stored(
    patched: None, tmp_path: Any
) -> None:
    async def scenario() -> None:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        first = await store.get_or_create_tracker("visitor")  # new: saved the usual way
        turn(first, "one")
        await store.save(first)
        second = await store.retrieve("visitor")  # not kept after a first turn: the database
        assert second is not first
        for text in ("two", "three", "four"):
            turn(second, text)
            await store.save(second)
            kept = await store.retrieve("visitor")
            assert kept is second  # the saved tracker itself...
            assert await store.retrieve("visitor") is not second  # ...handed out once
        store.engine.dispose()

    asyncio.run(scenario())
    expected = ["action"]  # the new tracker's action_listen
    for text in ("one", "two", "three", "four"):
        expected += [f"user {text}", "slot", f"bot answer to {text}", "action"]
    assert stored_events(tmp_path / "t.db") == expected


def test_a_turn_that_fails_before_saving_leaves_nothing_behind(
    patched: None, tmp_path: Any
) -> None:
    async def scenario() -> list[str]:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        await store.save(tracker)
        tracker = await store.retrieve("visitor")
        turn(tracker, "two")
        await store.save(tracker)  # kept
        failing = await store.retrieve("visitor")
        turn(failing, "lost")  # ... and the turn fails: no save
        again = await store.retrieve("visitor")
        store.engine.dispose()
        return [e.text for e in again.events if isinstance(e, BotUttered)]

    assert asyncio.run(scenario()) == ["answer to one", "answer to two"]


def test_a_new_session_is_read_back_from_the_database(patched: None, tmp_path: Any) -> None:
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    async def scenario() -> None:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        await store.save(tracker)
        tracker = await store.retrieve("visitor")
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        turn(tracker, "two")
        await store.save(tracker)
        latest = await store.retrieve("visitor")
        assert latest is not tracker  # not kept: the database has only the new session
        assert [e.text for e in latest.events if isinstance(e, BotUttered)] == ["answer to two"]
        store.engine.dispose()

    asyncio.run(scenario())


def test_trackers_are_not_kept_when_several_rasa_processes_share_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert rasa_server.one_rasa_process()
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert not rasa_server.one_rasa_process()
    monkeypatch.setenv("SANIC_WORKERS", "1")
    monkeypatch.setenv("LIAISON_LOCK_STORE", "redis://localhost:6379")
    assert not rasa_server.one_rasa_process()


def test_the_kept_tracker_count_is_read_or_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LIAISON_KEEP_TRACKERS", raising=False)
    assert rasa_server.kept_trackers_setting() == rasa_server.KEPT_TRACKERS
    monkeypatch.setenv("LIAISON_KEEP_TRACKERS", " 0 ")
    assert rasa_server.kept_trackers_setting() == 0
    monkeypatch.setenv("LIAISON_KEEP_TRACKERS", "250")
    assert rasa_server.kept_trackers_setting() == 250
    for bad in ("lots", "-5", "1.5"):
        monkeypatch.setenv("LIAISON_KEEP_TRACKERS", bad)
        with pytest.raises(SystemExit, match="LIAISON_KEEP_TRACKERS"):
            rasa_server.kept_trackers_setting()
