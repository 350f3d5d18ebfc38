"""Per-key request budgets for the intake routes: one job, counting, in this process (the
enrolment-code budget is the database's: lookup/store/enrolment_failures.py).

A sliding-window counter (the current minute's count plus the previous minute's, weighted by how
much of it still falls inside the last 60 s) needs two integers per key, so a flood of distinct
keys costs bounded memory: beyond `max_keys` the least recently seen key is forgotten. Defaults
(LIAISON_INTAKE_PER_ADDRESS_PER_MINUTE=1200, LIAISON_INTAKE_PER_SENDER_PER_MINUTE=30) are in
lookup/settings.py. Each lookup replica counts on its own; with several replicas, divide the
limits by their number or move the counts to Redis (the `limits` package) behind the same calls.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from lookup.settings import Settings


class RateLimiter:
    """`hit(key)`: None when the request may go ahead (and it is counted), else the seconds to
    wait before one would."""

    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._clock = clock
        # key -> (window number, count in it, count in the window before)
        self._counts: OrderedDict[object, tuple[int, int, int]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, key: object) -> float | None:
        now = self._clock()
        with self._lock:
            current_window, current, previous, into = self._rolled(key, now)
            if self._over(current, previous, into):
                self._counts[key] = (current_window, current, previous)
                return self._wait(current, previous, into)
            self._counts[key] = (current_window, current + 1, previous)
            self._counts.move_to_end(key)
            while len(self._counts) > self.max_keys:
                self._counts.popitem(last=False)
        return None

    def wait(self, key: object) -> float | None:
        """What `hit` would answer, without counting: None when one more would be allowed."""
        now = self._clock()
        with self._lock:
            _, current, previous, into = self._rolled(key, now)
        if self._over(current, previous, into):
            return self._wait(current, previous, into)
        return None

    def _rolled(self, key: object, now: float) -> tuple[int, int, int, float]:
        """(window number, count in it, count in the one before, seconds into it) for `key` at
        `now`, the stored counts moved on if a window has ended since. Caller holds the lock."""
        number, into = divmod(now, self.window)
        current_window = int(number)
        window, current, previous = self._counts.get(key, (current_window, 0, 0))
        if window != current_window:
            previous = current if window == current_window - 1 else 0
            current = 0
        return current_window, current, previous, into

    def _over(self, current: int, previous: int, into: float) -> bool:
        """Whether one more request would exceed the limit over the sliding window."""
        return current + previous * (1 - into / self.window) + 1 > self.limit

    def _wait(self, current: int, previous: int, into: float) -> float:
        """Seconds until the previous window's share has faded enough, or this window ends
        (a hint for Retry-After, rounded up to whole seconds)."""
        if current + 1 > self.limit or not previous:
            return float(max(1, math.ceil(self.window - into)))
        fade_until = self.window * (1 - (self.limit - current - 1) / previous)
        return float(max(1, math.ceil(fade_until - into)))


@dataclass
class IntakeLimits:
    """The two budgets intake enforces: per client address (before authentication, so a caller
    guessing tokens is slowed too) and per visitor, (channel, sender)."""

    per_address: RateLimiter
    per_sender: RateLimiter

    @classmethod
    def from_settings(cls, settings: Settings) -> IntakeLimits:
        return cls(
            per_address=RateLimiter(settings.intake_per_address_per_minute),
            per_sender=RateLimiter(settings.intake_per_sender_per_minute),
        )
