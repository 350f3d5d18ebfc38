"""Budgets counted as rows in a time window (wrong enrolment codes, sign-in attempts): when may
the next one go ahead. One query shape for every budget the replicas share in the database."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session


def wait_seconds(
    session: Session,
    at_column: InstrumentedAttribute[datetime],
    at: datetime,
    window: timedelta,
    limit: int,
    *where: ColumnElement[bool],
) -> int | None:
    """None when fewer than `limit` rows fall in the window ending at `at`; else the seconds until
    the oldest row that keeps the count at the limit leaves it."""
    in_window = (at_column > at - window, *where)
    count = session.scalar(select(func.count()).select_from(at_column.class_).where(*in_window))
    if not count or count < limit:
        return None
    leaves = session.scalar(
        select(at_column).where(*in_window).order_by(at_column).offset(count - limit).limit(1)
    )
    if leaves is None:  # deleted in between by another replica's clean-up
        return None
    return seconds(leaves + window - at)


def seconds(delta: timedelta) -> int:
    """A wait in whole seconds, at least one (what Retry-After says)."""
    return max(1, math.ceil(delta.total_seconds()))
