"""Which texts lack a language, or are older in one language than in another."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from fastapi import APIRouter
from sqlalchemy import select

from lookup.api.deps import ExerciseDep, SessionDep
from lookup.packs.schema import translations_in
from lookup.schemas import MissingTranslation
from lookup.store.items import parse, rows_of_kind
from lookup.store.models import Item as ItemRow
from lookup.store.models import ItemText

router = APIRouter(prefix="/v1", tags=["read"])


@router.get("/translations/incomplete", response_model=list[MissingTranslation])
def incomplete_translations(exercise: ExerciseDep, session: SessionDep) -> list[MissingTranslation]:
    stamps: dict[tuple[str, str, str], dict[str, datetime]] = defaultdict(dict)
    statement = select(ItemText).where(ItemText.exercise_id == exercise.id)
    for text in session.scalars(statement):
        stamps[(text.kind, text.item_id, text.path)][text.lang] = text.updated_at
    kinds = session.scalars(
        select(ItemRow.kind).where(ItemRow.exercise_id == exercise.id).distinct()
    )
    report = []
    for kind in sorted(kinds):
        for row in rows_of_kind(session, exercise.id, kind):
            for path, _ in translations_in(parse(row)):
                present = stamps[(kind, row.id, path)]
                newest = max(present.values())
                missing = [lang for lang in exercise.languages if lang not in present]
                stale = [lang for lang, at in present.items() if at < newest]
                if missing or stale:
                    report.append(
                        MissingTranslation(
                            kind=kind,
                            id=row.id,
                            path=path,
                            missing=missing,
                            stale=sorted(stale),
                            newest=newest,
                        )
                    )
    return report
