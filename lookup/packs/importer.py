"""Load a validated pack into the store in one transaction: all of it or nothing."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from lookup.packs.schema import Pack
from lookup.store.database import transaction
from lookup.store.items import audit_import, delete_exercise, now, write_item
from lookup.store.models import Exercise


def import_pack(
    factory: sessionmaker[Session], pack: Pack, *, actor: str = "liaison import-pack"
) -> None:
    """Replace the exercise with the pack's id (if loaded) by the pack's content."""
    spec = pack.exercise
    with transaction(factory) as session:
        delete_exercise(session, spec.id)
        exercise = Exercise(
            id=spec.id,
            pack_format=pack.format_version,
            languages=spec.languages,
            start_date=spec.start_date,
            end_date=spec.end_date,
            time_zone=spec.time_zone,
            imported_at=now(),
        )
        session.add(exercise)
        session.flush()
        counts: dict[str, int] = {}
        for kind, item in pack.items():
            write_item(session, exercise, kind, item, actor=actor, action="import", audit=False)
            counts[kind] = counts.get(kind, 0) + 1
        audit_import(session, spec.id, actor, {"items": counts})


def is_loaded(factory: sessionmaker[Session], exercise_id: str) -> bool:
    with factory() as session:
        return session.get(Exercise, exercise_id) is not None
