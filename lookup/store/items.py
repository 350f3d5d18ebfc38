"""Reading and writing items. Every write keeps the text index in step and lands in the audit
log, inside the caller's transaction, so a failed write leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from common.textnorm import fold
from common.topics import default_audience, may_read
from lookup.packs.schema import (
    KINDS,
    MODEL_OF_KIND,
    ExerciseSpec,
    Item,
    Translations,
    translations_in,
)
from lookup.store.models import AuditEntry, Exercise, ItemText
from lookup.store.models import Item as ItemRow


def now() -> datetime:
    return datetime.now(timezone.utc)


def parse(row: ItemRow) -> Item:
    return MODEL_OF_KIND[row.kind].model_validate(row.data)


def audience_of(row: ItemRow) -> str:
    """Who may read the item: its own `audience`, else its kind's and topic's default."""
    return row.data.get("audience") or default_audience(row.kind, row.topic)


def readable(row: ItemRow, tier: str) -> bool:
    """Whether a reader of `tier` (public, participants, staff) may read this item."""
    return may_read(tier, audience_of(row))


def get_row(session: Session, exercise_id: str, kind: str, item_id: str) -> ItemRow | None:
    return session.get(ItemRow, (exercise_id, kind, item_id))


def rows_by_key(
    session: Session, exercise_id: str, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], ItemRow]:
    """These (kind, id) items in one query, by (kind, id): a search's hits (up to 50) were one
    query each through `get_row`."""
    if not keys:
        return {}
    kinds = {kind for kind, _ in keys}
    ids = {item_id for _, item_id in keys}
    statement = select(ItemRow).where(
        ItemRow.exercise_id == exercise_id, ItemRow.kind.in_(kinds), ItemRow.id.in_(ids)
    )
    return {(row.kind, row.id): row for row in session.scalars(statement)}


def rows_of_kind(
    session: Session, exercise_id: str, kind: str, topic: str | None = None
) -> list[ItemRow]:
    statement = select(ItemRow).where(ItemRow.exercise_id == exercise_id, ItemRow.kind == kind)
    if topic is not None:
        statement = statement.where(ItemRow.topic == topic)
    return list(session.scalars(statement.order_by(ItemRow.position, ItemRow.id)))


def write_item(
    session: Session,
    exercise: Exercise,
    kind: str,
    item: Item,
    *,
    actor: str,
    action: str,
    audit: bool = True,
) -> ItemRow:
    """Insert or replace an item. Texts that did not change keep their own timestamp, so the
    translation report can tell which language is older."""
    row = get_row(session, exercise.id, kind, item.id)
    before = row.data if row is not None else None
    previous = {(t.path, t.lang): t for t in row.texts} if row is not None else {}
    data = item.model_dump(mode="json", exclude_none=True)
    if row is None:
        position = session.scalar(
            select(func.coalesce(func.max(ItemRow.position), -1) + 1).where(
                ItemRow.exercise_id == exercise.id, ItemRow.kind == kind
            )
        )
        row = ItemRow(exercise_id=exercise.id, kind=kind, id=item.id, position=position)
        session.add(row)
    row.topic = getattr(item, "topic", None)
    row.data = data
    row.last_updated = item.last_updated
    row.updated_by = item.updated_by
    texts = []
    for path, translations in translations_in(item):
        for lang, text in translations.root.items():
            old = previous.get((path, lang))
            texts.append(
                ItemText(
                    path=path,
                    lang=lang,
                    text=text,
                    search_text=fold(text),
                    updated_at=old.updated_at if old and old.text == text else item.last_updated,
                )
            )
    row.texts = texts
    if isinstance(item, ExerciseSpec):
        exercise.languages = item.languages
        exercise.start_date = item.start_date
        exercise.end_date = item.end_date
        exercise.time_zone = item.time_zone
    if audit:
        session.add(_audit(actor, action, exercise.id, kind, item.id, before, data))
    session.flush()
    return row


def stored_pack(session: Session, exercise: Exercise) -> dict[str, Any]:
    """The exercise as a pack document (format 1) rebuilt from its stored items, in load order:
    what the pack loader's checks run on after an admin write."""
    section_of = {kind: section for section, (kind, _model) in KINDS.items()}
    document: dict[str, Any] = {"format_version": exercise.pack_format or 1}
    document.update({section: [] for section in KINDS})
    rows = session.scalars(
        select(ItemRow)
        .where(ItemRow.exercise_id == exercise.id)
        .order_by(ItemRow.position, ItemRow.id)
    )
    for row in rows:
        if row.kind == "exercise":
            document["exercise"] = row.data
        else:
            document[section_of[row.kind]].append(row.data)
    return document


