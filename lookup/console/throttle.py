"""Sign-in throttling (issue 18, item 7): an attempt is counted before its password is checked,
under one lock, so parallel requests cannot slip past the limit; the limit is per (username, client
address), so nobody can lock a colleague out from elsewhere; each lockout of the same pair lasts
twice as long as the one before (up to a day); and one address gets a bounded number of attempts
across all usernames.

The counts live in this process: with several replicas each keeps its own (docs/security.md says
what a proxy in front should add)."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_LOCKOUT_SECONDS = 24 * 3600
SWEEP_EVERY = 1000  # attempts between sweeps of state nobody has used for a day


@dataclass
class _Pair:
    attempts: deque[float] = field(default_factory=deque)  # counted: failed or still checking
    locked_until: float = 0.0
    lockouts: int = 0
    last_seen: float = 0.0


class LoginThrottle:
    """`begin` before checking a password (None: go ahead, the attempt is counted; a number: the
    seconds to wait), then `failed` or `succeeded` with the same username and address."""

    def __init__(
        self,
        max_failures: int,
        window_seconds: float,
        clock: Callable[[], float],
        *,
        max_per_address: int | None = None,
    ) -> None:
        self._max = max_failures
        self._window = window_seconds
        self._clock = clock
        self._max_per_address = max_per_address or max_failures * 6
        self._pairs: dict[tuple[str, str], _Pair] = {}
        self._addresses: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._since_sweep = 0

    def begin(self, username: str, address: str) -> float | None:
        with self._lock:
            now = self._clock()
            self._sweep(now)
            pair = self._pairs.setdefault((username, address), _Pair())
            pair.last_seen = now
            _forget_before(pair.attempts, now - self._window)
            if pair.locked_until > now:
                return pair.locked_until - now
            if len(pair.attempts) >= self._max:  # the rest are still being checked
                return pair.attempts[0] + self._window - now
            tried = self._addresses.setdefault(address, deque())
            _forget_before(tried, now - self._window)
            if len(tried) >= self._max_per_address:
                return tried[0] + self._window - now
            pair.attempts.append(now)
            tried.append(now)
            return None

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            now = self._clock()
            pair = self._pairs.setdefault((username, address), _Pair())
            if len(pair.attempts) >= self._max and pair.locked_until <= now:
                pair.lockouts += 1
                pair.locked_until = now + min(
                    self._window * 2 ** (pair.lockouts - 1), MAX_LOCKOUT_SECONDS
                )
                pair.attempts.clear()

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._pairs.pop((username, address), None)
            tried = self._addresses.get(address)
            if tried:
                tried.pop()  # a good password does not count against the address

    def _sweep(self, now: float) -> None:
        self._since_sweep += 1
        if self._since_sweep < SWEEP_EVERY:
            return
        self._since_sweep = 0
        stale = now - max(self._window, MAX_LOCKOUT_SECONDS)
        for key in [k for k, pair in self._pairs.items() if pair.last_seen < stale]:
            del self._pairs[key]
        idle = [a for a, tried in self._addresses.items() if not tried or tried[-1] < stale]
        for address in idle:
            del self._addresses[address]


def _forget_before(times: deque[float], cutoff: float) -> None:
    while times and times[0] < cutoff:
        times.popleft()
