"""The handoff queue and one handoff: its transcript (live), the officer's reply, hand-back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from lookup.api.deps import SessionDep
from lookup.console.i18n import translator
from lookup.console.paging import HANDOFFS_PER_PAGE, Pager
from lookup.console.web import (
    CsrfChecked,
    StaffDep,
    exercise_or_none,
    flash,
    redirect,
    render,
    ui_language,
)
from lookup.rasa_client import RasaClient, RasaError
from lookup.row_ids import RowId
from lookup.store.items import now
from lookup.store.liaison import (
    CLOSED,
    OPEN,
    add_message,
    close_handoff,
    count_handoffs,
    handoffs,
)
from lookup.store.models import Handoff, HandoffMessage

router = APIRouter(prefix="/console/handoffs", include_in_schema=False, dependencies=[CsrfChecked])
ReplyText = Annotated[str, Form(max_length=4000)]


@router.get("", response_class=HTMLResponse)
def queue(
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """Open handoffs a page at a time, the oldest first (HANDOFFS_PER_PAGE)."""
    at = now()
    pager = Pager.of(page, HANDOFFS_PER_PAGE, count_handoffs(session, OPEN), "/console/handoffs")
    shown = handoffs(session, OPEN, limit=pager.per_page, offset=pager.offset)
    waiting = [_summary(handoff, at) for handoff in shown]
    # Those still waiting for an answer first, longest wait first; then the answered ones.
    waiting.sort(key=lambda row: (row["waiting_since"] is None, row["waiting_since"] or at))
    return render(
        request,
        session,
        "handoffs.html",
        {"rows": waiting, "closed": handoffs(session, CLOSED, limit=20), "pager": pager},
        staff=staff,
    )


@router.get("/{handoff_id}", response_class=HTMLResponse)
def handoff_page(
    handoff_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    handoff = _handoff(session, handoff_id)
    t = translator(ui_language(request, staff))
    zone = _zone(request, session)
    return render(
        request,
        session,
        "handoff.html",
        {"handoff": handoff, "messages": [_view(m, t, zone) for m in handoff.messages]},
        staff=staff,
    )


@router.get("/{handoff_id}/messages.json")
def handoff_messages(
    handoff_id: RowId,
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    after: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    """New transcript lines since message `after`, for the page's live view."""
    handoff = _handoff(session, handoff_id)
    t = translator(ui_language(request, staff))
    zone = _zone(request, session)
    return JSONResponse(
        {
            "status": handoff.status,
            "messages": [_view(m, t, zone) for m in handoff.messages if m.id > after],
        },
        headers={"Cache-Control": "no-store"},
    )


@router.post("/{handoff_id}/reply")
def reply(
    handoff_id: RowId, request: Request, session: SessionDep, staff: StaffDep, text: ReplyText = ""
) -> Response:
    handoff = _handoff(session, handoff_id)
    t = translator(ui_language(request, staff))
    text = text.strip()
    if handoff.status != OPEN:
        flash(request, "error", t("handoff_is_closed"))
    elif not text:
        flash(request, "error", t("empty_reply"))
    else:
        error = _send(request, handoff, text)
        add_message(
            session,
            handoff,
            "officer",
            text,
            now(),
            author=staff.display_name,
            delivery="failed" if error else "sent",
            error=error,
        )
        session.commit()
        if error:
            flash(request, "error", t("reply_failed", error=error))
        else:
            flash(request, "ok", t("reply_sent"))
    return redirect(f"/console/handoffs/{handoff_id}#reply")


