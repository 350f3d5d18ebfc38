"""The guessing budget for enrolment codes (issue 19): wrong codes per visitor and in all, per
hour. Kept as rows in the database every lookup replica shares, so two replicas behind the load
balancer give a guesser the same budget as one, and a restart gives none back (issue 22)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from lookup.store.models import EnrolmentFailure

WINDOW = timedelta(hours=1)


def failure_wait(
    session: Session,
    channel: str,
    sender_id: str,
    at: datetime,
    *,
    per_sender: int,
    overall: int,
) -> int | None:
    """None when the visitor may try a code now; else the seconds until they may (both budgets:
    theirs and everyone's)."""
    since = at - WINDOW
    mine = (EnrolmentFailure.channel == channel, EnrolmentFailure.sender_id == sender_id)
    waits = [
        _wait(session, since, at, per_sender, *mine),
        _wait(session, since, at, overall),
    ]
    late = [wait for wait in waits if wait is not None]
    return max(late) if late else None


def record_failure(session: Session, channel: str, sender_id: str, at: datetime) -> None:
    """Counts a wrong code, and forgets the ones the window has left behind (the table stays as
    small as an hour of failures, which the overall budget bounds)."""
    session.execute(delete(EnrolmentFailure).where(EnrolmentFailure.at <= at - WINDOW))
    session.add(EnrolmentFailure(at=at, channel=channel, sender_id=sender_id))
    session.commit()


def _wait(
    session: Session, since: datetime, at: datetime, limit: int, *where: ColumnElement[bool]
) -> int | None:
    """Seconds until fewer than `limit` failures fall in the window: when the oldest failure
    that keeps the count at the limit leaves it."""
    in_window = (EnrolmentFailure.at > since, *where)
    count = session.scalar(select(func.count()).select_from(EnrolmentFailure).where(*in_window))
    if not count or count < limit:
        return None
    leaves = session.scalar(
        select(EnrolmentFailure.at)
        .where(*in_window)
        .order_by(EnrolmentFailure.at)
        .offset(count - limit)
        .limit(1)
    )
    if leaves is None:  # deleted in between by another replica's clean-up
        return None
    return max(1, math.ceil((leaves + WINDOW - at).total_seconds()))
