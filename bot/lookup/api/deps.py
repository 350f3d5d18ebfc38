"""Dependencies shared by the routers: a database session, the served exercise, the language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from bot.lookup.store.models import Exercise
from bot.lookup.store.queries import ExerciseNotFound, current_exercise


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_exercise(request: Request, session: SessionDep) -> Exercise:
    try:
        return current_exercise(session, request.app.state.settings.exercise_id)
    except ExerciseNotFound as error:
        raise HTTPException(status_code=404, detail=str(error)) from error


ExerciseDep = Annotated[Exercise, Depends(get_exercise)]


def get_language(
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
