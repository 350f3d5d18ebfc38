"""tools.stack puts the default SQLite tracker store in WAL mode (fewer syncs per turn) and leaves
an explicitly configured tracker store alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tools.stack import StackConfig, _tracker_db_in_wal_mode


def test_default_tracker_database_is_in_wal_mode(tmp_path: Path) -> None:
    config = StackConfig(env={"LIAISON_DATA_DIR": str(tmp_path)})
    _tracker_db_in_wal_mode(config)
    _tracker_db_in_wal_mode(config)  # idempotent
    with sqlite3.connect(tmp_path / "tracker.db") as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_explicit_tracker_store_is_left_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    config = StackConfig(env={"LIAISON_DATA_DIR": str(tmp_path), "LIAISON_TRACKER_STORE": url})
    _tracker_db_in_wal_mode(config)
    assert not (tmp_path / "tracker.db").exists()
