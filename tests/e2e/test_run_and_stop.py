"""`python -m tools.stack` (what `make run` ends with): says where to talk, stops cleanly."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.hardening import TOKEN_VARIABLE, with_auth_token
from tests.e2e.helpers import free_port, load_sample_exercise
from tools.stack import ROOT, StackConfig, _port_free, build_services

pytestmark = pytest.mark.e2e


def children_of(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@contextmanager
def supervisor_running(
    tmp_path: Path,
) -> Iterator[tuple[subprocess.Popen[bytes], dict[str, int], str]]:
    """Start `python -m tools.stack` on free ports; on the way out nothing it started survives."""
    ports = {name: free_port() for name in ("rasa", "actions", "lookup", "webchat")}
    env = {
        **os.environ,
        **load_sample_exercise(tmp_path / "data"),
        "LIAISON_RASA_PORT": str(ports["rasa"]),
        "LIAISON_ACTIONS_PORT": str(ports["actions"]),
        "LIAISON_LOOKUP_PORT": str(ports["lookup"]),
        "LIAISON_WEBCHAT_PORT": str(ports["webchat"]),
        "LIAISON_LOG_DIR": str(tmp_path / "logs"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.stack"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    descriptor = process.stdout.fileno()
    services: list[int] = []
    try:
        output = b""
        deadline = time.monotonic() + 240
        while b"Press Ctrl-C" not in output:
            assert time.monotonic() < deadline, output.decode()
            assert process.poll() is None, output.decode()
            ready, _, _ = select.select([descriptor], [], [], 1.0)
            if ready:
                output += os.read(descriptor, 65536)
        services = children_of(process.pid)
        yield process, ports, output.decode()
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
        for pid in services:
            if alive(pid):
                os.killpg(pid, signal.SIGKILL)


def test_prints_where_to_talk_and_stops_everything_on_ctrl_c(tmp_path: Path) -> None:
    with supervisor_running(tmp_path) as (supervisor, ports, banner):
        services = children_of(supervisor.pid)
        assert len(services) == 4
        assert f"http://127.0.0.1:{ports['webchat']}/" in banner
        assert f"http://127.0.0.1:{ports['rasa']}/webhooks/rest/webhook" in banner
        assert f"http://127.0.0.1:{ports['lookup']}/health" in banner
        reply = httpx.post(
            f"http://127.0.0.1:{ports['rasa']}/webhooks/rest/webhook",
            json={"sender": "ctrl-c", "message": "hello"},
            timeout=30,
        )
        assert reply.json(), "the banner was printed before the assistant could answer"

        supervisor.send_signal(signal.SIGINT)
        remaining, _ = supervisor.communicate(timeout=60)
        assert supervisor.returncode == 0
        assert b"Stopped; ports freed." in remaining
        assert not [pid for pid in services if alive(pid)]
        assert all(_port_free("127.0.0.1", port) for port in ports.values())


def test_children_do_not_outlive_a_killed_supervisor(tmp_path: Path) -> None:
    with supervisor_running(tmp_path) as (supervisor, _ports, _banner):
        services = children_of(supervisor.pid)
        assert len(services) == 4  # else the check below would hold with nothing to check
        supervisor.kill()
        supervisor.wait()
        deadline = time.monotonic() + 30
        while [pid for pid in services if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not [pid for pid in services if alive(pid)]


def test_rasa_takes_a_token_that_begins_with_a_dash() -> None:
    """token_urlsafe() begins with "-" one time in 64: argparse must not take it for an option.
    The token reaches Rasa through its environment (never its command line, issue 18), and
    bot.rasa_server hands it to Rasa's argument parser as one `--auth-token=...` argument."""
    config = StackConfig(rasa_token="-starts-with-a-dash")
    rasa = next(service for service in build_services(config) if service.name == "rasa")
    assert rasa.env[TOKEN_VARIABLE] == "-starts-with-a-dash"
    assert not any("-starts-with-a-dash" in argument for argument in rasa.argv)
    argv = with_auth_token(["run", "--enable-api"], rasa.env)
    assert argv[-1] == "--auth-token=-starts-with-a-dash"
