"""The knowledge version: one row every change to the exercise knowledge bumps, in the change's
own transaction, so a process can tell with one primary-key query whether anything it cached
from another process's point of view is still current (lookup/read_cache.py).

The bump is hooked on every ORM session (flushes that add, change or delete an exercise, an
item or an item's text; ORM `update()`/`delete()` statements on those tables), so admin writes,
the console, pack imports and audience edits all bump it whatever code path they take. A write
made with raw SQL outside the ORM would not: there is none in this project.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Engine, Table, event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session

from lookup.store.models import (
    Enrolment,
    EnrolmentCode,
    Exercise,
    Item,
    ItemText,
    KnowledgeVersion,
)

# What an answer of the read routes is made of, and what decides a visitor's tier (an enrolment,
# a code's revocation): the read cache keeps tiers behind the version too (lookup/read_cache.py),
# so an enrolment or a revocation bumps it. Enrolments are one per visitor, rare beside reads;
# each one makes every process fill its cache again.
KNOWLEDGE_MODELS: tuple[type[Any], ...] = (Exercise, Item, ItemText, Enrolment, EnrolmentCode)
ROW_ID = 1
_TABLE = cast(Table, KnowledgeVersion.__table__)
# A Core statement on the session's connection: no ORM event fires for it, no autoflush.
_BUMP = update(_TABLE).where(_TABLE.c.id == ROW_ID).values(version=_TABLE.c.version + 1)
# Engines whose database has the table (migration 0007); only a database migrated to an older
# revision, as the migration tests make, lacks it, and then nothing can be caching its reads.
_HAS_TABLE: weakref.WeakSet[Engine] = weakref.WeakSet()


def read_version(engine: Engine) -> int:
    """The current version: one primary-key query on its own short connection."""
    with engine.connect() as connection:
        value = connection.execute(
            select(KnowledgeVersion.version).where(KnowledgeVersion.id == ROW_ID)
        ).scalar_one()
    return int(value)


class SQLiteVersionReader:
    """`read_version` on a SQLite file through a connection of its own, cheap enough (~4 µs of
    CPU against ~240 µs for a pooled SQLAlchemy connection in a worker thread) for the read
    cache to make on the event loop. WAL readers do not wait for writers; a short busy timeout
    bounds the rare wait (recovery), and an error sends the reads to the routes uncached."""

    BUSY_TIMEOUT_S = 0.1

    def __init__(self, path: str) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one connection, in case two event loops share it

    def __call__(self) -> int:
        with self._lock:
            if self._connection is None:
                self._connection = sqlite3.connect(
                    self._path,
                    timeout=self.BUSY_TIMEOUT_S,
                    isolation_level=None,  # autocommit: each SELECT sees the latest commit
                    check_same_thread=False,
                )
            row = self._connection.execute(
                f"SELECT version FROM {_TABLE.name} WHERE id = ?", (ROW_ID,)
            ).fetchone()
        if row is None:
            raise LookupError("no knowledge version row")
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def version_reader(engine: Engine) -> tuple[Callable[[], int], bool]:
    """How the read cache reads the version: (read, whether it may run on the event loop). A
    SQLite file inline (SQLiteVersionReader); any other database (a network round trip) or an
    in-memory SQLite through the engine, in a worker thread."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return SQLiteVersionReader(url.database), True
    return (lambda: read_version(engine)), False


def _touches_knowledge(session: Session) -> bool:
    return any(
        isinstance(instance, KNOWLEDGE_MODELS)
        for instance in (*session.new, *session.dirty, *session.deleted)
    )


@event.listens_for(Session, "before_flush")
def _bump_on_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Bumped inside the flush, hence committed or rolled back with the change itself."""
    if _touches_knowledge(session):
        _bump(session)


@event.listens_for(Session, "do_orm_execute")
def _bump_on_statement(state: ORMExecuteState) -> None:
    """`session.execute(delete(Exercise)...)` and the like change knowledge without a flush."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, KNOWLEDGE_MODELS):
        _bump(state.session)


def _bump(session: Session) -> None:
    connection = session.connection()
    if connection.engine not in _HAS_TABLE:
        if not inspect(connection).has_table(_TABLE.name):
            return
        _HAS_TABLE.add(connection.engine)
    connection.execute(_BUMP)
