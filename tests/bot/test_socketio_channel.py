"""bot.channels.socketio across replicas: two real processes of the channel over a real Redis, a
socket.io client connected to one, a bot message emitted to its room by the other arrives.

Without a Redis URL (Rasa's channel, `make run`) the same emit reaches nobody: that is the fault
the channel exists for, and the check that the test can fail.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
import socketio
import yaml

from bot.channels.socketio import DEFAULT_REDIS_CHANNEL, SocketIOInput
from bot.rasa_config import credentials_yaml
from tests.redis_server import free_port, redis_server

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def replica(port: int, redis_url: str | None, log: Path) -> Iterator[str]:
    """One channel process on `port`; yields its base URL once it answers."""
    command = [sys.executable, "-m", "tests.bot.socketio_replica", str(port)]
    with log.open("w") as output:
        process = subprocess.Popen(
            command + ([redis_url] if redis_url else []),
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"replica exited: {log.read_text()}"
            assert time.monotonic() < deadline, f"replica did not start: {log.read_text()}"
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as port:
        yield f"redis://127.0.0.1:{port}/0"


@contextmanager
def two_replicas(redis_url: str | None, logs: Path) -> Iterator[tuple[str, str]]:
    with ExitStack() as stack:
        first = stack.enter_context(replica(free_port(), redis_url, logs / "first.log"))
        second = stack.enter_context(replica(free_port(), redis_url, logs / "second.log"))
        yield first, second


async def visit(
    connect_to: str, emit_from: str, say: str | None = None, wait: float = 5.0
) -> list[str]:
    """Connect a visitor to one replica, then emit to its room from the other;
    the texts the visitor received within `wait` seconds."""
    received: list[str] = []
    arrived = asyncio.Event()
    confirmed: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    client = socketio.AsyncClient(reconnection=False)

    @client.on("session_confirm")
    async def on_confirm(session_id: str) -> None:
        confirmed.set_result(session_id)

    @client.on("bot_uttered")
    async def on_bot(message: dict) -> None:
        received.append(message["text"])
        arrived.set()

    session = uuid.uuid4().hex
    # Long-polling: python-engineio 4.15's asyncio websocket client needs aiohttp >= 3.10
    # (ClientWSTimeout), Rasa 3.6 pins 3.9. The server side is the same for both transports.
    await client.connect(connect_to, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": session})
        assert await asyncio.wait_for(confirmed, timeout=10) == session
        if say:
            await client.emit("user_uttered", {"message": say, "session_id": session})
        async with httpx.AsyncClient() as http:
            answer = await http.post(
                f"{emit_from}/emit", json={"room": session, "text": "officer: hello"}, timeout=10
            )
            assert answer.status_code == 200
        try:
            await asyncio.wait_for(arrived.wait(), timeout=wait)
            await asyncio.sleep(0.3)  # anything else on its way
        except asyncio.TimeoutError:
            pass
    finally:
        await client.disconnect()
    return received


def test_a_message_emitted_by_one_replica_reaches_a_visitor_connected_to_the_other(
    redis_url: str, tmp_path: Path
) -> None:
    with two_replicas(redis_url, tmp_path) as (first, second):
        received = asyncio.run(visit(connect_to=first, emit_from=second, say="hi"))

    port = first.rsplit(":", 1)[1]
    assert sorted(received) == sorted([f"{port}: hi", "officer: hello"])


def test_without_redis_the_other_replicas_emit_is_lost(tmp_path: Path) -> None:
    with two_replicas(None, tmp_path) as (first, second):
        received = asyncio.run(visit(connect_to=first, emit_from=second, wait=2.0))

    assert received == []


def test_credentials_name_the_redis_channel_only_when_the_variable_is_set() -> None:
    plain = yaml.safe_load(credentials_yaml({}))
    assert "socketio" in plain and "bot.channels.socketio.SocketIOInput" not in plain

    shared = yaml.safe_load(credentials_yaml({"LIAISON_SOCKETIO_REDIS": "redis://:pw@r:6379/3"}))
    assert "socketio" not in shared
    assert shared["bot.channels.socketio.SocketIOInput"] == {
        **plain["socketio"],
        "redis_url": "${LIAISON_SOCKETIO_REDIS}",
    }


def test_from_credentials_keeps_rasas_settings_and_takes_the_redis_ones() -> None:
    channel = SocketIOInput.from_credentials(
        {"session_persistence": True, "bot_message_evt": "bot", "redis_url": "redis://r/1"}
    )

    assert isinstance(channel, SocketIOInput) and channel.name() == "socketio"
    assert (channel.session_persistence, channel.bot_message_evt) == (True, "bot")
    assert (channel.redis_url, channel.redis_channel) == ("redis://r/1", DEFAULT_REDIS_CHANNEL)
