"""Liveness and database reachability, for `make run`, tests and load balancers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from lookup.api.deps import SessionDep
from lookup.schemas import Health
from lookup.store.exercises import ExerciseNotFound, current_exercise

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
    except ExerciseNotFound:
        exercise_id = None
    return Health(status="ok", database="ok", exercise=exercise_id)
