"""A per-process cache of the knowledge reads' serialized answers, checked against the knowledge
version (lookup/store/knowledge_version.py) so that no process serves an answer older than a
write committed anywhere before the read began.

Why here, an ASGI middleware in front of FastAPI: a read used to cost about 2.5 ms of CPU, most
of it FastAPI's dependencies and thread-pool jobs, SQLAlchemy loading rows and pydantic building
the answer (docs/deploy.md). A hit skips all of that.

- **Key**: path, query string less `channel`/`sender_id`, and the asker's tier, the only thing
  those two parameters change. The tier is worked out here as the routes do (lookup/api/deps.py):
  an admin token reads as staff; the service token for the visitor it names (participants once
  enrolled, one query, kept per visitor while the version stands: enrolments and revocations
  bump it), public when it names no one. A request without a valid token, or one the
  routes would reject, goes through to them untouched, as does any answer but a 200.
- **Freshness**: each read waits for a version check that *starts after it arrived* (checks are
  shared: at most one runs at a time and every read arriving meanwhile waits for the next one),
  and an entry serves only while its version is current. Hence read-after-write holds across
  processes and replicas with the default `LIAISON_READ_CACHE_STALENESS_MS=0`; a positive value
  reuses a check younger than that many ms, so a read may miss writes of the last N ms made by
  another process. An answer computed at a newer state than its version is discarded as soon as
  the version moves, never served for an older one.
- **Time**: some answers depend on the exercise's local date (Ramadan hours, lookup/api/views.py).
  Every time zone's offset is a multiple of 15 minutes, so no local date changes within a UTC
  quarter-hour: the key holds the quarter-hour of the routes' own clock (`views.now`).
- **ETag**: each entry's body hash; `If-None-Match` with it gets 304.
- **A miss** goes to the routes with what the check found (`Checked`, in the scope under
  `CHECKED`): the version and the visitor's tier. The routes' dependencies (lookup/api/deps.py)
  take the tier and the exercise from it instead of querying them again, each in a thread-pool
  job of its own: they are what a hit would have served with, read after the request arrived.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

from anyio import to_thread

from common.topics import PUBLIC, STAFF

ASGIApp = Any
Message = dict[str, Any]
Key = tuple[str, str, str, int]
Visitor = tuple[str, str]
Parsed = tuple[bool, str, tuple[str | None, str | None]]

# The knowledge reads (lookup/api/exercise.py, search.py): answers depend on the path, query
# and tier only.
CACHED_PATHS = ("/v1/exercise", "/v1/events", "/v1/search")
CACHED_PREFIXES = ("/v1/topics/", "/v1/items/")
# The visitor parameters and their limits in lookup/api/deps.py get_tier.
VISITOR_LIMITS = {"channel": 64, "sender_id": 255}
MAX_BODY = 256 * 1024
# No local date anywhere changes inside one of these (UTC offsets are multiples of 15 min).
DATE_PERIOD_S = 15 * 60


# The scope key under which a miss hands `Checked` to the routes.
CHECKED = "liaison.read_cache.checked"


@dataclass(frozen=True)
class Checked:
    """What the cache's check found for a read it passes to the routes: the knowledge version
    (current at a check that started after the request arrived), whether the service token
    asked, the visitor the query names, and that visitor's tier at that version."""

    version: int
    service: bool
    visitor: tuple[str | None, str | None]
    tier: str


@dataclass(frozen=True)
class Entry:
    version: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class VersionCheck:
    """The knowledge version for reads arriving now: one check at a time, shared by every read
    that arrived before it started."""

    def __init__(
        self, read: Callable[[], int], staleness_s: float = 0.0, inline: bool = False
    ) -> None:
        """`inline`: `read` is cheap and never waits long (a SQLite file), so it runs on the
        event loop rather than in a worker thread (whose hop cost 50 times the query)."""
        self._read = read
        self._inline = inline
        self._staleness = staleness_s
        self._value: int | None = None
        self._started_at = -float("inf")
        self._next: asyncio.Future[int] | None = None
        self._running: asyncio.Task[None] | None = None
        self.checks = 0

    async def current(self) -> int:
        if self._value is not None and time.monotonic() - self._started_at < self._staleness:
            return self._value
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
        waiting = self._next
        if self._running is None:
            self._running = asyncio.ensure_future(self._run())
        return await asyncio.shield(waiting)

    async def _run(self) -> None:
        try:
            while self._next is not None:
                waiting, self._next = self._next, None
                started = time.monotonic()
                try:
                    if self._inline:
                        value = self._read()
                    else:
                        value = await to_thread.run_sync(self._read)
                except Exception as error:  # the reads then go to the routes uncached
                    waiting.set_exception(error)
                    waiting.exception()  # retrieved, so an unawaited one is not logged
                    continue
                self.checks += 1
                self._value, self._started_at = value, started
                waiting.set_result(value)
        finally:
            self._running = None


