"""Visitors, handoffs, unanswered questions, announcements and their deliveries. Functions work
inside the caller's transaction; the caller commits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lookup.store.models import (
    Announcement,
    Delivery,
    Handoff,
    HandoffMessage,
    UnansweredQuestion,
    Visitor,
)

OPEN, CLOSED = "open", "closed"
PENDING, SENT, FAILED = "pending", "sent", "failed"


@dataclass(frozen=True)
class Line:
    """A transcript line as the action server sends it."""

    speaker: str
    text: str
    at: datetime


# Visitors


def touch_visitor(
    session: Session, sender_id: str, channel: str, language: str, at: datetime
) -> tuple[Visitor, bool]:
    """Insert or refresh a visitor, keyed by (channel, sender); (visitor, created)."""
    visitor = session.get(Visitor, (channel, sender_id))
    created = visitor is None
    if visitor is None:
        visitor = Visitor(channel=channel, sender_id=sender_id, first_seen=at)
        session.add(visitor)
    visitor.language = language
    visitor.last_seen = at
    session.flush()
    return visitor, created


def pushable_visitors(session: Session, channels: Iterable[str]) -> list[Visitor]:
    statement = select(Visitor).where(Visitor.channel.in_(list(channels)))
    order = (Visitor.first_seen, Visitor.channel, Visitor.sender_id)
    return list(session.scalars(statement.order_by(*order)))


# Handoffs


def active_handoff(session: Session, channel: str, sender_id: str) -> Handoff | None:
    """The open handoff of this sender on this channel (a sender id means nothing without it)."""
    return session.scalar(
        select(Handoff).where(
            Handoff.channel == channel, Handoff.sender_id == sender_id, Handoff.status == OPEN
        )
    )


def open_handoff(
    session: Session,
    *,
    sender_id: str,
    channel: str,
    language: str,
    nationality: str | None,
    reason: str,
    on_duty: bool,
    reply_expected_by: datetime,
    at: datetime,
) -> tuple[Handoff, bool]:
    """The sender's open handoff, or a new one; (handoff, created). The database allows one open
    handoff per (channel, sender), so a concurrent duplicate fails to flush (IntegrityError:
    retry)."""
    handoff = active_handoff(session, channel, sender_id)
    if handoff is not None:
        handoff.language = language
        handoff.nationality = nationality or handoff.nationality
        return handoff, False
    handoff = Handoff(
        sender_id=sender_id,
        channel=channel,
        language=language,
        nationality=nationality,
        reason=reason,
        status=OPEN,
        on_duty=on_duty,
        reply_expected_by=reply_expected_by,
        opened_at=at,
    )
    session.add(handoff)
    session.flush()
    return handoff, True


def append_transcript(session: Session, handoff: Handoff, lines: Iterable[Line]) -> int:
    """Add the lines the transcript does not have yet (the bot may resend recent turns)."""
    seen = {(m.speaker, m.text, m.at) for m in handoff.messages}
    added = 0
    for line in lines:
        if (line.speaker, line.text, line.at) in seen:
            continue
        seen.add((line.speaker, line.text, line.at))
        handoff.messages.append(HandoffMessage(speaker=line.speaker, text=line.text, at=line.at))
        added += 1
    session.flush()
    return added


def add_message(
    session: Session,
    handoff: Handoff,
    speaker: str,
    text: str,
    at: datetime,
    *,
    author: str | None = None,
    delivery: str | None = None,
    error: str | None = None,
) -> HandoffMessage:
    message = HandoffMessage(
        speaker=speaker, text=text, at=at, author=author, delivery=delivery, error=error
    )
    handoff.messages.append(message)
    session.flush()
    return message


def close_handoff(session: Session, handoff: Handoff, by: str, at: datetime) -> None:
    handoff.status = CLOSED
    handoff.closed_at = at
    handoff.closed_by = by
    session.flush()


def handoffs(session: Session, status: str, limit: int = 200, offset: int = 0) -> list[Handoff]:
    """Open ones oldest first, closed ones last closed first; one page of them."""
    statement = select(Handoff).where(Handoff.status == status)
    order = (Handoff.opened_at, Handoff.id) if status == OPEN else (Handoff.closed_at.desc(),)
    return list(session.scalars(statement.order_by(*order).limit(limit).offset(offset)))


def count_handoffs(session: Session, status: str) -> int:
    return session.scalar(select(func.count()).where(Handoff.status == status)) or 0


# Unanswered questions


def record_unanswered(
    session: Session,
    *,
    text: str,
    language: str,
    intent: str | None,
    confidence: float | None,
    reason: str,
    topic: str | None,
    at: datetime,
) -> UnansweredQuestion:
    question = UnansweredQuestion(
        at=at,
        text=text,
        language=language,
        intent=intent,
        confidence=confidence,
        reason=reason,
        topic=topic,
        resolved=False,
    )
    session.add(question)
    session.flush()
    return question


def unanswered(
    session: Session, include_resolved: bool = False, limit: int | None = None, offset: int = 0
) -> list[UnansweredQuestion]:
    """Newest first; one page of them when `limit` is given."""
    statement = select(UnansweredQuestion)
    if not include_resolved:
        statement = statement.where(UnansweredQuestion.resolved.is_(False))
    order = (UnansweredQuestion.at.desc(), UnansweredQuestion.id.desc())
    return list(session.scalars(statement.order_by(*order).limit(limit).offset(offset)))


def count_unanswered(session: Session, include_resolved: bool = False) -> int:
    statement = select(func.count()).select_from(UnansweredQuestion)
    if not include_resolved:
        statement = statement.where(UnansweredQuestion.resolved.is_(False))
    return session.scalar(statement) or 0


def resolve(
    session: Session, question: UnansweredQuestion, by: str, how: str, at: datetime
) -> None:
    question.resolved = True
    question.resolved_by = by
    question.resolution = how
    question.resolved_at = at
    session.flush()


# Announcements and deliveries


def create_announcement(
    session: Session,
    texts: dict[str, str],
    by: str,
    recipients: Iterable[Visitor],
    at: datetime,
) -> Announcement:
    announcement = Announcement(created_at=at, created_by=by, texts=texts)
    for visitor in recipients:
        announcement.deliveries.append(
            Delivery(
                sender_id=visitor.sender_id,
                channel=visitor.channel,
                status=PENDING,
                attempts=0,
                next_attempt_at=at,
                updated_at=at,
            )
        )
    session.add(announcement)
    session.flush()
    return announcement


def announcements(session: Session, limit: int = 100) -> list[Announcement]:
    statement = select(Announcement).order_by(Announcement.id.desc()).limit(limit)
    return list(session.scalars(statement))


def delivery_counts(session: Session) -> dict[int, dict[str, int]]:
    """announcement id -> {status: count}."""
    counts: dict[int, dict[str, int]] = {}
    statement = select(Delivery.announcement_id, Delivery.status, func.count()).group_by(
        Delivery.announcement_id, Delivery.status
    )
    for announcement_id, status, count in session.execute(statement):
        counts.setdefault(announcement_id, {})[status] = count
    return counts


def failed_delivery_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(Delivery.status == FAILED)) or 0


def claim_due(session: Session, at: datetime, lease: timedelta, limit: int = 20) -> list[int]:
    """Pending deliveries due by `at`, each claimed for `lease` (its next attempt is moved past
    the lease, conditionally, so two workers over one database never take the same one; one
    whose process died is due again when the lease ends). Commits."""
    due = list(
        session.scalars(
            select(Delivery.id)
            .where(Delivery.status == PENDING, Delivery.next_attempt_at <= at)
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
        )
    )
    claimed = []
    for delivery_id in due:
        result = session.execute(
            update(Delivery)
            .where(
                Delivery.id == delivery_id,
                Delivery.status == PENDING,
                Delivery.next_attempt_at <= at,
            )
            .values(next_attempt_at=at + lease)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(delivery_id)
    session.commit()
    return claimed


def record_attempt(
    session: Session,
    delivery: Delivery,
    *,
    at: datetime,
    language: str | None,
    error: str | None,
    max_attempts: int,
    retry_after: timedelta,
) -> None:
    """Sent, or one more failed attempt: retried after `retry_after`, failed after the last."""
    delivery.attempts += 1
    delivery.updated_at = at
    delivery.language = language
    if error is None:
        delivery.status = SENT
        delivery.sent_at = at
        delivery.last_error = None
    else:
        delivery.last_error = error
        if delivery.attempts >= max_attempts:
            delivery.status = FAILED
        else:
            delivery.next_attempt_at = at + retry_after
    session.flush()


def retry_delivery(session: Session, delivery: Delivery, at: datetime) -> None:
    """A failed delivery gets a fresh round of attempts (the last error stays until one works)."""
    delivery.status = PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = at
    delivery.updated_at = at
    session.flush()
