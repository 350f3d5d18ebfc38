"""Enrolment (issue 19): the action server enrols a visitor who sent a code; admins make, list
and revoke codes. Who may call what is in docs/security.md and docs/console.md.

Guessing is bounded three ways: codes are 10 characters from 31 (≈ 8·10**14), a visitor may send
few wrong codes per hour and all visitors together a few hundred, counted in the database that
every replica shares (lookup/store/enrolment_failures.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import Body, HTTPException, Query, Request
from pydantic import BaseModel, Field, StringConstraints

from lookup.api.deps import AdminDep, ExerciseDep, SessionDep, new_admin_router
from lookup.api.intake import Channel, SenderId, new_service_router
from lookup.store import enrolment as store
from lookup.store.enrolment_failures import failure_wait, record_failure
from lookup.store.items import now
from lookup.store.models import EnrolmentCode

Status = Literal["active", "expired", "revoked", "used_up"]
Reason = Literal["unknown", "expired", "revoked", "used_up", "too_many_attempts", "not_a_code"]


class EnrolIn(BaseModel):
    channel: Channel
    sender_id: SenderId
    code: Annotated[str, StringConstraints(max_length=32)] = Field(
        description="The code as the visitor typed it (case, hyphens and spaces do not matter)"
    )


class EnrolOut(BaseModel):
    enrolled: bool
    reason: Reason | None = Field(default=None, description="Why not, when not enrolled")
    nation: str | None = Field(default=None, description="The contingent's nation code")
    already: bool = Field(default=False, description="Already enrolled with this code")
    retry_after: int | None = Field(default=None, description="Seconds, for too_many_attempts")


class OwnEnrolment(BaseModel):
    enrolled: bool = Field(description="Enrolled with a code that is not revoked")
    nation: str | None = Field(default=None, description="Their contingent's nation code")


class CodeIn(BaseModel):
    nation: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    uses: int = Field(default=50, ge=1, le=10_000, description="How many visitors it may enrol")
    expires: date | datetime | None = Field(
        default=None,
        description="Last valid day (the exercise's local time, to the day's end) or instant",
    )


class EnrolledVisitor(BaseModel):
    channel: str
    sender_id: str
    enrolled_at: datetime


class CodeView(BaseModel):
    id: int
    hint: str = Field(description="The code's first four characters (the code itself is not kept)")
    nation: str
    max_uses: int
    uses: int
    expires_at: datetime | None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    revoked_by: str | None
    status: Status
    used_by: list[EnrolledVisitor] = Field(description="Visitors enrolled with it")


class NewCode(CodeView):
    code: str = Field(description="Shown this once: give it to the contingent's people")


router = new_service_router("enrolment", document_budget=False)
admin_router = new_admin_router()


@router.post("/enrolments", response_model=EnrolOut)
def enrol_visitor(body: EnrolIn, request: Request, session: SessionDep) -> EnrolOut:
    """Enrol (channel, sender) with the code they sent; `enrolled: false` says why not."""
    settings = request.app.state.settings
    at = now()
    wait = failure_wait(
        session,
        body.channel,
        body.sender_id,
        at,
        per_sender=settings.enrolment_failures_per_sender_per_hour,
        overall=settings.enrolment_failures_per_hour,
    )
    if wait is not None:
        return EnrolOut(enrolled=False, reason="too_many_attempts", retry_after=wait)
    if store.canonical(body.code) is None:
        return EnrolOut(enrolled=False, reason="not_a_code")
    try:
        enrolled = store.enrol(session, body.channel, body.sender_id, body.code, at)
    except store.EnrolmentError as error:
        session.rollback()
        record_failure(session, body.channel, body.sender_id, at)
        return EnrolOut(enrolled=False, reason=error.reason)  # type: ignore[arg-type]
    session.commit()
    return EnrolOut(enrolled=True, nation=enrolled.nation, already=enrolled.already)


@router.get("/enrolments/mine", response_model=OwnEnrolment)
def own_enrolment(
    session: SessionDep,
    channel: Annotated[str, Query(pattern=r"^[A-Za-z0-9_.-]{1,64}$")],
    sender_id: Annotated[str, Query(min_length=1, max_length=255)],
) -> OwnEnrolment:
    """The asking visitor's own enrolment, whose nation picks their contingent's liaison officer
    ("who is my liaison officer"). The action server names the visitor it reads for, as on
    every read (`channel`, `sender_id`), and asks for that visitor only."""
    enrolment = store.enrolment_of(session, channel, sender_id)
    if enrolment is None:
        return OwnEnrolment(enrolled=False)
    return OwnEnrolment(enrolled=True, nation=enrolment.nation)


@admin_router.get("/enrolment-codes", response_model=list[CodeView])
def list_codes(session: SessionDep, _admin: AdminDep) -> list[CodeView]:
    """Every code, newest first, with the visitors who enrolled with it."""
    at = now()
    return [code_view(row, at) for row in store.list_codes(session)]


@admin_router.post("/enrolment-codes", response_model=NewCode, status_code=201)
def create_code(
    body: Annotated[CodeIn, Body()], exercise: ExerciseDep, session: SessionDep, admin: AdminDep
) -> NewCode:
    """A new code for a nation of the exercise; the code is in this answer only."""
    try:
        row, code = store.make_code(session, exercise, body.nation, body.uses, body.expires, admin)
    except store.CodeRequestError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
    session.commit()
    return NewCode(code=code, **code_view(row, now()).model_dump())


@admin_router.post("/enrolment-codes/{code_id}/revoke", response_model=CodeView)
def revoke(code_id: int, session: SessionDep, admin: AdminDep) -> CodeView:
    """Revoked: it enrols no one more, and those enrolled with it are no longer participants."""
    row = store.code_by_id(session, code_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no enrolment code {code_id}")
    store.revoke_code(session, row, actor=admin, at=now())
    session.commit()
    return code_view(row, now())


def status_of(
    row: EnrolmentCode, at: datetime
) -> Literal["active", "expired", "revoked", "used_up"]:
    if row.revoked_at is not None:
        return "revoked"
    if row.expires_at is not None and row.expires_at <= at:
        return "expired"
    if row.uses >= row.max_uses:
        return "used_up"
    return "active"


def code_view(row: EnrolmentCode, at: datetime) -> CodeView:
    return CodeView(
        id=row.id,
        hint=row.hint,
        nation=row.nation,
        max_uses=row.max_uses,
        uses=row.uses,
        expires_at=row.expires_at,
        created_at=row.created_at,
        created_by=row.created_by,
        revoked_at=row.revoked_at,
        revoked_by=row.revoked_by,
        status=status_of(row, at),
        used_by=[
            EnrolledVisitor(channel=e.channel, sender_id=e.sender_id, enrolled_at=e.enrolled_at)
            for e in row.enrolments
        ],
    )
