"""Engine, schema migrations and sessions: SQLite (WAL, foreign keys on) by default, PostgreSQL
or any SQLAlchemy URL otherwise. The schema is brought to the latest migration by the `liaison`
commands and, unless LIAISON_MIGRATE_ON_START is off, by the service when it starts."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


# How often SQLite syncs to disk (LIAISON_SQLITE_SYNCHRONOUS). NORMAL, the default: in WAL mode
# the log is synced at checkpoints, not at every commit (issue 22, fifteenth round: a commit's
# fsync was most of a visitor's registration and an unanswered question's record). A commit
# survives a crash of the service; a power cut or kernel crash can lose the last commits before
# it, never the database's consistency. FULL syncs every commit, for an operator who needs
# commits to survive a power cut too (docs/deploy.md).
SQLITE_SYNC_LEVELS = ("NORMAL", "FULL")


def _sqlite_pragmas(synchronous: str) -> Callable[[Any, Any], None]:
    if synchronous not in SQLITE_SYNC_LEVELS:
        raise ValueError(f"SQLite synchronous must be one of {SQLITE_SYNC_LEVELS}: {synchronous}")

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return on_connect


# Connections kept (pool size) and opened beyond them under load (overflow): the service admits
# no more simultaneous requests than these allow (lookup/request_slots.py).
POOL_SIZE = 10
MAX_OVERFLOW = 10


def make_engine(
    url: str,
    *,
    migrate_schema: bool = True,
    pool_size: int = POOL_SIZE,
    max_overflow: int = MAX_OVERFLOW,
    sqlite_synchronous: str = "NORMAL",
) -> Engine:
    """Create the engine (and the SQLite file's folder), then migrate the schema to the latest."""
    parsed = make_url(url)
    pool = {"pool_size": pool_size, "max_overflow": max_overflow}
    if parsed.get_backend_name() == "sqlite":
        in_memory = not parsed.database or parsed.database == ":memory:"
        if not in_memory and parsed.database:
            _private_sqlite_file(Path(parsed.database))
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, **({} if in_memory else pool)
        )
        event.listen(engine, "connect", _sqlite_pragmas(sqlite_synchronous))
    else:
        engine = create_engine(url, pool_pre_ping=True, **pool)
    if migrate_schema:
        migrate(engine)
    return engine


def _private_sqlite_file(path: Path) -> None:
    """The database (password hashes, transcripts) readable by its owner only (issue 18, item 15):
    a new folder 0700, the file created 0600 before SQLite opens it (its -wal and -shm files take
    the same mode), and group or other bits taken off an existing file and its journals."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:
                file.chmod(mode & 0o700)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


class SchemaNotCurrent(RuntimeError):
    """The database's schema is not the one this code was written for, and the service was told
    not to migrate it (LIAISON_MIGRATE_ON_START off: a deploy step migrates, never replicas)."""


def schema_revisions(engine: Engine) -> tuple[set[str], set[str]]:
    """(the database's current revisions, this code's head revisions)."""
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current, set(ScriptDirectory.from_config(alembic_config()).get_heads())


def require_current_schema(engine: Engine) -> None:
    """Refuse to serve on a schema other than this code's head, saying what to run: queries on a
    table or column a migration has not made yet would fail request by request instead."""
    current, heads = schema_revisions(engine)
    if current == heads:
        return
    found = ", ".join(sorted(current)) or "no schema at all"
    wanted = ", ".join(sorted(heads))
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if current - known:
        reason = (
            f"the database's schema ({found}) is newer than this code's ({wanted}): "
            "deploy the code that migrated it"
        )
    else:
        reason = (
            f"the database's schema is behind: it is at {found}, this code needs {wanted}. "
            "Run the deploy step `liaison migrate` (the migrate job or service), or set "
            "LIAISON_MIGRATE_ON_START=1 where a single process may migrate"
        )
    raise SchemaNotCurrent(f"LIAISON_MIGRATE_ON_START is off and {reason}")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Every knowledge write through any session bumps the knowledge version (the read cache).
    import lookup.store.knowledge_version  # noqa: F401

    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed whole on success, rolled back whole on any error."""
    with factory() as session, session.begin():
        yield session
