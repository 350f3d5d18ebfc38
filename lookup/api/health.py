"""Liveness and database reachability, for `make run`, tests and load balancers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from lookup.api.deps import SessionDep
from lookup.schemas import Health
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.models import Exercise

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(request: Request, session: SessionDep) -> Health | JSONResponse:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        body = Health(status="degraded", database=f"error: {type(error).__name__}", exercise=None)
        return JSONResponse(status_code=503, content=body.model_dump())
    try:
        exercise_id: str | None = current_exercise(
            session, request.app.state.settings.exercise_id
        ).id
    except ExerciseNotFound as error:
        if session.scalar(select(func.count()).select_from(Exercise)):
            # Exercises are loaded but none is the one served (several and none chosen, or
            # LIAISON_EXERCISE_ID names one not loaded): every lookup answers 404, so not "ok".
            body = Health(status=f"error: {error}", database="ok", exercise=None)
            return JSONResponse(status_code=503, content=body.model_dump())
        exercise_id = None  # nothing loaded yet: reads say how to load one
    return Health(status="ok", database="ok", exercise=exercise_id)
