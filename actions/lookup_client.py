"""HTTP client for the lookup service: one pooled connection set shared by every action call."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

import httpx

DEFAULT_LOOKUP_URL = "http://localhost:8000"
DEFAULT_TIMEOUT_SECONDS = 3.0


class LookupUnavailable(Exception):
    """The service could not be reached, timed out or failed: the user gets an apology."""


class NoAnswer(Exception):
    """The service is up but has nothing on this topic in this language."""


@dataclass(frozen=True)
class TopicItem:
    title: str
    text: str
    last_updated: datetime
    updated_by: str


class LookupClient:
    def __init__(
        self,
        base_url: str,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def topic(self, topic: str, lang: str) -> list[TopicItem]:
        try:
            response = await self._http.get(f"/v1/topics/{topic}", params={"lang": lang})
        except httpx.HTTPError as error:
            raise LookupUnavailable(f"{type(error).__name__}: {error}") from error
        if response.status_code in (404, 422):
            raise NoAnswer(_detail(response))
        if response.status_code != 200:
            raise LookupUnavailable(f"HTTP {response.status_code}: {_detail(response)}")
        try:
            return [
                TopicItem(
                    title=item["title"],
                    text=item["text"],
                    last_updated=datetime.fromisoformat(
                        item["last_updated"].replace("Z", "+00:00")
                    ),
                    updated_by=item["updated_by"],
                )
                for item in response.json()["items"]
            ]
        except (ValueError, KeyError, TypeError) as error:
            raise LookupUnavailable(f"unexpected answer: {error}") from error

    async def aclose(self) -> None:
        await self._http.aclose()


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except ValueError:
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
