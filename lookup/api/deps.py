"""Dependencies shared by the routers: a session, the served exercise, the language, the admin."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import inspect
from sqlalchemy.orm import Session, make_transient_to_detached

from common.languages import LANGUAGES
from common.topics import PUBLIC, STAFF
from lookup.packs.schema import MODEL_OF_KIND
from lookup.read_cache import CHECKED, Checked
from lookup.search_index import CHECKED_VERSION
from lookup.store.enrolment import tier_of
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.models import Exercise

# FastAPI runs each sync dependency as its own thread-pool job, and a job costs about as much
# CPU as the query it would wrap (docs/bench.md). Dependencies without I/O are async, so they
# run in the event loop; only the database work goes to worker threads. A read the read cache
# missed (lookup/read_cache.py) comes with the knowledge version and the visitor's tier its
# check found (`Checked`): the exercise (kept per version, below), the tier and the search
# index's version are then taken from there, with no query and no thread-pool job.


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Opened in the event loop (a Session does no I/O before its first query, which runs in
    the route's worker thread); closed in a worker thread, since closing hands the connection
    back with a rollback, which is I/O."""
    session = request.app.state.session_factory()
    checked: Checked | None = request.scope.get(CHECKED)
    if checked is not None:  # the search's index then needs no version query of its own
        session.info[CHECKED_VERSION] = checked.version
    try:
        yield session
    finally:
        await run_in_threadpool(session.close)


SessionDep = Annotated[Session, Depends(get_session)]


class KeptExercise:
    """The served exercise's row as loaded under a knowledge version, for the reads the read
    cache passes on at that version. Every write of an exercise bumps the version
    (lookup/store/knowledge_version.py), so a row kept under the current version is the row;
    a row loaded after the version was read is at least that new, as the read cache's tiers
    are. One per app (`app.state.kept_exercise`)."""

    def __init__(self) -> None:
        self._kept: tuple[int, Exercise] | None = None

    def at(self, version: int, session: Session) -> Exercise | None:
        """The kept row as a persistent object of `session` (no query), or None."""
        kept = self._kept
        if kept is None or kept[0] != version:
            return None
        return session.merge(kept[1], load=False)

    def keep(self, version: int, exercise: Exercise) -> None:
        """Keep a detached copy of the loaded row's columns (its relationships load as usual
        in each session it is merged into), unless a newer version's is kept already."""
        kept = self._kept
        if kept is not None and kept[0] > version:
            return
        copy = Exercise(
            **{column.key: getattr(exercise, column.key) for column in _EXERCISE_COLUMNS}
        )
        make_transient_to_detached(copy)
        self._kept = (version, copy)


_EXERCISE_COLUMNS = tuple(inspect(Exercise).column_attrs)


def _load_exercise(request: Request, session: Session, checked: Checked | None) -> Exercise:
    exercise = current_exercise(session, request.app.state.settings.exercise_id)
    if checked is not None:
        _kept_exercise(request).keep(checked.version, exercise)
    return exercise


def _kept_exercise(request: Request) -> KeptExercise:
    state = request.app.state
    kept: KeptExercise | None = getattr(state, "kept_exercise", None)
    if kept is None:
        kept = state.kept_exercise = KeptExercise()
    return kept


async def get_exercise(request: Request, session: SessionDep) -> Exercise:
    checked: Checked | None = request.scope.get(CHECKED)
    if checked is not None:
        kept = _kept_exercise(request).at(checked.version, session)
        if kept is not None:
            return kept
    try:
        return await run_in_threadpool(_load_exercise, request, session, checked)
    except ExerciseNotFound as error:
        raise HTTPException(status_code=404, detail=str(error)) from error


ExerciseDep = Annotated[Exercise, Depends(get_exercise)]


async def get_language(
    exercise: ExerciseDep,
    lang: Annotated[str, Query(pattern=r"^[a-z]{2,3}$", description="Answer language")],
) -> str:
    if lang not in exercise.languages:
        raise HTTPException(
            status_code=422,
            detail=f"language '{lang}' is not one of this exercise's languages: "
            + ", ".join(exercise.languages),
        )
    return lang


LanguageDep = Annotated[str, Depends(get_language)]


async def get_answer_language(
    exercise: ExerciseDep,
    lang: Annotated[str, Query(pattern=r"^[a-z]{2,3}$", description="Answer language")],
) -> str:
    """The language to answer a visitor in: the exercise's, or any the assistant speaks. A
    visitor writing Urdu to an exercise without Urdu texts still gets what no language changes
    (times, hours, phone numbers) and, for each text, the languages that have it
    (`missing_translations`, `available_in`): never the text filled in from another language.
    Briefings, which are documents in one of the exercise's languages, keep `LanguageDep`."""
    if lang in LANGUAGES:
        return lang
    return await get_language(exercise, lang)


AnswerLanguageDep = Annotated[str, Depends(get_answer_language)]


async def get_kind(kind: str) -> str:
    if kind not in MODEL_OF_KIND:
        raise HTTPException(
            status_code=404,
            detail=f"no kind '{kind}'; kinds are: " + ", ".join(sorted(MODEL_OF_KIND)),
        )
    return kind


