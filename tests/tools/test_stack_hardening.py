"""tools.stack: the action server binds where LIAISON_HOST says, and no secret is on a command line.

(The running stack is checked too, in tests/e2e/test_hostile_input.py: the listening sockets and
/proc/<pid>/cmdline of the real processes.)
"""

from __future__ import annotations

from tools.stack import StackConfig, build_services

TOKEN = "-rasa-api-token-for-this-test"


def services(host: str = "127.0.0.1") -> dict[str, object]:
    config = StackConfig(host=host, rasa_token=TOKEN, env={"LIAISON_DATA_DIR": "/tmp/liaison"})
    return {service.name: service for service in build_services(config)}


def test_the_action_server_binds_to_the_configured_host() -> None:
    """rasa_sdk reads SANIC_HOST and binds to 0.0.0.0 without it: every address of the machine."""
    assert services()["actions"].env["SANIC_HOST"] == "127.0.0.1"  # type: ignore[attr-defined]
    assert services("10.0.0.5")["actions"].env["SANIC_HOST"] == "10.0.0.5"  # type: ignore[attr-defined]


def test_no_secret_is_on_a_command_line() -> None:
    """A process's command line is readable by every local user (/proc/<pid>/cmdline)."""
    for service in services().values():
        assert not any(TOKEN in argument for argument in service.argv), service.name  # type: ignore[attr-defined]
    assert services()["rasa"].env["LIAISON_RASA_TOKEN"] == TOKEN  # type: ignore[attr-defined]


def test_rasa_takes_bodies_of_a_mebibyte_at_most() -> None:
    """Sanic's default, 100 MB, is read and parsed on Rasa's event loop before any check."""
    assert services()["rasa"].env["SANIC_REQUEST_MAX_SIZE"] == str(1 << 20)  # type: ignore[attr-defined]
