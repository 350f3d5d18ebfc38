"""Rasa 3.6's Telegram connector, with its start-up fixed.

Rasa's TelegramInput registers the webhook through asyncio.run() when it builds its output channel,
and the aiogram Bot keeps the HTTP session it opened there, bound to a loop asyncio.run then closes:
every later reply fails with "Event loop is closed". Closing that session inside the start-up loop
makes the Bot open a new one in the server's loop at its first reply. Webhook path unchanged:
/webhooks/telegram/webhook.
"""

from __future__ import annotations

import asyncio

from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput
from rasa.shared.exceptions import RasaException


class TelegramInput(RasaTelegramInput):
    def get_output_channel(self) -> TelegramOutput:
        channel = TelegramOutput(self.access_token)

        async def register_webhook() -> None:
            try:
                await channel.set_webhook(url=self.webhook_url)
            finally:
                await channel.close()  # the session dies with this loop; the next call opens one

        try:
            asyncio.run(register_webhook())
        except TelegramAPIError as error:
            raise RasaException(f"Failed to set channel webhook: {error}") from error
        return channel
