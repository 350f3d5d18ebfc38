"""The guessing budget for enrolment codes (issue 19): wrong codes per visitor and in all, per
hour. Kept as rows in the database every lookup replica shares, so two replicas behind the load
balancer give a guesser the same budget as one, and a restart gives none back (issue 22)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from lookup.store.models import EnrolmentFailure
from lookup.store.time_window import wait_seconds

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
    mine = (EnrolmentFailure.channel == channel, EnrolmentFailure.sender_id == sender_id)
    waits = [
        wait_seconds(session, EnrolmentFailure.at, at, WINDOW, per_sender, *mine),
        wait_seconds(session, EnrolmentFailure.at, at, WINDOW, overall),
    ]
    late = [wait for wait in waits if wait is not None]
    return max(late) if late else None


def record_failure(session: Session, channel: str, sender_id: str, at: datetime) -> None:
    """Counts a wrong code, and forgets the ones the window has left behind (the table stays as
    small as an hour of failures, which the overall budget bounds)."""
    session.execute(delete(EnrolmentFailure).where(EnrolmentFailure.at <= at - WINDOW))
    session.add(EnrolmentFailure(at=at, channel=channel, sender_id=sender_id))
    session.commit()
