"""The console's sign-in throttle, kept in the database every lookup replica shares (issue 18,
item 7, under issue 22's replicas): two replicas behind the balancer give a password guesser the
attempts one process would, a restart gives none back, and parallel guesses at either replica
still get no more checks than the limit, because an attempt is counted before its password is
checked while it holds the row locks of its address and its (username, address) pair.

Every write takes the locks in one order, address then pair, and the clean-up skips locked rows,
so two transactions never wait for each other in a circle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lookup.store.models import SignInAttempt, SignInKey
from lookup.store.time_window import seconds, wait_seconds

MAX_LOCKOUT = timedelta(hours=24)
ADDRESS = "address"
PAIR = "pair"


@dataclass(frozen=True)
class Limits:
    max_failures: int  # per (username, address) in the window, then a lockout
    window: timedelta  # the window, and the first lockout's length (each next one doubles)
    max_per_address: int  # per address across usernames in the window


def begin(
    session: Session, username: str, address: str, at: datetime, limits: Limits
) -> int | None:
    """None: go ahead, the attempt is counted (call `failed` or `succeeded` after the check);
    else the seconds to wait. Commits."""
    pair = _lock(session, username, address, at)
    wait = _wait(session, pair, username, address, at, limits)
    if wait is None:
        session.add(SignInAttempt(at=at, username=username, address=address, for_pair=True))
    session.commit()  # only when every statement succeeded: an error rolls back with the session
    return wait


def _wait(
    session: Session, pair: SignInKey, username: str, address: str, at: datetime, limits: Limits
) -> int | None:
    """The seconds to wait (the pair's lockout, its count, its address's count), or None."""
    if pair.locked_until is not None and pair.locked_until > at:
        return seconds(pair.locked_until - at)
    window = limits.window
    waits = (
        wait_seconds(
            session,
            SignInAttempt.at,
            at,
            window,
            limits.max_failures,
            *_pairs_attempts(username, address),
        ),
        wait_seconds(
            session,
            SignInAttempt.at,
            at,
            window,
            limits.max_per_address,
            SignInAttempt.address == address,
        ),
    )
    late = [wait for wait in waits if wait is not None]
    return max(late) if late else None


def failed(session: Session, username: str, address: str, at: datetime, limits: Limits) -> None:
    """A wrong password: at the limit, the pair is locked out for twice as long as the last time
    (up to a day) and its count starts again. Commits."""
    pair = _lock(session, username, address, at)
    counted = session.scalar(
        select(func.count())
        .select_from(SignInAttempt)
        .where(*_pairs_attempts(username, address), SignInAttempt.at > at - limits.window)
    )
    unlocked = pair.locked_until is None or pair.locked_until <= at
    if (counted or 0) >= limits.max_failures and unlocked:
        pair.lockouts += 1
        pair.locked_until = at + min(limits.window * 2 ** (pair.lockouts - 1), MAX_LOCKOUT)
        _clear_pair(session, username, address)
    session.commit()
    _sweep(session, at, limits)


def succeeded(session: Session, username: str, address: str, at: datetime) -> None:
    """A good password: the pair starts afresh, and this attempt does not count against the
    address (the pair's earlier failures still do, for the window). Commits."""
    pair = _lock(session, username, address, at)
    newest = session.scalar(
        select(SignInAttempt.id)
        .where(*_pairs_attempts(username, address))
        .order_by(SignInAttempt.at.desc(), SignInAttempt.id.desc())
        .limit(1)
    )
    if newest is not None:
        session.execute(delete(SignInAttempt).where(SignInAttempt.id == newest))
    _clear_pair(session, username, address)
    pair.lockouts = 0
    pair.locked_until = None
    session.commit()


def _lock(session: Session, username: str, address: str, at: datetime) -> SignInKey:
    """Locks the address's row, then the pair's (creating them), and returns the pair's. On
    SQLite the first write holds the database's write lock until the commit; on PostgreSQL the
    UPDATE holds the row's lock."""
    _touch(session, ADDRESS, "", address, at)
    _touch(session, PAIR, username, address, at)
    key = session.get(SignInKey, (PAIR, username, address), populate_existing=True)
    assert key is not None  # created and locked just above
    return key


def _touch(session: Session, scope: str, username: str, address: str, at: datetime) -> None:
    key = (SignInKey.scope == scope, SignInKey.username == username, SignInKey.address == address)
    touched = session.execute(update(SignInKey).where(*key).values(last_seen=at))
    if cast(CursorResult[Any], touched).rowcount:
        return
    try:
        with session.begin_nested():  # another replica may create it first
            session.add(SignInKey(scope=scope, username=username, address=address, last_seen=at))
    except IntegrityError:
        session.execute(update(SignInKey).where(*key).values(last_seen=at))


def _pairs_attempts(username: str, address: str) -> tuple[ColumnElement[bool], ...]:
    return (
        SignInAttempt.address == address,
        SignInAttempt.username == username,
        SignInAttempt.for_pair.is_(True),
    )


def _clear_pair(session: Session, username: str, address: str) -> None:
    session.execute(
        update(SignInAttempt).where(*_pairs_attempts(username, address)).values(for_pair=False)
    )


def _sweep(session: Session, at: datetime, limits: Limits) -> None:
    """Forgets attempts the window has left behind and keys idle for longer than any lockout,
    skipping rows another transaction holds (it never waits, so it never deadlocks)."""
    old = (
        select(SignInAttempt.id)
        .where(SignInAttempt.at <= at - limits.window)
        .limit(500)
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(SignInAttempt).where(SignInAttempt.id.in_(old)))
    idle = at - max(limits.window, MAX_LOCKOUT)
    stale = (
        select(SignInKey.scope, SignInKey.username, SignInKey.address)
        .where(SignInKey.last_seen < idle)
        .limit(500)
        .with_for_update(skip_locked=True)
    )
    for scope, username, address in session.execute(stale).all():
        session.execute(
            delete(SignInKey).where(
                SignInKey.scope == scope,
                SignInKey.username == username,
                SignInKey.address == address,
            )
        )
    session.commit()
