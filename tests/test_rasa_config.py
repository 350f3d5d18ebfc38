"""Rasa's credentials.yml and endpoints.yml as bot/rasa_config.py writes them from the environment.

Pure functions, no stack. Where it matters that Rasa reads the file as intended (the `${VAR}`
references, the store's host), the file is read back with Rasa's own readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.rasa_config import (
    CONNECTORS,
    ConfigError,
    Connector,
    credentials_yaml,
    enabled_connectors,
    endpoints_yaml,
    redacted,
    store_passwords,
)
from common.channels import PUSH_CHANNELS, REQUEST_ONLY_CHANNELS

# Every variable any connector reads, with a value no generated file may contain.
ALL_CREDENTIALS = {
    variable: f"secret-{variable.lower()}-value"
    for connector in CONNECTORS
    for variable in [*connector.required.values(), *connector.optional.values()]
}
REFERENCE = "${{{}}}"


def key_of(connector: Connector) -> str:
    """credentials.yml names our own connector class where one replaces Rasa's."""
    return connector.connector_class or connector.name


def credentials(env: dict[str, str]) -> dict[str, Any]:
    return yaml.safe_load(credentials_yaml(env))


def only(connector_name: str) -> dict[str, str]:
    connector = next(c for c in CONNECTORS if c.name == connector_name)
    return {variable: ALL_CREDENTIALS[variable] for variable in connector.required.values()}


def test_without_credentials_only_rest_and_socketio_are_on() -> None:
    assert set(credentials({})) == {"rest", "socketio"}
    assert enabled_connectors({}) == []


def test_socketio_keeps_the_web_chats_session_and_event_names() -> None:
    assert credentials({})["socketio"] == {
        "user_message_evt": "user_uttered",
        "bot_message_evt": "bot_uttered",
        "session_persistence": True,
    }


@pytest.mark.parametrize("connector", CONNECTORS, ids=lambda c: c.name)
def test_a_connector_is_on_with_all_its_variables_and_names_them(connector: Any) -> None:
    generated = credentials(only(connector.name))

    assert set(generated) == {"rest", "socketio", key_of(connector)}
    assert generated[key_of(connector)] == {
        key: REFERENCE.format(variable) for key, variable in connector.required.items()
    }
    assert connector.webhook_path == f"/webhooks/{connector.name}/webhook"


@pytest.mark.parametrize("blank", [False, True], ids=["unset", "empty"])
@pytest.mark.parametrize(
    "connector,variable",
    [(c, v) for c in CONNECTORS for v in c.required.values()],
    ids=lambda value: getattr(value, "name", value),
)
def test_a_connector_missing_a_variable_stays_off_and_the_others_stay_on(
    connector: Any, variable: str, blank: bool
) -> None:
    env = {k: v for k, v in ALL_CREDENTIALS.items() if k != variable}
    if blank:
        env[variable] = ""

    generated = credentials(env)

    assert connector.name not in generated
    assert connector.missing(env) == [variable]
    assert set(generated) == {"rest", "socketio"} | {key_of(c) for c in CONNECTORS} - {
        key_of(connector)
    }


def test_generated_credentials_never_contain_a_secret_only_references() -> None:
    text = credentials_yaml(ALL_CREDENTIALS)

    for value in ALL_CREDENTIALS.values():
        assert value not in text
    generated = credentials(ALL_CREDENTIALS)
    for connector in CONNECTORS:
        for key, variable in {**connector.required, **connector.optional}.items():
            assert generated[key_of(connector)][key] == REFERENCE.format(variable)


def test_optional_slack_channel_is_named_only_when_set() -> None:
    assert "slack_channel" not in credentials(only("slack"))["slack"]
    with_channel = credentials({**only("slack"), "SLACK_CHANNEL": "#liaison"})
    assert with_channel["slack"]["slack_channel"] == "${SLACK_CHANNEL}"


def test_rasa_reads_each_connectors_credentials_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rasa_io = pytest.importorskip("rasa.shared.utils.io")
    for variable, value in ALL_CREDENTIALS.items():
        monkeypatch.setenv(variable, value)
    path = tmp_path / "credentials.yml"
    path.write_text(credentials_yaml(ALL_CREDENTIALS))

    read = rasa_io.read_config_file(str(path))

    for connector in CONNECTORS:
        for key, variable in {**connector.required, **connector.optional}.items():
            assert read[key_of(connector)][key] == ALL_CREDENTIALS[variable]


# --- endpoints.yml ----------------------------------------------------------------------------


def endpoints(env: dict[str, str], data_dir: Path) -> dict[str, Any]:
    return yaml.safe_load(endpoints_yaml(env, data_dir))


