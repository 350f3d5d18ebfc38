"""Enrolment codes in the console (issue 19): every liaison officer can make a code for a
contingent, see who enrolled with each, and revoke one. A new code is shown once, on the page the
form answers (never in a redirect, a flash cookie or a log); only its hash is kept."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from lookup.api.deps import SessionDep
from lookup.api.enrolment import code_view
from lookup.console.i18n import translator
from lookup.console.web import (
    CsrfChecked,
    StaffDep,
    exercise_or_none,
    flash,
    redirect,
    render,
    ui_language,
)
from lookup.store import enrolment as store
from lookup.store.items import now
from lookup.store.models import Staff

router = APIRouter(prefix="/console/enrolment", include_in_schema=False, dependencies=[CsrfChecked])


def _page(request: Request, session: SessionDep, staff: Staff, **extra: Any) -> HTMLResponse:
    exercise = exercise_or_none(request, session)
    at = now()
    return render(
        request,
        session,
        "enrolment.html",
        {
            "codes": [code_view(row, at) for row in store.list_codes(session)],
            "nations": store.nation_codes(session, exercise) if exercise else [],
            **extra,
        },
        staff=staff,
        status_code=422 if extra.get("error") else 200,
    )


@router.get("", response_class=HTMLResponse)
def codes_page(request: Request, session: SessionDep, staff: StaffDep) -> Response:
    return _page(request, session, staff)


@router.post("", response_class=HTMLResponse)
def make_code(
    request: Request,
    session: SessionDep,
    staff: StaffDep,
    nation: Annotated[str, Form(max_length=64)],
    uses: Annotated[int, Form(ge=1, le=10_000)] = 50,
    expires: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """The code is in this answer only."""
    t = translator(ui_language(request, staff))
    exercise = exercise_or_none(request, session)
    if exercise is None:
        raise HTTPException(status_code=404, detail="no exercise loaded")
    try:
        until = date.fromisoformat(expires) if expires else None
        row, code = store.make_code(session, exercise, nation, uses, until, staff.display_name)
    except ValueError as error:  # a bad date, or store.CodeRequestError
        session.rollback()
        return _page(request, session, staff, error=t("code_not_made", reason=str(error)))
    session.commit()
    return _page(request, session, staff, new_code=code, new_nation=row.nation)


@router.post("/{code_id}/revoke")
def revoke_code(code_id: int, request: Request, session: SessionDep, staff: StaffDep) -> Response:
    row = store.code_by_id(session, code_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no enrolment code {code_id}")
    store.revoke_code(session, row, actor=staff.display_name, at=now())
    session.commit()
    flash(request, "ok", translator(ui_language(request, staff))("code_revoked", hint=row.hint))
    return redirect("/console/enrolment")
