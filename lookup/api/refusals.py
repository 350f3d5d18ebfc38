"""Refused operationally sensitive questions (issue 19): the action server records each one
(service token, like every intake route), and the exercise's security officer reads them,
newest first, with an admin token or in the console (/console/refusals).

Kept apart from /v1/unanswered: a refusal holds the sender, (channel, sender_id), because the
security officer needs to know who keeps asking; an unanswered question holds none."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Query, Request
from pydantic import AfterValidator, BaseModel, Field

from lookup.api.deps import AdminDep, SessionDep, new_admin_router
from lookup.api.intake import (
    Channel,
    Language,
    SenderId,
    _check_language,
    _clip,
    _nonblank,
    limit_sender,
    new_service_router,
)
from lookup.store.items import now
from lookup.store.refusals import record_refusal, refusals

MAX_REFUSAL_TEXT = 2000

router = new_service_router("intake")

admin_router = new_admin_router()


class RefusalIn(BaseModel):
    sender_id: SenderId
    channel: Channel = Field(description="Rasa's input channel name, e.g. socketio, telegram")
    language: Language = Field(description="The conversation's `language` slot")
    text: Annotated[str, _clip(MAX_REFUSAL_TEXT), AfterValidator(_nonblank)] = Field(
        description="What the visitor typed (control and format characters removed)"
    )


class RefusalOut(BaseModel):
    id: int
    at: datetime
    language: str
    channel: str
    sender_id: str
    text: str


@router.post("/refusals", response_model=RefusalOut, status_code=201)
def question_refused(body: RefusalIn, request: Request, session: SessionDep) -> RefusalOut:
    """A question the bot refused for operational security. The sender's budget applies, so
    one visitor cannot fill the list."""
    limit_sender(request, body.channel, body.sender_id)
    _check_language(session, request.app.state.settings, body.language)
    refusal = record_refusal(
        session,
        sender_id=body.sender_id,
        channel=body.channel,
        language=body.language,
        text=body.text,
        at=now(),
    )
    session.commit()
    return RefusalOut.model_validate(refusal, from_attributes=True)


@admin_router.get("/refusals", response_model=list[RefusalOut])
def list_refusals(
    session: SessionDep,
    _admin: AdminDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[RefusalOut]:
    """Newest first, `limit` at a time from `offset`."""
    return [
        RefusalOut.model_validate(refusal, from_attributes=True)
        for refusal in refusals(session, limit, offset)
    ]
