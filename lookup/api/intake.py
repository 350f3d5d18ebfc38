"""What the action server tells the service about conversations: visitors, handoffs to the
liaison team, and questions the bot could not answer. Open like the read API, for the internal
network only: never expose /v1/ publicly (docs/console.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import AfterValidator, BaseModel, Field, StringConstraints, field_validator
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lookup.api.deps import SessionDep
from lookup.duty import DutyHours, ReplyEstimate, estimate, visitor_message
from lookup.settings import Settings
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.items import now
from lookup.store.liaison import (
    OPEN,
    Line,
    active_handoff,
    add_message,
    append_transcript,
    open_handoff,
    record_unanswered,
    touch_visitor,
)
from lookup.store.models import Handoff
from lookup.topic_guess import guess_topic

router = APIRouter(prefix="/v1", tags=["intake"])

SenderId = Annotated[str, StringConstraints(min_length=1, max_length=255)]
Channel = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


def _clip(limit: int) -> AfterValidator:
    """Over-long visitor text is cut (with an ellipsis), not refused: a handoff must not fail
    because someone pasted a long message."""
    return AfterValidator(lambda text: text if len(text) <= limit else text[: limit - 1] + "…")


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _clip(4000)]


class VisitorIn(BaseModel):
    sender_id: SenderId
    channel: Channel = Field(description="Rasa's input channel name, e.g. socketio, telegram")
    language: Language = Field(description="The conversation's `language` slot")


class VisitorOut(VisitorIn):
    first_seen: datetime
    last_seen: datetime


class TranscriptLine(BaseModel):
    speaker: Literal["visitor", "bot"]
    text: Annotated[str, StringConstraints(strip_whitespace=True), _clip(4000)] = Field(
        description="Blank lines are left out of the transcript"
    )
    time: datetime = Field(description="ISO 8601; without an offset it is taken as UTC")

    @field_validator("time")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class HandoffIn(BaseModel):
    sender_id: SenderId
    channel: Channel
    language: Language
    nationality: str | None = Field(
        default=None, description="When the channel knows it; anything but text is ignored"
    )
    reason: Literal["asked", "fallback", "lookup_failed"]
    transcript: list[TranscriptLine] = Field(default_factory=list, max_length=200)

    @field_validator("nationality", mode="before")
    @classmethod
    def _nationality(cls, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return None
        return value.strip()[:64]


class HandoffOut(BaseModel):
    id: int
    status: str
    on_duty: bool
    reply_expected_by: datetime = Field(description="In the exercise's local time")
    message: str = Field(description="For the visitor: a person will answer, and roughly when")
    message_lang: str = Field(description="The message's language (English if theirs has none)")


class ActiveHandoff(BaseModel):
    active: bool
    id: int | None


class MessageIn(BaseModel):
    speaker: Literal["visitor"]
    text: Text


class MessageOut(BaseModel):
    id: int
    handoff_id: int
    speaker: str
    text: str
    time: datetime


class UnansweredIn(BaseModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _clip(2000)]
    language: Language
    intent: Annotated[str, StringConstraints(max_length=128)] | None = None
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    reason: Literal["fallback", "handoff"]


class UnansweredOut(BaseModel):
    id: int
    topic: str | None = Field(description="The likely topic, for grouping in the console")


@router.post(
    "/visitors",
    response_model=VisitorOut,
    status_code=201,
    responses={200: {"description": "Known visitor, refreshed"}},
)
def visitor_seen(body: VisitorIn, response: Response, session: SessionDep) -> VisitorOut:
    """Called on every turn the actions handle: where and in which language to reach someone."""
    for attempt in range(3):
        try:
            visitor, created = touch_visitor(
                session, body.sender_id, body.channel, body.language, now()
            )
            session.commit()
            break
        except IntegrityError:  # the same visitor inserted concurrently: now it is an update
            session.rollback()
            if attempt == 2:
                raise
    response.status_code = 201 if created else 200
    return VisitorOut.model_validate(visitor, from_attributes=True)


@router.post(
    "/handoffs",
    response_model=HandoffOut,
    status_code=201,
    responses={200: {"description": "The sender's open handoff, with the transcript appended"}},
)
def request_handoff(
    body: HandoffIn, request: Request, response: Response, session: SessionDep
) -> HandoffOut:
    """Queue the conversation for the liaison team (one open handoff per sender)."""
    settings: Settings = request.app.state.settings
    duty = DutyHours.from_settings(settings)
    zone = _time_zone(session, settings)
    at = now()
    reply = estimate(at, zone, duty)
    lines = [Line(line.speaker, line.text, line.time) for line in body.transcript if line.text]
    for attempt in range(3):
        try:
            touch_visitor(session, body.sender_id, body.channel, body.language, at)
            handoff, created = open_handoff(
                session,
                sender_id=body.sender_id,
                channel=body.channel,
                language=body.language,
                nationality=body.nationality or None,
                reason=body.reason,
                on_duty=reply.on_duty,
                reply_expected_by=reply.expected_by,
                at=at,
            )
            append_transcript(session, handoff, lines)
            session.commit()
            break
        except IntegrityError:  # opened concurrently for the same sender: join that one
            session.rollback()
            if attempt == 2:
                raise
    if not created:
        response.status_code = 200
        reply = _stored_estimate(handoff, zone, at, duty)
    message, message_lang = visitor_message(body.language, reply, duty)
    return HandoffOut(
        id=handoff.id,
        status=handoff.status,
        on_duty=handoff.on_duty,
        reply_expected_by=reply.expected_by,
        message=message,
        message_lang=message_lang,
    )


@router.get("/handoffs/active", response_model=ActiveHandoff)
def handoff_active(
    session: SessionDep, sender_id: Annotated[str, Query(min_length=1, max_length=255)]
) -> ActiveHandoff:
    """While a handoff is active the bot stays quiet in that conversation."""
    handoff = active_handoff(session, sender_id)
    return ActiveHandoff(active=handoff is not None, id=handoff.id if handoff else None)


@router.post(
    "/handoffs/{handoff_id}/messages",
    response_model=MessageOut,
    status_code=201,
    responses={404: {"description": "No such handoff"}, 409: {"description": "Handed back"}},
)
def visitor_message_during_handoff(
    handoff_id: int, body: MessageIn, session: SessionDep
) -> MessageOut:
    """A visitor's message while their handoff is open (shown live in the console)."""
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff_id}")
    if handoff.status != OPEN:
        raise HTTPException(status_code=409, detail=f"handoff {handoff_id} is {handoff.status}")
    message = add_message(session, handoff, body.speaker, body.text, now())
    session.commit()
    return MessageOut(
        id=message.id,
        handoff_id=handoff.id,
        speaker=message.speaker,
        text=message.text,
        time=message.at,
    )


