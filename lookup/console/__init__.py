"""The liaison console: server-rendered pages under /console/ for liaison staff (docs/console.md).

`install` adds to the lookup app: the signed session cookie (path /console), the static files,
the routers (one per job: auth, handoffs, unanswered, announcements, translations), the Rasa
client, and the announcement delivery worker (started and stopped by the app's lifespan)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from lookup.console import (
    announcements,
    auth,
    enrolment,
    handoffs,
    refusals,
    translations,
    unanswered,
)
from lookup.console.throttle import LoginThrottle
from lookup.console.web import HERE, NotSignedIn, session_secret
from lookup.delivery import DeliveryWorker
from lookup.rasa_client import RasaClient
from lookup.settings import Settings
from lookup.store.items import now


def install(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(settings),
        session_cookie="liaison_console",
        max_age=int(settings.console_session_hours * 3600),
        path="/console",
        same_site="lax",
        https_only=settings.console_secure_cookie,
    )
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    for module in (auth, handoffs, unanswered, announcements, translations, refusals, enrolment):
        app.include_router(module.router)
    app.add_exception_handler(NotSignedIn, _sign_in_first)
    app.state.login_throttle = LoginThrottle(
        app.state.session_factory,
        settings.login_max_failures,
        settings.login_lockout_seconds,
        now,
        max_per_address=settings.login_max_per_address,
    )
    app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_token, settings.rasa_timeout)
    app.state.delivery = DeliveryWorker(app.state.session_factory, app.state.rasa, settings)


async def _sign_in_first(request: Request, _error: Exception) -> Response:
    if request.url.path.endswith(".json"):
        return JSONResponse({"detail": "sign in to the console first"}, status_code=401)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = "/console/handoffs"
    return RedirectResponse(f"/console/login?next={quote(target, safe='/')}", status_code=303)
