"""Keep the SQLite tracker database's connections open, and sync its WAL at checkpoints.

Reason: SQLAlchemy 1.4 (Rasa 3.6's) opens and closes a new connection for each session on a
SQLite file (its NullPool default), so each turn opened the tracker database twice, and each
close of the last connection also checkpointed the write-ahead log. Here connections are kept in
a pool, as SQLAlchemy 2 does by default for SQLite files (a QueuePool; a connection is never
used by two threads at once). And when the database is in WAL mode (tools.stack puts the default
one in it), the log is synced at checkpoints rather than at every commit (`synchronous=NORMAL`):
a turn survives a crash of Rasa; only a power cut or kernel crash can lose the last turns
written before it. The lookup service's SQLite database does the same since issue 22's fifteenth
round (lookup/store/database.py, docs/deploy.md).

Gain: measured together with cache_action_reply_validator, keep_action_connections and the WAL
tracker database (docs/bench.md, first round, item 1): a custom-action turn for one user went
from p50/p95 55/78 ms to 34/43 ms, Rasa CPU per turn at 10 users from 42.7 to 20.4 ms.
`synchronous=NORMAL` came in the second round (item 5), not measured on its own.

Risk: low. It wraps `rasa.core.tracker_store.create_engine_kwargs` (a module function Rasa's
SQLTrackerStore calls when it creates its engine) and adds a SQLAlchemy "connect" listener that
acts on SQLite connections in WAL mode only. If Rasa stopped calling that function, the pool
would silently be SQLAlchemy's default again (slower, not wrong). Applied on Rasa 3.6.21 only;
tests/bot/patches/test_pool_sqlite_tracker_store.py checks the pool and the sync setting.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.engine import Engine

from bot.patches._originals import Originals


def apply() -> Originals:
    """Wrap `create_engine_kwargs`, listen to new connections; return what changed."""
    from rasa.core import tracker_store
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import QueuePool

    engine_kwargs = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url: Any) -> dict[str, Any]:
        kwargs = engine_kwargs(url)
        parsed = make_url(url) if isinstance(url, str) else url
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            kwargs.setdefault("poolclass", QueuePool)
            kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
        return kwargs

    originals = Originals()
    originals.replace(tracker_store, "create_engine_kwargs", create_engine_kwargs)
    originals.listen(Engine, "connect", sync_wal_at_checkpoints)
    return originals


def sync_wal_at_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    """`synchronous=NORMAL` on a new SQLite connection to a database in WAL mode."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() == "wal":
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
