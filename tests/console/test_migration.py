"""The console's tables arrive by migration 0002 on an existing knowledge database (SQLite and
PostgreSQL), go away on downgrade, and match the models exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.settings import Settings
from lookup.store.database import (
    alembic_config,
    make_engine,
    make_session_factory,
    migrate,
)
from lookup.store.items import rows_of_kind
from lookup.store.models import Base

CONSOLE_TABLES = {
    "staff",
    "visitors",
    "handoffs",
    "handoff_messages",
    "unanswered_questions",
    "announcements",
    "announcement_deliveries",
}


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings.sqlalchemy_url, migrate_schema=False)
    yield engine
    engine.dispose()


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_0002_adds_the_console_to_a_loaded_exercise_and_can_be_undone(
    engine: Engine, pack_path: Path
) -> None:
    migrate(engine, "0001")
    assert not CONSOLE_TABLES & set(inspect(engine).get_table_names())
    import_pack(make_session_factory(engine), load_pack(pack_path).pack)

    migrate(engine)
    assert set(inspect(engine).get_table_names()) >= CONSOLE_TABLES
    with make_session_factory(engine)() as session:
        assert len(rows_of_kind(session, "test-oasis-99", "topic")) == 4  # knowledge kept
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []

    downgrade(engine, "0001")
    assert not CONSOLE_TABLES & set(inspect(engine).get_table_names())
    migrate(engine)
    assert set(inspect(engine).get_table_names()) >= CONSOLE_TABLES
