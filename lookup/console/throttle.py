"""Sign-in throttling (issue 18, item 7): an attempt is counted before its password is checked,
so parallel requests cannot slip past the limit; the limit is per (username, client address), so
nobody can lock a colleague out from elsewhere; each lockout of the same pair lasts twice as long
as the one before (up to a day); and one address gets a bounded number of attempts across all
usernames. The counts are the database's (lookup/store/sign_in_attempts.py), shared by every
lookup replica and kept across restarts (issue 22)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from lookup.store import sign_in_attempts
from lookup.store.sign_in_attempts import Limits


class LoginThrottle:
    """`begin` before checking a password (None: go ahead, the attempt is counted; a number: the
    seconds to wait), then `failed` or `succeeded` with the same username and address. Each call
    is its own short transaction, apart from the request's."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        max_failures: int,
        window_seconds: float,
        clock: Callable[[], datetime],
        *,
        max_per_address: int | None = None,
    ) -> None:
        self._sessions = session_factory
        self._clock = clock
        self._limits = Limits(
            max_failures=max_failures,
            window=timedelta(seconds=window_seconds),
            max_per_address=max_per_address or max_failures * 6,
        )

    def begin(self, username: str, address: str) -> int | None:
        with self._sessions() as session:
            return sign_in_attempts.begin(session, username, address, self._clock(), self._limits)

    def failed(self, username: str, address: str) -> None:
        with self._sessions() as session:
            sign_in_attempts.failed(session, username, address, self._clock(), self._limits)

    def succeeded(self, username: str, address: str) -> None:
        with self._sessions() as session:
            sign_in_attempts.succeeded(session, username, address, self._clock())
