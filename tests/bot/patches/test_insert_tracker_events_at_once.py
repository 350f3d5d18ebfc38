"""bot.patches.insert_tracker_events_at_once: the rows a conversation leaves in the SQL tracker
store, ids and order included, are those Rasa's own save writes, over several saves and a new
session, and the conversation reads back the same."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, SessionStarted
from sqlalchemy import event

from bot.patches._originals import Originals
from tests.bot.patches.test_count_stored_events_once import DOMAIN, turn

FIXED = 1_765_000_000.0  # every event's timestamp, so two runs write identical rows


async def conversation(path: Path) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    """Saves of one conversation; the events table and the conversation read back."""
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(path))
    tracker = await store.get_or_create_tracker("visitor")
    for text in ("one", "two"):
        turn(tracker, text)
        await store.save(tracker)
    await store.save(tracker)  # nothing new: no row
    again = await store.retrieve("visitor")
    assert again is not None
    turn(again, "three")
    again.update(ActionExecuted("action_session_start"))
    again.update(SessionStarted())
    turn(again, "four")
    await store.save(again)
    back = await store.retrieve_full_tracker("visitor")
    assert back is not None
    store.engine.dispose()
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT * FROM events ORDER BY id").fetchall()
    return rows, [e.as_dict() for e in back.events]


def run(path: Path) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    from rasa.shared.core import events

    original = events.Event.__init__

    def fixed_time(self: Any, timestamp: Any = None, metadata: Any = None) -> None:
        original(self, FIXED, metadata)

    events.Event.__init__ = fixed_time  # type: ignore[method-assign]
    try:
        return asyncio.run(conversation(path))
    finally:
        events.Event.__init__ = original  # type: ignore[method-assign]


def test_the_rows_are_rasas_own(tmp_path: Path, apply_patch: Callable[..., Originals]) -> None:
    rasa_rows, rasa_back = run(tmp_path / "rasa.db")
    apply_patch("insert_tracker_events_at_once")
    rows, back = run(tmp_path / "patched.db")
    assert len(rasa_rows) == 1 + 4 * 4 + 2  # action_listen, four turns, a session start
    assert rows == rasa_rows
    assert back == rasa_back


def test_a_save_is_one_insert(tmp_path: Path, apply_patch: Callable[..., Originals]) -> None:
    apply_patch("insert_tracker_events_at_once")

    async def scenario() -> list[str]:
        store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "x.db"))
        tracker = await store.get_or_create_tracker("visitor")
        turn(tracker, "one")
        inserts: list[str] = []

        def record(*args: Any) -> None:
            if args[2].lstrip().upper().startswith("INSERT"):
                inserts.append(args[2])

        event.listen(store.engine, "before_cursor_execute", record)
        await store.save(tracker)
        event.remove(store.engine, "before_cursor_execute", record)
        store.engine.dispose()
        return inserts

    assert len(asyncio.run(scenario())) == 1
