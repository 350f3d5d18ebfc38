"""Announcements: written per language, sent to every visitor on a push channel by the delivery
worker (lookup/delivery.py), each delivery shown with its state; failed ones can be retried."""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from lookup.api.deps import SessionDep
from lookup.console.i18n import translator
from lookup.console.web import (
    CsrfChecked,
    StaffDep,
    exercise_or_none,
    flash,
    language_name,
    redirect,
    render,
    ui_language,
)
from lookup.delivery import DeliveryWorker
from lookup.row_ids import RowId
from lookup.settings import Settings
from lookup.store.items import now
from lookup.store.liaison import (
    FAILED,
    announcements,
    create_announcement,
    delivery_counts,
    pushable_visitors,
    retry_delivery,
)
from lookup.store.models import Announcement, Delivery, Staff

router = APIRouter(prefix="/console", include_in_schema=False, dependencies=[CsrfChecked])
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def push_channels(settings: Settings) -> list[str]:
    return [name.strip() for name in settings.push_channels.split(",") if name.strip()]


@router.get("/announcements", response_class=HTMLResponse)
def announcements_page(request: Request, session: SessionDep, staff: StaffDep) -> Response:
    return _compose(request, session, staff, texts={})


@router.post("/announcements", response_class=HTMLResponse)
def send_announcement(
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    lang: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    text: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    """Each language's text comes as a (lang, text) pair of fields."""
    t = translator(ui_language(request, staff))
    texts = {
        code: body.strip()
        for code, body in zip(lang, text, strict=False)
        if LANGUAGE_CODE.match(code) and body.strip() and len(body) <= 4000
    }
    recipients = pushable_visitors(session, push_channels(request.app.state.settings))
    missing = sorted({visitor.language for visitor in recipients} - texts.keys())
    error = None
    if not texts:
        error = t("announcement_needs_text")
    elif not recipients:
        error = t("no_recipients")
    elif missing:
        shown = ui_language(request, staff)
        error = t(
            "announcement_missing",
            languages=", ".join(language_name(code, shown) for code in missing),
        )
    if error:
        return _compose(request, session, staff, texts=texts, error=error, status_code=422)
    announcement = create_announcement(session, texts, staff.display_name, recipients, now())
    session.commit()
    _worker(request).wake()
    flash(request, "ok", t("announcement_queued", count=len(recipients)))
    return redirect(f"/console/announcements/{announcement.id}")


@router.get("/announcements/{announcement_id}", response_class=HTMLResponse)
def announcement_page(
    announcement_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    announcement = _announcement(session, announcement_id)
    states = Counter(delivery.status for delivery in announcement.deliveries)
    return render(
        request,
        session,
        "announcement.html",
        {"announcement": announcement, "states": states},
        staff=staff,
    )


@router.post("/announcements/{announcement_id}/retry-failed")
def retry_failed(
    announcement_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    announcement = _announcement(session, announcement_id)
    failed = [d for d in announcement.deliveries if d.status == FAILED]
    at = now()
    for delivery in failed:
        retry_delivery(session, delivery, at)
    session.commit()
    _worker(request).wake()
    flash(request, "ok", translator(ui_language(request, staff))("retry_queued", count=len(failed)))
    return redirect(f"/console/announcements/{announcement_id}")


@router.post("/deliveries/{delivery_id}/retry")
def retry_one(
    delivery_id: RowId, request: Request, session: SessionDep, staff: StaffDep
) -> Response:
    delivery = session.get(Delivery, delivery_id)
    if delivery is None:
        raise HTTPException(status_code=404, detail=f"no delivery {delivery_id}")
    count = 0
    if delivery.status == FAILED:
        retry_delivery(session, delivery, now())
        session.commit()
        _worker(request).wake()
        count = 1
    flash(request, "ok", translator(ui_language(request, staff))("retry_queued", count=count))
    return redirect(f"/console/announcements/{delivery.announcement_id}")


def _compose(
    request: Request,
    session: Session,
    staff: Staff,
    *,
    texts: dict[str, str],
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    recipients = pushable_visitors(session, push_channels(request.app.state.settings))
    needed = Counter(visitor.language for visitor in recipients)
    exercise = exercise_or_none(request, session)
    languages = list(exercise.languages) if exercise else []
    languages += sorted(set(needed) - set(languages))
    return render(
        request,
        session,
        "announcements.html",
        {
            "compose_languages": languages,
            "needed": needed,
            "recipient_count": len(recipients),
            "texts": texts,
            "error": error,
            "announcements": announcements(session),
            "delivery_counts": delivery_counts(session),
        },
        staff=staff,
        status_code=status_code,
    )


def _announcement(session: Session, announcement_id: int) -> Announcement:
    announcement = session.scalar(select(Announcement).where(Announcement.id == announcement_id))
    if announcement is None:
        raise HTTPException(status_code=404, detail=f"no announcement {announcement_id}")
    return announcement


def _worker(request: Request) -> DeliveryWorker:
    return request.app.state.delivery
