"""Server-side console sessions (issue 18, item 8): a signed cookie used to be the whole session,
so a cookie saved before signing out still worked for 12 hours and a new password ended no other
session. Now the cookie holds a random token; the session is a row, deleted at sign-out, on a
password change, and when it expires."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from lookup.store.models import ConsoleSession, Staff


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, staff: Staff, at: datetime, lifetime: timedelta) -> str:
    """A new session for `staff`; returns the token for the cookie (stored only as its hash)."""
    session.execute(delete(ConsoleSession).where(ConsoleSession.expires_at <= at))
    token = secrets.token_urlsafe(32)
    session.add(
        ConsoleSession(id=_key(token), staff_id=staff.id, created_at=at, expires_at=at + lifetime)
    )
    session.flush()
    return token


def staff_of_session(session: Session, token: object, at: datetime) -> Staff | None:
    """Whose live session the token names, or None (unknown, ended or expired)."""
    if not isinstance(token, str) or not token:
        return None
    row = session.get(ConsoleSession, _key(token))
    if row is None or row.expires_at <= at:
        return None
    return session.get(Staff, row.staff_id)


def close_session(session: Session, token: object) -> None:
    if isinstance(token, str) and token:
        session.execute(delete(ConsoleSession).where(ConsoleSession.id == _key(token)))


def close_all_sessions(session: Session, staff_id: int) -> None:
    """Every session of one account (a password change, an account disabled)."""
    session.execute(delete(ConsoleSession).where(ConsoleSession.staff_id == staff_id))