def delete_item(session: Session, row: ItemRow, *, actor: str) -> None:
    session.add(_audit(actor, "delete", row.exercise_id, row.kind, row.id, row.data, None))
    session.delete(row)
    session.flush()


def references_to(session: Session, exercise_id: str, kind: str, item_id: str) -> list[str]:
    """Events that point at this venue or dress code (which therefore cannot be deleted)."""
    field = {"venue": "venue", "dress_code": "dress"}.get(kind)
    if field is None:
        return []
    return [
        row.id
        for row in rows_of_kind(session, exercise_id, "event")
        if getattr(parse(row), field) == item_id
    ]


def audit_import(session: Session, exercise_id: str, actor: str, summary: dict[str, Any]) -> None:
    session.add(_audit(actor, "import", exercise_id, "exercise", exercise_id, None, summary))


def recent_audit(session: Session, exercise_id: str, limit: int) -> list[AuditEntry]:
    statement = (
        select(AuditEntry)
        .where(AuditEntry.exercise_id == exercise_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return list(session.scalars(statement))


def _audit(
    actor: str,
    action: str,
    exercise_id: str,
    kind: str,
    item_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    return AuditEntry(
        at=now(),
        actor=actor,
        action=action,
        exercise_id=exercise_id,
        kind=kind,
        item_id=item_id,
        before=before,
        after=after,
    )


def delete_exercise(session: Session, exercise_id: str) -> None:
    session.execute(delete(Exercise).where(Exercise.id == exercise_id))
    session.flush()


def localize(item: Item, lang: str) -> tuple[dict[str, Any], list[str]]:
    """The item's fields with every text in `lang` (None where missing), and the missing paths."""
    missing: list[str] = []
    fields = _project(item, lang, "", missing)
    for key in ("id", "last_updated", "updated_by"):
        fields.pop(key, None)
    return fields, missing


def translated_in(item: Item, lang: str, languages: Sequence[str]) -> list[str]:
    """Of `languages` (the exercise's, in its order), those other than `lang` that have every
    text the item lacks in `lang`: what a visitor can be offered instead of an answer that is
    never filled in from another language. Empty when nothing is missing in `lang`."""
    lacking = [texts for texts in _translations(item) if texts.get(lang) is None]
    if not lacking:
        return []
    return [
        other
        for other in languages
        if other != lang and all(texts.get(other) is not None for texts in lacking)
    ]


def _translations(value: Any) -> Iterator[Translations]:
    """Every per-language text of an item, however deep."""
    if isinstance(value, Translations):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _translations(getattr(value, name))
    elif isinstance(value, dict):
        for child in value.values():
            yield from _translations(child)
    elif isinstance(value, list):
        for child in value:
            yield from _translations(child)


def _project(value: Any, lang: str, path: str, missing: list[str]) -> Any:
    if isinstance(value, Translations):
        text = value.get(lang)
        if text is None:
            missing.append(path)
        return text
    if isinstance(value, BaseModel):
        return {
            name: _project(getattr(value, name), lang, f"{path}.{name}" if path else name, missing)
            for name in type(value).model_fields
            if getattr(value, name) is not None
        }
    if isinstance(value, dict):
        return {
            key: _project(child, lang, f"{path}.{key}" if path else str(key), missing)
            for key, child in value.items()
        }
    if isinstance(value, list):
        return [
            _project(child, lang, f"{path}.{index}" if path else str(index), missing)
            for index, child in enumerate(value)
        ]
    return value.isoformat() if hasattr(value, "isoformat") else value  # dates and times


def local_time(value: datetime, time_zone: str) -> datetime:
    """A stored time in the exercise's own time zone."""
    return value.astimezone(ZoneInfo(time_zone))
