"""HTTP client for the lookup service: one pooled connection set shared by every action call.

Answers are the service's one-language views of items: {"kind", "id", "fields", "related",
"missing_translations", "last_updated", ...}.
"""

from __future__ import annotations

import os
from typing import Any

import httpx

DEFAULT_LOOKUP_URL = "http://localhost:8000"
DEFAULT_TIMEOUT_SECONDS = 3.0

Item = dict[str, Any]


class LookupUnavailable(Exception):
    """The service could not be reached, timed out or failed: the user gets an apology."""


class NoAnswer(Exception):
    """The service is up but has nothing on this in this language."""


class LookupClient:
    def __init__(
        self,
        base_url: str,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def topic(self, topic: str, lang: str) -> list[Item]:
        return (await self._get(f"/v1/topics/{topic}", lang))["items"]

    async def exercise(self, lang: str) -> Item:
        return await self._get("/v1/exercise", lang)

    async def events(self, lang: str, on: str | None = None) -> list[Item]:
        return (await self._get("/v1/events", lang, on=on))["items"]

    async def items(self, kind: str, lang: str) -> list[Item]:
        return (await self._get(f"/v1/items/{kind}", lang))["items"]

    async def search(
        self, query: str, lang: str, kinds: list[str], limit: int = 3, mode: str = "question"
    ) -> list[Item]:
        """mode "name" when the query is an extracted entity, "question" for a whole message."""
        body = await self._get("/v1/search", lang, q=query, kind=kinds, limit=limit, mode=mode)
        return [hit["item"] for hit in body["hits"]]

    # Intake for the liaison team (handoffs, unanswered questions, who can receive announcements).

    async def register_visitor(self, sender_id: str, channel: str, lang: str) -> None:
        await self._post(
            "/v1/visitors", {"sender_id": sender_id, "channel": channel, "language": lang}
        )

    async def open_handoff(self, handoff: dict[str, Any]) -> Item:
        """{"id", "status", "on_duty", "reply_expected_by", "message" (visitor's language)}"""
        return await self._post("/v1/handoffs", handoff)

    async def active_handoff(self, sender_id: str) -> int | None:
        response = await self._request(
            "GET", "/v1/handoffs/active", params={"sender_id": sender_id}
        )
        body = _json(response)
        return body["id"] if body.get("active") else None

    async def add_handoff_message(self, handoff_id: int, text: str) -> None:
        await self._post(
            f"/v1/handoffs/{handoff_id}/messages", {"speaker": "visitor", "text": text}
        )

    async def record_unanswered(self, question: dict[str, Any]) -> None:
        await self._post("/v1/unanswered", question)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        return _json(await self._request("POST", path, json=body))

    async def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            raise LookupUnavailable(f"{type(error).__name__}: {error}") from error
        if response.status_code >= 400:
            raise LookupUnavailable(f"HTTP {response.status_code}: {_detail(response)}")
        return response

    async def _get(self, path: str, lang: str, **params: Any) -> Any:
        query = {"lang": lang, **{k: v for k, v in params.items() if v is not None}}
        try:
            response = await self._http.get(path, params=query)
        except httpx.HTTPError as error:
            raise LookupUnavailable(f"{type(error).__name__}: {error}") from error
        if response.status_code in (404, 422):
            raise NoAnswer(_detail(response))
        if response.status_code != 200:
            raise LookupUnavailable(f"HTTP {response.status_code}: {_detail(response)}")
        try:
            return response.json()
        except ValueError as error:
            raise LookupUnavailable(f"not JSON: {error}") from error

    async def aclose(self) -> None:
        await self._http.aclose()


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as error:
        raise LookupUnavailable(f"not JSON: {error}") from error


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except (ValueError, AttributeError):
        return response.text[:200]


_shared: LookupClient | None = None


def shared_client() -> LookupClient:
    """The process-wide client, configured by LIAISON_LOOKUP_URL and LIAISON_LOOKUP_TIMEOUT."""
    global _shared
    if _shared is None:
        _shared = LookupClient(
            base_url=os.environ.get("LIAISON_LOOKUP_URL", DEFAULT_LOOKUP_URL),
            timeout=float(os.environ.get("LIAISON_LOOKUP_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)),
        )
    return _shared
