"""tools.stack: the action server stays on loopback when the chat opens to the network, and no
secret is on a command line.

(The running stack is checked too, in tests/e2e/test_hostile_input.py: the listening sockets and
/proc/<pid>/cmdline of the real processes.)
"""

from __future__ import annotations

from tools.stack import Service, StackConfig, build_services

TOKEN = "-rasa-api-token-for-this-test"


def services(host: str = "127.0.0.1", actions_host: str = "127.0.0.1") -> dict[str, Service]:
    config = StackConfig(
        host=host,
        actions_host=actions_host,
        rasa_token=TOKEN,
        env={"LIAISON_DATA_DIR": "/tmp/liaison"},
    )
    return {service.name: service for service in build_services(config)}


def test_the_action_server_binds_to_loopback_even_when_the_chat_is_open() -> None:
    """rasa_sdk reads SANIC_HOST and binds to 0.0.0.0 without it; it has no authentication, so a
    forged tracker posted to it makes it call the lookup service as the bot. Opening the chat
    (LIAISON_HOST=0.0.0.0) must not open it."""
    for host in ("127.0.0.1", "0.0.0.0", "10.0.0.5"):
        actions = services(host)["actions"]
        assert actions.env["SANIC_HOST"] == "127.0.0.1"
        assert actions.host == "127.0.0.1"
        assert services(host)["rasa"].env["LIAISON_ACTION_ENDPOINT"].startswith("http://127.0.0.1:")


def test_the_action_server_binds_where_liaison_actions_host_says() -> None:
    actions = services("0.0.0.0", actions_host="10.0.0.7")["actions"]
    assert actions.env["SANIC_HOST"] == "10.0.0.7"
    assert (
        services("0.0.0.0", "10.0.0.7")["rasa"]
        .env["LIAISON_ACTION_ENDPOINT"]
        .startswith("http://10.0.0.7:")
    )


def test_no_secret_is_on_a_command_line() -> None:
    """A process's command line is readable by every local user (/proc/<pid>/cmdline)."""
    for service in services().values():
        assert not any(TOKEN in argument for argument in service.argv), service.name
    assert services()["rasa"].env["LIAISON_RASA_TOKEN"] == TOKEN


def test_rasa_takes_bodies_of_a_mebibyte_at_most() -> None:
    """Sanic's default, 100 MB, is read and parsed on Rasa's event loop before any check."""
    assert services()["rasa"].env["SANIC_REQUEST_MAX_SIZE"] == str(1 << 20)
