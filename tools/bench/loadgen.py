"""HTTP load generator, run as its own process: `python -m tools.bench.loadgen SPEC.json`.

Simulated users, each on one kept-alive HTTP/1.1 connection (asyncio streams, TCP_NODELAY).
Each request is encoded into one buffer and written with one `write()`, which asyncio sends with
one `send()` when the socket is writable, as it is between request and response here: a client
that sends headers and body apart meets Nagle's algorithm and delayed ACKs and measures its own
TCP stalls (tens of ms), not the server. `writes` in the result counts write() calls per request.

Modes (the spec's "mode"):
- webhook: POST {"sender", "message"} to Rasa's REST channel, the users rotating through the
  questions; a new sender every `turns_per_conversation` turns (real chats are short, and a
  Rasa turn's cost grows with the conversation). A reply without any text counts as an error.
  With "unique": true the users share the questions instead, each asked once (per language
  when conversations keep to one); `repeated` counts the turns asked after they ran out.
- get: GET the paths in rotation (the lookup service); any status but 200 is an error.
- conversation: one sender, `turns` turns in sequence; the latency of each turn (repeated
  `repeat` times with fresh senders; per-turn medians reported).

Standard library only; prints one JSON object (see `summary`) on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_USERS = 200
MAX_DURATION_S = 600.0


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def encode_request(
    method: str,
    host: str,
    path: str,
    body: bytes | None = None,
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """One complete HTTP/1.1 request (head and body) in one buffer, keep-alive."""
    head = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    head += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body is not None:
        head += [f"Content-Type: {content_type or 'application/json'}"]
        head += [f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + (body or b"")


class HTTPError(Exception):
    pass


class Connection:
    """One kept-alive HTTP/1.1 connection; reopened only if the server closes it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.opened = 0
        self.writes = 0
        self.requests = 0

    async def _open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.opened += 1

    async def request(self, data: bytes) -> tuple[int, bytes]:
        if self.writer is None or self.writer.is_closing():
            await self._open()
        assert self.reader is not None and self.writer is not None
        self.writer.write(data)  # the whole request: one write, one send
        self.writes += 1
        self.requests += 1
        await self.writer.drain()
        status, headers = await self._read_head()
        body = await self._read_body(headers)
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _read_head(self) -> tuple[int, dict[str, str]]:
        assert self.reader is not None
        try:
            raw = await self.reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as error:
            await self.close()
            raise HTTPError("connection closed by the server") from error
        lines = raw.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/"):
            raise HTTPError(f"bad status line {lines[0]!r}")
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        return int(parts[1]), headers

    async def _read_body(self, headers: dict[str, str]) -> bytes:
        assert self.reader is not None
        if "content-length" in headers:
            return await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    return b"".join(chunks)
                chunks.append(chunk[:-2])
        body = await self.reader.read()
        await self.close()
        return body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def reply_has_text(body: bytes) -> bool:
    """Rasa's REST channel answers a list of messages; at least one must carry text."""
    try:
        messages = json.loads(body)
    except ValueError:
        return False
    return isinstance(messages, list) and any(
        isinstance(m, dict) and str(m.get("text") or "").strip() for m in messages
    )


@dataclass
class Sample:
    started: float
    ended: float
    ok: bool
    kind: str = ""

    @property
    def latency_ms(self) -> float:
        return (self.ended - self.started) * 1000.0


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    # "unique" questions: the next one to ask, per language ("" when languages mix).
    cursors: dict[str, int] = field(default_factory=dict)
    repeated: int = 0

    def next_unique(self, questions: list[dict[str, Any]], language: str) -> dict[str, Any]:
        """The next question nobody has asked yet (round again, counted, once all were)."""
        index = self.cursors.get(language, 0)
        self.cursors[language] = index + 1
        if index >= len(questions):
            self.repeated += 1
        return questions[index % len(questions)]


def webhook_request(host: str, sender: str, text: str) -> bytes:
    body = json.dumps({"sender": sender, "message": text}, ensure_ascii=False).encode()
    return encode_request("POST", host, "/webhooks/rest/webhook", body)


async def _timed(
    connection: Connection, data: bytes, timeout: float, check: str
) -> tuple[float, float, bool, str]:
    started = time.perf_counter()
    try:
        status, body = await asyncio.wait_for(connection.request(data), timeout)
    except (asyncio.TimeoutError, HTTPError, OSError) as error:
        await connection.close()
        return started, time.perf_counter(), False, f"{type(error).__name__}: {error}"
    ended = time.perf_counter()
    if status != 200:
        return started, ended, False, f"HTTP {status}: {body[:120]!r}"
    if check == "text" and not reply_has_text(body):
        return started, ended, False, f"reply without text: {body[:120]!r}"
    return started, ended, True, ""


