"""bot.patches.send_request_in_one_write: a server receives the same bytes with and without it,
and a request with a body goes out in one socket write."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest

from bot.patches._originals import Originals

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"


class _Recorder(asyncio.Protocol):
    """Keeps every byte a connection receives; answers each request once its body is in."""

    def __init__(self, received: list[bytes]) -> None:
        self.received = received
        self.buffer = b""

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.received.append(data)
        self.buffer += data
        head, sep, rest = self.buffer.partition(b"\r\n\r\n")
        if not sep:
            return
        if b"expect: 100-continue" in head.lower() and not rest:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            return
        lower = head.lower()
        if b"transfer-encoding: chunked" in lower:
            done = rest.endswith(b"0\r\n\r\n")
        else:
            length = 0
            for line in lower.split(b"\r\n"):
                if line.startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            done = len(rest) >= length
        if done:
            self.buffer = b""
            self.transport.write(RESPONSE)


async def _exchange(send: Callable[[aiohttp.ClientSession, str], Any]) -> list[bytes]:
    """What a server received (one entry per read) for the requests `send` makes."""
    received: list[bytes] = []
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Recorder(received), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            await send(session, f"http://127.0.0.1:{port}")
    finally:
        server.close()
        await server.wait_closed()
    return received


def _same_port(sent: bytes) -> bytes:
    """The bytes with the Host header's port (each test server's own) taken out."""
    return re.sub(rb"Host: 127\.0\.0\.1:\d+", b"Host: 127.0.0.1", sent)


async def _chunks() -> AsyncIterator[bytes]:
    for part in (b'{"a": ', b"1", b"}"):
        yield part


def _requests() -> dict[str, Callable[[aiohttp.ClientSession, str], Any]]:
    body = {"next_action": "action_answer_topic", "tracker": {"events": ["é"] * 300}}

    async def post_json(session: aiohttp.ClientSession, url: str) -> None:
        async with session.post(url + "/webhook", json=body, headers={"X-A": "1"}) as response:
            assert response.status == 200 and await response.read() == b"{}"

    async def get(session: aiohttp.ClientSession, url: str) -> None:
        async with session.get(url + "/v1/search", params=[("q", "where"), ("lang", "fr")]) as r:
            await r.read()

    async def post_empty(session: aiohttp.ClientSession, url: str) -> None:
        async with session.post(url + "/empty", data=b"") as response:
            await response.read()

    async def post_chunked(session: aiohttp.ClientSession, url: str) -> None:
        async with session.post(url + "/chunked", data=_chunks()) as response:
            await response.read()

    async def post_expecting_continue(session: aiohttp.ClientSession, url: str) -> None:
        async with session.post(url + "/continue", data=b"abc", expect100=True) as response:
            await response.read()

    async def three_on_one_connection(session: aiohttp.ClientSession, url: str) -> None:
        for _ in range(3):
            await post_json(session, url)
            await get(session, url)

    return {
        "post_json": post_json,
        "get": get,
        "post_empty": post_empty,
        "post_chunked": post_chunked,
        "post_expecting_continue": post_expecting_continue,
        "three_on_one_connection": three_on_one_connection,
    }


REQUESTS = _requests()


@pytest.mark.parametrize("name", list(REQUESTS))
def test_the_server_receives_the_same_bytes(
    name: str, apply_patch: Callable[..., Originals]
) -> None:
    before = asyncio.run(_exchange(REQUESTS[name]))
    apply_patch("send_request_in_one_write")
    after = asyncio.run(_exchange(REQUESTS[name]))
    assert _same_port(b"".join(after)) == _same_port(b"".join(before))
    assert b"".join(before).count(b"HTTP/1.1\r\n") >= 1


def test_a_request_with_a_body_is_one_write(
    apply_patch: Callable[..., Originals], monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiohttp.http_writer import StreamWriter

    writes: list[bytes] = []
    socket_write = StreamWriter._write

    def counted(self: StreamWriter, chunk: bytes) -> None:
        writes.append(bytes(chunk))
        socket_write(self, chunk)

    monkeypatch.setattr(StreamWriter, "_write", counted)
    received = asyncio.run(_exchange(REQUESTS["post_json"]))
    assert len(writes) == 2, "aiohttp 3.9 writes the headers, then the body"
    assert writes[0].startswith(b"POST /webhook HTTP/1.1\r\n") and writes[0].endswith(b"\r\n\r\n")

    apply_patch("send_request_in_one_write")
    writes.clear()
    received_after = asyncio.run(_exchange(REQUESTS["post_json"]))
    assert len(writes) == 1
    assert _same_port(writes[0]) == _same_port(b"".join(received))
    assert _same_port(b"".join(received_after)) == _same_port(b"".join(received))
    assert json.loads(writes[0].partition(b"\r\n\r\n")[2])["next_action"] == "action_answer_topic"


def test_a_request_without_a_body_is_sent_as_before(
    apply_patch: Callable[..., Originals],
) -> None:
    from bot.patches.send_request_in_one_write import holds_headers

    assert not holds_headers({"Content-Length": "0"})
    assert not holds_headers({"Host": "x"})
    assert not holds_headers({"Content-Length": "3", "Expect": "100-continue"})
    assert holds_headers({"Content-Length": "3"})
    assert holds_headers({"Transfer-Encoding": "chunked"})