def rasa_store(
    env: dict[str, str], data_dir: Path, section: str, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """The section as Rasa reads it, with the environment the stack gives the Rasa process."""
    rasa_endpoints = pytest.importorskip("rasa.utils.endpoints")
    monkeypatch.setenv("LIAISON_ACTION_ENDPOINT", "http://127.0.0.1:5055/webhook")
    for variable, value in store_passwords(env).items():
        monkeypatch.setenv(variable, value)
    path = data_dir / "endpoints.yml"
    path.write_text(endpoints_yaml(env, data_dir))
    return rasa_endpoints.read_endpoint_config(str(path), section)


def test_action_endpoint_is_named_not_written(tmp_path: Path) -> None:
    assert endpoints({}, tmp_path)["action_endpoint"] == {
        "url": "${LIAISON_ACTION_ENDPOINT}",
        "enable_selective_domain": True,
    }


def test_default_tracker_store_is_sqlite_in_the_data_dir_and_no_lock_store(tmp_path: Path) -> None:
    generated = endpoints({}, tmp_path)

    assert generated["tracker_store"] == {
        "type": "SQL",
        "dialect": "sqlite",
        "db": str((tmp_path / "tracker.db").resolve()),
    }
    assert "lock_store" not in generated


def test_sqlite_url_with_an_absolute_path(tmp_path: Path) -> None:
    database = tmp_path / "elsewhere" / "conversations.db"
    env = {"LIAISON_TRACKER_STORE": f"sqlite:///{database}"}  # sqlite:////abs/path

    assert endpoints(env, tmp_path)["tracker_store"]["db"] == str(database)


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgresql_tracker_store_names_its_password_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scheme: str
) -> None:
    env = {"LIAISON_TRACKER_STORE": f"{scheme}://liaison:s3cr%40t-pw@db.internal:5433/convos"}

    text = endpoints_yaml(env, tmp_path)

    assert "s3cr" not in text
    assert endpoints(env, tmp_path)["tracker_store"]["password"] == (
        "${LIAISON_TRACKER_STORE_PASSWORD}"
    )
    assert store_passwords(env) == {"LIAISON_TRACKER_STORE_PASSWORD": "s3cr@t-pw"}
    store = rasa_store(env, tmp_path, "tracker_store", monkeypatch)
    assert store.type == "SQL"
    assert store.url == "db.internal"  # Rasa passes `url` to the store as its host
    assert store.kwargs == {
        "dialect": "postgresql",
        "port": 5433,
        "db": "convos",
        "username": "liaison",
        "password": "s3cr@t-pw",
    }


def test_postgresql_defaults_and_no_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"LIAISON_TRACKER_STORE": "postgresql://pg.internal"}

    assert "password" not in endpoints(env, tmp_path)["tracker_store"]
    assert store_passwords(env) == {}
    store = rasa_store(env, tmp_path, "tracker_store", monkeypatch)
    assert store.url == "pg.internal"
    assert store.kwargs == {"dialect": "postgresql", "port": 5432, "db": "rasa"}


def test_redis_tracker_and_lock_stores_name_their_password_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "LIAISON_TRACKER_STORE": "redis://:tracker-pw@cache.internal:6380/2",
        "LIAISON_LOCK_STORE": "redis://:lock-pw@locks.internal",
    }

    text = endpoints_yaml(env, tmp_path)

    assert "tracker-pw" not in text and "lock-pw" not in text
    generated = endpoints(env, tmp_path)
    assert generated["tracker_store"]["password"] == "${LIAISON_TRACKER_STORE_PASSWORD}"
    assert generated["lock_store"]["password"] == "${LIAISON_LOCK_STORE_PASSWORD}"
    assert store_passwords(env) == {
        "LIAISON_TRACKER_STORE_PASSWORD": "tracker-pw",
        "LIAISON_LOCK_STORE_PASSWORD": "lock-pw",
    }
    tracker = rasa_store(env, tmp_path, "tracker_store", monkeypatch)
    assert (tracker.type, tracker.url) == ("redis", "cache.internal")
    assert tracker.kwargs == {"port": 6380, "db": 2, "password": "tracker-pw"}
    lock = rasa_store(env, tmp_path, "lock_store", monkeypatch)
    assert (lock.type, lock.url) == ("bot.lock_store.TicketLockStore", "locks.internal")
    assert lock.kwargs == {"port": 6379, "db": 0, "password": "lock-pw"}


def test_unsupported_store_url_is_refused_without_echoing_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as refused:
        endpoints_yaml({"LIAISON_TRACKER_STORE": "mysql://root:hunter2@db/rasa"}, tmp_path)

    assert "mysql" in str(refused.value)
    assert "hunter2" not in str(refused.value)


def test_store_url_is_printed_with_its_password_redacted() -> None:
    assert redacted("postgresql://liaison:s3cr%40t@db:5432/rasa") == (
        "postgresql://liaison:***@db:5432/rasa"
    )
    assert redacted("sqlite:////var/lib/liaison/tracker.db") == (
        "sqlite:////var/lib/liaison/tracker.db"
    )


def test_every_channel_a_run_can_open_is_known_to_push_or_not() -> None:
    """common.channels decides who can be queued for an officer and who gets announcements: a
    connector added here and not there would silently get neither."""
    opened = set(credentials({})) | {connector.name for connector in CONNECTORS}
    assert opened <= set(PUSH_CHANNELS) | set(REQUEST_ONLY_CHANNELS)
    assert not set(PUSH_CHANNELS) & set(REQUEST_ONLY_CHANNELS)
    assert "socketio" in PUSH_CHANNELS and "rest" in REQUEST_ONLY_CHANNELS
