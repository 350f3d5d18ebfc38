"""A conversation lock that stays correct when several Rasa replicas share one Redis.

Rasa 3.6's `RedisLockStore` keeps a conversation's whole ticket queue as one JSON value and
changes it by read, modify, write: two replicas that take a ticket at the same moment both read
the same queue, both issue the same number, and the second write drops the first ticket, so both
believe they hold the lock (RasaHQ/rasa PR #11256; the fix, `ConcurrentRedisLockStore`, was
reverted to Rasa Pro). Here every change is one atomic Redis operation instead:

- a ticket is numbered by `INCR` on the conversation's counter, and recorded with its expiry in
  the same Lua script, so no replica can see a later ticket without the earlier one;
- the lock is held by the lowest unexpired ticket, decided inside Redis (server clock, so replicas
  with skewed clocks agree) by one script that also drops expired tickets;
- a holder releases by deleting only its own ticket (`HDEL`), never by rewriting the queue.

A ticket that outlives its lifetime (a crashed replica) expires and the next one is served, as in
Rasa. Loaded by Rasa's custom lock store hook (`LockStore.create` passes `endpoint_config=`):

    lock_store:
      type: bot.lock_store.TicketLockStore
      url: redis-host        # port, db, username, password, use_ssl, key_prefix as for Rasa's
      poll_interval: 0.05    # seconds between checks while another ticket is served

`bot/rasa_config.py` writes that section when `LIAISON_LOCK_STORE=redis://…` is set.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    LockError,
    LockStore,
)
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_KEY_PREFIX = "liaison:lock:"
DEFAULT_POLL_INTERVAL = 0.05

# KEYS: counter, tickets hash. ARGV: lifetime in ms. Returns the new ticket's number.
_ISSUE = """
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lifetime = tonumber(ARGV[1])
local number = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], number, now + lifetime)
for _, key in ipairs(KEYS) do
  if redis.call('PTTL', key) < lifetime then redis.call('PEXPIRE', key, lifetime) end
end
return number
"""

# KEYS: tickets hash. ARGV: ticket number. Drops expired tickets; returns 1 if the ticket is the
# lowest left (it holds the lock), 0 if it waits, -1 if it has expired.
_TRY_ACQUIRE = """
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local entries = redis.call('HGETALL', KEYS[1])
local lowest = nil
for i = 1, #entries, 2 do
  local number, expires = tonumber(entries[i]), tonumber(entries[i + 1])
  if expires <= now then
    redis.call('HDEL', KEYS[1], entries[i])
  elseif lowest == nil or number < lowest then
    lowest = number
  end
end
local mine = tonumber(ARGV[1])
if redis.call('HEXISTS', KEYS[1], mine) == 0 then return -1 end
if lowest == mine then return 1 end
return 0
"""


class TicketLockStore(LockStore):
    """Rasa lock store whose tickets are numbered and served atomically in Redis."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        *,
        client: redis.Redis | None = None,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> None:
        settings: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        self.key_prefix = str(settings.pop("key_prefix", key_prefix))
        if not self.key_prefix.endswith(":"):
            self.key_prefix += ":"
        self.poll_interval = float(settings.pop("poll_interval", poll_interval))
        if client is None:
            client = redis.Redis(
                host=(endpoint_config.url if endpoint_config else None) or "localhost",
                port=int(settings.pop("port", 6379)),
                db=int(settings.pop("db", 1)),
                username=settings.pop("username", None),
                password=settings.pop("password", None),
                ssl=bool(settings.pop("use_ssl", False)),
                ssl_certfile=settings.pop("ssl_certfile", None),
                ssl_keyfile=settings.pop("ssl_keyfile", None),
                ssl_ca_certs=settings.pop("ssl_ca_certs", None),
                socket_timeout=float(
                    settings.pop("socket_timeout", DEFAULT_SOCKET_TIMEOUT_IN_SECONDS)
                ),
            )
        if settings:
            logger.warning("TicketLockStore ignores unknown settings: %s", sorted(settings))
        self.red = client
        self._issue = client.register_script(_ISSUE)
        self._try_acquire = client.register_script(_TRY_ACQUIRE)
        super().__init__()

    def _counter_key(self, conversation_id: str) -> str:
        return f"{self.key_prefix}{conversation_id}:last_issued"

    def _tickets_key(self, conversation_id: str) -> str:
        return f"{self.key_prefix}{conversation_id}:tickets"

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Number a new ticket with INCR and record it, in one atomic script."""
        try:
            keys = [self._counter_key(conversation_id), self._tickets_key(conversation_id)]
            return int(self._issue(keys=keys, args=[max(1, int(lock_lifetime * 1000))]))
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    async def _acquire_lock(
        self, conversation_id: str, ticket: int, wait_time_in_seconds: float
    ) -> TicketLock:
        """Wait until `ticket` is the lowest unexpired one; LockError if it expires first."""
        pause = min(wait_time_in_seconds, self.poll_interval)
        key = self._tickets_key(conversation_id)
        while True:
            state = int(self._try_acquire(keys=[key], args=[ticket]))
            if state == 1:
                logger.debug(f"Acquired lock for conversation '{conversation_id}'.")
                return self.get_lock(conversation_id) or TicketLock(conversation_id)
            if state == -1:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(pause)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """A snapshot of the conversation's queue (for inspection; decisions are made in Redis)."""
        entries = self.red.hgetall(self._tickets_key(conversation_id))
        if not entries:
            return None
        tickets = sorted(
            (Ticket(int(number), int(expires) / 1000) for number, expires in entries.items()),
            key=lambda ticket: ticket.number,
        )
        return TicketLock(conversation_id, deque(tickets))

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove only this ticket: the rest of the queue is left as other replicas wrote it."""
        self.red.hdel(self._tickets_key(conversation_id), str(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Release: nothing else to tidy, Redis drops an empty queue and the counter expires."""
        self.finish_serving(conversation_id, ticket_number)

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets (done inside Redis on every acquire attempt as well)."""
        self._try_acquire(keys=[self._tickets_key(conversation_id)], args=[-1])

    def delete_lock(self, conversation_id: str) -> None:
        """Forget the conversation's queue and counter (an operator's reset, not a release)."""
        deleted = self.red.delete(
            self._tickets_key(conversation_id), self._counter_key(conversation_id)
        )
        self._log_deletion(conversation_id, bool(deleted))

    def save_lock(self, lock: TicketLock) -> None:
        """Refused: writing a whole queue back is the race this store exists to avoid."""
        raise NotImplementedError(
            "TicketLockStore changes tickets one by one; use issue_ticket / finish_serving"
        )
