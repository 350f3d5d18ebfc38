"""Load a validated pack into the store in one transaction: all of it or nothing."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session, sessionmaker

from bot.lookup.packs.schema import Pack
from bot.lookup.store.database import transaction
from bot.lookup.store.models import Exercise, TopicItem


def import_pack(factory: sessionmaker[Session], pack: Pack) -> Exercise:
    """Replace the exercise with the pack's id (if loaded) by the pack's content."""
    spec = pack.exercise
    with transaction(factory) as session:
        existing = session.get(Exercise, spec.id)
        if existing is not None:
            session.delete(existing)
            session.flush()
        exercise = Exercise(
            id=spec.id,
            pack_format=pack.format_version,
            name=spec.name,
            languages=spec.languages,
            start_date=spec.start_date,
            end_date=spec.end_date,
            time_zone=spec.time_zone,
            imported_at=datetime.now(timezone.utc),
        )
        exercise.topics = [
            TopicItem(
                id=item.id,
                topic=item.topic,
                position=position,
                title=item.title,
                text=item.text,
                last_updated=item.last_updated,
                updated_by=item.updated_by,
            )
            for position, item in enumerate(pack.topics)
        ]
        session.add(exercise)
    return exercise


def is_loaded(factory: sessionmaker[Session], exercise_id: str) -> bool:
    with factory() as session:
        return session.get(Exercise, exercise_id) is not None
