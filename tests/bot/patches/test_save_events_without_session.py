"""bot.patches.save_events_without_session: the rows a conversation leaves in the SQL tracker
store, ids and order included, and the conversation read back, are those of Rasa's own save,
through two stores on one database (two replicas) taking turns, a second save of one turn, a
new session and a new conversation; a tracker read at its turn is saved without an ORM session,
the others (and a PostgreSQL schema named) through Rasa's session as before."""

from __future__ import annotations

import asyncio
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, SessionStarted

from bot import patches
from tests.bot.patches.test_count_stored_events_once import DOMAIN, counting_queries, turn
from tests.bot.patches.test_insert_tracker_events_at_once import FIXED

Result = tuple[list[tuple[Any, ...]], list[dict[str, Any]], int]


@contextmanager
def counting_sessions(stores: list[SQLTrackerStore]) -> Iterator[list[str]]:
    """Each `session_scope()` the stores' saves open inside the block."""
    opened: list[str] = []
    for store in stores:
        scope = store.session_scope

        def counted(scope: Any = scope) -> Any:
            if any(frame.function.endswith("save") for frame in inspect.stack()[1:4]):
                opened.append("session")
            return scope()

        store.session_scope = counted  # type: ignore[method-assign]
    try:
        yield opened
    finally:
        for store in stores:
            del store.session_scope


async def conversation(path: Path) -> Result:
    replicas = [SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path)) for _ in range(2)]
    with counting_sessions(replicas) as opened:
        first = await replicas[0].get_or_create_tracker("visitor")  # new: no number
        turn(first, "one")
        await replicas[0].save(first)
        for number, text in enumerate(("two", "three", "four", "five")):
            store = replicas[number % 2]
            tracker = await store.retrieve("visitor")
            assert tracker is not None
            turn(tracker, text)
            await store.save(tracker)
            if text == "three":
                tracker.update(ActionExecuted("action_custom"))
                await store.save(tracker)  # a second save of the turn: the rest only
                await store.save(tracker)  # nothing new: no row
        tracker = await replicas[1].retrieve("visitor")
        assert tracker is not None
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        turn(tracker, "six")
        await replicas[1].save(tracker)
        turn(tracker, "seven")  # after a saved session start: counted by Rasa again
        await replicas[1].save(tracker)
        other = await replicas[0].get_or_create_tracker("another")
        turn(other, "hello")
        await replicas[0].save(other)
        sessions = len(opened)
    back = await replicas[0].retrieve_full_tracker("visitor")
    assert back is not None
    for store in replicas:
        store.engine.dispose()
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT * FROM events ORDER BY id").fetchall()
    return rows, [e.as_dict() for e in back.events], sessions


def run(path: Path) -> Result:
    from rasa.shared.core import events

    original = events.Event.__init__

    def fixed_time(self: Any, timestamp: Any = None, metadata: Any = None) -> None:
        original(self, FIXED, metadata)

    events.Event.__init__ = fixed_time  # type: ignore[method-assign]
    try:
        return asyncio.run(conversation(path))
    finally:
        events.Event.__init__ = original  # type: ignore[method-assign]


CHAIN = ["insert_tracker_events_at_once", "count_stored_events_once"]
WITH_IT = [CHAIN[0], "save_events_without_session", CHAIN[1]]


@pytest.fixture()
def chain() -> Iterator[Callable[[list[str]], None]]:
    """Apply patches in order for one test; afterwards Rasa's own save is back."""
    assert not patches.applied()
    rasa_save = SQLTrackerStore.save

    def apply(names: list[str]) -> None:
        for name in names:
            patches.apply(name)

    yield apply
    patches.undo()
    assert SQLTrackerStore.save is rasa_save


def test_the_rows_are_rasas_own(tmp_path: Path, chain: Callable[[list[str]], None]) -> None:
    rasa_rows, rasa_back, _ = run(tmp_path / "rasa.db")
    chain(WITH_IT)
    rows, back, sessions = run(tmp_path / "patched.db")
    assert len(rasa_rows) == 1 + 7 * 4 + 1 + 2 + 1 + 4  # listen, 7 turns, a custom action,
    assert rows == rasa_rows  # a session start, the other conversation
    assert back == rasa_back
    # Sessions: Rasa's create and first save of each new conversation (4) and the save after
    # a saved session start (1); the other 7 saves (read at their turn) none.
    assert sessions == 5


def test_without_it_every_save_opens_a_session(
    tmp_path: Path, chain: Callable[[list[str]], None]
) -> None:
    rasa_rows = run(tmp_path / "rasa.db")[0]
    chain(CHAIN)
    rows, _, sessions = run(tmp_path / "chain.db")
    assert rows == rasa_rows
    assert sessions == 12


def test_a_known_tracker_is_one_insert(tmp_path: Path, chain: Callable[[list[str]], None]) -> None:
    chain(WITH_IT)

    async def scenario() -> list[str]:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "x.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        await store.save(tracker)
        again = await store.retrieve("visitor")
        assert again is not None
        turn(again, "two")
        with counting_queries(store) as statements:
            await store.save(again)
        store.engine.dispose()
        return statements

    statements = asyncio.run(scenario())
    assert len(statements) == 1 and statements[0].lstrip().upper().startswith("INSERT")


def test_a_named_postgresql_schema_keeps_rasas_session(
    tmp_path: Path, chain: Callable[[list[str]], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.core.tracker_store import POSTGRESQL_SCHEMA

    chain(WITH_IT)
    monkeypatch.setenv(POSTGRESQL_SCHEMA, "liaison")  # SQLite: Rasa's check passes
    rows, _, sessions = run(tmp_path / "schema.db")
    assert sessions == 12
    monkeypatch.delenv(POSTGRESQL_SCHEMA)
    assert rows == run(tmp_path / "plain.db")[0]
