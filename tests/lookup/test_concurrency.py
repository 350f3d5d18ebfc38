"""A burst of simultaneous requests is served, however large, without waiting on the database.

FastAPI runs each sync dependency, the sync route and the response validation as separate
thread-pool jobs, holding the request's connection in between. Without a bound on the requests
inside the service, every thread can end up waiting for a connection held by a request waiting
for a thread: nothing moves until the pool's 30 s timeout (seen at 50 users in `make bench`;
this test stalled at 60 before the fix).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from lookup.app import BACKGROUND_CONNECTIONS, create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.request_slots import RequestSlots
from lookup.settings import Settings
from tests.lookup.conftest import AS_SERVICE
from tests.packs import SAMPLE_PACK

CONCURRENT = 150


@pytest.fixture
def sample_app(settings: Settings) -> Iterator[FastAPI]:
    """The service over the sample exercise, its connections closed afterwards."""
    app = create_app(settings)
    import_pack(app.state.session_factory, load_pack(SAMPLE_PACK).pack)
    yield app
    app.state.engine.dispose()


async def statuses_at_once(app: FastAPI, paths: list[str]) -> list[int]:
    """GET every path simultaneously; the status codes in the paths' order."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://lookup", headers=AS_SERVICE
    ) as client:
        responses = await asyncio.gather(*(client.get(path) for path in paths))
    return [r.status_code for r in responses]


def test_a_burst_of_concurrent_requests_is_served_without_stalling(sample_app: FastAPI) -> None:
    paths = ["/v1/topics/meals?lang=en", "/v1/topics/transport?lang=fr", "/health"]
    burst = statuses_at_once(sample_app, [paths[i % len(paths)] for i in range(CONCURRENT)])
    # A stall lasts the pool's 30 s timeout; a burst served takes a second or two.
    statuses = asyncio.run(asyncio.wait_for(burst, timeout=20))
    assert statuses == [200] * CONCURRENT


def test_every_request_gives_its_connection_back(sample_app: FastAPI) -> None:
    """The session is opened in the event loop and closed in a worker thread: after answers,
    refusals and errors alike, no connection stays checked out."""
    paths = {
        "/v1/topics/meals?lang=ar": 200,
        "/v1/topics/no-such-topic?lang=en": 404,
        "/v1/topics/meals?lang=de": 422,
        "/v1/items/no-such-kind?lang=en": 404,
    }
    statuses = asyncio.run(statuses_at_once(sample_app, list(paths) * 10))
    assert statuses == list(paths.values()) * 10
    assert sample_app.state.engine.pool.checkedout() == 0


def test_the_slots_match_the_connections_left_for_requests(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, db_pool_size=4, db_max_overflow=3))
    [slots] = [m for m in app.user_middleware if m.cls is RequestSlots]
    assert slots.kwargs["limit"] == 4 + 3 - BACKGROUND_CONNECTIONS
    app.state.engine.dispose()


def test_slots_refuse_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        RequestSlots(app=None, limit=0)