@router.post("/unanswered", response_model=UnansweredOut, status_code=201)
def question_unanswered(body: UnansweredIn, request: Request, session: SessionDep) -> UnansweredOut:
    """A message that ended in fallback or handoff. Stored without any sender id."""
    try:
        exercise_id: str | None = current_exercise(
            session, request.app.state.settings.exercise_id
        ).id
    except ExerciseNotFound:
        exercise_id = None
    question = record_unanswered(
        session,
        text=body.text,
        language=body.language,
        intent=body.intent or None,
        confidence=body.confidence,
        reason=body.reason,
        topic=guess_topic(session, exercise_id, body.intent, body.text),
        at=now(),
    )
    session.commit()
    return UnansweredOut(id=question.id, topic=question.topic)


def _time_zone(session: Session, settings: Settings) -> str:
    try:
        return current_exercise(session, settings.exercise_id).time_zone
    except ExerciseNotFound:
        return "UTC"


def _stored_estimate(handoff: Handoff, zone: str, at: datetime, duty: DutyHours) -> ReplyEstimate:
    """What the visitor was told when the handoff opened, told again."""
    local = ZoneInfo(zone)
    expected = handoff.reply_expected_by.astimezone(local)
    back_at = None if handoff.on_duty else expected - timedelta(minutes=duty.reply_minutes)
    return ReplyEstimate(handoff.on_duty, expected, back_at, at.astimezone(local))
