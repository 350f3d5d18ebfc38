"""The served exercise, and its answers by topic."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from bot.lookup.api.deps import ExerciseDep, LanguageDep, SessionDep
from bot.lookup.schemas import ExerciseView, TopicAnswer, TopicItemView
from bot.lookup.store.queries import topic_items

router = APIRouter(prefix="/v1", tags=["exercise"])


@router.get("/exercise", response_model=ExerciseView)
def read_exercise(exercise: ExerciseDep, lang: LanguageDep) -> ExerciseView:
    return ExerciseView(
        id=exercise.id,
        lang=lang,
        name=exercise.name[lang],
        languages=exercise.languages,
        start_date=exercise.start_date,
        end_date=exercise.end_date,
        time_zone=exercise.time_zone,
    )


@router.get(
    "/topics/{topic}",
    response_model=TopicAnswer,
    responses={404: {"description": "The exercise has nothing on this topic"}},
)
def read_topic(
    topic: str, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep
) -> TopicAnswer:
    items = topic_items(session, exercise.id, topic)
    if not items:
        raise HTTPException(
            status_code=404, detail=f"exercise '{exercise.id}' has nothing on topic '{topic}'"
        )
    return TopicAnswer(
        exercise_id=exercise.id,
        topic=topic,
        lang=lang,
        items=[
            TopicItemView(
                id=item.id,
                title=item.title[lang],
                text=item.text[lang],
                last_updated=item.last_updated,
                updated_by=item.updated_by,
            )
            for item in items
        ],
    )
