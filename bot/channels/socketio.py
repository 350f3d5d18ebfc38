"""Rasa 3.6's socket.io channel, with its rooms shared by every replica through Redis.

A web-chat visitor's socket lives in one Rasa process, but the bot's reply to a message another
replica handled, an officer's message or an announcement (both arrive through Rasa's HTTP API, on
whichever replica the load balancer picks) are emitted wherever they happen to be. With a Redis
URL the channel's `AsyncServer` uses python-socketio's `AsyncRedisManager`: every emit is
published on a Redis channel and each replica delivers it to the sockets of that room it holds.
Without one it is exactly Rasa's channel, as `make run` uses it.

credentials.yml (bot/rasa_config.py writes it when `LIAISON_SOCKETIO_REDIS` is set):

    bot.channels.socketio.SocketIOInput:
      redis_url: ${LIAISON_SOCKETIO_REDIS}     # redis://[:password@]host:port/db
      redis_channel: liaison-socketio          # optional; the same on every replica
      ...Rasa's own socketio keys...

The manager unpickles what it reads from that Redis channel: the Redis server must be private to
the deployment (password, internal network), as anyone who can publish there runs code in Rasa.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint
from socketio import AsyncRedisManager

DEFAULT_REDIS_CHANNEL = "liaison-socketio"


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io input channel; with `redis_url`, rooms reach across replicas."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = dict(credentials or {})
        redis_url = credentials.pop("redis_url", None) or None
        redis_channel = credentials.pop("redis_channel", None) or DEFAULT_REDIS_CHANNEL
        channel = super().from_credentials(credentials)
        assert isinstance(channel, SocketIOInput)
        channel.redis_url = redis_url
        channel.redis_channel = redis_channel
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.redis_url: str | None = kwargs.pop("redis_url", None)
        self.redis_channel: str = kwargs.pop("redis_channel", DEFAULT_REDIS_CHANNEL)
        super().__init__(*args, **kwargs)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's blueprint, its server's client manager swapped for Redis before any client
        connects (the manager is initialised, and starts listening, on the first connection)."""
        blueprint = super().blueprint(on_new_message)
        if self.redis_url:
            sio = self.sio
            assert sio is not None and not sio.manager_initialized
            manager = AsyncRedisManager(self.redis_url, channel=self.redis_channel)
            manager.set_server(sio)
            sio.manager = manager
        return blueprint
