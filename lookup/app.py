"""Application factory: `uvicorn lookup.app:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from fastapi import Depends, FastAPI

from lookup import console
from lookup.api import (
    admin,
    briefings,
    docs,
    enrolment,
    exercise,
    health,
    intake,
    refusals,
    search,
    translations,
    views,
)
from lookup.api.deps import get_reader
from lookup.rate_limit import IntakeLimits
from lookup.read_cache import ReadCache
from lookup.request_slots import RequestSlots
from lookup.settings import Settings, get_settings
from lookup.store.database import make_session_factory, require_current_schema
from lookup.store.enrolment import tier_of
from lookup.store.knowledge_version import SQLiteVersionReader, version_reader

# Connections left for work outside requests (the announcement delivery worker).
BACKGROUND_CONNECTIONS = 2


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.delivery.start()  # announcements pending from before a restart go out too
        yield
        app.state.delivery.stop()
        app.state.rasa.close()
        app.state.engine.dispose()
        if isinstance(getattr(app.state, "version_read", None), SQLiteVersionReader):
            app.state.version_read.close()

    app = FastAPI(
        title="Liaison lookup service",
        summary="Exercise knowledge in each working language, for the assistant and liaison teams.",
        version="0.2.0",
        lifespan=lifespan,
        # FastAPI's own pages load Swagger UI and ReDoc from public CDNs: never served. The
        # spec stays at /openapi.json; LIAISON_DOCS=1 adds a /docs served locally (api/docs.py).
        docs_url=None,
        redoc_url=None,
    )
    if settings.docs:
        docs.install(app)
    app.state.settings = settings
    app.state.admin_tokens = settings.admin_token_names()
    app.state.engine = settings.engine(migrate_schema=settings.migrate_on_start)
    if not settings.migrate_on_start:
        # Replicas never migrate (they would race); they start only on the schema they expect.
        require_current_schema(app.state.engine)
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.service_token = settings.service_token_value()
    app.state.intake_limits = IntakeLimits.from_settings(settings)
    # Who may call what (docs/security.md): /health is public (probes); every /v1 read needs
    # the service token or an admin token; admin writes an admin token; intake the service token.
    app.include_router(health.router)
    for module in (exercise, search, translations, briefings):
        app.include_router(module.router, dependencies=[Depends(get_reader)])
    for module in (admin, intake, enrolment):
        app.include_router(module.router)
    # Enrolment codes: an admin token (the console has its own page).
    app.include_router(enrolment.admin_router)
    # Refused OPSEC questions: recorded with the service token, read with an admin token.
    app.include_router(refusals.router)
    app.include_router(refusals.admin_router)
    console.install(app, settings)
    connections = settings.db_pool_size + settings.db_max_overflow
    app.add_middleware(
        RequestSlots,
        limit=max(1, connections - BACKGROUND_CONNECTIONS),
        max_body=settings.max_body_bytes,
        body_timeout=settings.request_body_timeout,
    )
    if settings.read_cache_entries:
        read, inline = version_reader(app.state.engine)
        app.state.version_read = read
        # Outermost: a hit takes no request slot and no database connection (but the version
        # check's, one at a time).
        app.add_middleware(
            ReadCache,
            state=app.state,
            tier_of=tier_of,
            read_version=read,
            read_version_inline=inline,
            clock=_answers_clock,
            staleness_ms=settings.read_cache_staleness_ms,
            max_entries=settings.read_cache_entries,
        )
    return app


def _answers_clock() -> datetime:
    """The moment the routes answer for, looked up at each call (tests fix `views.now`)."""
    return views.now()
