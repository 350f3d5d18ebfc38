"""One "Rasa replica" of the socket.io channel without Rasa's agent: the channel mounted the way
Rasa mounts input channels (an echo in place of the agent), plus POST /emit, which sends a bot
message to a room through the channel's output channel, as Rasa does for an officer's message or
an announcement.

    python -m tests.bot.socketio_replica PORT [REDIS_URL]
"""

from __future__ import annotations

import sys
from typing import Any

from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic, response
from sanic.request import Request

from bot.channels.socketio import SocketIOInput


def main() -> None:
    port = int(sys.argv[1])
    credentials: dict[str, Any] = {
        "user_message_evt": "user_uttered",
        "bot_message_evt": "bot_uttered",
        "session_persistence": True,
    }
    if len(sys.argv) > 2:
        credentials["redis_url"] = sys.argv[2]
    channel = SocketIOInput.from_credentials(credentials)
    app = Sanic(f"replica_{port}")

    class EchoAgent:
        """Stands in for Rasa's agent: answers a visitor's message with the replica's port."""

        async def handle_message(self, message: UserMessage) -> None:
            assert message.output_channel is not None
            reply = f"{port}: {message.text}"
            await message.output_channel.send_text_message(message.sender_id, reply)

    app.ctx.agent = EchoAgent()
    register([channel], app, route="/webhooks/")

    @app.post("/emit")
    async def emit(request: Request) -> Any:
        output = channel.get_output_channel()
        assert output is not None
        await output.send_text_message(request.json["room"], request.json["text"])
        return response.json({"emitted": True})

    @app.get("/ready")
    async def ready(_: Request) -> Any:
        return response.json({"ready": True})

    app.run(host="127.0.0.1", port=port, access_log=False, workers=1, motd=False)


if __name__ == "__main__":
    main()
