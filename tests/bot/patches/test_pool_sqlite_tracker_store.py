"""bot.patches.pool_sqlite_tracker_store: the SQLite tracker store keeps its connections, and a
database in WAL mode syncs at checkpoints; other databases keep full sync."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.pool import QueuePool

from bot.patches._originals import Originals


@pytest.fixture()
def patched(apply_patch: Callable[..., Originals]) -> None:
    apply_patch("pool_sqlite_tracker_store")


def test_sqlite_tracker_store_keeps_its_connections(patched: None, tmp_path: Any) -> None:
    domain = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    assert isinstance(store.engine.pool, QueuePool)
    tracker = DialogueStateTracker("sender", domain.slots)
    tracker.update(SlotSet("language", "ar"))
    asyncio.run(store.save(tracker))
    retrieved = asyncio.run(store.retrieve("sender"))
    assert retrieved is not None and retrieved.get_slot("language") == "ar"
    assert store.engine.pool.checkedin() == 1  # one connection, kept between sessions


def test_a_wal_tracker_database_syncs_at_checkpoints_not_every_commit(
    patched: None, tmp_path: Any
) -> None:
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
