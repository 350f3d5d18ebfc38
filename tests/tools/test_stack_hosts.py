"""LIAISON_HOST opens the chat, not the lookup service (issue 18, item 15): `LIAISON_HOST=0.0.0.0`,
the documented way to let visitors reach the web chat, also put the console, the admin API and
the intake routes on every interface. The lookup service binds to LIAISON_LOOKUP_HOST, loopback
unless told otherwise; the unit test reads the command lines, the other starts the real
service and tries to reach it on the machine's other address."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.stack import Stack, StackConfig, build_services


def _services(config: StackConfig) -> dict[str, list[str]]:
    return {service.name: service.argv for service in build_services(config)}


def _after(argv: list[str], option: str) -> str:
    return argv[argv.index(option) + 1]


def test_opening_the_chat_leaves_the_lookup_service_on_loopback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LIAISON_HOST", "0.0.0.0")
    monkeypatch.delenv("LIAISON_LOOKUP_HOST", raising=False)
    config = StackConfig.from_environment()
    argv = _services(config)
    assert _after(argv["rasa"], "--interface") == "0.0.0.0"
    assert _after(argv["webchat"], "--host") == "0.0.0.0"
    assert _after(argv["lookup"], "--host") == "127.0.0.1"
    actions = next(s for s in build_services(config) if s.name == "actions")
    assert actions.env["LIAISON_LOOKUP_URL"].startswith("http://127.0.0.1:")
    assert Stack(config).url("lookup").startswith("http://127.0.0.1:")


def test_the_lookup_service_binds_where_liaison_lookup_host_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LIAISON_LOOKUP_HOST", "10.0.0.5")
    config = StackConfig.from_environment()
    assert _after(_services(config)["lookup"], "--host") == "10.0.0.5"
    actions = next(s for s in build_services(config) if s.name == "actions")
    assert actions.env["LIAISON_LOOKUP_URL"].startswith("http://10.0.0.5:")


def _other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def lookup_stack(tmp_path: Path) -> Iterator[Stack]:
    config = StackConfig(
        host="0.0.0.0",
        lookup_port=_free_port(),
        log_dir=tmp_path / "log",
        env={"LIAISON_DATA_DIR": str(tmp_path / "data")},
    )
    stack = Stack(config, startup_timeout=60)
    service = stack.services["lookup"]
    stack._launch(service)
    try:
        stack._wait_ready(service)
        yield stack
    finally:
        stack.stop("lookup")


def test_the_real_lookup_service_is_not_reachable_from_the_network(lookup_stack: Stack) -> None:
    other = _other_address()
    assert other, "this test needs a non-loopback address to try"
    port = lookup_stack.services["lookup"].port
    with urllib.request.urlopen(f"{lookup_stack.url('lookup')}/health", timeout=5) as response:
        assert response.status == 200
    with pytest.raises(OSError):
        socket.create_connection((other, port), timeout=3).close()