async def _user(spec: dict[str, Any], index: int, run: Run, t0: float) -> None:
    host = f"{spec['host']}:{spec['port']}"
    connection = Connection(spec["host"], spec["port"])
    run.connections.append(connection)
    warmup_end = t0 + spec.get("warmup", 0.0)
    deadline = t0 + spec.get("warmup", 0.0) + spec["duration"]
    timeout = spec.get("timeout", 30.0)
    turn = 0
    # Users start at different places in the rotation, so simultaneous requests differ.
    offset = index * 7
    by_language: dict[str, list[dict[str, Any]]] = {}
    while time.perf_counter() < deadline and len(run.samples) < spec.get("max_requests", 10**6):
        if spec["mode"] == "get":
            paths = spec["paths"]
            # "headers": e.g. the lookup service's token (the spec comes on stdin, not argv).
            path = paths[(offset + turn) % len(paths)]
            data = encode_request("GET", host, path, headers=spec.get("headers"))
            check, kind = "status", "get"
        else:
            questions = spec["questions"]
            conversation = turn // spec.get("turns_per_conversation", 10)
            language = ""
            if spec.get("one_language_per_conversation"):
                # A visitor writes in one language: each conversation keeps to one, and the
                # conversations of all users go round the languages.
                languages = sorted({x.get("lang", "") for x in questions})
                language = languages[(index + conversation) % len(languages)]
                questions = by_language.setdefault(
                    language, [x for x in questions if x.get("lang", "") == language]
                )
            if spec.get("unique"):
                question = run.next_unique(questions, language)
            else:
                question = questions[(offset + turn) % len(questions)]
            sender = f"{spec.get('sender_prefix', 'bench')}-u{index}-c{conversation}"
            data = webhook_request(host, sender, question["text"])
            check, kind = "text", question.get("intent", "")
        started, ended, ok, error = await _timed(connection, data, timeout, check)
        if started >= warmup_end:
            run.samples.append(Sample(started, ended, ok, kind))
            if error and len(run.errors) < 20:
                run.errors.append(error)
        turn += 1
    await connection.close()


def summary(run: Run, window_start: float, window_end: float, users: int) -> dict[str, Any]:
    """Throughput counts good replies completed inside the measuring window; latencies are of
    every request started in it (errors included, so a failing server cannot look fast)."""
    latencies = [s.latency_ms for s in run.samples]
    ok_in_window = [s for s in run.samples if s.ok and s.ended <= window_end]
    seconds = max(window_end - window_start, 1e-9)
    requests = sum(c.requests for c in run.connections)
    return {
        "users": users,
        "seconds": round(seconds, 2),
        "requests": len(run.samples),
        "ok": sum(s.ok for s in run.samples),
        "errors": sum(not s.ok for s in run.samples),
        "error_samples": run.errors[:5],
        "turns_per_s": round(len(ok_in_window) / seconds, 2),
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 1),
            "p95": round(percentile(latencies, 95), 1),
            "p99": round(percentile(latencies, 99), 1),
            "mean": round(sum(latencies) / len(latencies), 1) if latencies else math.nan,
            "max": round(max(latencies), 1) if latencies else math.nan,
        },
        "requests_with_warmup": requests,
        "repeated": run.repeated,
        "connections_opened": sum(c.opened for c in run.connections),
        "writes_per_request": round(sum(c.writes for c in run.connections) / requests, 3)
        if requests
        else 0.0,
    }


async def load(spec: dict[str, Any]) -> dict[str, Any]:
    users = int(spec["users"])
    if not 1 <= users <= MAX_USERS or not 0 < spec["duration"] <= MAX_DURATION_S:
        raise ValueError(f"users must be 1..{MAX_USERS}, duration 0..{MAX_DURATION_S:.0f} s")
    if spec["host"] not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the load generator only drives loopback servers")
    run = Run()
    t0 = time.perf_counter()
    await asyncio.gather(*(_user(spec, i, run, t0) for i in range(users)))
    window_start = t0 + spec.get("warmup", 0.0)
    return summary(run, window_start, window_start + spec["duration"], users)


async def conversation(spec: dict[str, Any]) -> dict[str, Any]:
    """`turns` turns of one sender in sequence, `repeat` times; per-turn medians."""
    host = f"{spec['host']}:{spec['port']}"
    questions = spec["questions"]
    turns, repeat = int(spec.get("turns", 50)), int(spec.get("repeat", 3))
    per_turn: list[list[float]] = [[] for _ in range(turns)]
    errors: list[str] = []
    for r in range(repeat):
        connection = Connection(spec["host"], spec["port"])
        sender = f"{spec.get('sender_prefix', 'bench')}-long-{r}"
        for turn in range(turns):
            data = webhook_request(host, sender, questions[turn % len(questions)]["text"])
            started, ended, ok, error = await _timed(
                connection, data, spec.get("timeout", 30.0), "text"
            )
            per_turn[turn].append((ended - started) * 1000.0)
            if not ok and len(errors) < 5:
                errors.append(f"turn {turn + 1}: {error}")
        await connection.close()
    medians = [round(percentile(t, 50), 1) for t in per_turn]
    early = [x for t in per_turn[1:10] for x in t]  # turn 1 also starts the session
    return {
        "turns": turns,
        "repeat": repeat,
        "median_ms_per_turn": medians,
        "turn_last_ms": medians[-1],
        "turns_2_to_10_median_ms": round(percentile(early, 50), 1),
        "last_5_median_ms": round(percentile([x for t in per_turn[-5:] for x in t], 50), 1),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", help="JSON file with the run's spec, or - for stdin")
    args = parser.parse_args(argv)
    if args.spec == "-":
        spec = json.loads(sys.stdin.read())
    else:
        with open(args.spec, encoding="utf-8") as handle:
            spec = json.load(handle)
    if spec["mode"] == "conversation":
        result = asyncio.run(conversation(spec))
    else:
        result = asyncio.run(load(spec))
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
