"""Rasa 3.6's Telegram connector, with its start-up fixed and its webhook authenticated.

Start-up: Rasa's TelegramInput registers the webhook through asyncio.run() when it builds its
output channel, and the aiogram Bot keeps the HTTP session it opened there, bound to a loop
asyncio.run then closes: every later reply fails with "Event loop is closed". Closing that session
inside the start-up loop makes the Bot open a new one in the server's loop at its first reply.

Authentication: Rasa registers the webhook without a `secret_token`, so anyone who knows the URL
could post updates as any Telegram chat. Here the webhook is registered with one (Telegram then
sends it in the X-Telegram-Bot-Api-Secret-Token header of every update), and a post without it
is refused with 403 (bot.channels.webhooks checks the header before the body). The secret is
TELEGRAM_SECRET_TOKEN when set (1-256 characters A-Z a-z 0-9 _ -), otherwise derived from the
bot's access token (HMAC-SHA256), so it is on without configuration and never written anywhere.
Rasa's own /webhooks/telegram/set_webhook route registers it with the secret too.
Webhook path unchanged: /webhooks/telegram/webhook.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
from typing import Any

from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput
from rasa.shared.exceptions import RasaException

SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def derived_secret(access_token: str) -> str:
    """The webhook secret when none is configured: stable for a bot, unguessable without its
    access token."""
    return hmac.new(
        access_token.encode(), b"liaison telegram webhook secret", hashlib.sha256
    ).hexdigest()


class SecretTelegramOutput(TelegramOutput):
    """Rasa's Telegram output whose webhook registration always carries the secret token."""

    def __init__(self, access_token: str | None, secret_token: str) -> None:
        super().__init__(access_token)
        self.secret_token = secret_token

    async def set_webhook(self, url: str, *args: Any, **kwargs: Any) -> Any:
        # aiogram 2.15's set_webhook predates secret_token (Bot API 6.1); the raw call takes it.
        return await self.request("setWebhook", {"url": url, "secret_token": self.secret_token})


class TelegramInput(RasaTelegramInput):
    def __init__(self, *args: Any, secret_token: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        secret = secret_token or derived_secret(self.access_token or "")
        if not SECRET_TOKEN.fullmatch(secret):
            raise RasaException(
                "TELEGRAM_SECRET_TOKEN: 1-256 characters, letters, digits, '_' and '-' only"
            )
        self.webhook_secret = secret  # bot.channels.webhooks checks posts against it

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials is not None
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            secret_token=credentials.get("secret_token") or None,
        )

    def get_output_channel(self) -> TelegramOutput:
        channel = SecretTelegramOutput(self.access_token, self.webhook_secret)
        if _loop_running():
            # Called for Rasa's API (trigger_intent with output_channel=telegram: an officer's
            # reply, an announcement) inside the server's loop, where asyncio.run() raises. The
            # webhook was registered when the connector started; the reply needs only the Bot.
            return channel
        url = self.webhook_url
        if not url:
            raise RasaException("Telegram needs webhook_url to register its webhook")

        async def register_webhook() -> None:
            try:
                await channel.set_webhook(url=url)
            finally:
                await channel.close()  # the session dies with this loop; the next call opens one

        try:
            asyncio.run(register_webhook())
        except TelegramAPIError as error:
            raise RasaException(f"Failed to set channel webhook: {error}") from error
        return channel


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
