"""Which exercise the service answers for."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from lookup.store.models import Exercise


class ExerciseNotFound(LookupError):
    pass


def current_exercise(session: Session, exercise_id: str | None = None) -> Exercise:
    """The configured exercise, or the only one loaded; never a guess among several."""
    if exercise_id:
        exercise = session.get(Exercise, exercise_id)
        if exercise is None:
            raise ExerciseNotFound(f"exercise '{exercise_id}' is not loaded")
        return exercise
    exercises = session.scalars(select(Exercise).limit(2)).all()
    if not exercises:
        raise ExerciseNotFound("no exercise is loaded: run `liaison import-pack PATH`")
    if len(exercises) > 1:
        raise ExerciseNotFound(
            "several exercises are loaded: set LIAISON_EXERCISE_ID to the one to serve"
        )
    return exercises[0]
