"""Enrolment codes and enrolled visitors (issue 19): a contingent's liaison team hands its people
a code; a visitor who sends it is enrolled as a participant, bound to their (channel, sender).

A code (common/enrolment.py) is 10 characters from a 31-letter alphabet, XXXX-XXXX-XX:
31**10 ≈ 8·10**14 codes, against at most a few guesses per sender per hour
(lookup/api/enrolment.py). Only its SHA-256 is stored, with its first four characters as a hint
for the lists; the code itself is shown once, when it is made."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.enrolment import ALPHABET, LENGTH, canonical, written
from common.topics import PARTICIPANTS, PUBLIC
from lookup.store.items import get_row, parse
from lookup.store.models import Enrolment, EnrolmentCode, Exercise


class CodeRequestError(ValueError):
    """A code cannot be made as asked (a nation not in the exercise, an expiry gone by)."""


class EnrolmentError(Exception):
    """Why a code did not enrol: `reason` is unknown, expired, revoked or used_up."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def new_code() -> str:
    """A fresh random code, XXXX-XXXX-XX."""
    return written("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def code_hash(letters: str) -> str:
    return hashlib.sha256(letters.encode()).hexdigest()


def create_code(
    session: Session,
    nation: str,
    *,
    uses: int,
    expires_at: datetime | None,
    actor: str,
    at: datetime,
) -> tuple[EnrolmentCode, str]:
    """A stored code for `nation` and the code itself (never stored)."""
    code = new_code()
    row = EnrolmentCode(
        code_hash=code_hash(canonical(code) or ""),
        hint=code[:4],
        nation=nation,
        max_uses=uses,
        uses=0,
        expires_at=expires_at,
        created_at=at,
        created_by=actor,
    )
    session.add(row)
    session.flush()
    return row, code


def make_code(
    session: Session,
    exercise: Exercise,
    nation: str,
    uses: int,
    expires: date | datetime | None,
    actor: str,
) -> tuple[EnrolmentCode, str]:
    """Shared by the admin route, the console and the CLI: the nation must be the exercise's."""
    if uses < 1:
        raise CodeRequestError("a code enrols at least one visitor (--uses 1 or more)")
    nations = nation_codes(session, exercise)
    if nation not in nations:
        raise CodeRequestError(
            f"no nation '{nation}' in this exercise; nations are: " + ", ".join(nations)
        )
    at = datetime.now(timezone.utc)
    expires_at = expiry(expires, exercise.time_zone)
    if expires_at is not None and expires_at <= at:
        raise CodeRequestError("the expiry is in the past")
    return create_code(session, nation, uses=uses, expires_at=expires_at, actor=actor, at=at)


def nation_codes(session: Session, exercise: Exercise) -> list[str]:
    row = get_row(session, exercise.id, "exercise", exercise.id)
    spec = parse(row) if row is not None else None
    return [nation.code for nation in getattr(spec, "nations", [])]


def expiry(value: date | datetime | None, time_zone: str) -> datetime | None:
    """A day means the end of that day in the exercise's time zone."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(time_zone))
    end = datetime.combine(value, time.max).replace(tzinfo=ZoneInfo(time_zone))
    return end.astimezone(timezone.utc)


def find_code(session: Session, code: str) -> EnrolmentCode | None:
    letters = canonical(code)
    if letters is None:
        return None
    return session.scalar(
        select(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash(letters))
    )


def revoke_code(session: Session, row: EnrolmentCode, *, actor: str, at: datetime) -> None:
    """Revoked codes enrol no one, and those who enrolled with it are participants no more."""
    if row.revoked_at is None:
        row.revoked_at = at
        row.revoked_by = actor
    session.flush()


@dataclass(frozen=True)
class Enrolled:
    nation: str
    already: bool  # the visitor was already enrolled with this very code


def enrol(session: Session, channel: str, sender_id: str, code: str, at: datetime) -> Enrolled:
    """Enrol (channel, sender) with `code`, or raise EnrolmentError. Enrolling again with another
    valid code moves the visitor to that code's contingent."""
    row = find_code(session, code)
    if row is None:
        raise EnrolmentError("unknown")
    if row.revoked_at is not None:
        raise EnrolmentError("revoked")
    if row.expires_at is not None and row.expires_at <= at:
        raise EnrolmentError("expired")
    existing = session.get(Enrolment, (channel, sender_id))
    if existing is not None and existing.code_id == row.id:
        return Enrolled(nation=row.nation, already=True)
    if row.uses >= row.max_uses:
        raise EnrolmentError("used_up")
    row.uses += 1
    if existing is None:
        existing = Enrolment(channel=channel, sender_id=sender_id)
        session.add(existing)
    existing.nation = row.nation
    existing.code_id = row.id
    existing.enrolled_at = at
    session.flush()
    return Enrolled(nation=row.nation, already=False)


def enrolment_of(session: Session, channel: str, sender_id: str) -> Enrolment | None:
    """The visitor's enrolment while its code stands (not revoked), else None."""
    enrolment = session.get(Enrolment, (channel, sender_id))
    if enrolment is None or enrolment.code.revoked_at is not None:
        return None
    return enrolment


def tier_of(session: Session, channel: str | None, sender_id: str | None) -> str:
    """participants for an enrolled visitor, public for anyone else."""
    if not channel or not sender_id:
        return PUBLIC
    return PARTICIPANTS if enrolment_of(session, channel, sender_id) is not None else PUBLIC


def list_codes(session: Session) -> list[EnrolmentCode]:
    """Every code, newest first, with its enrolments (who used it)."""
    return list(session.scalars(select(EnrolmentCode).order_by(EnrolmentCode.id.desc())))


def code_by_id(session: Session, code_id: int) -> EnrolmentCode | None:
    return session.get(EnrolmentCode, code_id)
