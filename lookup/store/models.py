"""Tables. An item's document is stored whole as JSON (validated by lookup.packs.schema);
`item_texts` indexes each of its texts per language for search and translation reports."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always hands back an aware datetime (SQLite would drop the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store times with their zone")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


class Base(DeclarativeBase):
    pass


class Exercise(Base):
    __tablename__ = "exercises"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pack_format: Mapped[int] = mapped_column(Integer)
    languages: Mapped[list[str]] = mapped_column(JSON)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    time_zone: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())

    items: Mapped[list[Item]] = relationship(
        back_populates="exercise", cascade="all, delete-orphan", passive_deletes=True
    )


class Item(Base):
    """One thing the assistant can tell: the exercise itself, a topic answer, a venue, ..."""

    __tablename__ = "items"

    exercise_id: Mapped[str] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    topic: Mapped[str | None] = mapped_column(String(64), index=True)
    position: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    last_updated: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(128))

    exercise: Mapped[Exercise] = relationship(back_populates="items")
    texts: Mapped[list[ItemText]] = relationship(
        back_populates="item", cascade="all, delete-orphan", passive_deletes=True
    )


class ItemText(Base):
    """One text of an item in one language, with its folded form for search."""

    __tablename__ = "item_texts"
    __table_args__ = (
        ForeignKeyConstraint(
            ["exercise_id", "kind", "item_id"],
            ["items.exercise_id", "items.kind", "items.id"],
            ondelete="CASCADE",
        ),
    )

    exercise_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(String(200), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    item: Mapped[Item] = relationship(back_populates="texts")


class AuditEntry(Base):
    """Who changed what, when, with the document before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(16))
    exercise_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# The liaison console (docs/console.md): staff, visitors, handoffs, unanswered questions,
# announcements. Visitors are the only personal data: a channel's sender id, kept to reach them.


class Staff(Base):
    """A liaison team member who signs in to the console (created by `liaison add-staff`)."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(128))
    language: Mapped[str] = mapped_column(String(8))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Visitor(Base):
    """Someone who talked to the bot: where to reach them and in which language. Keyed by
    (channel, sender): a sender id is only unique within its channel (migration 0003)."""

    __tablename__ = "visitors"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime())


class Handoff(Base):
    """A conversation queued for the liaison team; at most one open per (channel, sender)."""

    __tablename__ = "handoffs"
    __table_args__ = (
        Index(
            "ux_handoffs_open_sender",
            "channel",
            "sender_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    nationality: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    on_duty: Mapped[bool] = mapped_column(Boolean)
    reply_expected_by: Mapped[datetime] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[str | None] = mapped_column(String(128))

    messages: Mapped[list[HandoffMessage]] = relationship(
        back_populates="handoff",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="HandoffMessage.id",
    )


class HandoffMessage(Base):
    """One line of a handoff's transcript: the visitor, the bot, or an officer (with delivery)."""

    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[int] = mapped_column(
        ForeignKey("handoffs.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    speaker: Mapped[str] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    delivery: Mapped[str | None] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)

    handoff: Mapped[Handoff] = relationship(back_populates="messages")


class UnansweredQuestion(Base):
    """A message that ended in fallback or handoff. No sender: no personal data."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    intent: Mapped[str | None] = mapped_column(String(128))
    confidence: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(64))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(String(128))
    resolution: Mapped[str | None] = mapped_column(String(16))


class Refusal(Base):
    """An operationally sensitive question the bot refused (issue 19), for the exercise's
    security officer: who asked, where, in which language, and what. Kept apart from the
    unanswered questions, which hold no sender and which any liaison officer works through."""

    __tablename__ = "refusals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    language: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(64))
    sender_id: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)


class Announcement(Base):
    """A message to every visitor on a push channel, written per language."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(128))
    texts: Mapped[dict[str, str]] = mapped_column(JSON)

    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="announcement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Delivery.id",
    )


class Delivery(Base):
    """An announcement to one recipient: pending until sent, failed after its last attempt."""

    __tablename__ = "announcement_deliveries"
    __table_args__ = (
        UniqueConstraint("announcement_id", "channel", "sender_id", name="uq_deliveries_recipient"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), index=True
    )
    sender_id: Mapped[str] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    announcement: Mapped[Announcement] = relationship(back_populates="deliveries")


class ConsoleSession(Base):
    """A signed-in console session, kept server-side so signing out and a password change end it
    (the signed cookie only names it). The id is the SHA-256 of the cookie's random token, so the
    table alone cannot be used to sign in (migration 0004)."""

    __tablename__ = "console_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


# Access tiers (issue 19): enrolment codes the liaison team gives each contingent, and the
# visitors who enrolled with one. Only a code's SHA-256 is stored (migration 0005).


class EnrolmentCode(Base):
    """A code for one nation's contingent: limited in uses, maybe expiring, revocable. Revoking
    it also ends the enrolments made with it (a leaked code's users must ask for a new one)."""

    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(16))
    nation: Mapped[str] = mapped_column(String(64))
    max_uses: Mapped[int] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(128))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by: Mapped[str | None] = mapped_column(String(128))

    enrolments: Mapped[list[Enrolment]] = relationship(
        back_populates="code", order_by="Enrolment.enrolled_at"
    )


class EnrolmentFailure(Base):
    """A wrong enrolment code a visitor sent. Counted in the database, not in a replica's memory,
    so the guessing budget holds across lookup replicas and restarts (issue 19; issue 22's N
    replicas). Rows older than the budget's window are deleted as new ones come."""

    __tablename__ = "enrolment_failures"
    __table_args__ = (Index("ix_enrolment_failures_sender_at", "channel", "sender_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    channel: Mapped[str] = mapped_column(String(64))
    sender_id: Mapped[str] = mapped_column(String(255))


class SignInKey(Base):
    """What serialises the console's sign-in attempts of one client address, or of one (username,
    address) pair, across lookup replicas: each attempt updates the address's row and then the
    pair's (in that order) before it counts, so parallel guesses at two replicas wait for each
    other (issue 18's throttle under issue 22's replicas). The pair's row also holds its lockout.
    An address's row has the scope "address" and an empty username."""

    __tablename__ = "sign_in_keys"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    username: Mapped[str] = mapped_column(String(255), primary_key=True)
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)


class SignInAttempt(Base):
    """A sign-in attempt counted before its password was checked: failed, or still being checked.
    Counts against its address for the window; against its pair until a lockout or a good
    password clears the pair (`for_pair` false). Rows older than the window are deleted."""

    __tablename__ = "sign_in_attempts"
    __table_args__ = (Index("ix_sign_in_attempts_pair", "address", "username", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    username: Mapped[str] = mapped_column(String(255))
    address: Mapped[str] = mapped_column(String(64))
    for_pair: Mapped[bool] = mapped_column(Boolean, default=True)


class Enrolment(Base):
    """A visitor, (channel, sender), enrolled as a participant of a nation's contingent."""

    __tablename__ = "enrolments"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    nation: Mapped[str] = mapped_column(String(64))
    code_id: Mapped[int] = mapped_column(
        ForeignKey("enrolment_codes.id", ondelete="CASCADE"), index=True
    )
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())

    code: Mapped[EnrolmentCode] = relationship(back_populates="enrolments")


class KnowledgeVersion(Base):
    """One row (id 1) whose `version` every change to the knowledge bumps in its own transaction
    (lookup/store/knowledge_version.py): the read cache's check across processes."""

    __tablename__ = "knowledge_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
