"""Signing in and out, the console language, and the staff list (admins)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select

from lookup.api.deps import SessionDep
from lookup.console.i18n import LANGUAGES, translator
from lookup.console.throttle import LoginThrottle
from lookup.console.web import (
    AdminStaffDep,
    CsrfChecked,
    csrf_token,
    flash,
    redirect,
    render,
    ui_language,
)
from lookup.store.items import now
from lookup.store.models import Staff
from lookup.store.sessions import close_session, open_session, staff_of_session
from lookup.store.staff import authenticate, list_staff, normalize_username

router = APIRouter(prefix="/console", include_in_schema=False, dependencies=[CsrfChecked])
HOME = "/console/handoffs"


def _safe_next(target: str | None) -> str:
    """Only a console page of this service (never another site)."""
    if target and target.startswith("/console/") and not target.startswith("/console//"):
        return target
    return HOME


@router.get("", include_in_schema=False)
@router.get("/")
def console_home() -> RedirectResponse:
    return redirect(HOME)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, session: SessionDep, next: str | None = None) -> Response:
    if staff_of_session(session, request.session.get("sid"), now()) is not None:
        return redirect(_safe_next(next))
    return _login(request, session, next=_safe_next(next))


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = HOME,
) -> Response:
    throttle: LoginThrottle = request.app.state.login_throttle
    # Counted before the password is checked (parallel guesses cannot slip past the limit), per
    # username and address (a stranger cannot lock an officer out from elsewhere).
    who = (normalize_username(username), _client(request))
    t = translator(ui_language(request))
    wait = throttle.begin(*who)
    if wait is not None:
        refused = _login(request, session, error=t("too_many_attempts"), status_code=429, next=next)
        refused.headers["Retry-After"] = str(max(1, round(wait)))
        return refused
    staff = authenticate(session, username, password, now())
    if staff is None:
        throttle.failed(*who)
        return _login(
            request,
            session,
            error=t("wrong_password"),
            status_code=401,
            next=_safe_next(next),
            username=username,
        )
    throttle.succeeded(*who)
    hours = request.app.state.settings.console_session_hours
    token = open_session(session, staff, now(), timedelta(hours=hours))
    session.commit()  # the session, the last sign-in (and a refreshed hash)
    lang = request.session.get("lang")
    # A fresh session: nothing from before signing in carries over, except the chosen language.
    request.session.clear()
    request.session["sid"] = token
    if lang in LANGUAGES:
        request.session["lang"] = lang
    csrf_token(request)
    return redirect(_safe_next(next))


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> RedirectResponse:
    close_session(session, request.session.get("sid"))  # a copy of the cookie is dead too
    session.commit()
    lang = request.session.get("lang")
    request.session.clear()
    if lang in LANGUAGES:
        request.session["lang"] = lang
    flash(request, "ok", translator(ui_language(request))("signed_out"))
    return redirect("/console/login")


@router.post("/language")
def choose_language(
    request: Request,
    lang: Annotated[str, Form()],
    next: Annotated[str, Form(max_length=2000)] = HOME,
) -> RedirectResponse:
    if lang in LANGUAGES:
        request.session["lang"] = lang
    target = next if next == "/console/login" else _safe_next(next)
    return redirect(target)


@router.get("/staff", response_class=HTMLResponse)
def staff_page(request: Request, session: SessionDep, staff: AdminStaffDep) -> Response:
    return render(
        request,
        session,
        "staff.html",
        {"accounts": list_staff(session)},
        staff=staff,
    )


def _login(
    request: Request,
    session: SessionDep,
    *,
    error: str | None = None,
    status_code: int = 200,
    next: str = HOME,
    username: str = "",
) -> Response:
    has_accounts = bool(session.scalar(select(func.count()).select_from(Staff)))
    return render(
        request,
        session,
        "login.html",
        {"error": error, "next": next, "username": username, "has_accounts": has_accounts},
        status_code=status_code,
    )


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"
