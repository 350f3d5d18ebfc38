"""The load generator against a local stub HTTP server: each request is one complete write on a
kept-alive connection, replies without text are errors, senders change every 10 turns, and the
percentiles are right."""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

import pytest

from tools.bench import loadgen


class StubServer:
    """Records what each read() of the socket brought, and answers like Rasa's REST channel."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.requests: list[dict[str, Any]] = []
        self.connections = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        buffer = b""
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            self.chunks.append(chunk)
            buffer += chunk
            while b"\r\n\r\n" in buffer:
                head, rest = buffer.split(b"\r\n\r\n", 1)
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                if len(rest) < length:
                    break
                body, buffer = rest[:length], rest[length:]
                message = json.loads(body)
                self.requests.append(message)
                reply = b"[]" if message["message"] == "silence" else b'[{"text": "ok"}]'
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(reply), reply)
                )
                await writer.drain()
        writer.close()


async def _run(spec: dict[str, Any]) -> tuple[StubServer, dict[str, Any]]:
    stub = StubServer()
    server = await asyncio.start_server(stub.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        if spec["mode"] == "conversation":
            result = await loadgen.conversation({"host": "127.0.0.1", "port": port, **spec})
        else:
            result = await loadgen.load({"host": "127.0.0.1", "port": port, **spec})
    finally:
        server.close()
        await server.wait_closed()
    return stub, result


QUESTIONS = [{"text": "متى الغداء؟", "intent": "ask_meal_times"}, {"text": "hello"}]


def test_each_request_is_one_write_on_a_kept_alive_connection() -> None:
    spec = {"mode": "webhook", "users": 3, "duration": 0.5, "questions": QUESTIONS}
    stub, result = asyncio.run(_run(spec))
    assert result["errors"] == 0 and result["requests"] > 10
    assert result["writes_per_request"] == 1.0
    assert result["connections_opened"] == stub.connections == 3
    # Every read on the server side brought exactly one whole request: head and body together.
    assert len(stub.chunks) == len(stub.requests)
    for chunk in stub.chunks:
        head, body = chunk.split(b"\r\n\r\n", 1)
        assert b"Content-Length: %d" % len(body) in head
        assert json.loads(body)["message"] in {"متى الغداء؟", "hello"}
    assert result["turns_per_s"] > 0 and result["latency_ms"]["p50"] > 0


def test_a_new_sender_every_ten_turns() -> None:
    spec = {"mode": "webhook", "users": 1, "duration": 5, "max_requests": 25}
    stub, result = asyncio.run(_run({**spec, "questions": QUESTIONS, "sender_prefix": "t"}))
    assert result["requests"] == 25
    senders = [r["sender"] for r in stub.requests]
    assert senders[:10] == ["t-u0-c0"] * 10 and senders[10:20] == ["t-u0-c1"] * 10
    assert senders[20:] == ["t-u0-c2"] * 5


def test_one_language_per_conversation_when_asked() -> None:
    questions = [
        {"text": f"{lang} {n}", "lang": lang, "intent": "ask_meal_times"}
        for n in range(3)
        for lang in ("ar", "en", "fr")
    ]
    spec = {"mode": "webhook", "users": 2, "duration": 0.5, "questions": questions}
    for together in (False, True):
        stub, _ = asyncio.run(_run({**spec, "one_language_per_conversation": together}))
        languages: dict[str, set[str]] = {}
        for request in stub.requests:
            languages.setdefault(request["sender"], set()).add(request["message"].split()[0])
        if together:
            assert all(len(used) == 1 for used in languages.values())
            assert set().union(*languages.values()) == {"ar", "en", "fr"}
        else:  # the default: languages alternate turn by turn
            assert any(len(used) == 3 for used in languages.values())


def test_unique_questions_are_each_asked_once_across_users() -> None:
    questions = [
        {"text": f"{lang} {n}", "lang": lang, "intent": "ask_meal_times"}
        for n in range(40)
        for lang in ("ar", "en", "fr")
    ]
    spec = {"mode": "webhook", "users": 5, "duration": 5, "max_requests": 60}
    for together in (False, True):
        stub, result = asyncio.run(
            _run(
                {
                    **spec,
                    "questions": questions,
                    "unique": True,
                    "one_language_per_conversation": together,
                }
            )
        )
        asked = [r["message"] for r in stub.requests]
        assert len(asked) >= 60 and len(set(asked)) == len(asked), "a question asked twice"
        assert result["repeated"] == 0
        if together:
            languages: dict[str, set[str]] = {}
            for request in stub.requests:
                languages.setdefault(request["sender"], set()).add(request["message"].split()[0])
            assert all(len(used) == 1 for used in languages.values())


def test_unique_questions_that_run_out_are_counted() -> None:
    spec = {"mode": "webhook", "users": 2, "duration": 5, "max_requests": 9}
    questions = [{"text": f"q{n}"} for n in range(4)]
    stub, result = asyncio.run(_run({**spec, "questions": questions, "unique": True}))
    assert len(stub.requests) >= 9
    assert result["repeated"] == len(stub.requests) - 4


def test_a_reply_without_text_is_an_error() -> None:
    spec = {"mode": "webhook", "users": 1, "duration": 0.3, "questions": [{"text": "silence"}]}
    _, result = asyncio.run(_run(spec))
    assert result["ok"] == 0 and result["errors"] == result["requests"] > 0
    assert "without text" in result["error_samples"][0]
    assert result["turns_per_s"] == 0


def test_long_conversation_reports_each_turn() -> None:
    spec = {"mode": "conversation", "turns": 12, "repeat": 2, "questions": QUESTIONS}
    stub, result = asyncio.run(_run(spec))
    assert len(result["median_ms_per_turn"]) == 12 and not result["errors"]
    assert {r["sender"] for r in stub.requests} == {"bench-long-0", "bench-long-1"}


def test_only_loopback_and_bounded() -> None:
    with pytest.raises(ValueError):
        asyncio.run(
            loadgen.load(
                {
                    "mode": "get",
                    "host": "10.0.0.1",
                    "port": 1,
                    "users": 1,
                    "duration": 1,
                    "paths": ["/"],
                }
            )
        )
    with pytest.raises(ValueError):
        asyncio.run(
            loadgen.load(
                {
                    "mode": "get",
                    "host": "127.0.0.1",
                    "port": 1,
                    "users": 500,
                    "duration": 1,
                    "paths": ["/"],
                }
            )
        )


def test_percentiles() -> None:
    values = list(range(1, 101))
    assert loadgen.percentile(values, 50) == pytest.approx(50.5)
    assert loadgen.percentile(values, 95) == pytest.approx(95.05)
    assert loadgen.percentile(values, 99) == pytest.approx(99.01)
    assert loadgen.percentile(list(reversed(values)), 0) == 1
    assert loadgen.percentile([7.0], 99) == 7.0
    assert math.isnan(loadgen.percentile([], 50))


def test_reply_text_check() -> None:
    assert loadgen.reply_has_text(b'[{"recipient_id": "x", "text": "Lunch is at 12:00."}]')
    assert not loadgen.reply_has_text(b'[{"recipient_id": "x", "image": "a.png"}]')
    assert not loadgen.reply_has_text(b"[]")
    assert not loadgen.reply_has_text(b"not json")


def test_request_encoding_is_one_buffer() -> None:
    data = loadgen.encode_request("POST", "127.0.0.1:5005", "/webhooks/rest/webhook", b'{"a": 1}')
    head, body = data.split(b"\r\n\r\n")
    assert head.startswith(b"POST /webhooks/rest/webhook HTTP/1.1\r\n")
    assert b"Connection: keep-alive" in head and b"Content-Length: 8" in head
    assert body == b'{"a": 1}'


def test_a_get_can_carry_the_lookup_services_token() -> None:
    data = loadgen.encode_request(
        "GET", "127.0.0.1:8000", "/v1/topics/meals?lang=en", headers={"Authorization": "Bearer t"}
    )
    assert b"\r\nAuthorization: Bearer t\r\n" in data and data.endswith(b"\r\n\r\n")
