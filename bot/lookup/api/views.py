"""Turning stored rows into the API's one-language views."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.lookup.packs.schema import Event
from bot.lookup.schemas import LocalizedItem
from bot.lookup.store.items import get_row, localize, parse
from bot.lookup.store.models import Item as ItemRow


def localized(session: Session, row: ItemRow, lang: str) -> LocalizedItem:
    item = parse(row)
    view = localize(row.kind, item, lang)
    related: dict[str, LocalizedItem] = {}
    if isinstance(item, Event):
        # Times in the exercise's local time, whatever offset the pack was written with.
        zone = ZoneInfo(row.exercise.time_zone)
        view.fields["start"] = item.start.astimezone(zone).isoformat()
        view.fields["end"] = item.end.astimezone(zone).isoformat()
        for name, kind, item_id in (
            ("venue", "venue", item.venue),
            ("dress", "dress_code", item.dress),
        ):
            target = get_row(session, row.exercise_id, kind, item_id) if item_id else None
            if target is not None:
                related[name] = localized(session, target, lang)
    return LocalizedItem(
        kind=view.kind,
        id=view.id,
        lang=lang,
        last_updated=row.last_updated,
        updated_by=view.updated_by,
        fields=view.fields,
        missing_translations=view.missing_translations,
        related=related,
    )
