"""The lookup service's files are its owner's only (issue 18, item 15): the SQLite database holds
password hashes and transcripts, and was created world-readable (0644 under the usual umask)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from lookup.app import create_app
from lookup.cli import main
from lookup.settings import Settings
from lookup.store.database import make_engine


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    database = tmp_path / "new-data" / "liaison.db"
    engine = make_engine(f"sqlite:///{database}")
    with engine.begin() as connection:  # a write, so the write-ahead log exists
        connection.execute(text("CREATE TABLE probe (x INTEGER)"))
        connection.execute(text("INSERT INTO probe VALUES (1)"))
        wal = database.with_name("liaison.db-wal")
        shm = database.with_name("liaison.db-shm")
        assert wal.exists() and shm.exists()
        assert mode(wal) == 0o600 and mode(shm) == 0o600
    engine.dispose()
    assert mode(database) == 0o600
    assert mode(database.parent) == 0o700


def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "liaison.db"
    make_engine(f"sqlite:///{database}").dispose()
    database.chmod(0o644)
    make_engine(f"sqlite:///{database}").dispose()
    assert mode(database) == 0o600


def test_the_service_leaves_nothing_readable_by_others_in_its_data_folder(
    tmp_path: Path,
) -> None:
    data = tmp_path / "var"
    app = create_app(Settings(data_dir=data))  # the database and the console's secret key
    app.state.engine.dispose()
    assert main(["new-admin-token", "ops", "--file", str(data / "admin-tokens")]) == 0
    files = [path for path in data.rglob("*") if path.is_file()]
    assert {path.name for path in files} >= {"liaison.db", "secret-key", "admin-tokens"}
    assert {path.name: oct(mode(path)) for path in files if mode(path) & 0o077} == {}


def test_an_existing_tokens_file_is_made_private(tmp_path: Path) -> None:
    tokens = tmp_path / "admin-tokens"
    tokens.write_text("")
    tokens.chmod(0o644)
    assert main(["new-admin-token", "ops", "--file", str(tokens)]) == 0
    assert mode(tokens) == 0o600
