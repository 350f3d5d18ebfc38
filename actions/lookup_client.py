"""HTTP client for the lookup service: one pooled connection set shared by every action call.

Answers are the service's one-language views of items: {"kind", "id", "fields", "related",
"missing_translations", "last_updated", ...}.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

DEFAULT_LOOKUP_URL = "http://localhost:8000"
DEFAULT_TIMEOUT_SECONDS = 3.0
# Idle connections are closed before the service's own keep-alive (uvicorn: 5 s) would close
# them, so a request never goes out on a connection the server is closing.
KEEPALIVE_SECONDS = 2.0

Item = dict[str, Any]


class LookupUnavailable(Exception):
    """The service could not be reached, timed out or failed: the user gets an apology."""


class NoAnswer(Exception):
    """The service is up but has nothing on this in this language."""


class ForParticipants(Exception):
    """What was asked exists but is for enrolled participants, and this visitor is not one
    (issue 19): the visitor is told how to enrol, never the facts."""


@dataclass
class Asker:
    """The visitor an action reads for: the service answers for their tier, and counts what it
    left out (`withheld`), so the action can add how to enrol to the public part it said."""

    channel: str
    sender_id: str
    withheld: int = field(default=0)


_asker: ContextVar[Asker | None] = ContextVar("lookup_asker", default=None)


@contextmanager
def asking_for(channel: str, sender_id: str) -> Iterator[Asker]:
    """Reads inside this block are for this visitor (each action call runs in its own task, so
    concurrent conversations never see each other's)."""
    asker = Asker(channel, sender_id)
    token = _asker.set(asker)
    try:
        yield asker
    finally:
        _asker.reset(token)


class LookupClient:
    """aiohttp, not httpx: a GET costs 0.2 ms of CPU against httpx's 1.7 ms (docs/bench.md),
    and the action server makes one or two per turn."""

    def __init__(
        self, base_url: str, timeout: float = DEFAULT_TIMEOUT_SECONDS, token: str | None = None
    ) -> None:
        """`token`: the service token the lookup service requires on /v1 (sent as a bearer)."""
        self._base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._session: aiohttp.ClientSession | None = None

    async def topic(self, topic: str, lang: str) -> list[Item]:
        return _shown(await self._get(f"/v1/topics/{topic}", lang), "items")

    async def exercise(self, lang: str) -> Item:
        return await self._get("/v1/exercise", lang)

    async def events(self, lang: str, on: str | None = None) -> list[Item]:
        return _shown(await self._get("/v1/events", lang, on=on), "items")

    async def prayer_times(self, lang: str, at: str, days: int = 1) -> list[dict[str, Any]]:
        """The camp's prayer times from local day `at` on (NoAnswer when the pack has none)."""
        body = await self._get("/v1/prayer-times", lang, at=at, days=days)
        return list(body["days"])

    async def items(self, kind: str, lang: str) -> list[Item]:
        return _shown(await self._get(f"/v1/items/{kind}", lang), "items")

    async def search(
        self, query: str, lang: str, kinds: list[str], limit: int = 3, mode: str = "question"
    ) -> list[Item]:
        """mode "name" when the query is an extracted entity, "question" for a whole message."""
        return [item for _score, item in await self.search_scored(query, lang, kinds, limit, mode)]

    async def search_scored(
        self,
        query: str,
        lang: str,
        kinds: list[str],
        limit: int = 3,
        mode: str = "question",
        at: str | None = None,
    ) -> list[tuple[float, Item]]:
        """(score, item), best first: equal scores are ties the caller must not break by order.
        `at`: the local day the answer is for (a venue's hours in force then), else today."""
        hits = await self.search_hits(query, lang, kinds, limit, mode, at)
        return [(hit["score"], hit["item"]) for hit in hits]

    async def search_hits(
        self,
        query: str,
        lang: str,
        kinds: list[str],
        limit: int = 3,
        mode: str = "question",
        at: str | None = None,
        count_withheld: bool = True,
    ) -> list[dict[str, Any]]:
        """The service's hits, best first: {"score", "coverage", "item"} (lookup/search.py says
        what the two figures mean; a service without `coverage` counts as 1).
        `count_withheld=False`: a search on the off chance (actions/answer_found.py), whose
        matches held back for the visitor's tier are not what they asked, so they neither add
        "enrol to see more" nor make the answer ForParticipants."""
        hits, _unmatched = await self.search_explained(
            query, lang, kinds, limit, mode, at, count_withheld
        )
        return hits

    async def search_explained(
        self,
        query: str,
        lang: str,
        kinds: list[str],
        limit: int = 3,
        mode: str = "question",
        at: str | None = None,
        count_withheld: bool = True,
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """`search_hits`, and the query's words (folded) that match nothing of those kinds."""
        body = await self._get(
            "/v1/search", lang, q=query, kind=kinds, limit=limit, mode=mode, at=at
        )
        shown = _shown(body, "hits") if count_withheld else body["hits"]
        hits = [
            {
                "score": float(hit["score"]),
                "coverage": float(hit.get("coverage", 1.0)),
                "item": hit["item"],
            }
            for hit in shown
        ]
        return hits, [str(word) for word in body.get("unmatched") or []]

    async def enrol(self, channel: str, sender_id: str, code: str) -> dict[str, Any]:
        """{"enrolled", "reason", "nation", "already", "retry_after"} (lookup/api/enrolment.py)."""
        body = {"channel": channel, "sender_id": sender_id, "code": code}
        answer: dict[str, Any] = await self._post("/v1/enrolments", body)
        return answer

    async def own_nation(self) -> str | None:
        """The contingent's nation code of the visitor these reads are for (`asking_for`), when
        enrolled; None when not, or outside `asking_for`. It takes no visitor: the action server
        asks for the one it reads for, never for another."""
        asker = _asker.get()
        if asker is None:
            return None
        params = [("channel", asker.channel), ("sender_id", asker.sender_id)]
        answer = await self._request("GET", "/v1/enrolments/mine", params)
        nation = answer.get("nation")
        return str(nation) if answer.get("enrolled") and nation else None

    # Intake for the liaison team (handoffs, unanswered questions, who can receive announcements).

    async def register_visitor(self, sender_id: str, channel: str, lang: str) -> None:
        await self._post(
            "/v1/visitors", {"sender_id": sender_id, "channel": channel, "language": lang}
        )

    async def open_handoff(self, handoff: dict[str, Any]) -> Item:
        """{"id", "status", "on_duty", "reply_expected_by", "message" (visitor's language)}"""
        return await self._post("/v1/handoffs", handoff)

    async def active_handoff(self, sender_id: str, channel: str) -> int | None:
        """The open handoff of this visitor, (channel, sender), if any."""
        params = [("sender_id", sender_id), ("channel", channel)]
        answer = await self._request("GET", "/v1/handoffs/active", params)
        return answer["id"] if answer.get("active") else None

    async def add_handoff_message(
        self, handoff_id: int, sender_id: str, channel: str, text: str
    ) -> None:
        """The service checks that the handoff is this visitor's."""
        body = {"sender_id": sender_id, "channel": channel, "speaker": "visitor", "text": text}
        await self._post(f"/v1/handoffs/{handoff_id}/messages", body)

    async def record_unanswered(self, question: dict[str, Any]) -> None:
        await self._post("/v1/unanswered", question)

    async def record_refusal(self, refusal: dict[str, Any]) -> None:
        """An operationally sensitive question refused: {sender_id, channel, language, text}."""
        await self._post("/v1/refusals", refusal)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        return await self._request("POST", path, body=body)

    async def _request(
        self,
        method: str,
        path: str,
        params: list[tuple[str, str]] | None = None,
        body: dict[str, Any] | None = None,
    ) -> Any:
        """The JSON answer; any HTTP error is LookupUnavailable (reads use `_get`: 404 there is
        NoAnswer)."""
        status, answer = await self._fetch(method, path, params, body)
        if status >= 400:
            raise LookupUnavailable(f"HTTP {status}: {_detail(answer)}")
        return _json(answer)

    async def _get(self, path: str, lang: str, **params: Any) -> Any:
        query = [("lang", lang)]
        asker = _asker.get()
        if asker is not None:
            query += [("channel", asker.channel), ("sender_id", asker.sender_id)]
        for name, value in params.items():
            values = value if isinstance(value, list) else [value]
            query += [(name, str(v)) for v in values if v is not None]
        status, body = await self._fetch("GET", path, query)
        if status == 403 and asker is not None:
            raise ForParticipants(_detail(body))
        if status in (404, 422):
            raise NoAnswer(_detail(body))
        if status != 200:
            raise LookupUnavailable(f"HTTP {status}: {_detail(body)}")
        return _json(body)

    async def _fetch(
        self,
        method: str,
        path: str,
        params: list[tuple[str, str]] | None = None,
        body: dict[str, Any] | None = None,
    ) -> tuple[int, bytes]:
        """(status, body): any failure to get an answer at all is LookupUnavailable."""
        try:
            async with self._client().request(
                method, self._base_url + path, params=params, json=body
            ) as response:
                return response.status, await response.read()
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise LookupUnavailable(f"{type(error).__name__}: {error}") from error

    def _client(self) -> aiohttp.ClientSession:
        """Made on first use, inside the event loop that will use it."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=self._timeout,
                headers=self._headers,
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            )
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


def _shown(body: dict[str, Any], key: str) -> list[Item]:
    """The items the service gave; when it held some back for the asker's tier, counted on the
    asker, and ForParticipants when it gave none at all."""
    shown: list[Item] = body[key]
    withheld = int(body.get("withheld") or 0)
    asker = _asker.get()
    if withheld and asker is not None:
        asker.withheld += withheld
        if not shown:
            raise ForParticipants(f"{withheld} item(s) for participants only")
    return shown


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError as error:
        raise LookupUnavailable(f"not JSON: {error}") from error


def _detail(body: bytes) -> str:
    try:
        return str(json.loads(body).get("detail", body.decode(errors="replace")))
    except (ValueError, AttributeError):
        return body[:200].decode(errors="replace")


_shared: LookupClient | None = None


def service_token(environ: Mapping[str, str] = os.environ) -> str | None:
    """LIAISON_SERVICE_TOKEN, or the contents of the file LIAISON_SERVICE_TOKEN_FILE names (the
    same settings as the lookup service's); never a command-line argument."""
    token = environ.get("LIAISON_SERVICE_TOKEN", "").strip()
    if not token and environ.get("LIAISON_SERVICE_TOKEN_FILE"):
        token = Path(environ["LIAISON_SERVICE_TOKEN_FILE"]).read_text().strip()
    return token or None


def shared_client() -> LookupClient:
    """The process-wide client, configured by LIAISON_LOOKUP_URL, LIAISON_LOOKUP_TIMEOUT and the
    service token (`service_token`)."""
    global _shared
    if _shared is None:
        _shared = LookupClient(
            base_url=os.environ.get("LIAISON_LOOKUP_URL", DEFAULT_LOOKUP_URL),
            timeout=float(os.environ.get("LIAISON_LOOKUP_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)),
            token=service_token(),
        )
    return _shared
