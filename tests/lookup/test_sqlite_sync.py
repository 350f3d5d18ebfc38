"""The lookup's SQLite database syncs its write-ahead log at checkpoints, not at every commit
(issue 22, fifteenth round): each commit's fsync was most of a visitor's registration and of an
unanswered question's record. Every connection of the pool gets it, and a commit is still read
by a new engine on the same file (what a restarted service sees after its own crash). An operator
who needs commits to survive a power cut too sets LIAISON_SQLITE_SYNCHRONOUS=FULL."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from lookup.app import create_app
from lookup.settings import Settings
from lookup.store.database import make_engine

FULL, NORMAL = 2, 1  # SQLite's codes for PRAGMA synchronous


def test_every_connection_is_wal_with_normal_sync(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'liaison.db'}", migrate_schema=False)
    connections = [engine.connect() for _ in range(3)]  # three pooled connections, not one
    try:
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == NORMAL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        for connection in connections:
            connection.close()
        engine.dispose()


def test_a_commit_is_read_by_a_new_engine(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'liaison.db'}"
    engine = make_engine(url, migrate_schema=False)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE probe (x INTEGER)"))
        connection.execute(text("INSERT INTO probe VALUES (7)"))
    # Not disposed: the log is not checkpointed into the file, as when the service is killed.
    other = make_engine(url, migrate_schema=False)
    with other.connect() as connection:
        assert connection.execute(text("SELECT x FROM probe")).scalar() == 7
    other.dispose()
    engine.dispose()


@pytest.mark.parametrize(("level", "code"), [("FULL", FULL), ("NORMAL", NORMAL)])
def test_the_setting_reaches_the_service_and_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level: str, code: int
) -> None:
    monkeypatch.setenv("LIAISON_SQLITE_SYNCHRONOUS", level)
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path))
    settings = Settings()
    with TestClient(create_app(settings)) as client:
        engine = client.app.state.engine  # type: ignore[attr-defined]
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == code
    command_engine = Settings().engine()  # what the `liaison` commands open
    with command_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == code
    command_engine.dispose()


def test_an_unknown_level_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIAISON_SQLITE_SYNCHRONOUS", "OFF")
    with pytest.raises(ValueError, match=r"sqlite_synchronous"):
        Settings()
