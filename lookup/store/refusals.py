"""Refused operationally sensitive questions (issue 19): written by the intake route, read by the
security officer in the console and at GET /v1/admin/refusals, newest first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lookup.store.models import Refusal


def record_refusal(
    session: Session, *, sender_id: str, channel: str, language: str, text: str, at: datetime
) -> Refusal:
    refusal = Refusal(at=at, sender_id=sender_id, channel=channel, language=language, text=text)
    session.add(refusal)
    session.flush()
    return refusal


def refusals(session: Session, limit: int, offset: int = 0) -> list[Refusal]:
    """Newest first; the id breaks ties between refusals recorded in the same instant."""
    statement = select(Refusal).order_by(Refusal.at.desc(), Refusal.id.desc())
    return list(session.scalars(statement.limit(limit).offset(offset)))


def count_refusals(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Refusal)) or 0