@router.post("/{handoff_id}/messages/{message_id}/resend")
def resend(
    handoff_id: RowId, message_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    handoff = _handoff(session, handoff_id)
    message = session.get(HandoffMessage, message_id)
    if message is None or message.handoff_id != handoff.id or message.delivery != "failed":
        raise HTTPException(status_code=404, detail="no undelivered reply with that id")
    t = translator(ui_language(request, staff))
    if handoff.status != OPEN:
        flash(request, "error", t("handoff_is_closed"))
        return redirect(f"/console/handoffs/{handoff_id}")
    error = _send(request, handoff, message.text)
    message.delivery = "failed" if error else "sent"
    message.error = error
    message.at = now()
    session.commit()
    if error:
        flash(request, "error", t("reply_failed", error=error))
    else:
        flash(request, "ok", t("reply_sent"))
    return redirect(f"/console/handoffs/{handoff_id}#reply")


@router.post("/{handoff_id}/handback")
def hand_back(
    handoff_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    """The bot answers again, and tells the visitor so in their language."""
    handoff = _handoff(session, handoff_id)
    t = translator(ui_language(request, staff))
    if handoff.status != OPEN:
        flash(request, "error", t("handoff_is_closed"))
        return redirect(f"/console/handoffs/{handoff_id}")
    rasa: RasaClient = request.app.state.rasa
    try:
        rasa.hand_back(handoff.sender_id, handoff.channel)
        error = None
    except RasaError as failure:
        error = str(failure)
    at = now()
    event = "handback_failed" if error else "handed_back"
    add_message(session, handoff, "system", event, at, author=staff.display_name, error=error)
    close_handoff(session, handoff, staff.display_name, at)
    session.commit()
    if error:
        flash(request, "warning", t("handback_failed", error=error))
    else:
        flash(request, "ok", t("handed_back"))
    return redirect("/console/handoffs")


@router.post("/{handoff_id}/close")
def close(handoff_id: RowId, request: Request, session: SessionDep, staff: StaffDep) -> Response:
    """Close without telling the visitor (they left, or wrote nonsense); the bot answers again."""
    handoff = _handoff(session, handoff_id)
    t = translator(ui_language(request, staff))
    if handoff.status == OPEN:
        at = now()
        add_message(session, handoff, "system", "closed", at, author=staff.display_name)
        close_handoff(session, handoff, staff.display_name, at)
        session.commit()
        flash(request, "ok", t("closed"))
    return redirect("/console/handoffs")


def _handoff(session: Session, handoff_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff_id}")
    return handoff


def _send(request: Request, handoff: Handoff, text: str) -> str | None:
    """None once Rasa has taken the message for the visitor, else why not."""
    rasa: RasaClient = request.app.state.rasa
    try:
        rasa.send_text(handoff.sender_id, handoff.channel, text)
    except RasaError as error:
        return str(error)
    return None


def _zone(request: Request, session: Session) -> ZoneInfo:
    exercise = exercise_or_none(request, session)
    return ZoneInfo(exercise.time_zone if exercise else "UTC")


def _view(message: HandoffMessage, t: Callable[..., str], zone: ZoneInfo) -> dict[str, Any]:
    """A transcript line as the page (and its live view) shows it."""
    if message.speaker == "system":
        text = t(f"event_{message.text}", name=message.author or "", error=message.error or "")
        label: str | None = t("speaker_system")
    else:
        text = message.text
        label = message.author if message.speaker == "officer" else t(f"speaker_{message.speaker}")
    return {
        "id": message.id,
        "speaker": message.speaker,
        "label": label,
        "text": text,
        "time": message.at.astimezone(zone).strftime("%H:%M"),
        "failed": message.delivery == "failed",
        "failure": t("not_delivered", error=message.error) if message.delivery == "failed" else "",
    }


def _summary(handoff: Handoff, at: datetime) -> dict[str, Any]:
    """A queue row: who is waiting since when (None once an officer answered the last message)."""
    waiting_since: datetime | None = handoff.opened_at
    last_text = ""
    for message in handoff.messages:
        if message.speaker == "officer" and message.delivery == "sent":
            waiting_since = None
        elif message.speaker == "visitor" and waiting_since is None:
            waiting_since = message.at
        if message.speaker != "system":
            last_text = message.text
    minutes = int((at - waiting_since).total_seconds() // 60) if waiting_since else None
    return {
        "handoff": handoff,
        "waiting_since": waiting_since,
        "waiting_minutes": minutes,
        "last_text": last_text if len(last_text) <= 90 else last_text[:89] + "…",
    }
