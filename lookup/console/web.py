"""What every console page shares: templates, the UI language, the signed session (who is signed
in, the CSRF token, flash messages), the CSRF check and the signed-in staff dependency."""

from __future__ import annotations

import hmac
import os
import secrets
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.i18n import negotiate, text_direction
from common.i18n.formatting import language_name as cldr_language_name
from lookup.api.deps import SessionDep
from lookup.console.i18n import LANGUAGES, translator
from lookup.settings import Settings
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.items import now
from lookup.store.liaison import OPEN, failed_delivery_count
from lookup.store.models import Exercise, Handoff, Staff, UnansweredQuestion
from lookup.store.sessions import staff_of_session

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes every variable
SECURITY_HEADERS = {
    # Everything the console loads is served by the service itself: no CDN, no inline script.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class NotSignedIn(Exception):
    """Raised by the staff dependency; answered with the login page (or 401 for JSON)."""


def session_secret(settings: Settings) -> str:
    """LIAISON_SECRET_KEY, else a key generated once into <data_dir>/secret-key (0600).

    Replicas over one data folder start together: the key is written whole to a private file
    of its own and then linked into place, which fails if another process got there first, so
    no process ever reads a key half written (it did: an empty file, and the start-up failed)."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.data_dir / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret-key-")
        try:
            with os.fdopen(descriptor, "w") as key_file:  # mkstemp makes it 0600
                key_file.write(key + "\n")
            os.link(draft, path)
        except FileExistsError:  # another process put its key there first: that one counts
            pass
        finally:
            os.unlink(draft)
    key = path.read_text().strip()
    if len(key) < 32:
        raise ValueError(f"{path} holds no usable secret key (32+ characters)")
    return key


# CSRF: one random token per session, in every form, checked on every unsafe request.


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


async def check_csrf(request: Request) -> None:
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise HTTPException(
            status_code=403, detail="CSRF token missing or wrong: reload the page and try again"
        )


CsrfChecked = Depends(check_csrf)


# Who is signed in.


def current_staff(request: Request, session: SessionDep) -> Staff:
    """Whose live server-side session the cookie names (lookup/store/sessions.py): a cookie kept
    after signing out, or from before a password change, names none."""
    staff = staff_of_session(session, request.session.get("sid"), now())
    if staff is None:
        request.session.pop("sid", None)
        raise NotSignedIn
    return staff


StaffDep = Annotated[Staff, Depends(current_staff)]


def require_admin(staff: StaffDep) -> Staff:
    if not staff.is_admin:
        raise HTTPException(status_code=403, detail="for console admins only")
    return staff


AdminStaffDep = Annotated[Staff, Depends(require_admin)]


def ui_language(request: Request, staff: Staff | None = None) -> str:
    chosen = request.session.get("lang")
    if chosen in LANGUAGES:
        return str(chosen)
    if staff is not None and staff.language in LANGUAGES:
        return staff.language
    return negotiate(request.headers.get("accept-language", ""), LANGUAGES)


def flash(request: Request, kind: str, message: str) -> None:
    """A message shown once, on the next page (kind: ok, warning, error)."""
    request.session.setdefault("flash", []).append([kind, message])


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def exercise_or_none(request: Request, session: Session) -> Exercise | None:
    try:
        return current_exercise(session, request.app.state.settings.exercise_id)
    except ExerciseNotFound:
        return None


def language_name(code: str, in_language: str) -> str:
    return cldr_language_name(code, in_language)


def render(
    request: Request,
    session: Session,
    template: str,
    context: dict[str, Any],
    *,
    staff: Staff | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    lang = ui_language(request, staff)
    t = translator(lang)
    exercise = exercise_or_none(request, session)
    zone = ZoneInfo(exercise.time_zone if exercise else "UTC")

    def local(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return value.astimezone(zone).strftime(fmt) if value else ""

    counts = {}
    if staff is not None:
        counts = {
            "handoffs": session.scalar(select(func.count()).where(Handoff.status == OPEN)),
            "unanswered": session.scalar(
                select(func.count()).where(UnansweredQuestion.resolved.is_(False))
            ),
            "failed": failed_delivery_count(session),
        }
    response = templates.TemplateResponse(
        request,
        template,
        {
            "t": t,
            "lang": lang,
            "dir": text_direction(lang),
            "direction": text_direction,
            "languages": LANGUAGES,
            "language_name": lambda code: language_name(code, lang),
            "csrf_token": csrf_token(request),
            "staff": staff,
            "counts": counts,
            "flashes": request.session.pop("flash", []),
            "local": local,
            "zone": str(zone),
            "exercise": exercise,
            **context,
        },
        status_code=status_code,
    )
    response.headers.update(SECURITY_HEADERS)
    return response
