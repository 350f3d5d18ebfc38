"""Reads the actions need: the exercise, items by topic or kind, one item, events by date."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from lookup.api.deps import ExerciseDep, KindDep, LanguageDep, SessionDep
from lookup.api.views import localized
from lookup.packs.schema import TOPICS, Event
from lookup.schemas import ItemList, LocalizedItem
from lookup.store.items import get_row, local_time, parse, rows_of_kind

router = APIRouter(prefix="/v1", tags=["read"])


@router.get("/exercise", response_model=LocalizedItem)
def read_exercise(exercise: ExerciseDep, lang: LanguageDep, session: SessionDep) -> LocalizedItem:
    row = get_row(session, exercise.id, "exercise", exercise.id)
    assert row is not None, "an exercise is always stored with its own item"
    return localized(session, row, lang)


@router.get(
    "/topics/{topic}",
    response_model=ItemList,
    responses={404: {"description": "Unknown topic, or the exercise has nothing on it"}},
)
def read_topic(
    topic: str, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep
) -> ItemList:
    if topic not in TOPICS:
        raise HTTPException(
            status_code=404, detail=f"no topic '{topic}'; topics are: " + ", ".join(TOPICS)
        )
    rows = rows_of_kind(session, exercise.id, "topic", topic=topic)
    if not rows:
        raise HTTPException(
            status_code=404, detail=f"exercise '{exercise.id}' has nothing on topic '{topic}'"
        )
    return ItemList(
        exercise_id=exercise.id, lang=lang, items=[localized(session, r, lang) for r in rows]
    )


@router.get("/events", response_model=ItemList)
def read_events(
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    on: Annotated[date | None, Query(description="Only events starting that local day")] = None,
    kind: Annotated[str | None, Query(description="ceremony, briefing, training, social")] = None,
) -> ItemList:
    """Events in start order, each with its venue and dress code."""
    events = [(row, parse(row)) for row in rows_of_kind(session, exercise.id, "event")]
    chosen = [
        (row, event)
        for row, event in events
        if isinstance(event, Event)
        and (on is None or local_time(event.start, exercise.time_zone).date() == on)
        and (kind is None or event.kind == kind)
    ]
    chosen.sort(key=lambda pair: pair[1].start)
    return ItemList(
        exercise_id=exercise.id,
        lang=lang,
        items=[localized(session, row, lang, event) for row, event in chosen],
    )


@router.get("/items/{kind}", response_model=ItemList)
def read_kind(
    kind: KindDep, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep
) -> ItemList:
    """Every item of a kind: venue, dress_code, event, rank, contact, topic."""
    rows = rows_of_kind(session, exercise.id, kind)
    return ItemList(
        exercise_id=exercise.id, lang=lang, items=[localized(session, r, lang) for r in rows]
    )


@router.get("/items/{kind}/{item_id}", response_model=LocalizedItem)
def read_item(
    kind: KindDep, item_id: str, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep
) -> LocalizedItem:
    row = get_row(session, exercise.id, kind, item_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no {kind} with id '{item_id}'")
    return localized(session, row, lang)
