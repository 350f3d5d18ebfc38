"""The console's tables arrive by migration 0002 on an existing knowledge database (SQLite and
PostgreSQL), go away on downgrade, and match the models exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

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
from lookup.store.liaison import active_handoff, touch_visitor
from lookup.store.models import Base, Visitor

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


def test_0003_keys_visitors_by_channel_and_sender_and_keeps_them(engine: Engine) -> None:
    """Visitors, open handoffs and deliveries survive; afterwards the same sender id on two
    channels is two visitors (before, the second overwrote the first's channel)."""
    migrate(engine, "0002")
    at = "2027-06-02 08:00:00+00:00"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visitors (sender_id, channel, language, first_seen, last_seen) "
                "VALUES ('42', 'telegram', 'ar', :at, :at)"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO handoffs (sender_id, channel, language, reason, status, on_duty, "
                "reply_expected_by, opened_at) VALUES ('42', 'telegram', 'ar', 'asked', 'open', "
                ":yes, :at, :at)"
            ),
            {"at": at, "yes": True},
        )
    migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    with make_session_factory(engine)() as session:
        kept = session.get(Visitor, ("telegram", "42"))
        assert kept is not None and kept.language == "ar"
        touch_visitor(session, "42", "socketio", "en", kept.last_seen)
        session.commit()
        assert session.get(Visitor, ("telegram", "42")).language == "ar"  # type: ignore[union-attr]
        assert active_handoff(session, "telegram", "42") is not None
        assert active_handoff(session, "socketio", "42") is None

    downgrade(engine, "0002")  # one row per sender again: the one seen last is kept
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM visitors")).scalar_one()
    assert count == 1
    migrate(engine)