class ReadCache:
    """ASGI middleware; `app.state` gives the tokens, the engine and the session factory."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        state: Any,
        tier_of: Callable[[Any, str | None, str | None], str],
        read_version: Callable[[], int],
        clock: Callable[[], datetime],
        staleness_ms: float = 0.0,
        max_entries: int = 4096,
        read_version_inline: bool = False,
    ) -> None:
        self.app = app
        self.state = state
        self.tier_of = tier_of
        self.clock = clock
        self.version = VersionCheck(read_version, staleness_ms / 1000.0, read_version_inline)
        self.max_entries = max_entries
        self.entries: OrderedDict[Key, Entry] = OrderedDict()
        # (channel, sender) -> (version, tier): the enrolment query once per visitor and version
        # instead of once per read (a turn makes two or three reads).
        self.tiers: OrderedDict[Visitor, tuple[int, str]] = OrderedDict()
        self.tier_queries = 0
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _cached_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        request = self._parse(scope)
        if request is None:
            await self.app(scope, receive, send)
            return
        reader_is_service, query, visitor = request
        try:
            version = await self.version.current()
            if not reader_is_service:
                tier = STAFF
            elif (channel := visitor[0]) and (sender_id := visitor[1]):
                tier = await self._tier_at(version, (channel, sender_id))
            else:
                tier = PUBLIC
        except Exception:  # the routes answer (and report the database) themselves
            await self.app(scope, receive, send)
            return
        key = (scope["path"], query, tier, int(self.clock().timestamp() // DATE_PERIOD_S))
        entry = self.entries.get(key)
        if entry is not None and entry.version == version:
            self.entries.move_to_end(key)
            self.hits += 1
            await _replay(entry, scope, send)
            return
        self.misses += 1
        scope[CHECKED] = Checked(version, reader_is_service, visitor, tier)
        await self._fill(scope, receive, send, key, version)

    def _parse(
        self, scope: dict[str, Any]
    ) -> tuple[bool, str, tuple[str | None, str | None]] | None:
        """(is the service, the query without the visitor, the visitor), or None when the routes
        must decide (no or unknown token, a visitor parameter they would reject)."""
        presented = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, credentials = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer" and credentials:
                    presented = credentials
                break  # the first one, as Starlette's Headers.get
        if not presented:
            return None
        service: str | None = self.state.service_token
        admins: dict[str, str] = self.state.admin_tokens
        is_service = service is not None and _matches(service, presented)
        is_admin = False
        for token in admins:  # every token compared, as get_reader does
            is_admin = _matches(token, presented) or is_admin
        if not (is_service or is_admin):
            return None
        pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        visitor: dict[str, str] = {}
        kept = []
        for name, value in pairs:
            if name in VISITOR_LIMITS:
                if name in visitor or len(value) > VISITOR_LIMITS[name]:
                    return None
                visitor[name] = value
            else:
                kept.append((name, value))
        # An admin token wins over the service token, as in get_reader.
        return (
            is_service and not is_admin,
            urlencode(kept),
            (visitor.get("channel"), visitor.get("sender_id")),
        )

    async def _tier_at(self, version: int, visitor: Visitor) -> str:
        """The visitor's tier at this knowledge version (kept, or one query)."""
        kept = self.tiers.get(visitor)
        if kept is not None and kept[0] == version:
            self.tiers.move_to_end(visitor)
            return kept[1]
        tier = await to_thread.run_sync(self._tier, *visitor)
        self.tier_queries += 1
        # Read after `version` was, so at least that new; kept only while no newer version has
        # been seen (an entry's version is then never older than what it was read at).
        if self.version._value == version:
            self.tiers[visitor] = (version, tier)
            self.tiers.move_to_end(visitor)
            while len(self.tiers) > self.max_entries:
                self.tiers.popitem(last=False)
        return tier

    def _tier(self, channel: str, sender_id: str) -> str:
        with self.state.session_factory() as session:
            return self.tier_of(session, channel, sender_id)

    async def _fill(
        self,
        scope: dict[str, Any],
        receive: Any,
        send: Any,
        key: Key,
        version: int,
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                size += len(message.get("body", b""))
                if size <= MAX_BODY:
                    chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and _storable(start, size):
                    self._store(key, version, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: Key, version: int, start: Message, body: bytes) -> None:
        current = self.version._value
        if current is not None and version != current:
            return  # the knowledge moved on while this answer was made
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [(n, v) for n, v in start.get("headers", []) if n.lower() != b"etag"]
        self.entries[key] = Entry(version, [*headers, (b"etag", etag)], body, etag)
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)


def _cached_path(path: str) -> bool:
    return path in CACHED_PATHS or path.startswith(CACHED_PREFIXES)


def _matches(secret: str, presented: str) -> bool:
    return hmac.compare_digest(secret.encode(), presented.encode())


def _storable(start: Message, size: int) -> bool:
    if start["status"] != 200 or size > MAX_BODY:
        return False
    names = {name.lower() for name, _ in start.get("headers", [])}
    return b"set-cookie" not in names and b"vary" not in names


async def _replay(entry: Entry, scope: dict[str, Any], send: Any) -> None:
    for name, value in scope["headers"]:
        if name == b"if-none-match" and entry.etag in [v.strip() for v in value.split(b",")]:
            headers = [(n, v) for n, v in entry.headers if n.lower() != b"content-length"]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
    await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body})