KindDep = Annotated[str, Depends(get_kind)]

_bearer = HTTPBearer(
    auto_error=False,
    description="An admin token (LIAISON_ADMIN_TOKENS), or the action server's service token "
    "(LIAISON_SERVICE_TOKEN) for intake and reads",
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_admin(
    request: Request,
    credentials: BearerDep,
) -> str:
    """The name of the admin whose bearer token this is: 401 without one, 403 for a wrong one."""
    tokens: dict[str, str] = request.app.state.admin_tokens
    if not tokens:
        raise HTTPException(
            status_code=503, detail="the admin API is disabled: set LIAISON_ADMIN_TOKENS"
        )
    if credentials is None:
        raise HTTPException(
            status_code=401,
            detail="admin endpoints need 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    for token, name in tokens.items():
        if hmac.compare_digest(token.encode(), credentials.credentials.encode()):
            return name
    raise HTTPException(status_code=403, detail="this token is not an admin token")


AdminDep = Annotated[str, Depends(get_admin)]


def new_admin_router() -> APIRouter:
    """A router for /v1/admin routes (each route takes AdminDep), with the refusals that
    get_admin answers documented; one per module (admin, enrolment, refusals)."""
    return APIRouter(
        prefix="/v1/admin",
        tags=["admin"],
        responses={
            401: {"description": "No bearer token"},
            403: {"description": "Not an admin token"},
            503: {"description": "Admin API disabled (no tokens configured)"},
        },
    )


def _matches(secret: str, presented: str) -> bool:
    """Constant-time comparison, so response times do not reveal how much of a token is right."""
    return hmac.compare_digest(secret.encode(), presented.encode())


def _require_credentials(credentials: HTTPAuthorizationCredentials | None, who: str) -> str:
    if credentials is None:
        raise HTTPException(
            status_code=401,
            detail=f"/v1 needs 'Authorization: Bearer <token>' ({who})",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return credentials.credentials


async def get_service(
    request: Request,
    credentials: BearerDep,
) -> str:
    """The action server, by its service token (LIAISON_SERVICE_TOKEN): only it reports what
    visitors and the bot said, so only its token may write intake. 401 without a token, 403 for
    another one, 503 when no service token is configured."""
    token: str | None = request.app.state.service_token
    if token is None:
        raise HTTPException(status_code=503, detail="intake is disabled: set LIAISON_SERVICE_TOKEN")
    presented = _require_credentials(credentials, "the service token")
    if not _matches(token, presented):
        raise HTTPException(status_code=403, detail="this token is not the service token")
    return "service"


ServiceDep = Annotated[str, Depends(get_service)]


def presents_service_token(
    request: Request, credentials: HTTPAuthorizationCredentials | None
) -> bool:
    """Whether a request carries the configured service token (compared in constant time)."""
    token: str | None = request.app.state.service_token
    if token is None or credentials is None:
        return False
    return _matches(token, credentials.credentials)


async def get_reader(
    request: Request,
    credentials: BearerDep,
) -> str:
    """Who reads the knowledge: the action server (service token) or an admin (admin token).
    Every token is compared, so the time taken does not say which kind matched."""
    service: str | None = request.app.state.service_token
    admins: dict[str, str] = request.app.state.admin_tokens
    if service is None and not admins:
        raise HTTPException(
            status_code=503,
            detail="/v1 is disabled: set LIAISON_SERVICE_TOKEN or LIAISON_ADMIN_TOKENS",
        )
    presented = _require_credentials(credentials, "the service token or an admin token")
    reader = None
    if service is not None and _matches(service, presented):
        reader = "service"
    for token, name in admins.items():
        if _matches(token, presented):
            reader = name
    if reader is None:
        raise HTTPException(status_code=403, detail="this token may not read /v1")
    return reader


ReaderDep = Annotated[str, Depends(get_reader)]


async def get_tier(
    request: Request,
    reader: ReaderDep,
    session: SessionDep,
    channel: Annotated[
        str | None,
        Query(max_length=64, description="The asking visitor's channel (with sender_id)"),
    ] = None,
    sender_id: Annotated[
        str | None,
        Query(max_length=255, description="The asking visitor, whose enrolment sets the tier"),
    ] = None,
) -> str:
    """Who the answer is for (issue 19): an admin token reads everything (staff); the action
    server reads for the visitor it names, participants if that (channel, sender) is enrolled,
    public otherwise or when it names no one. The read cache's tier when it checked this
    visitor for this read (the same query, at a version read after the request arrived)."""
    if reader != "service":
        return STAFF
    if not channel or not sender_id:
        return PUBLIC  # as tier_of, which queries nothing then
    checked: Checked | None = request.scope.get(CHECKED)
    if checked is not None and checked.service and checked.visitor == (channel, sender_id):
        return checked.tier
    return await run_in_threadpool(tier_of, session, channel, sender_id)


TierDep = Annotated[str, Depends(get_tier)]
