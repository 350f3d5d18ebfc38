"""At most N requests inside the service at once; the others wait their turn in the event loop.

FastAPI runs each sync dependency, the sync route and the response's validation as separate
thread-pool jobs, and a request's database connection stays checked out between them. Under a
burst, every pool thread can be a request waiting for a connection while every connection
belongs to a request waiting for a thread: nothing moves until the pool's 30 s timeout (seen at
50 concurrent users in `make bench`). Admitting no more requests than there are connections
(less a few for background work) means a checkout never waits, so that cannot happen.
"""

from __future__ import annotations

import asyncio
from typing import Any

ASGIApp = Any


class RequestSlots:
    """Pure ASGI middleware: HTTP requests take one of `limit` slots for their whole lifetime."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.app = app
        self.limit = limit
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async with self._semaphore():
            await self.app(scope, receive, send)

    def _semaphore(self) -> asyncio.Semaphore:
        # Made in the serving loop: a semaphore belongs to the loop it was first awaited in.
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.limit))
        return self._slots[1]
