"""Reaching visitors through Rasa's HTTP API (Rasa started with --enable-api).

An officer's reply, a hand-back and an announcement are each one `trigger_intent` call on the
visitor's conversation, with the channel they used as the output channel; the assistant's
`liaison_message` / `liaison_handback` intents make it say the text (or that it is back) there.
A non-2xx answer or a connection error is a failure (RasaError), never silently ignored.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from common.intents import HANDBACK_INTENT, MESSAGE_ENTITY, MESSAGE_INTENT


class RasaError(Exception):
    """Rasa could not be reached or refused the call; str() says why, briefly."""


class RasaClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        timeout: float = 10,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._token = token
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"), timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def send_text(self, sender_id: str, channel: str, text: str) -> None:
        """Say `text` to the visitor on their channel (an officer's reply, an announcement)."""
        self.trigger_intent(sender_id, channel, MESSAGE_INTENT, {MESSAGE_ENTITY: text})

    def hand_back(self, sender_id: str, channel: str) -> None:
        """Tell the visitor, in their language, that the assistant answers again."""
        self.trigger_intent(sender_id, channel, HANDBACK_INTENT, {})

    def trigger_intent(
        self, sender_id: str, channel: str, name: str, entities: dict[str, Any]
    ) -> None:
        self._call(
            "POST",
            f"/conversations/{quote(sender_id, safe='')}/trigger_intent",
            params={"output_channel": channel},
            json={"name": name, "entities": entities},
        )

    def conversation_language(self, sender_id: str) -> str | None:
        """The conversation's current `language` slot, None if unset."""
        response = self._call(
            "GET",
            f"/conversations/{quote(sender_id, safe='')}/tracker",
            params={"include_events": "NONE"},
        )
        try:
            language = response.json().get("slots", {}).get("language")
        except (ValueError, AttributeError) as error:
            raise RasaError("the tracker is not the JSON Rasa answers") from error
        return language if isinstance(language, str) and language else None

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        params = dict(kwargs.pop("params", {}))
        if self._token:
            params["token"] = self._token
        try:
            response = self._http.request(method, path, params=params, **kwargs)
        except httpx.HTTPError as error:
            raise RasaError(f"Rasa unreachable: {type(error).__name__}: {error}") from error
        if not response.is_success:
            raise RasaError(f"Rasa answered HTTP {response.status_code}: {response.text[:200]}")
        return response
