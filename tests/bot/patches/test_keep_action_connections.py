"""bot.patches.keep_action_connections: calls to the action server reuse one connection and
get the same replies; other endpoints keep a session per request."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp.web
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.patches._originals import Originals


@pytest.fixture()
def patched(apply_patch: Callable[..., Originals]) -> None:
    apply_patch("keep_action_connections")


def test_action_calls_reuse_one_connection(patched: None) -> None:
    async def scenario() -> tuple[set[Any], list[Any]]:
        peers: set[Any] = set()

        async def webhook(request: aiohttp.web.Request) -> aiohttp.web.Response:
            assert request.transport is not None
            peers.add(request.transport.get_extra_info("peername"))
            body = await request.json()
            return aiohttp.web.json_response(
                {
                    "events": [{"event": "slot", "name": "language", "value": "fr"}],
                    "responses": [{"text": f"answer to {body['next_action']}"}],
                }
            )

        app = aiohttp.web.Application()
        app.router.add_post("/webhook", webhook)
        runner = aiohttp.web.AppRunner(app)
        await runner.setup()
        site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        domain = Domain.from_dict({"slots": {"language": {"type": "any", "mappings": []}}})
        results = []
        try:
            for _ in range(3):
                results.append(
                    await RemoteAction("action_answer_topic", endpoint).run(
                        CollectingOutputChannel(),
                        TemplatedNaturalLanguageGenerator({}),
                        DialogueStateTracker("sender", domain.slots),
                        domain,
                    )
                )
        finally:
            await runner.cleanup()
        return peers, results

    peers, results = asyncio.run(scenario())
    assert len(peers) == 1  # one client port: the connection was kept and reused
    for events in results:
        assert (
            isinstance(events[0], BotUttered) and events[0].text == "answer to action_answer_topic"
        )
        assert events[1] == SlotSet("language", "fr")


def test_other_endpoints_keep_a_session_per_request(patched: None) -> None:
    async def scenario() -> bool:
        endpoint = EndpointConfig("http://127.0.0.1:1/model")
        async with endpoint.session() as session:
            pass
        return session.closed

    assert asyncio.run(scenario())


def test_a_cookie_set_by_the_action_server_is_never_sent_back(patched: None) -> None:
    """Rasa's session per call could not return a cookie; the kept session does not either."""

    async def scenario() -> list[str | None]:
        seen: list[str | None] = []

        async def webhook(request: aiohttp.web.Request) -> aiohttp.web.Response:
            seen.append(request.headers.get("Cookie"))
            response = aiohttp.web.json_response({"events": [], "responses": []})
            response.set_cookie("session", "abc")
            return response

        app = aiohttp.web.Application()
        app.router.add_post("/webhook", webhook)
        runner = aiohttp.web.AppRunner(app)
        await runner.setup()
        site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        # A host name: aiohttp's cookie jar ignores cookies from IP addresses.
        endpoint = EndpointConfig(f"http://localhost:{port}/webhook")
        domain = Domain.from_dict({})
        try:
            for _ in range(2):
                await RemoteAction("action_answer_topic", endpoint).run(
                    CollectingOutputChannel(),
                    TemplatedNaturalLanguageGenerator({}),
                    DialogueStateTracker("sender", domain.slots),
                    domain,
                )
        finally:
            await runner.cleanup()
        return seen

    assert asyncio.run(scenario()) == [None, None]
