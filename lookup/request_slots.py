"""At most N requests inside the service at once; the others wait their turn in the event loop.
A request takes its slot only once its whole body has arrived, within a size cap and a deadline.

FastAPI runs each sync dependency, the sync route and the response's validation as separate
thread-pool jobs, and a request's database connection stays checked out between them. Under a
burst, every pool thread can be a request waiting for a connection while every connection
belongs to a request waiting for a thread: nothing moves until the pool's 30 s timeout (seen at
50 concurrent users in `make bench`). Admitting no more requests than there are connections
(less a few for background work) means a checkout never waits, so that cannot happen.

Reading the body before taking a slot (issue 18, item 4): a slot used to be held while the body
was still arriving, so 18 clients that sent headers and then trickled (or stalled) their bodies
held every slot, and the whole service, console and /health included, stopped answering. Uvicorn
has no body timeout of its own, so the deadline is here: a body not complete within
`body_timeout` seconds gets 408, one larger than its route's cap 413 (before a byte of it is
read when Content-Length says so). Waiting bodies cost a coroutine and at most the cap each.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from typing import Any

ASGIApp = Any
Message = dict[str, Any]

KIB = 1024
# Every route takes JSON or a form of at most this much: the largest real body (a topic's texts
# in three languages, an announcement) is a few KiB.
DEFAULT_MAX_BODY = 64 * KIB
# Path prefix -> cap, the longest matching prefix wins. Signing in needs a name and a password;
# a handoff carries its transcript: up to 50 lines of up to 4,000 characters (lookup/api/intake.py),
# as UTF-8 JSON up to 4 bytes a character.
ROUTE_MAX_BODY: tuple[tuple[str, int], ...] = (
    ("/console/login", 4 * KIB),
    ("/v1/handoffs", 1024 * KIB),
)
DEFAULT_BODY_TIMEOUT = 15.0


class _BodyRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = detail


class RequestSlots:
    """Pure ASGI middleware: an HTTP request reads its body (capped, with a deadline) outside the
    slots, then holds one of `limit` slots while the app handles it."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int,
        *,
        max_body: int = DEFAULT_MAX_BODY,
        route_max_body: Sequence[tuple[str, int]] = ROUTE_MAX_BODY,
        body_timeout: float = DEFAULT_BODY_TIMEOUT,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.app = app
        self.limit = limit
        self.max_body = max_body
        self.route_max_body = sorted(route_max_body, key=lambda entry: -len(entry[0]))
        self.body_timeout = body_timeout
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._read_body(scope, receive)
        except _BodyRefused as refused:
            await _refuse(send, refused.status, refused.detail)
            return
        if body is None:  # the client went away while sending
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: only http.disconnect can come

        async with self._semaphore():
            await self.app(scope, replay, send)

    def cap_for(self, path: str) -> int:
        for prefix, cap in self.route_max_body:
            if path == prefix or path.startswith(prefix.rstrip("/") + "/"):
                return cap
        return self.max_body

    async def _read_body(self, scope: dict[str, Any], receive: Any) -> bytes | None:
        cap = self.cap_for(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > cap:
            raise _BodyRefused(413, f"request body too large: at most {cap} bytes here")
        deadline = time.monotonic() + self.body_timeout
        chunks: list[bytes] = []
        size = 0
        while True:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                message = await asyncio.wait_for(receive(), timeout=remaining)
            except (TimeoutError, asyncio.TimeoutError):
                raise _BodyRefused(
                    408, f"request body not received within {self.body_timeout:g} s"
                ) from None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise _BodyRefused(413, f"request body too large: at most {cap} bytes here")
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _semaphore(self) -> asyncio.Semaphore:
        # Made in the serving loop: a semaphore belongs to the loop it was first awaited in.
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.limit))
        return self._slots[1]


def _content_length(scope: dict[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Any, status: int, detail: str) -> None:
    """A JSON error, and the connection closed (the rest of the body is never read)."""
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
