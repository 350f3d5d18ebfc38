"""LIAISON_MIGRATE_ON_START (issue 22): one process (`make run`) migrates when it starts; replicas
are started with it off, after the deploy step `liaison migrate`, and refuse a schema other than
their code's with a message saying what to run, instead of racing each other's migrations or
failing request by request on a missing table."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from lookup.app import create_app
from lookup.cli import main
from lookup.settings import Settings
from lookup.store import database
from lookup.store.database import SchemaNotCurrent, make_engine, migrate, schema_revisions

HEAD = {"0009"}


def replica_settings(settings: Settings, migrate_on_start: bool) -> Settings:
    return settings.model_copy(update={"migrate_on_start": migrate_on_start})


def revisions(settings: Settings) -> set[str]:
    engine = make_engine(settings.sqlalchemy_url, migrate_schema=False)
    try:
        return schema_revisions(engine)[0]
    finally:
        engine.dispose()


def test_the_switch_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIAISON_MIGRATE_ON_START", raising=False)
    assert Settings().migrate_on_start is True  # `make run`'s single process
    monkeypatch.setenv("LIAISON_MIGRATE_ON_START", "0")
    assert Settings().migrate_on_start is False


def test_on_by_default_the_service_migrates_an_empty_database(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 200

    assert revisions(settings) == HEAD


def test_off_an_empty_database_is_refused_and_left_alone(settings: Settings) -> None:
    with pytest.raises(SchemaNotCurrent) as refused:
        create_app(replica_settings(settings, False))

    message = str(refused.value)
    assert "no schema at all" in message and "liaison migrate" in message
    assert "LIAISON_MIGRATE_ON_START" in message
    assert revisions(settings) == set()


def test_off_a_schema_behind_the_code_is_refused_naming_both_revisions(
    settings: Settings,
) -> None:
    engine = make_engine(settings.sqlalchemy_url, migrate_schema=False)
    migrate(engine, "0006")
    engine.dispose()

    with pytest.raises(SchemaNotCurrent, match="behind: it is at 0006, this code needs 0009"):
        create_app(replica_settings(settings, False))
    assert revisions(settings) == {"0006"}


def test_off_after_the_deploy_step_the_replica_serves_without_migrating(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(settings.data_dir))
    if settings.database_url:
        monkeypatch.setenv("DATABASE_URL", settings.database_url)
    assert main(["migrate"]) == 0
    assert "database schema at 0009" in capsys.readouterr().out

    def no_migration(_engine: Engine, revision: str = "head") -> None:
        raise AssertionError("a replica with LIAISON_MIGRATE_ON_START=0 ran a migration")

    monkeypatch.setattr(database, "migrate", no_migration)
    with TestClient(create_app(replica_settings(settings, False))) as client:
        assert client.get("/health").status_code == 200


def test_the_deploy_step_migrates_then_loads_the_pack_only_when_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LIAISON_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    pack = Path(__file__).parents[2] / "data" / "packs" / "sample-exercise.yml"

    assert main(["migrate", "--pack", str(pack)]) == 0
    assert "loaded exercise" in capsys.readouterr().out
    assert main(["migrate", "--pack", str(pack)]) == 0
    assert "already loaded" in capsys.readouterr().out


def test_off_a_schema_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    engine = make_engine(settings.sqlalchemy_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    engine.dispose()

    with pytest.raises(SchemaNotCurrent, match="newer than this code's"):
        create_app(replica_settings(settings, False))
