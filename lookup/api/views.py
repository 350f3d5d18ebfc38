"""Turning stored rows into the API's one-language views."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from common.topics import STAFF
from lookup.briefing.ramadan import ramadan_for
from lookup.packs.schema import Event, ExerciseSpec, Item, Venue
from lookup.schemas import LocalizedItem
from lookup.store.items import get_row, local_time, localize, parse, readable, translated_in
from lookup.store.models import Item as ItemRow


def localized(
    session: Session,
    row: ItemRow,
    lang: str,
    item: Item | None = None,
    tier: str = STAFF,
    day: date | None = None,
) -> LocalizedItem:
    """`item` is the row already parsed, when the caller has it; related items the `tier` may
    not read are left out (callers check the row itself). `day` is the exercise's local date the
    answer is for (Ramadan or not): the `at=` of the request, else today."""
    item = item or parse(row)
    fields, missing = localize(item, lang)
    related: dict[str, LocalizedItem] = {}
    if isinstance(item, Event):
        # Times in the exercise's local time, whatever offset the pack was written with.
        zone = row.exercise.time_zone
        fields["start"] = local_time(item.start, zone).isoformat()
        fields["end"] = local_time(item.end, zone).isoformat()
        for name, kind, item_id in (
            ("venue", "venue", item.venue),
            ("dress", "dress_code", item.dress),
        ):
            target = get_row(session, row.exercise_id, kind, item_id) if item_id else None
            if target is not None and readable(target, tier):
                related[name] = localized(session, target, lang, tier=tier, day=day)
    if isinstance(item, ExerciseSpec):
        # Whether it is Ramadan on the exercise's local date: answers that change then ask.
        fields["ramadan_today"] = in_ramadan(session, row, day or today(item.time_zone))
        if tier != STAFF and isinstance(fields.get("prayer_times"), dict):
            # The camp's coordinates only feed the prayer-time calculation; visitors never
            # need them, and where the camp is exactly is not theirs to be told (OPSEC).
            fields["prayer_times"].pop("latitude", None)
            fields["prayer_times"].pop("longitude", None)
    if isinstance(item, Venue) and item.hours and item.hours.ramadan and "hours" in fields:
        # The hours in force on the exercise's local date: Ramadan's during Ramadan.
        ramadan = in_ramadan(session, row, day or today(row.exercise.time_zone))
        fields["hours"]["in_force"] = "ramadan" if ramadan else "weekly"
        fields["hours"]["current"] = dict(item.hours.ramadan if ramadan else item.hours.weekly)
    return LocalizedItem(
        kind=row.kind,
        id=row.id,
        lang=lang,
        last_updated=row.last_updated,
        updated_by=row.updated_by,
        fields=fields,
        missing_translations=missing,
        available_in=translated_in(item, lang, row.exercise.languages) if missing else [],
        related=related,
    )


def now() -> datetime:
    """The moment answers are given for (tests fix it)."""
    return datetime.now(timezone.utc)


def today(time_zone: str) -> date:
    """The exercise's local date now."""
    return now().astimezone(ZoneInfo(time_zone)).date()


def local_day(at: date | datetime | None, time_zone: str) -> date:
    """The exercise's local date an `at=` names: a date as given, a datetime with an offset
    turned into the exercise's time zone (one without is local already), nothing today."""
    if at is None:
        return today(time_zone)
    if isinstance(at, datetime):
        return (at.astimezone(ZoneInfo(time_zone)) if at.tzinfo else at).date()
    return at


def in_ramadan(session: Session, row: ItemRow, day: date) -> bool:
    """Whether `day` is a day of Ramadan where the exercise is: the pack's announced dates, else
    the Umm al-Qura calendar's expected ones."""
    exercise_row = get_row(session, row.exercise_id, "exercise", row.exercise_id)
    if exercise_row is None:
        return False
    spec = parse(exercise_row)
    assert isinstance(spec, ExerciseSpec)
    ramadan = ramadan_for(day, day, spec.ramadan)
    return ramadan is not None and ramadan.start <= day <= ramadan.end
