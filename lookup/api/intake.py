"""What the action server tells the service about conversations: visitors, handoffs to the
liaison team, and questions the bot could not answer.

Only the action server may call these routes: each needs its service token (LIAISON_SERVICE_TOKEN),
so a transcript's bot lines are the bot's. Visitors are (channel, sender); a visitor can only
add to their own handoff; languages are the exercise's; visitor texts lose control and format
characters; each client address and each visitor has a request budget per minute
(lookup/rate_limit.py). Still for the internal network only: never expose /v1/ publicly."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import AfterValidator, BaseModel, Field, StringConstraints, field_validator
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lookup.api.deps import BearerDep, SessionDep, get_service, presents_service_token
from lookup.console.i18n import LANGUAGES as CONSOLE_LANGUAGES
from lookup.duty import DutyHours, ReplyEstimate, estimate, visitor_message
from lookup.rate_limit import IntakeLimits
from lookup.row_ids import MAX_ROW_ID
from lookup.settings import Settings
from lookup.store.enrolment import enrolment_of
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
from lookup.store.models import Handoff, HandoffMessage
from lookup.topic_guess import guess_topic
from lookup.visitor_text import clean, has_unsafe

# Bounds on what one handoff can hold (docs/security.md): the transcript the action server sends
# (it sends its last 30 lines), and every line the handoff will ever have, officers' included.
MAX_TRANSCRIPT_LINES = 50
MAX_LINES_PER_HANDOFF = 500
MAX_TEXT = 4000


async def limit_address(request: Request, credentials: BearerDep) -> None:
    """An address's budget counts the requests that lack the service token, and once it is spent
    every request from the address waits, the right token's too: guessing tokens is as slow as
    before. The action server's own requests are not counted: it is one address for every
    visitor of the exercise, and counting them stalled all visitors together at the budget's
    rate (1,200 a minute by default: a few turns a second at a peak)."""
    limits: IntakeLimits = request.app.state.intake_limits
    address = request.client.host if request.client else "unknown"
    _refuse_if_over(limits.per_address.wait(address), "this address")
    if not presents_service_token(request, credentials):
        _refuse_if_over(limits.per_address.hit(address), "this address")


def limit_sender(request: Request, channel: str, sender_id: str) -> None:
    """One visitor (a conversation) cannot flood the queue or the unanswered list."""
    limits: IntakeLimits = request.app.state.intake_limits
    _refuse_if_over(limits.per_sender.hit((channel, sender_id)), "this visitor")


def _refuse_if_over(wait: float | None, who: str) -> None:
    if wait is not None:
        raise HTTPException(
            status_code=429,
            detail=f"too many intake requests from {who}; try again in {int(wait)} s",
            headers={"Retry-After": str(int(wait))},
        )


def new_service_router(tag: str, *, document_budget: bool = True) -> APIRouter:
    """A router for the action server's /v1 routes: each request is counted against its
    address's budget, then needs the service token. `document_budget` lists the 429 answer
    in the spec (the enrolment router has never listed it)."""
    responses: dict[int | str, dict[str, str]] = {
        401: {"description": "No bearer token"},
        403: {"description": "Not the service token"},
    }
    if document_budget:
        responses[429] = {
            "description": "Over this address's or this visitor's budget (Retry-After)"
        }
    responses[503] = {"description": "No service token configured"}
    return APIRouter(
        prefix="/v1",
        tags=[tag],
        dependencies=[Depends(limit_address), Depends(get_service)],
        responses=responses,
    )


router = new_service_router("intake")


def _safe_id(value: str) -> str:
    if has_unsafe(value):
        raise ValueError("must not contain control or format characters")
    return value


def _clip(limit: int) -> AfterValidator:
    """Over-long visitor text is cut (with an ellipsis), not refused: a handoff must not fail
    because someone pasted a long message. Control and format characters go first."""

    def clip(text: str) -> str:
        text = clean(text).strip()
        return text if len(text) <= limit else text[: limit - 1] + "…"

    return AfterValidator(clip)


SenderId = Annotated[str, StringConstraints(min_length=1, max_length=255), AfterValidator(_safe_id)]
Channel = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]
Language = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
    Field(description="One of the exercise's languages (422 otherwise)"),
]


def _nonblank(text: str) -> str:
    if not text:
        raise ValueError("blank once control characters and spaces are removed")
    return text


Text = Annotated[str, _clip(MAX_TEXT), AfterValidator(_nonblank)]


class VisitorIn(BaseModel):
    sender_id: SenderId
    channel: Channel = Field(description="Rasa's input channel name, e.g. socketio, telegram")
    language: Language = Field(description="The conversation's `language` slot")


class VisitorOut(VisitorIn):
    first_seen: datetime
    last_seen: datetime


class TranscriptLine(BaseModel):
    speaker: Literal["visitor", "bot"] = Field(
        description="Bot lines are trusted because only the action server holds the token"
    )
    text: Annotated[str, _clip(MAX_TEXT)] = Field(
        description="Blank lines are left out of the transcript"
    )
    time: datetime = Field(description="ISO 8601; without an offset it is taken as UTC")

    @field_validator("time")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        try:
            return value.astimezone(timezone.utc)
        except OverflowError as error:  # year 1 or 9999 with an offset
            raise ValueError("time out of range") from error


class HandoffIn(BaseModel):
    sender_id: SenderId
    channel: Channel
    language: Language
    nationality: str | None = Field(
        default=None, description="When the channel knows it; anything but text is ignored"
    )
    reason: Literal["asked", "fallback", "lookup_failed"]
    transcript: list[TranscriptLine] = Field(default_factory=list, max_length=MAX_TRANSCRIPT_LINES)

    @field_validator("nationality", mode="before")
    @classmethod
    def _nationality(cls, value: object) -> str | None:
        if not isinstance(value, str) or not clean(value).strip():
            return None
        return clean(value).strip()[:64]


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
    sender_id: SenderId = Field(description="The visitor whose handoff this is")
    channel: Channel
    speaker: Literal["visitor"]
    text: Text


class MessageOut(BaseModel):
    id: int
    handoff_id: int
    speaker: str
    text: str
    time: datetime


class UnansweredIn(BaseModel):
    text: Annotated[str, _clip(2000), AfterValidator(_nonblank)]
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
def visitor_seen(
    body: VisitorIn, request: Request, response: Response, session: SessionDep
) -> VisitorOut:
    """Called on every turn the actions handle: where and in which language to reach someone."""
    limit_sender(request, body.channel, body.sender_id)
    _check_language(session, request.app.state.settings, body.language)
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
    """Queue the conversation for the liaison team (one open handoff per (channel, sender))."""
    settings: Settings = request.app.state.settings
    limit_sender(request, body.channel, body.sender_id)
    _check_language(session, settings, body.language)
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
                # The enrolled contingent's nation (issue 19) is known; a channel's metadata
                # is only what the visitor's platform says.
                nationality=_enrolled_nation(session, body.channel, body.sender_id)
                or body.nationality
                or None,
                reason=body.reason,
                on_duty=reply.on_duty,
                reply_expected_by=reply.expected_by,
                at=at,
            )
            room = MAX_LINES_PER_HANDOFF - _line_count(session, handoff)
            append_transcript(session, handoff, lines[-room:] if room > 0 else [])
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
    session: SessionDep,
    sender_id: Annotated[str, Query(min_length=1, max_length=255)],
    channel: Annotated[str, Query(pattern=r"^[A-Za-z0-9_.-]{1,64}$")],
) -> ActiveHandoff:
    """While a handoff is active the bot stays quiet in that conversation."""
    handoff = active_handoff(session, channel, sender_id)
    return ActiveHandoff(active=handoff is not None, id=handoff.id if handoff else None)


@router.post(
    "/handoffs/{handoff_id}/messages",
    response_model=MessageOut,
    status_code=201,
    responses={
        404: {"description": "No such handoff for this visitor"},
        409: {"description": "Handed back, or its transcript is full"},
    },
)
def visitor_message_during_handoff(
    handoff_id: int, body: MessageIn, request: Request, session: SessionDep
) -> MessageOut:
    """A visitor's message while their handoff is open (shown live in the console). Only the
    handoff's own visitor, (channel, sender), can add to it; anyone else's id is a 404, the
    same as a handoff that does not exist."""
    limit_sender(request, body.channel, body.sender_id)
    handoff = session.get(Handoff, handoff_id) if 0 < handoff_id <= MAX_ROW_ID else None
    if handoff is None or (handoff.channel, handoff.sender_id) != (body.channel, body.sender_id):
        raise HTTPException(status_code=404, detail=f"no handoff {handoff_id} for this visitor")
    if handoff.status != OPEN:
        raise HTTPException(status_code=409, detail=f"handoff {handoff_id} is {handoff.status}")
    if _line_count(session, handoff) >= MAX_LINES_PER_HANDOFF:
        raise HTTPException(
            status_code=409,
            detail=f"handoff {handoff_id} holds {MAX_LINES_PER_HANDOFF} lines, its most",
        )
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
    """A message that ended in fallback or handoff. Stored without any sender id, so only the
    address's budget applies (the chat channels limit each sender before this)."""
    _check_language(session, request.app.state.settings, body.language)
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


def _enrolled_nation(session: Session, channel: str, sender_id: str) -> str | None:
    enrolment = enrolment_of(session, channel, sender_id)
    return enrolment.nation if enrolment is not None else None


def _check_language(session: Session, settings: Settings, language: str) -> None:
    """Only the exercise's languages: a made-up one would stop every announcement, which must
    be written in each recipient's language."""
    try:
        languages = list(current_exercise(session, settings.exercise_id).languages)
    except ExerciseNotFound:
        languages = list(CONSOLE_LANGUAGES)
    if language not in languages:
        raise HTTPException(
            status_code=422,
            detail=f"language '{language}' is not one of this exercise's languages: "
            + ", ".join(languages),
        )


def _line_count(session: Session, handoff: Handoff) -> int:
    statement = select(func.count()).where(HandoffMessage.handoff_id == handoff.id)
    return session.scalar(statement) or 0


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
