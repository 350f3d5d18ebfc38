"""Liaison staff accounts: argon2id password hashes (argon2-cffi), never the password itself."""

from __future__ import annotations

import re
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.languages import LANGUAGES
from lookup.store.items import now
from lookup.store.models import Staff
from lookup.store.sessions import close_all_sessions

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 10
CONSOLE_LANGUAGES = LANGUAGES

_hasher = PasswordHasher()
# Verified against when the username is unknown, so that answer takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not the password of anyone")


class StaffError(ValueError):
    pass


def normalize_username(username: str) -> str:
    return username.strip().lower()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"a password needs at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def save_staff(
    session: Session,
    username: str,
    password: str,
    *,
    display_name: str | None = None,
    language: str | None = None,
    is_admin: bool | None = None,
    update: bool = False,
) -> Staff:
    """Create an account (or, with update, change an existing one's password and the details
    given; a new account is English-speaking and not an admin unless told otherwise)."""
    username = normalize_username(username)
    if not USERNAME.match(username):
        raise StaffError(
            "a username is 2-64 characters: lower-case letters, digits, '.', '_' or '-'"
        )
    if language is not None and language not in CONSOLE_LANGUAGES:
        raise StaffError(f"the console speaks {', '.join(CONSOLE_LANGUAGES)}, not '{language}'")
    staff = find_staff(session, username)
    if staff is not None and not update:
        raise StaffError(f"'{username}' already exists (--update changes it)")
    if staff is None and update:
        raise StaffError(f"no account '{username}' to update")
    if staff is None:
        staff = Staff(username=username, created_at=now())
        session.add(staff)
    else:  # a new password ends every session signed in with the old one
        close_all_sessions(session, staff.id)
    staff.password_hash = hash_password(password)
    staff.display_name = (display_name or "").strip() or staff.display_name or username
    staff.language = language or staff.language or "en"
    staff.is_admin = is_admin if is_admin is not None else bool(staff.is_admin)
    session.flush()
    return staff


def find_staff(session: Session, username: str) -> Staff | None:
    return session.scalar(select(Staff).where(Staff.username == normalize_username(username)))


def list_staff(session: Session) -> list[Staff]:
    return list(session.scalars(select(Staff).order_by(func.lower(Staff.username))))


def authenticate(session: Session, username: str, password: str, at: datetime) -> Staff | None:
    """The account if the password is right; None otherwise, in about the same time either way."""
    staff = find_staff(session, username)
    try:
        _hasher.verify(staff.password_hash if staff else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if staff is None:
        return None
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = _hasher.hash(password)
    staff.last_login_at = at
    return staff
