"""Keep the connections to the action server open between custom actions.

Reason: Rasa opened a new aiohttp session, so a new TCP connection, for each call to the action
server. Here the action endpoint's session is kept (one per endpoint and event loop) and its
connections reused; idle ones are closed after KEEPALIVE_SECONDS, before the action server's
5 s keep-alive ends, so a reused connection is never one the server is closing. Other
endpoints (model server, NLG, ...) keep a session per request, as before. The kept session
keeps no cookies, as a session per request could not (updating its jar was ~1.4 % of Rasa's
busy time under load, py-spy).

Gain: measured only together with cache_action_reply_validator, pool_sqlite_tracker_store and
the WAL tracker database (docs/bench.md, first round): a custom-action turn for one user went
from p50/p95 55/78 ms to 34/43 ms, 10 users from 15.4 to 33.9 turns/s.

Risk: low. It wraps `RemoteAction.run` and `EndpointConfig.session` (both public) and reads the
endpoint's public `headers` and `basic_auth`; it relies on Rasa using the session as
`async with endpoint.session() as session`. If Rasa changed how it opens sessions, calls would
fall back to a session per request or fail visibly; applied on Rasa 3.6.21 only, and
tests/bot/patches/test_keep_action_connections.py checks one connection serves three calls.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals

KEEPALIVE_SECONDS = 2.0  # < Sanic's default KEEP_ALIVE_TIMEOUT (5 s) on the action server


class _KeptSession:
    """`async with endpoint.session() as s` for a session that outlives the block."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *_exc: object) -> None:
        return None


def apply() -> Originals:
    """Replace `EndpointConfig.session` and `RemoteAction.run`; return what they replaced."""
    import asyncio

    import aiohttp
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    sessions: dict[tuple[int, int], aiohttp.ClientSession] = {}
    new_session = EndpointConfig.session
    original_run = RemoteAction.run

    def kept_session(self: EndpointConfig) -> Any:
        if not getattr(self, "_liaison_keep_alive", False):
            return new_session(self)
        key = (id(self), id(asyncio.get_running_loop()))
        session = sessions.get(key)
        if session is None or session.closed:
            auth = None
            if self.basic_auth:
                auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            session = sessions[key] = aiohttp.ClientSession(
                headers=self.headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
                # Rasa's session per call never sent a cookie back; a kept session would, and
                # its cookie jar cost ~1.4 % of Rasa's time per turn (py-spy, issue 22).
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return _KeptSession(session)

    async def run(self: RemoteAction, *args: Any, **kwargs: Any) -> Any:
        if self.action_endpoint is not None:
            self.action_endpoint._liaison_keep_alive = True  # type: ignore[attr-defined]
        return await original_run(self, *args, **kwargs)

    originals = Originals()
    originals.replace(EndpointConfig, "session", kept_session)
    originals.replace(RemoteAction, "run", run)
    return originals
