"""Reads the actions need: the exercise, items by topic or kind, one item, events by date.

Every read answers for a tier (lookup/api/deps.py get_tier): items whose audience the asker may
not read are left out and counted in `withheld`, or, asked for by id, refused with 403."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from lookup.api.deps import AnswerLanguageDep, ExerciseDep, KindDep, SessionDep, TierDep
from lookup.api.views import local_day, localized
from lookup.packs.schema import TOPICS, Event, ExerciseSpec
from lookup.prayer_times import PRAYERS, day_times
from lookup.schemas import ItemList, LocalizedItem, PrayerDay, PrayerTimes
from lookup.store.items import audience_of, get_row, local_time, parse, readable, rows_of_kind
from lookup.store.models import Item as ItemRow

router = APIRouter(prefix="/v1", tags=["read"])

# `at=` of the reads whose answer depends on the date (Ramadan hours, prayer times), so the
# action server passes the day a visitor asked about and tests can pin "now".
AtQuery = Annotated[
    datetime | date | None,
    Query(
        description="The moment or local day the answer is for, ISO 8601 ('2027-01-21' or "
        "'2027-01-21T09:00:00+03:00'; without an offset, the exercise's local time); "
        "default now"
    ),
]


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
    exercise: ExerciseDep,
    lang: AnswerLanguageDep,
    session: SessionDep,
    tier: TierDep,
    at: AtQuery = None,
) -> LocalizedItem:
    row = get_row(session, exercise.id, "exercise", exercise.id)
    assert row is not None, "an exercise is always stored with its own item"
    _for_tier(row, tier)
    return localized(session, row, lang, tier=tier, day=local_day(at, exercise.time_zone))


@router.get(
    "/prayer-times",
    response_model=PrayerTimes,
    responses={404: {"description": "The exercise's pack gives no prayer_times"}},
)
def read_prayer_times(
    exercise: ExerciseDep,
    lang: AnswerLanguageDep,
    session: SessionDep,
    at: AtQuery = None,
    days: Annotated[int, Query(ge=1, le=62, description="Days from `at` on")] = 1,
) -> PrayerTimes:
    """Prayer times at the camp, local time, calculated from the pack's coordinates and method.
    Public: any reader's tier may have them (they are what any mosque's board shows); the
    coordinates themselves are never answered."""
    row = get_row(session, exercise.id, "exercise", exercise.id)
    assert row is not None, "an exercise is always stored with its own item"
    spec = parse(row)
    assert isinstance(spec, ExerciseSpec)
    if spec.prayer_times is None:
        raise HTTPException(
            status_code=404,
            detail=f"exercise '{exercise.id}' gives no prayer_times (the camp's coordinates "
            "and calculation method) in its pack",
        )
    first = local_day(at, exercise.time_zone)
    timetable = [
        day_times(spec.prayer_times, date.fromordinal(first.toordinal() + n), spec.time_zone)
        for n in range(days)
    ]
    return PrayerTimes(
        exercise_id=exercise.id,
        lang=lang,
        time_zone=spec.time_zone,
        method=spec.prayer_times.method,
        days=[
            PrayerDay(
                date=times.day,
                times={name: _hhmm(times.times[name]) for name in PRAYERS},
                friday_prayer=_hhmm(times.friday_prayer) if times.friday_prayer else None,
                friday_from_pack=times.friday_from_pack,
            )
            for times in timetable
        ],
        last_updated=row.last_updated,
    )


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")


@router.get(
    "/topics/{topic}",
    response_model=ItemList,
    responses={404: {"description": "Unknown topic, or the exercise has nothing on it"}},
)
def read_topic(
    topic: str, exercise: ExerciseDep, lang: AnswerLanguageDep, session: SessionDep, tier: TierDep
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
    lang: AnswerLanguageDep,
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
    kind: KindDep,
    exercise: ExerciseDep,
    lang: AnswerLanguageDep,
    session: SessionDep,
    tier: TierDep,
    at: AtQuery = None,
) -> ItemList:
    """Every item of a kind: venue, dress_code, event, rank, contact, topic."""
    rows = rows_of_kind(session, exercise.id, kind)
    return _item_list(session, exercise.id, lang, rows, tier, local_day(at, exercise.time_zone))


@router.get(
    "/items/{kind}/{item_id}",
    response_model=LocalizedItem,
    responses={403: {"description": "Not for the asker's tier"}},
)
def read_item(
    kind: KindDep,
    item_id: str,
    exercise: ExerciseDep,
    lang: AnswerLanguageDep,
    session: SessionDep,
    tier: TierDep,
    at: AtQuery = None,
) -> LocalizedItem:
    row = get_row(session, exercise.id, kind, item_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no {kind} with id '{item_id}'")
    _for_tier(row, tier)
    return localized(session, row, lang, tier=tier, day=local_day(at, exercise.time_zone))


def _item_list(
    session: SessionDep,
    exercise_id: str,
    lang: str,
    rows: list[ItemRow],
    tier: str,
    day: date | None = None,
) -> ItemList:
    shown = [row for row in rows if readable(row, tier)]
    return ItemList(
        exercise_id=exercise_id,
        lang=lang,
        items=[localized(session, row, lang, tier=tier, day=day) for row in shown],
        withheld=len(rows) - len(shown),
    )
