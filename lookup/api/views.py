"""Turning stored rows into the API's one-language views."""

from __future__ import annotations

from sqlalchemy.orm import Session

from common.topics import STAFF
from lookup.packs.schema import Event, Item
from lookup.schemas import LocalizedItem
from lookup.store.items import get_row, local_time, localize, parse, readable
from lookup.store.models import Item as ItemRow


def localized(
    session: Session, row: ItemRow, lang: str, item: Item | None = None, tier: str = STAFF
) -> LocalizedItem:
    """`item` is the row already parsed, when the caller has it; related items the `tier` may
    not read are left out (callers check the row itself)."""
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
                related[name] = localized(session, target, lang, tier=tier)
    return LocalizedItem(
        kind=row.kind,
        id=row.id,
        lang=lang,
        last_updated=row.last_updated,
        updated_by=row.updated_by,
        fields=fields,
        missing_translations=missing,
        related=related,
    )
