"""Reads the actions need: the exercise, items by topic or kind, one item, events by date.

Every read answers for a tier (lookup/api/deps.py get_tier): items whose audience the asker may
not read are left out and counted in `withheld`, or, asked for by id, refused with 403."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from lookup.api.deps import ExerciseDep, KindDep, LanguageDep, SessionDep, TierDep
from lookup.api.views import localized
from lookup.packs.schema import TOPICS, Event
from lookup.schemas import ItemList, LocalizedItem
from lookup.store.items import audience_of, get_row, local_time, parse, readable, rows_of_kind
from lookup.store.models import Item as ItemRow

router = APIRouter(prefix="/v1", tags=["read"])


def _for_tier(row: ItemRow, tier: str) -> None:
    if not readable(row, tier):
        raise HTTPException(
            status_code=403,
            detail=f"this {row.kind} is for {audience_of(row)} only; an unenrolled visitor "
            "enrols with the code their contingent's liaison team gives out",
        )


@router.get(
    "/exercise",
    response_model=LocalizedItem,
    responses={403: {"description": "Not for the asker's tier"}},
)
def read_exercise(
    exercise: ExerciseDep, lang: LanguageDep, session: SessionDep, tier: TierDep
) -> LocalizedItem:
    row = get_row(session, exercise.id, "exercise", exercise.id)
    assert row is not None, "an exercise is always stored with its own item"
    _for_tier(row, tier)
    return localized(session, row, lang, tier=tier)


@router.get(
    "/topics/{topic}",
    response_model=ItemList,
    responses={404: {"description": "Unknown topic, or the exercise has nothing on it"}},
)
def read_topic(
    topic: str, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep, tier: TierDep
) -> ItemList:
    """The topic's items the asker may read; `withheld` counts the others."""
    if topic not in TOPICS:
        raise HTTPException(
            status_code=404, detail=f"no topic '{topic}'; topics are: " + ", ".join(TOPICS)
        )
    rows = rows_of_kind(session, exercise.id, "topic", topic=topic)
    if not rows:
        raise HTTPException(
            status_code=404, detail=f"exercise '{exercise.id}' has nothing on topic '{topic}'"
        )
    return _item_list(session, exercise.id, lang, rows, tier)


@router.get("/events", response_model=ItemList)
def read_events(
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    tier: TierDep,
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
    shown = [(row, event) for row, event in chosen if readable(row, tier)]
    return ItemList(
        exercise_id=exercise.id,
        lang=lang,
        items=[localized(session, row, lang, event, tier=tier) for row, event in shown],
        withheld=len(chosen) - len(shown),
    )


@router.get("/items/{kind}", response_model=ItemList)
def read_kind(
    kind: KindDep, exercise: ExerciseDep, lang: LanguageDep, session: SessionDep, tier: TierDep
) -> ItemList:
    """Every item of a kind: venue, dress_code, event, rank, contact, topic."""
    return _item_list(session, exercise.id, lang, rows_of_kind(session, exercise.id, kind), tier)


@router.get(
    "/items/{kind}/{item_id}",
    response_model=LocalizedItem,
    responses={403: {"description": "Not for the asker's tier"}},
)
def read_item(
    kind: KindDep,
    item_id: str,
    exercise: ExerciseDep,
    lang: LanguageDep,
    session: SessionDep,
    tier: TierDep,
) -> LocalizedItem:
    row = get_row(session, exercise.id, kind, item_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no {kind} with id '{item_id}'")
    _for_tier(row, tier)
    return localized(session, row, lang, tier=tier)


def _item_list(
    session: SessionDep, exercise_id: str, lang: str, rows: list[ItemRow], tier: str
) -> ItemList:
    shown = [row for row in rows if readable(row, tier)]
    return ItemList(
        exercise_id=exercise_id,
        lang=lang,
        items=[localized(session, row, lang, tier=tier) for row in shown],
        withheld=len(rows) - len(shown),
    )
